"""The certificate PDF: WeasyPrint with the Noto fonts of every script, and a QR code that opens
the public verification page."""

import segno
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html

from protectnet.core.pdf import render_pdf

from .models import Certificate


def verification_url(certificate: Certificate) -> str:
    path = reverse("training:certificate_verify", args=[certificate.code])
    return settings.SITE_URL.rstrip("/") + path


def certificate_context(certificate: Certificate) -> dict:
    url = verification_url(certificate)
    qr = segno.make(url, error="m")
    # The title is in the holder's language, which may not be the reader's: marked, so that
    # its script gets its font and line height.
    lang = (
        format_html(' lang="{}"', certificate.course_title_lang)
        if certificate.course_title_lang
        else ""
    )
    return {
        "certificate": certificate,
        "holder_html": format_html('<span class="holder">{}</span>', certificate.holder_name),
        "course_html": format_html(
            '<span class="course"{}>{}</span>', lang, certificate.course_title
        ),
        "verify_url": url,
        "qr_data_uri": qr.png_data_uri(scale=4, border=2),
    }


def certificate_pdf(certificate: Certificate, *, request=None) -> bytes:
    context = certificate_context(certificate)
    return render_pdf("training/pdf/certificate.html", context, request=request)
