"""PDFs with WeasyPrint. The base stylesheet names Noto fonts for every script of the network."""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import get_valid_filename


def render_pdf(template_name: str, context: dict, *, request=None) -> bytes:
    from weasyprint import HTML  # imported late: it loads system libraries

    html = render_to_string(template_name, context, request=request)
    base_url = str(settings.BASE_DIR / "protectnet" / "static")
    return HTML(string=html, base_url=base_url).write_pdf()


def pdf_response(data: bytes, filename: str, *, inline: bool = False) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{get_valid_filename(filename)}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response
