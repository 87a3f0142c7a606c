from dataclasses import replace
from datetime import UTC, date, datetime, time

import pytest
from icalendar import Calendar

from protectnet.workshops.models import Session
from protectnet.workshops.services.editions import (
    SessionInput,
    WorkshopInput,
    session_save,
    to_utc,
    workshop_update,
)

from .conftest import START


def test_venue_time_is_stored_in_utc(world, ws):
    assert to_utc(ws.workshop, START, time(9)) == datetime(2030, 3, 4, 2, 0, tzinfo=UTC)
    assert ws.opening.starts_at == datetime(2030, 3, 4, 2, 0, tzinfo=UTC)


def test_agenda_shows_venue_time_with_its_zone_name(world, ws, login):
    body = login(world.kh_member).get(f"/workshops/{ws.workshop.pk}/agenda/").content.decode()
    assert "09:00" in body and "10:00" in body
    assert "Asia/Phnom_Penh (UTC+07:00)" in body
    assert "Expert Speaker" in body


def test_session_form_takes_venue_time(world, ws, login):
    client = login(world.admin)
    response = client.post(
        f"/workshops/{ws.workshop.pk}/sessions/new/",
        {
            "title": "Regional collaboration",
            "kind": "panel",
            "day": "2030-03-05",
            "start_time": "13:30",
            "end_time": "15:00",
            "room": "Ballroom",
        },
    )
    assert response.status_code == 302
    session = Session.objects.get(title="Regional collaboration")
    assert session.starts_at == datetime(2030, 3, 5, 6, 30, tzinfo=UTC)


def test_session_form_rejects_end_before_start_and_keeps_input(world, ws, login):
    response = login(world.admin).post(
        f"/workshops/{ws.workshop.pk}/sessions/new/",
        {
            "title": "Backwards",
            "kind": "panel",
            "day": "2030-03-05",
            "start_time": "15:00",
            "end_time": "14:00",
        },
    )
    assert response.status_code == 200
    assert "A session must end after it starts." in response.content.decode()
    assert 'value="Backwards"' in response.content.decode()
    assert not Session.objects.filter(title="Backwards").exists()


def _calendar(response) -> Calendar:
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_ics_carries_tzid_vtimezone_and_stable_uids(world, ws, login):
    client = login(world.kh_member)
    cal = _calendar(client.get(f"/workshops/{ws.workshop.pk}/agenda.ics"))
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == 4
    opening = next(e for e in events if str(e["summary"]) == "Opening")
    assert opening["dtstart"].params["TZID"] == "Asia/Phnom_Penh"
    assert opening["dtstart"].dt.isoformat() == "2030-03-04T09:00:00+07:00"
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Phnom_Penh"]
    assert str(opening["uid"]) == f"workshop-session-{ws.opening.pk}@protectnet"
    assert "LAST-MODIFIED" in opening


def test_ics_sequence_grows_when_the_agenda_changes(world, ws, login):
    client = login(world.kh_member)
    url = f"/workshops/{ws.workshop.pk}/agenda.ics"

    def opening():
        cal = _calendar(client.get(url))
        return next(e for e in cal.walk("VEVENT") if "Opening" in str(e["summary"]))

    before = opening()
    session_save(
        actor=world.admin,
        workshop=ws.workshop,
        session=ws.opening,
        data=SessionInput(
            title="Opening (moved)",
            kind="plenary",
            starts_at=to_utc(ws.workshop, START, time(9, 30)),
            ends_at=to_utc(ws.workshop, START, time(10, 30)),
        ),
    )
    after = opening()
    assert str(after["uid"]) == str(before["uid"])
    assert int(after["sequence"]) > int(before["sequence"])
    ws.workshop.refresh_from_db()
    moved = replace(WorkshopInput.of(ws.workshop), venue_name="Another Test Hotel")
    workshop_update(actor=world.admin, workshop=ws.workshop, data=moved)
    assert int(opening()["sequence"]) > int(after["sequence"])
    assert "Another Test Hotel" in str(opening()["location"])


def test_session_outside_the_workshop_days_is_refused(world, ws):
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        session_save(
            actor=world.admin,
            workshop=ws.workshop,
            data=SessionInput(
                title="Too late",
                kind="plenary",
                starts_at=to_utc(ws.workshop, date(2030, 3, 9), time(9)),
                ends_at=to_utc(ws.workshop, date(2030, 3, 9), time(10)),
            ),
        )


def test_personal_ics_has_chosen_breakouts_only(world, ws, guest_registration, client):
    from protectnet.workshops.services.registrations import acting_for, session_choose

    registration, raw = guest_registration
    session_choose(
        actor=acting_for(None, registration.invitation),
        registration=registration,
        session=ws.breakout_b,
    )
    cal = _calendar(client.get(f"/workshops/register/{raw}/agenda.ics"))
    titles = sorted(str(e["summary"]) for e in cal.walk("VEVENT"))
    assert titles == ["Education breakout", "Opening"]
    assert cal.walk("VTIMEZONE")


def test_linked_resources_show_only_to_those_who_may_read_them(world, ws, login):
    from protectnet.library.models import Resource

    green = Resource.objects.create(
        title="Guide for investigators",
        resource_type="guide",
        owner_organisation=world.uk_agency,
        marking="GREEN",
    )
    strict = Resource.objects.create(
        title="Agency-only case notes",
        resource_type="guide",
        owner_organisation=world.uk_agency,
        marking="AMBER_STRICT",
    )
    ws.opening.resources.set([green, strict])
    member = login(world.kh_member).get(f"/workshops/{ws.workshop.pk}/agenda/").content.decode()
    assert "Guide for investigators" in member and "Agency-only case notes" not in member
    le = login(world.uk_le).get(f"/workshops/{ws.workshop.pk}/agenda/").content.decode()
    assert "Agency-only case notes" in le
    # The session form offers only what the organiser may read.
    form = login(world.kh_focal).get(f"/workshops/{ws.workshop.pk}/sessions/new/")
    assert form.status_code == 403


@pytest.mark.parametrize(
    ("kind", "start", "end", "capacity", "field"),
    [
        ("plenary", time(11), time(10), None, "end_time"),
        ("plenary", time(9), time(10), 30, "capacity"),
    ],
)
def test_the_service_holds_the_session_rules(world, ws, kind, start, end, capacity, field):
    """The page and the API only parse: the service refuses, on the field a person filled in."""
    from django.core.exceptions import ValidationError

    data = SessionInput(
        title="Rules",
        kind=kind,
        starts_at=to_utc(ws.workshop, START, start),
        ends_at=to_utc(ws.workshop, START, end),
        capacity=capacity,
    )
    with pytest.raises(ValidationError) as refused:
        session_save(actor=world.admin, workshop=ws.workshop, data=data)
    assert list(refused.value.message_dict) == [field]
    assert not ws.workshop.sessions.filter(title="Rules").exists()
