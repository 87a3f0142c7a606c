"""The invitee's pages, reached by the personal link (the token) or, signed in, by "me".

Both doors lead to the same views: `_door` resolves the invitation and who acts for it.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from protectnet.core.exports import ics_response
from protectnet.core.forms import add_service_errors
from protectnet.core.pdf import pdf_response, render_pdf

from .. import ics
from ..documents import badge_of
from ..forms import FeedbackForm, RegistrationForm
from ..models import SessionKind
from ..selectors import editions as sel
from ..selectors.participation import taking_part
from ..selectors.registrations import (
    invitation_by_token,
    my_invitation_to,
    registration_for_invitation,
)
from ..services import feedback as feedback_svc
from ..services import registrations as svc
from .common import error_text


class NotInvited(Http404):
    """The signed-in person holds no invitation to this workshop (unanswered: a 404)."""


def explains_taking_part(view):
    """The "me" pages a person may reach by hand answer with how to take part, not a bare 404.

    The workshop is read through the policy first: one the person may not see stays unknown."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except NotInvited:
            workshop = sel.workshop_get(user=request.user, id=kwargs["workshop_id"])
            part = taking_part(user=request.user, workshop=workshop)
            return render(
                request, "workshops/taking_part.html", {"workshop": workshop, "taking_part": part}
            )

    return wrapper


class Door:
    def __init__(self, request, token: str | None, workshop_id: int | None):
        if token is not None:
            self.invitation = invitation_by_token(token)
            self.args = [token]
            self.prefix = "by_token"
        else:
            self.invitation = my_invitation_to(user=request.user, workshop_id=workshop_id)
            if self.invitation is None:
                raise NotInvited
            self.args = [workshop_id]
            self.prefix = "me"
        self.actor = svc.acting_for(request.user, self.invitation)
        self.workshop = self.invitation.workshop

    def url(self, name: str) -> str:
        return reverse(f"workshops:{name}_{self.prefix}", args=self.args)

    def links(self) -> dict:
        names = (
            "registration",
            "cancel",
            "choose",
            "visa_letter",
            "badge",
            "agenda_ics",
            "feedback",
        )
        return {name: self.url(name) for name in names}


@require_http_methods(["GET", "POST"])
@explains_taking_part
def registration(request, token: str | None = None, workshop_id: int | None = None):
    door = Door(request, token, workshop_id)
    current = registration_for_invitation(door.invitation)
    form = RegistrationForm(
        request.POST or None, registration=current if current and current.is_active else None
    )
    if current is not None and current.is_active and request.method == "GET":
        svc.sensitive_read(actor=door.actor, registration=current, request=request)
    if request.method == "POST" and form.is_valid():
        try:
            svc.registration_submit(
                actor=door.actor, invitation=door.invitation, data=form.to_input()
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Your registration was saved."))
            return redirect(door.url("registration"))
    breakouts = []
    if current is not None and current.is_active:
        chosen = {c.session_id for c in current.session_choices.all()}
        breakouts = [
            (s, s.pk in chosen)
            for s in sel.workshop_sessions(workshop=door.workshop, kind=SessionKind.BREAKOUT)
        ]
    return render(
        request,
        "workshops/registration_form.html",
        {
            "form": form,
            "workshop": door.workshop,
            "invitation": door.invitation,
            "registration": current,
            "breakouts": breakouts,
            "links": door.links(),
            "feedback_open": _feedback_open(door.workshop),
        },
        status=422 if request.method == "POST" else 200,
    )


def _active(door: Door):
    current = registration_for_invitation(door.invitation)
    if current is None or not current.is_active:
        raise Http404
    return current


@require_POST
def cancel(request, token: str | None = None, workshop_id: int | None = None):
    door = Door(request, token, workshop_id)
    svc.registration_cancel(actor=door.actor, registration=_active(door))
    messages.success(request, _("Your registration was cancelled. Your seat was released."))
    return redirect(door.url("registration"))


@require_POST
def choose(request, token: str | None = None, workshop_id: int | None = None):
    door = Door(request, token, workshop_id)
    current = _active(door)
    session = sel.workshop_session_get(workshop=door.workshop, id=request.POST.get("session") or 0)
    try:
        if request.POST.get("action") == "leave":
            svc.session_unchoose(actor=door.actor, registration=current, session=session)
        else:
            svc.session_choose(actor=door.actor, registration=current, session=session)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("Your sessions were updated."))
    return redirect(door.url("registration"))


def visa_letter(request, token: str | None = None, workshop_id: int | None = None):
    door = Door(request, token, workshop_id)
    current = _active(door)
    if not current.needs_visa_letter or not current.passport_number:
        raise Http404
    svc.sensitive_read(actor=door.actor, registration=current, request=request)
    data = render_pdf(
        "workshops/pdf/visa_letter.html",
        {"registration": current, "workshop": door.workshop, "today": timezone.localdate()},
    )
    return pdf_response(data, f"visa-invitation-letter-{door.workshop.pk}.pdf")


def badge(request, token: str | None = None, workshop_id: int | None = None):
    """The participant's own badge, to print at home or show on a phone at the desk."""
    door = Door(request, token, workshop_id)
    current = _active(door)
    data = render_pdf(
        "workshops/pdf/badges.html", {"workshop": door.workshop, "badges": [badge_of(current)]}
    )
    return pdf_response(data, f"badge-{door.workshop.pk}.pdf")


def agenda_ics(request, token: str | None = None, workshop_id: int | None = None):
    """The personal calendar: every session except the breakouts the person did not choose."""
    door = Door(request, token, workshop_id)
    current = _active(door)
    chosen = {c.session_id for c in current.session_choices.all()}
    sessions = [
        s
        for s in sel.workshop_sessions(workshop=door.workshop)
        if s.kind != SessionKind.BREAKOUT or s.pk in chosen
    ]
    data = ics.agenda_calendar(
        door.workshop, sessions, name=_("%(t)s (my agenda)") % {"t": door.workshop.title}
    )
    return ics_response(data, f"workshop-{door.workshop.pk}-my-agenda.ics")


def _feedback_open(workshop) -> bool:
    return feedback_svc.feedback_window_open(workshop)


@require_http_methods(["GET", "POST"])
@explains_taking_part
def feedback(request, token: str | None = None, workshop_id: int | None = None):
    door = Door(request, token, workshop_id)
    current = _active(door)
    if not _feedback_open(door.workshop):
        raise Http404
    sessions = sel.session_list(user=door.actor, workshop=door.workshop)
    form = FeedbackForm(request.POST or None, sessions=sessions)
    answered = hasattr(current, "feedback_receipt")
    if request.method == "POST" and form.is_valid():
        try:
            feedback_svc.feedback_submit(
                actor=door.actor, registration=current, **form.service_fields()
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Thank you for your feedback."))
            return redirect(door.url("registration"))
    return render(
        request,
        "workshops/feedback_form.html",
        {"form": form, "workshop": door.workshop, "answered": answered, "links": door.links()},
    )
