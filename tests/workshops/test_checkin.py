import json
from datetime import date

import pytest
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError

from protectnet.workshops.models import DayAttendance, Invitation, SessionAttendance
from protectnet.workshops.services.checkin import SALT, badge_token, checkin_record
from protectnet.workshops.services.registrations import acting_for, registration_cancel

from .conftest import START, invite, make_workshop, person_in, register


def test_scan_checks_in_once_per_day(world, ws, guest_registration):
    registration, _raw = guest_registration
    token = badge_token(registration)
    first = checkin_record(actor=world.admin, workshop=ws.workshop, day=START, code=token)
    again = checkin_record(actor=world.admin, workshop=ws.workshop, day=START, code=token)
    assert first.created and not again.created
    assert DayAttendance.objects.filter(registration=registration).count() == 1
    checkin_record(actor=world.admin, workshop=ws.workshop, day=date(2030, 3, 5), code=token)
    assert DayAttendance.objects.filter(registration=registration).count() == 2


def test_a_badge_code_is_the_same_at_every_printing_and_old_codes_still_work(
    world, ws, guest_registration, monkeypatch
):
    registration, _raw = guest_registration
    first = badge_token(registration)
    monkeypatch.setattr("time.time", lambda: 2_000_000_000.0)  # years later
    assert badge_token(registration) == first
    # Badges printed before codes were stable carry the clock's time: still accepted.
    earlier = signing.dumps({"r": registration.pk, "w": ws.workshop.pk}, salt=SALT)
    assert earlier != first
    assert checkin_record(actor=world.admin, workshop=ws.workshop, day=START, code=earlier).created


def test_forged_token_is_refused(world, ws, guest_registration):
    registration, _raw = guest_registration
    forged = signing.dumps({"r": registration.pk, "w": ws.workshop.pk}, salt="other-salt")
    tampered = badge_token(registration)[:-2] + "xx"
    for code in (forged, tampered, "r:1:abc"):
        with pytest.raises(ValidationError):
            checkin_record(actor=world.admin, workshop=ws.workshop, day=START, code=code)
    assert not DayAttendance.objects.exists()


def test_token_of_another_workshop_is_refused(world, ws, guest_registration):
    registration, _raw = guest_registration
    other = make_workshop(world, edition=6)
    with pytest.raises(ValidationError, match="another workshop"):
        checkin_record(actor=world.admin, workshop=other, day=START, code=badge_token(registration))
    # A token signed for the right workshop but naming someone who is not registered there.
    forged_elsewhere = signing.dumps({"r": registration.pk, "w": other.pk}, salt=SALT)
    with pytest.raises(ValidationError):
        checkin_record(actor=world.admin, workshop=other, day=START, code=forged_elsewhere)


def test_token_for_another_person_is_refused(world, ws, guest_registration):
    registration, _raw = guest_registration
    person = person_in(world.kh_ngo)
    invite(world, ws.workshop, person)
    other = register(Invitation.objects.get(person=person))
    with pytest.raises(ValidationError, match="someone else"):
        checkin_record(
            actor=world.admin,
            workshop=ws.workshop,
            day=START,
            code=badge_token(registration),
            registration_id=other.pk,
        )


def test_day_outside_the_workshop_is_refused(world, ws, guest_registration):
    registration, _raw = guest_registration
    with pytest.raises(ValidationError, match="not a day"):
        checkin_record(
            actor=world.admin,
            workshop=ws.workshop,
            day=date(2030, 3, 6),
            code=badge_token(registration),
        )


def test_cancelled_registration_cannot_check_in(world, ws, guest_registration):
    registration, _raw = guest_registration
    registration_cancel(actor=acting_for(None, registration.invitation), registration=registration)
    with pytest.raises(ValidationError, match="cancelled"):
        checkin_record(
            actor=world.admin, workshop=ws.workshop, day=START, code=badge_token(registration)
        )


def test_only_organisers_check_in(world, ws, guest_registration):
    registration, _raw = guest_registration
    for user in (world.kh_focal, world.kh_member, world.guest):
        with pytest.raises(PermissionDenied):
            checkin_record(
                actor=user, workshop=ws.workshop, day=START, code=badge_token(registration)
            )


def test_badge_code_and_session_attendance(world, ws, guest_registration):
    registration, _raw = guest_registration
    result = checkin_record(
        actor=world.admin,
        workshop=ws.workshop,
        day=START,
        code=registration.badge_code.lower(),
        session=ws.opening,
    )
    assert result.created
    assert SessionAttendance.objects.filter(registration=registration, session=ws.opening).exists()
    with pytest.raises(ValidationError, match="not on this day"):
        checkin_record(
            actor=world.admin,
            workshop=ws.workshop,
            day=START,
            code=registration.badge_code,
            session=ws.breakout_c,
        )


def test_scanner_endpoint_answers_json_and_replays_are_harmless(
    world, ws, guest_registration, login
):
    registration, _raw = guest_registration
    client = login(world.admin)
    url = f"/workshops/{ws.workshop.pk}/check-in/record/"
    data = {"code": badge_token(registration), "day": "2030-03-04"}
    first = client.post(url, data, HTTP_ACCEPT="application/json")
    replay = client.post(url, data, HTTP_ACCEPT="application/json")
    assert first.status_code == 200 and json.loads(first.content)["created"] is True
    assert json.loads(replay.content)["created"] is False
    bad = client.post(
        url, {"code": "NOTACODE", "day": "2030-03-04"}, HTTP_ACCEPT="application/json"
    )
    assert bad.status_code == 422 and json.loads(bad.content)["ok"] is False


def test_name_search_and_check_in_without_javascript(world, ws, guest_registration, login):
    registration, _raw = guest_registration
    client = login(world.admin)
    name = registration.person.full_name
    page = client.get(
        f"/workshops/{ws.workshop.pk}/check-in/", {"q": name[:6], "day": "2030-03-04"}
    )
    assert name in page.content.decode()
    response = client.post(
        f"/workshops/{ws.workshop.pk}/check-in/record/",
        {"registration": registration.pk, "day": "2030-03-04"},
    )
    assert response.status_code == 302
    assert DayAttendance.objects.get(registration=registration).method == "search"
