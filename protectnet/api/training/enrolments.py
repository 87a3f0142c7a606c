"""API operations on a delivery's trainees: nominations, attendance and results."""

from datetime import date
from typing import Literal

from django.http import Http404
from ninja import Field, Router, Schema
from ninja.responses import Status

from protectnet.access.routes import requires
from protectnet.training import selectors, services

router = Router()


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


@router.get("/deliveries/{delivery_id}/enrolments", response=list[EnrolmentOut], summary="Trainees")
@requires("training.course.view")
def training_enrolment_list(request, delivery_id: int):
    delivery = selectors.delivery_get(user=request.user, pk=delivery_id)
    return [
        _enrolment_out(e) for e in selectors.enrolment_list(user=request.user, delivery=delivery)
    ]


@router.post(
    "/deliveries/{delivery_id}/enrolments",
    response={201: EnrolmentCreated},
    summary="Enrol a nominated trainee (never beyond capacity)",
)
@requires("training.enrolment.nominate")
def training_enrolment_create(request, delivery_id: int, payload: EnrolmentIn):
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
@requires("training.course.view")
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
@requires("training.delivery.manage")
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
@requires("training.course.view")
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
