"""Check-in at the venue: a badge scan or a participant picked by the organisers."""

from datetime import date

from ninja import Field, Router, Schema
from ninja.responses import Status

from protectnet.access.guard import api_user
from protectnet.access.routes import requires
from protectnet.workshops.selectors import editions as sel
from protectnet.workshops.services import checkin as checkin_svc

from .common import TAGS

router = Router(tags=TAGS)


class CheckInIn(Schema):
    day: date
    code: str = Field("", max_length=300)
    registration_id: int | None = Field(None, ge=1)
    session_id: int | None = Field(None, ge=1)


class CheckInOut(Schema):
    registration_id: int
    day: date
    created: bool


@router.post(
    "/workshops/{workshop_id}/check-ins",
    response={200: CheckInOut, 201: CheckInOut},
    summary="Workshop Checkin Create",
)
@requires("workshops.checkin")
def workshops_checkin_create(request, workshop_id: int, payload: CheckInIn):
    user = api_user(request)
    workshop = sel.workshop_get(user=user, id=workshop_id)
    session = None
    if payload.session_id:
        session = sel.workshop_session_get(workshop=workshop, id=payload.session_id)
    result = checkin_svc.checkin_record(
        actor=user,
        workshop=workshop,
        day=payload.day,
        code=payload.code,
        registration_id=payload.registration_id,
        session=session,
    )
    out = {"registration_id": result.registration.pk, "day": result.day, "created": result.created}
    return Status(201 if result.created else 200, out)
