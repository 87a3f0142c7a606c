"""API writes of the participants: my registration (with breakouts) and the feedback survey.

Input is validated by the very forms the pages use and written by the same services, so the
policy, the seat locks, the terminology check and the audit log apply alike. A refused form
answers 422 with messages per field; a blocking language note answers 422 with code
"terminology" and the findings, and the same call with `terminology_confirmed: true` saves.
The operations join the workshops router (see the end of workshops.py).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.http import Http404
from ninja import Field, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from protectnet.access.guard import api_user
from protectnet.api.terminology import FindingOut
from protectnet.terminology.forms import CONFIRM_FIELD
from protectnet.workshops.forms import FeedbackForm, RegistrationForm
from protectnet.workshops.models import Session, SessionKind
from protectnet.workshops.selectors import editions as sel
from protectnet.workshops.selectors import registrations as regs
from protectnet.workshops.services import feedback as feedback_svc
from protectnet.workshops.services import registrations as registration_svc
from protectnet.workshops.services.registrations import FORM_FIELDS, SeatsFull

from .workshops import router

TEXT = 5000


class InvalidOut(Schema):
    detail: str
    code: str
    errors: list[dict[str, list[str]]]
    findings: dict[str, list[FindingOut]] = {}


def refusal(form) -> Status | None:
    """None when the form is valid, else the 422 answer: field messages and language notes."""
    if form.is_valid():
        return None
    findings = getattr(form, "terminology_findings", {})
    blocking = any(f.blocking for items in findings.values() for f in items)
    errors = {name: list(messages) for name, messages in form.errors.items()}
    if blocking and not form.cleaned_data.get(CONFIRM_FIELD):
        body = {
            "detail": "The text uses discouraged terms: review the findings, or send "
            "terminology_confirmed: true to save anyway.",
            "code": "terminology",
            "errors": [errors],
            "findings": {k: [f.to_dict() for f in v] for k, v in findings.items()},
        }
    else:
        body = {"detail": "The data is not valid.", "code": "invalid", "errors": [errors]}
    return Status(422, body)


def field_error(name: str, message: str) -> ValidationError:
    return ValidationError({name: [message]})


# --- my registration ---------------------------------------------------------------------------
class RegistrationIn(Schema):
    """Fields left out keep their current value (or stay empty on a first registration)."""

    gender: str = Field(None, max_length=64)
    consent_participant_list: bool = None
    needs_visa_letter: bool = None
    arrival_on: date | None = None
    departure_on: date | None = None
    dietary_needs: str = Field(None, max_length=TEXT)
    accessibility_needs: str = Field(None, max_length=TEXT)
    passport_full_name: str = Field(None, max_length=255)
    passport_number: str = Field(None, max_length=32)
    passport_nationality: str = Field(None, max_length=64)
    passport_expiry: date | None = None
    date_of_birth: date | None = None
    emergency_contact_name: str = Field(None, max_length=255)
    emergency_contact_phone: str = Field(None, max_length=32)
    arrival_details: str = Field(None, max_length=255)
    departure_details: str = Field(None, max_length=255)
    breakouts: list[int] | None = Field(
        None, max_length=50, description="The breakout session ids chosen (the whole set)."
    )


# Dates a caller may clear with null; a null for any other field means "leave as it is".
NULLABLE = {"arrival_on", "departure_on", "passport_expiry", "date_of_birth"}


class MyRegistrationOut(Schema):
    id: int
    workshop_id: int
    status: str
    country: str | None
    gender: str
    consent_participant_list: bool
    needs_visa_letter: bool
    arrival_on: date | None
    departure_on: date | None
    dietary_needs: str
    accessibility_needs: str
    passport_full_name: str
    passport_number: str
    passport_nationality: str
    passport_expiry: date | None
    date_of_birth: date | None
    emergency_contact_name: str
    emergency_contact_phone: str
    arrival_details: str
    departure_details: str
    breakouts: list[int]
    days_checked_in: list[date]

    @staticmethod
    def resolve_country(obj) -> str | None:
        return str(obj.country.code) if obj.country else None

    @staticmethod
    def resolve_breakouts(obj) -> list[int]:
        return sorted(c.session_id for c in obj.session_choices.all())

    @staticmethod
    def resolve_days_checked_in(obj) -> list[date]:
        return [a.day for a in obj.day_attendance.all()]


def _mine(request, workshop_id: int):
    """(user, workshop, invitation, registration or None); 404 without an invitation."""
    user = api_user(request)
    workshop = sel.workshop_get(user=user, id=workshop_id)
    invitation = regs.my_invitation(user=user, workshop=workshop)
    if invitation is None:
        raise Http404
    return user, workshop, invitation, regs.my_registration(user=user, workshop=workshop)


def _read_back(request, user, workshop):
    """The registration as stored, its sensitive fields read (and audited) as the page does."""
    registration = regs.my_registration(user=user, workshop=workshop)
    registration_svc.sensitive_read(actor=user, registration=registration, request=request)
    return registration


@router.get("/workshops/{workshop_id}/registration", response=MyRegistrationOut)
def workshop_registration_get(request, workshop_id: int):
    user, workshop, _invitation, current = _mine(request, workshop_id)
    if current is None:
        raise Http404
    return _read_back(request, user, workshop)


def _breakouts(workshop, ids: list[int] | None) -> list[Session] | None:
    if ids is None:
        return None
    sessions = list(
        Session.objects.filter(workshop=workshop, kind=SessionKind.BREAKOUT, pk__in=set(ids))
    )
    if len(sessions) != len(set(ids)):
        raise field_error("breakouts", "Choose breakout sessions of this workshop.")
    return sessions


@router.put(
    "/workshops/{workshop_id}/registration",
    response={200: MyRegistrationOut, 201: MyRegistrationOut, 422: InvalidOut},
)
def workshop_registration_put(request, workshop_id: int, payload: RegistrationIn):
    user, workshop, invitation, current = _mine(request, workshop_id)
    active = current if current is not None and current.is_active else None
    given = payload.dict(exclude_unset=True)
    breakouts = _breakouts(workshop, given.pop("breakouts", None))
    data = model_to_dict(active, fields=FORM_FIELDS) if active else {}
    data.update({k: v for k, v in given.items() if v is not None or k in NULLABLE})
    form = RegistrationForm(data, instance=active, workshop=workshop)
    if (refused := refusal(form)) is not None:
        return refused
    try:
        registration_svc.registration_save(
            actor=user, invitation=invitation, data=form.data_for_service(), breakouts=breakouts
        )
    except SeatsFull as exc:
        raise HttpError(409, " ".join(exc.messages)) from exc
    return Status(200 if active else 201, _read_back(request, user, workshop))


@router.post("/workshops/{workshop_id}/registration/cancel", response=MyRegistrationOut)
def workshop_registration_cancel(request, workshop_id: int):
    """Idempotent: cancelling a cancelled registration answers it unchanged."""
    user, workshop, _invitation, current = _mine(request, workshop_id)
    if current is None:
        raise Http404
    registration_svc.registration_cancel(actor=user, registration=current)
    return _read_back(request, user, workshop)


# --- feedback ----------------------------------------------------------------------------------
class SessionRatingIn(Schema):
    session_id: int = Field(..., ge=1)
    rating: int


class FeedbackIn(Schema):
    overall_rating: int
    knowledge_before: int | None = None
    knowledge_after: int | None = None
    comments: str = Field("", max_length=TEXT)
    anonymous: bool = False
    session_ratings: list[SessionRatingIn] = Field([], max_length=500)
    terminology_confirmed: bool = False


class FeedbackCreatedOut(Schema):
    anonymous: bool
    session_ratings: int


@router.post(
    "/workshops/{workshop_id}/feedback",
    response={201: FeedbackCreatedOut, 422: InvalidOut},
)
def workshop_feedback_create(request, workshop_id: int, payload: FeedbackIn):
    user, workshop, _invitation, current = _mine(request, workshop_id)
    if current is None or not current.is_active:
        raise Http404
    if not feedback_svc.feedback_window_open(workshop):
        raise HttpError(409, "The feedback survey opens when the workshop starts.")
    sessions = list(sel.session_list(user=user, workshop=workshop))
    known = {s.pk for s in sessions}
    rated = [r.session_id for r in payload.session_ratings]
    if set(rated) - known or len(rated) != len(set(rated)):
        raise field_error("session_ratings", "Rate each session of this workshop at most once.")
    data = payload.dict(exclude={"session_ratings"})
    data.update({f"session_{r.session_id}": r.rating for r in payload.session_ratings})
    form = FeedbackForm({k: v for k, v in data.items() if v is not None}, sessions=sessions)
    if (refused := refusal(form)) is not None:
        return refused
    try:
        feedback_svc.feedback_submit(actor=user, registration=current, **form.service_fields())
    except ValidationError as exc:
        if exc.code == "already_answered":
            raise HttpError(409, " ".join(exc.messages)) from exc
        raise
    return Status(201, {"anonymous": form.cleaned_data["anonymous"], "session_ratings": len(rated)})
