"""The person's training certificates on their own page (My workshops): each with its PDF and
the public verification page to give to whoever asks for proof."""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from protectnet.core.mine import Entry, Link, MySection

from . import selectors
from .models import Certificate


def section(user) -> MySection | None:
    if not user.is_authenticated:
        return None
    entries = [_entry(c) for c in selectors.my_certificates(user=user)]
    return MySection(
        title=_("Your training certificates"),
        entries=entries,
        empty=_("You hold no training certificate yet: one is issued when you complete a course."),
        more_url=reverse("training:my_training"),
        more_text=_("My courses"),
        order=10,
    )


def _entry(certificate: Certificate) -> Entry:
    detail = _("%(start)s – %(end)s · issued by %(issuer)s") % {
        "start": date_format(certificate.start_date),
        "end": date_format(certificate.end_date),
        "issuer": certificate.issuing_organisation,
    }
    verify = Link(
        _("Verification page"), reverse("training:certificate_verify", args=[certificate.code])
    )
    if not certificate.is_valid:
        status = pgettext("certificate", "Withdrawn: %(reason)s") % {
            "reason": certificate.public_revocation_reason
        }
        return Entry(certificate.course_title, detail, status, links=(verify,))
    pdf = Link(
        _("Download the certificate (PDF)"),
        reverse("training:certificate_download", args=[certificate.pk]),
        download=True,
    )
    return Entry(
        certificate.course_title,
        detail,
        _("Valid"),
        code=certificate.code,
        code_label=_("Verification code"),
        links=(pdf, verify),
    )
