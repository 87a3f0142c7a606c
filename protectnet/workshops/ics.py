"""iCalendar files of an agenda: events in the venue's zone (TZID + VTIMEZONE), stable UIDs, and
SEQUENCE / LAST-MODIFIED so calendar clients replace an event when the agenda changes."""

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from .models import Session, Workshop

PRODID = "-//ProtectNet//Workshops//EN"


def session_uid(session: Session) -> str:
    return f"workshop-session-{session.pk}@protectnet"


def agenda_calendar(workshop: Workshop, sessions, *, name: str | None = None) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name or workshop.title)
    cal.add("x-wr-timezone", workshop.time_zone)
    tz = workshop.tz
    now = timezone.now()
    location = ", ".join(p for p in (workshop.venue_name, workshop.city) if p)
    url = f"{settings.SITE_URL}/workshops/{workshop.pk}/agenda/"
    for session in sessions:
        event = Event()
        event.add("uid", session_uid(session))
        event.add("summary", session.title)
        event.add("dtstart", timezone.localtime(session.starts_at, tz))
        event.add("dtend", timezone.localtime(session.ends_at, tz))
        event.add("dtstamp", now)
        event.add("last-modified", max(session.updated_at, workshop.updated_at))
        event.add("sequence", session.sequence + workshop.sequence)
        event.add("location", f"{session.room}, {location}" if session.room else location)
        if session.description:
            event.add("description", session.description)
        event.add("url", url)
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
