"""API operations on certificates: the holder's list and public verification."""

from datetime import date

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from protectnet.access.routes import requires
from protectnet.api.auth import OptionalTokenAuth
from protectnet.api.paging import AFTER_HELP, page
from protectnet.training import selectors
from protectnet.training.verification import Throttled, verify

from .common import Paging

router = Router()

COURSE_TITLE_LANG_HELP = (
    "The language course_title is written in, as a language code of the site (km, th, "
    "zh-hant...): the holder's language where the course has a title in it, else the course's "
    "original language; empty on certificates issued before the language was recorded"
)


class CertificatePaging(Paging):
    after: str = Field("", max_length=500, description=AFTER_HELP)


class CertificateOut(Schema):
    id: int
    course_title: str
    course_title_lang: str = Field(..., description=COURSE_TITLE_LANG_HELP)
    holder_name: str
    start_date: date
    end_date: date
    issuing_organisation: str
    valid: bool
    download_url: str


class VerificationOut(Schema):
    valid: bool
    reason: str = Field("", description="Why the certificate is not valid; empty when valid")
    holder_name: str
    course_title: str
    course_title_lang: str = Field(..., description=COURSE_TITLE_LANG_HELP)
    start_date: date
    end_date: date
    issuing_organisation: str


@router.get("/certificates", response=list[CertificateOut], summary="Certificates you may see")
@requires("training.certificate.download")
def training_certificate_list(request, response: HttpResponse, paging: Query[CertificatePaging]):
    """Newest first; the `Link` header names the next page (`rel="next"`)."""
    result = page(
        request,
        response,
        selectors.certificate_list(user=request.user),
        order=("-issued_at", "pk"),
        after=paging.after,
        offset=paging.offset,
        limit=paging.limit,
    )
    return [
        {
            "id": c.pk,
            "course_title": c.course_title,
            "course_title_lang": c.course_title_lang,
            "holder_name": c.holder_name,
            "start_date": c.start_date,
            "end_date": c.end_date,
            "issuing_organisation": c.issuing_organisation,
            "valid": c.is_valid,
            "download_url": f"/training/certificates/{c.pk}/certificate.pdf",
        }
        for c in result.items
    ]


@router.get(
    "/certificates/verify/{code}",
    response=VerificationOut,
    auth=OptionalTokenAuth(),
    summary="Verify a certificate (public, rate limited)",
)
@requires("training.certificate.verify")
def training_certificate_verify(request, code: str):
    try:
        certificate = verify(request, code)
    except Throttled as exc:
        raise HttpError(429, _("Too many checks from this address. Try again later.")) from exc
    if certificate is None:
        raise Http404
    return {
        "valid": certificate.is_valid,
        "reason": certificate.public_revocation_reason,
        "holder_name": certificate.public_holder_name,
        "course_title": certificate.course_title,
        "course_title_lang": certificate.course_title_lang,
        "start_date": certificate.start_date,
        "end_date": certificate.end_date,
        "issuing_organisation": certificate.issuing_organisation,
    }
