"""The workshops app's part of a person's data: registrations (with the passport, visa, dietary
and emergency fields), nominations, personal links, check-ins, feedback, outcomes and talks.
Erasure empties the personal fields but keeps the rows, so attendance counts and reports stay
right. Found by `core.providers("personal_data")`."""

from django.db.models import Prefetch
from django.utils import timezone

from protectnet.core.exports import iso

from .models import (
    SENSITIVE_FIELDS,
    DayAttendance,
    FeedbackResponse,
    Invitation,
    Nomination,
    Outcome,
    Registration,
    Speaker,
)
from .retention import EMPTY

LABEL = "workshops"

MODELS = {
    "workshops.registration": "exported with every field; erased: passport, visa, dietary, "
    "accessibility, emergency-contact and travel fields and gender emptied, consent withdrawn; "
    "the row stays for attendance counts",
    "workshops.nomination": "exported; erased: the focal point's note cleared, status kept",
    "workshops.invitation": "personal links exported (workshop, dates; never the token); "
    "erased: unused links revoked",
    "workshops.dayattendance": "check-ins exported; kept for attendance counts (no name)",
    "workshops.feedbackresponse": "feedback linked to the person exported; erased: comments "
    "cleared and the answer unlinked (it becomes anonymous, ratings count)",
    "workshops.outcome": "outcomes the person is the contact for exported; erased: contact removed",
    "workshops.speaker": "talks exported; erased: the speaker's name and affiliation cleared",
}

EXEMPT = {
    "workshops.series": "a series' name and description",
    "workshops.workshop": "the venue's name and address, not a person's",
    "workshops.session": "an agenda item's description",
}


def _registration(r: Registration) -> dict:
    data = {
        "workshop": r.workshop.title,
        "status": r.status,
        "badge_code": r.badge_code,
        "organisation": r.organisation.name if r.organisation else "",
        "gender": r.gender,
        "consent_participant_list": r.consent_participant_list,
        "needs_visa_letter": r.needs_visa_letter,
        "arrival_on": iso(r.arrival_on),
        "departure_on": iso(r.departure_on),
        "created_at": iso(r.created_at),
        "cancelled_at": iso(r.cancelled_at),
        "sensitive_deleted_at": iso(r.sensitive_deleted_at),
        "breakouts": [c.session.title for c in r.session_choices.all()],
        "check_ins": [
            {"day": iso(a.day), "method": a.method, "at": iso(a.checked_in_at)}
            for a in r.day_attendance.all()
        ],
    }
    for name in SENSITIVE_FIELDS:
        value = getattr(r, name)
        data[name] = iso(value) if name in ("passport_expiry", "date_of_birth") else value
    return data


def _feedback(responses) -> list[dict]:
    return [
        {
            "workshop": f.workshop.title,
            "overall_rating": f.overall_rating,
            "comments": f.comments,
            "knowledge_before": f.knowledge_before,
            "knowledge_after": f.knowledge_after,
            "submitted_at": iso(f.submitted_at),
        }
        for f in responses
    ]


def export(*, person, user) -> dict:
    if person is None:
        return {}
    registrations = (
        Registration.objects.filter(person=person)
        .select_related("workshop", "organisation")
        .prefetch_related(
            Prefetch("day_attendance", queryset=DayAttendance.objects.order_by("day")),
            "session_choices__session",
        )
    )
    nominations = Nomination.objects.filter(person=person).select_related(
        "delegation__workshop", "delegation__country"
    )
    links = Invitation.objects.filter(person=person).select_related("workshop")
    feedback = FeedbackResponse.objects.filter(registration__person=person).select_related(
        "workshop"
    )
    outcomes = Outcome.objects.filter(contact=person).select_related("workshop")
    talks = Speaker.objects.filter(person=person).prefetch_related("sessions__workshop")
    return {
        "registrations": [_registration(r) for r in registrations],
        "nominations": [
            {
                "workshop": n.delegation.workshop.title,
                "country": str(n.delegation.country.code),
                "status": n.status,
                "note": n.note,
                "created_at": iso(n.created_at),
            }
            for n in nominations
        ],
        "personal_links": [
            {
                "workshop": i.workshop.title,
                "created_at": iso(i.created_at),
                "revoked_at": iso(i.revoked_at),
            }
            for i in links
        ],
        "feedback": _feedback(feedback),
        "outcomes_as_contact": [
            {"workshop": o.workshop.title, "title": o.title, "status": o.status} for o in outcomes
        ],
        "talks": [
            {
                "name": s.name,
                "affiliation": s.affiliation,
                "sessions": [f"{x.workshop.title}: {x.title}" for x in s.sessions.all()],
            }
            for s in talks
        ],
    }


def erase(*, person, user, actor) -> None:
    if person is None:
        return
    now = timezone.now()
    Registration.objects.filter(person=person).update(
        **EMPTY,
        gender="",
        consent_participant_list=False,
        sensitive_deleted_at=now,
        updated_at=now,
    )
    FeedbackResponse.objects.filter(registration__person=person).update(
        registration=None, comments=""
    )
    Nomination.objects.filter(person=person).update(note="")
    Invitation.objects.filter(person=person, revoked_at__isnull=True).filter(
        registration__isnull=True
    ).update(revoked_at=now)
    Outcome.objects.filter(contact=person).update(contact=None, updated_at=now)
    Speaker.objects.filter(person=person).update(name="", affiliation="")
