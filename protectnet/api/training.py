"""API operations for the training app (see access/rules.py for who may call each one).

Reads go through the same selectors as the pages; writes through the same services, so the
capacity lock, the policy and the audit log apply alike.
"""

from datetime import date, datetime
from typing import Literal

from django.http import Http404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from protectnet.access.policy import get_visible_or_404, visible
from protectnet.api.auth import OptionalTokenAuth
from protectnet.network.models import Country, Organisation
from protectnet.training import selectors, services
from protectnet.training.verification import Throttled, verify

from .training_bank import router as bank_router

router = Router(tags=["training"])
router.add_router("", bank_router)
MAX_LIMIT = 100
SECTORS = Literal[
    "law_enforcement", "government", "ngo", "education", "charity", "international", "diplomatic"
]


class Paging(Schema):
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=100_000)


class CourseOut(Schema):
    id: int
    title: str
    summary: str
    learning_objectives: list[str]
    audience_sectors: list[str]
    audience_roles: str
    duration_hours: int
    modules: list[str]
    languages: list[str]
    delivering_organisation: str
    library_links: list[str]
    attendance_threshold: int
    pass_mark: int


class CoursePage(Schema):
    count: int
    items: list[CourseOut]


class CourseIn(Schema):
    title: str = Field(..., min_length=1, max_length=200)
    summary: str = Field(..., min_length=1, max_length=20_000)
    learning_objectives: list[str] = Field(default_factory=list, max_length=50)
    audience_sectors: list[SECTORS] = Field(default_factory=list)
    audience_roles: str = Field("", max_length=255)
    duration_hours: int = Field(..., ge=1, le=2000)
    modules: list[str] = Field(default_factory=list, max_length=50)
    languages: list[str] = Field(default_factory=list, max_length=20)
    delivering_organisation: int = Field(..., ge=1)
    library_links: list[str] = Field(default_factory=list, max_length=50)
    attendance_threshold: int = Field(80, ge=0, le=100)
    pass_mark: int = Field(70, ge=0, le=100)


class DeliveryOut(Schema):
    id: int
    course_id: int
    course_title: str
    start_date: date
    end_date: date
    mode: str
    place: str
    host_country: str
    language: str
    capacity: int
    seats_taken: int
    trainers: list[str]
    pre_test_opens_at: datetime | None
    pre_test_closes_at: datetime | None
    post_test_opens_at: datetime | None
    post_test_closes_at: datetime | None


class DeliveryPage(Schema):
    count: int
    items: list[DeliveryOut]


class DeliveryIn(Schema):
    start_date: date
    end_date: date
    mode: Literal["in_person", "online", "blended"] = "in_person"
    place: str = Field("", max_length=255)
    host_country: str = Field(..., min_length=2, max_length=2, description="ISO code, e.g. KH")
    language: str = Field(..., min_length=2, max_length=16)
    capacity: int = Field(..., ge=1, le=1000)


class EnrolmentOut(Schema):
    id: int
    delivery_id: int
    person_id: int
    name: str
    organisation: str
    country: str
    status: str


class EnrolmentIn(Schema):
    person: int = Field(..., ge=1)
    organisation: int = Field(..., ge=1)
    invite: bool = Field(False, description="Invite them to create an account if they have none")


class EnrolmentCreated(EnrolmentOut):
    invitation: Literal["", "sent", "has_account", "no_email", "not_allowed", "refused"] = Field(
        "", description="What happened to the invitation asked for; empty when none was asked"
    )


class AttendanceOut(Schema):
    enrolment_id: int
    day: date
    present: bool


class AttendanceIn(Schema):
    day: date
    present: list[int] = Field(default_factory=list, description="Enrolment ids present")


class ResultOut(Schema):
    enrolment_id: int
    name: str
    status: str
    attendance_percent: int | None
    pre_test_percent: float | None
    post_test_percent: float | None
    certificate: Literal["", "valid", "revoked"]


class CertificateOut(Schema):
    id: int
    course_title: str
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
    start_date: date
    end_date: date
    issuing_organisation: str


def _lines(items: list[str]) -> str:
    return "\n".join(i.strip() for i in items if i.strip())


def _course_out(c) -> dict:
    return {
        "id": c.pk,
        "title": c.title,
        "summary": c.summary,
        "learning_objectives": c.objective_list,
        "audience_sectors": c.audience_sectors,
        "audience_roles": c.audience_roles,
        "duration_hours": c.duration_hours,
        "modules": c.module_list,
        "languages": c.languages,
        "delivering_organisation": c.delivering_organisation.name,
        "library_links": c.library_links,
        "attendance_threshold": c.attendance_threshold,
        "pass_mark": c.pass_mark,
    }


def _delivery_out(d) -> dict:
    return {
        "id": d.pk,
        "course_id": d.course_id,
        "course_title": d.course.title,
        "start_date": d.start_date,
        "end_date": d.end_date,
        "mode": d.mode,
        "place": d.place,
        "host_country": str(d.host_country.code),
        "language": d.language,
        "capacity": d.capacity,
        "seats_taken": getattr(d, "seats_taken", 0),
        "trainers": [t.display_name for t in d.trainers.all()],
        "pre_test_opens_at": d.pre_test_opens_at,
        "pre_test_closes_at": d.pre_test_closes_at,
        "post_test_opens_at": d.post_test_opens_at,
        "post_test_closes_at": d.post_test_closes_at,
    }


def _enrolment_out(e) -> dict:
    return {
        "id": e.pk,
        "delivery_id": e.delivery_id,
        "person_id": e.person_id,
        "name": e.person.display_name,
        "organisation": e.organisation.name,
        "country": str(e.organisation.country.code),
        "status": e.status,
    }


def _page(qs, paging: Paging) -> dict:
    return {"count": qs.count(), "items": list(qs[paging.offset : paging.offset + paging.limit])}


def _links_ok(links: list[str]) -> None:
    for link in links:
        if not (link.isdigit() or link.startswith(("https://", "http://", "/library/"))):
            raise HttpError(422, "Library materials must be resource numbers or addresses.")


@router.get("/courses", response=CoursePage, summary="Course catalogue")
def course_list(request, paging: Query[Paging]):
    page = _page(selectors.course_list(user=request.user), paging)
    return {"count": page["count"], "items": [_course_out(c) for c in page["items"]]}


@router.get("/courses/{course_id}", response=CourseOut, summary="One course")
def course_get(request, course_id: int):
    return _course_out(selectors.course_get(user=request.user, pk=course_id))


@router.post("/courses", response={201: CourseOut}, summary="Add a course")
def course_create(request, payload: CourseIn):
    _links_ok(payload.library_links)
    organisation = get_visible_or_404(
        request.user, Organisation.objects.all(), pk=payload.delivering_organisation
    )
    data = payload.dict()
    data.update(
        delivering_organisation=organisation,
        learning_objectives=_lines(payload.learning_objectives),
        modules=_lines(payload.modules),
        languages=[code.lower() for code in payload.languages],
    )
    course = services.course_create(actor=request.user, data=data, request=request)
    return Status(201, _course_out(course))


@router.get("/deliveries", response=DeliveryPage, summary="Deliveries (cohorts)")
def delivery_list(request, paging: Query[Paging], course: int | None = None):
    course_obj = selectors.course_get(user=request.user, pk=course) if course else None
    count, items = selectors.delivery_page(
        user=request.user, course=course_obj, offset=paging.offset, limit=paging.limit
    )
    return {"count": count, "items": [_delivery_out(d) for d in items]}


@router.get("/deliveries/{delivery_id}", response=DeliveryOut, summary="One delivery")
def delivery_get(request, delivery_id: int):
    return _delivery_out(selectors.delivery_get(user=request.user, pk=delivery_id))


@router.post(
    "/courses/{course_id}/deliveries", response={201: DeliveryOut}, summary="Schedule a delivery"
)
def delivery_create(request, course_id: int, payload: DeliveryIn):
    course = selectors.course_get(user=request.user, pk=course_id)
    countries = visible(request.user, Country.objects.all())
    country = countries.filter(code=payload.host_country.upper()).first()
    if country is None:
        raise HttpError(422, "Unknown host country.")
    data = payload.dict()
    data["host_country"] = country
    delivery = services.delivery_create(actor=request.user, course=course, data=data)
    return Status(201, _delivery_out(selectors.delivery_get(user=request.user, pk=delivery.pk)))


@router.get("/deliveries/{delivery_id}/enrolments", response=list[EnrolmentOut], summary="Trainees")
def enrolment_list(request, delivery_id: int):
    delivery = selectors.delivery_get(user=request.user, pk=delivery_id)
    return [
        _enrolment_out(e) for e in selectors.enrolment_list(user=request.user, delivery=delivery)
    ]


@router.post(
    "/deliveries/{delivery_id}/enrolments",
    response={201: EnrolmentCreated},
    summary="Enrol a nominated trainee (never beyond capacity)",
)
def enrolment_create(request, delivery_id: int, payload: EnrolmentIn):
    delivery = selectors.delivery_get(user=request.user, pk=delivery_id)
    candidates = selectors.nomination_candidates(user=request.user, delivery=delivery)
    membership = candidates.filter(
        person_id=payload.person, organisation_id=payload.organisation
    ).first()
    if membership is None:
        raise Http404
    enrolment = services.enrolment_create(
        actor=request.user,
        delivery=delivery,
        person=membership.person,
        organisation=membership.organisation,
        request=request,
    )
    invitation = ""
    if payload.invite:
        invitation = services.enrolment_invite(
            actor=request.user, enrolment=enrolment, request=request
        )
    out = _enrolment_out(selectors.enrolment_get(user=request.user, pk=enrolment.pk))
    return Status(201, {**out, "invitation": invitation})


@router.get(
    "/deliveries/{delivery_id}/attendance", response=list[AttendanceOut], summary="Attendance"
)
def training_attendance_list(request, delivery_id: int):
    delivery = selectors.delivery_get(user=request.user, pk=delivery_id)
    return [
        {"enrolment_id": e.pk, "day": a.day, "present": a.present}
        for e in selectors.enrolment_list(user=request.user, delivery=delivery)
        for a in e.attendance.all()
    ]


@router.post(
    "/deliveries/{delivery_id}/attendance",
    response={200: list[AttendanceOut]},
    summary="Record one day (ticked present, others absent)",
)
def training_attendance_record(request, delivery_id: int, payload: AttendanceIn):
    delivery = selectors.delivery_get(
        user=request.user, pk=delivery_id, action="training.delivery.manage"
    )
    services.attendance_record(
        actor=request.user,
        delivery=delivery,
        day=payload.day,
        present_ids=set(payload.present),
        request=request,
    )
    return training_attendance_list(request, delivery_id)


@router.get(
    "/deliveries/{delivery_id}/results", response=list[ResultOut], summary="Scores and completion"
)
def training_result_list(request, delivery_id: int):
    delivery = selectors.delivery_get(user=request.user, pk=delivery_id)
    out = []
    for e in selectors.enrolment_list(user=request.user, delivery=delivery):
        cert = e.certificate_or_none
        out.append(
            {
                "enrolment_id": e.pk,
                "name": e.person.display_name,
                "status": e.status,
                "attendance_percent": e.attendance_rate(),
                "pre_test_percent": e.pre.percent if e.pre else None,
                "post_test_percent": e.post.percent if e.post else None,
                "certificate": ("valid" if cert.is_valid else "revoked") if cert else "",
            }
        )
    return out


@router.get("/certificates", response=list[CertificateOut], summary="Certificates you may see")
def certificate_list(request, paging: Query[Paging]):
    qs = selectors.certificate_list(user=request.user)
    return [
        {
            "id": c.pk,
            "course_title": c.course_title,
            "holder_name": c.holder_name,
            "start_date": c.start_date,
            "end_date": c.end_date,
            "issuing_organisation": c.issuing_organisation,
            "valid": c.is_valid,
            "download_url": f"/training/certificates/{c.pk}/certificate.pdf",
        }
        for c in qs[paging.offset : paging.offset + paging.limit]
    ]


@router.get(
    "/certificates/verify/{code}",
    response=VerificationOut,
    auth=OptionalTokenAuth(),
    summary="Verify a certificate (public, rate limited)",
)
def certificate_verify(request, code: str):
    try:
        certificate = verify(request, code)
    except Throttled as exc:
        raise HttpError(429, "Too many checks from this address. Try again later.") from exc
    if certificate is None:
        raise Http404
    return {
        "valid": certificate.is_valid,
        "reason": certificate.public_revocation_reason,
        "holder_name": certificate.public_holder_name,
        "course_title": certificate.course_title,
        "start_date": certificate.start_date,
        "end_date": certificate.end_date,
        "issuing_organisation": certificate.issuing_organisation,
    }
