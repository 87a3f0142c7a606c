"""The feedback survey: participants answer it, organisers read its headline figures.

A blocking language note in the comments answers 422 with code "terminology" and the findings;
the same call with `terminology_confirmed: true` saves."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from protectnet.access.guard import api_user
from protectnet.access.routes import requires
from protectnet.workshops import report
from protectnet.workshops.forms import FeedbackForm
from protectnet.workshops.selectors import editions as sel
from protectnet.workshops.services import feedback as feedback_svc

from .common import TAGS, TEXT, InvalidOut, field_error, refusal
from .registrations import mine

router = Router(tags=TAGS)


class FeedbackOut(Schema):
    responses: int
    non_responses: int
    response_rate: float | None
    mean_rating: float | None
    top_share: float | None
    knowledge_gain: float | None


@router.get(
    "/workshops/{workshop_id}/feedback", response=FeedbackOut, summary="Workshop Feedback Summary"
)
@requires("workshops.report.view")
def workshops_feedback_summarise(request, workshop_id: int):
    workshop = sel.workshop_get(user=api_user(request), id=workshop_id)
    head = report.headlines([workshop.pk])[workshop.pk]
    return {
        "responses": head.responses,
        "non_responses": head.non_responses,
        "response_rate": head.response_rate,
        "mean_rating": head.mean_rating,
        "top_share": head.top_share,
        "knowledge_gain": head.knowledge_gain,
    }


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
    summary="Workshop Feedback Create",
)
@requires("workshops.feedback.submit")
def workshops_feedback_create(request, workshop_id: int, payload: FeedbackIn):
    user, workshop, _invitation, current = mine(request, workshop_id)
    if current is None or not current.is_active:
        raise Http404
    if not feedback_svc.feedback_window_open(workshop):
        raise HttpError(409, _("The feedback survey opens when the workshop starts."))
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
