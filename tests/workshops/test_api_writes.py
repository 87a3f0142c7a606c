"""The API's writes: my registration, feedback, outcomes and sessions, for every role.

Roles: the organiser (admin), a focal point, a member who is invited, another member, a guest
invited to another workshop only, and an anonymous caller (no token)."""

import json
import threading
from datetime import date, time

import pytest
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext

from protectnet.access.models import AuditEntry
from protectnet.workshops.models import (
    Delegation,
    FeedbackResponse,
    Invitation,
    Outcome,
    Registration,
    Session,
)
from protectnet.workshops.services.registrations import acting_for, session_choose
from tests import factories as f

from .conftest import END, START, add_session, invite, make_workshop, person_in, register

ROLES = ["admin", "focal", "invitee", "other_member", "guest", "anonymous"]


@pytest.fixture
def people(world, ws):
    """The invitee is a Cambodian member with a delegation seat; the guest is invited elsewhere."""
    invite(world, ws.workshop, world.kh_member.person, ws.kh_del)
    elsewhere = make_workshop(world, edition=9)
    invite(world, elsewhere, world.guest.person)
    return {
        "admin": world.admin,
        "focal": world.kh_focal,
        "invitee": world.kh_member,
        "other_member": world.th_member,
        "guest": world.guest,
        "anonymous": None,
    }


def send(client, method, url, body=None):
    data = json.dumps(body) if body is not None else None
    return getattr(client, method)(url, data, content_type="application/json")


def reg_url(ws, tail=""):
    return f"/api/v1/workshops/{ws.workshop.pk}/registration{tail}"


def registered(world, ws):
    return register(Invitation.objects.get(workshop=ws.workshop, person=world.kh_member.person))


# --- my registration ---------------------------------------------------------------------------
PUT_EXPECTED = {
    "admin": 404,  # not invited: no registration of their own to write
    "focal": 404,
    "invitee": 201,
    "other_member": 404,
    "guest": 404,  # cannot see this workshop at all
    "anonymous": 401,
}


@pytest.mark.parametrize("role", ROLES)
def test_registration_put_by_role(world, ws, api, people, role):
    response = send(api(people[role]), "put", reg_url(ws), {"dietary_needs": "Vegetarian"})
    assert response.status_code == PUT_EXPECTED[role], response.content
    stored = Registration.objects.filter(workshop=ws.workshop)
    if role == "invitee":
        body = response.json()
        assert body["status"] == "registered" and body["dietary_needs"] == "Vegetarian"
        assert body["country"] == "KH"
        assert stored.get().person == world.kh_member.person
        ws.kh_del.refresh_from_db()
        assert ws.kh_del.seats_registered == 1
    else:
        assert not stored.exists()


@pytest.mark.parametrize("role", ROLES)
def test_registration_get_and_cancel_by_role(world, ws, api, people, role):
    registered(world, ws)
    client = api(people[role])
    got, cancelled = client.get(reg_url(ws)), send(client, "post", reg_url(ws, "/cancel"))
    expected = {"invitee": 200, "anonymous": 401}.get(role, 404)
    assert (got.status_code, cancelled.status_code) == (expected, expected)
    status = Registration.objects.get(workshop=ws.workshop).status
    assert status == ("cancelled" if role == "invitee" else "registered")
    if role == "invitee":
        assert got.json()["status"] == "registered" and cancelled.json()["status"] == "cancelled"


def test_get_without_registration_is_not_found(world, ws, api, people):
    assert api(world.kh_member).get(reg_url(ws)).status_code == 404


def test_put_changes_keep_what_is_not_sent_and_are_audited(world, ws, api, people):
    client = api(world.kh_member)
    send(client, "put", reg_url(ws), {"dietary_needs": "Vegetarian", "gender": "Woman"})
    changed = send(client, "put", reg_url(ws), {"accessibility_needs": "Step-free access"})
    assert changed.status_code == 200
    body = changed.json()
    assert body["dietary_needs"] == "Vegetarian" and body["accessibility_needs"] == (
        "Step-free access"
    )
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert "workshops.registration.create" in actions
    assert "workshops.registration.change" in actions
    assert "workshops.registration.sensitive_read" in actions
    # The change entry names the fields, never their (sensitive) values.
    change = AuditEntry.objects.get(action="workshops.registration.change")
    assert "Step-free" not in json.dumps(change.data)


def test_invited_guest_registers_through_the_api(world, ws, api):
    invite(world, ws.workshop, world.guest.person)
    response = send(api(world.guest), "put", reg_url(ws), {"consent_participant_list": True})
    assert response.status_code == 201 and response.json()["consent_participant_list"] is True


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"arrival_on": "2030-03-05", "departure_on": "2030-03-03"}, "departure_on"),
        ({"needs_visa_letter": True}, "passport_number"),
        (
            {
                "needs_visa_letter": True,
                "passport_full_name": "Test Person",
                "passport_number": "X123",
                "passport_nationality": "Cambodian",
                "passport_expiry": "2030-03-05",
            },
            "passport_expiry",
        ),
    ],
)
def test_bad_registration_answers_field_messages_and_stores_nothing(
    world, ws, api, people, body, field
):
    response = send(api(world.kh_member), "put", reg_url(ws), body)
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"
    assert field in response.json()["errors"][0]
    assert not Registration.objects.exists()
    ws.kh_del.refresh_from_db()
    assert ws.kh_del.seats_registered == 0


def test_malformed_types_are_refused(world, ws, api, people):
    response = send(api(world.kh_member), "put", reg_url(ws), {"arrival_on": "next tuesday"})
    assert response.status_code == 422 and response.json()["code"] == "invalid"
    assert not Registration.objects.exists()


def test_breakouts_are_chosen_with_the_registration(world, ws, api, people):
    client = api(world.kh_member)
    body = {"breakouts": [ws.breakout_b.pk, ws.breakout_c.pk]}
    response = send(client, "put", reg_url(ws), body)
    assert response.status_code == 201
    assert response.json()["breakouts"] == sorted([ws.breakout_b.pk, ws.breakout_c.pk])
    # Swapping to the other session at the same time is allowed: the old choice is left first.
    swap = send(client, "put", reg_url(ws), {"breakouts": [ws.breakout_a.pk]})
    assert swap.status_code == 200 and swap.json()["breakouts"] == [ws.breakout_a.pk]
    ws.breakout_b.refresh_from_db()
    assert ws.breakout_b.seats_taken == 0


def test_a_plenary_or_foreign_session_is_not_a_breakout(world, ws, api, people):
    other = add_session(make_workshop(world, edition=7), "Elsewhere", START, time(9), time(10))
    for ids in ([ws.opening.pk], [other.pk]):
        response = send(api(world.kh_member), "put", reg_url(ws), {"breakouts": ids})
        assert response.status_code == 422 and "breakouts" in response.json()["errors"][0]
    assert not Registration.objects.exists()


def test_full_breakout_undoes_the_whole_request(world, ws, api, people):
    taker = person_in(world.kh_ngo)
    invite(world, ws.workshop, taker)
    first = register(Invitation.objects.get(person=taker))
    session_choose(
        actor=acting_for(None, first.invitation), registration=first, session=ws.breakout_a
    )
    response = send(
        api(world.kh_member),
        "put",
        reg_url(ws),
        {"dietary_needs": "Halal", "breakouts": [ws.breakout_a.pk]},
    )
    assert response.status_code == 409 and response.json()["code"] == "conflict"
    assert not Registration.objects.filter(person=world.kh_member.person).exists()
    ws.kh_del.refresh_from_db()
    ws.breakout_a.refresh_from_db()
    assert (ws.kh_del.seats_registered, ws.breakout_a.seats_taken) == (0, 1)


def test_no_overbooking_of_the_delegation_through_the_api(world, ws, api):
    """Thailand has one seat: the second invitee of its delegation is refused, nothing stored."""
    first, second = (person_in(world.th_ministry) for _ in range(2))
    users = []
    for i, person in enumerate((first, second)):
        invite(world, ws.workshop, person, ws.th_del)
        users.append(f.account(f"th.invitee{i}@example.test", person=person))
    assert send(api(users[0]), "put", reg_url(ws), {}).status_code == 201
    refused = send(api(users[1]), "put", reg_url(ws), {})
    assert refused.status_code == 409 and "seats" in refused.json()["detail"]
    ws.th_del.refresh_from_db()
    assert ws.th_del.seats_registered == 1
    assert Registration.objects.filter(delegation=ws.th_del).count() == 1


def test_registration_closed_is_refused(world, ws, api, people):
    ws.workshop.status = "registration_closed"
    ws.workshop.save(update_fields=["status"])
    response = send(api(world.kh_member), "put", reg_url(ws), {})
    assert response.status_code == 422 and "not open" in json.dumps(response.json())


def test_cancel_is_idempotent_and_frees_the_seat(world, ws, api, people):
    registered(world, ws)
    client = api(world.kh_member)
    assert send(client, "post", reg_url(ws, "/cancel")).json()["status"] == "cancelled"
    assert send(client, "post", reg_url(ws, "/cancel")).status_code == 200
    ws.kh_del.refresh_from_db()
    assert ws.kh_del.seats_registered == 0
    assert AuditEntry.objects.filter(action="workshops.registration.cancel").count() == 1


@pytest.mark.queries("api:workshops_registration_get")
def test_my_registration_query_count_is_constant(world, ws, api, people):
    registration = registered(world, ws)
    actor = acting_for(None, registration.invitation)
    client = api(world.kh_member)

    def count():
        client.get(reg_url(ws))  # the first call stamps the token's use
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reg_url(ws)).status_code == 200
        return len(ctx.captured_queries)

    def choose(first: int, last: int):
        for i in range(first, last):
            day, hour = (START, 8 + i // 2) if i < 20 else (END, i - 12)
            session = add_session(
                ws.workshop,
                f"Lab {i}",
                day,
                time(hour, 30 * (i % 2)),
                time(hour, 30 * (i % 2) + 20),
                kind="breakout",
                capacity=5,
            )
            session_choose(actor=actor, registration=registration, session=session)

    choose(0, 2)
    small = count()
    choose(2, 20)
    assert len(client.get(reg_url(ws)).json()["breakouts"]) == 20
    assert count() == small


# --- feedback ----------------------------------------------------------------------------------
def feedback_url(ws):
    return f"/api/v1/workshops/{ws.workshop.pk}/feedback"


def completed(ws):
    ws.workshop.status = "completed"
    ws.workshop.save(update_fields=["status"])


@pytest.mark.parametrize("role", ROLES)
def test_feedback_by_role(world, ws, api, people, role):
    registered(world, ws)
    completed(ws)
    body = {"overall_rating": 4, "session_ratings": [{"session_id": ws.opening.pk, "rating": 5}]}
    response = send(api(people[role]), "post", feedback_url(ws), body)
    expected = {"invitee": 201, "anonymous": 401}.get(role, 404)
    assert response.status_code == expected, response.content
    assert FeedbackResponse.objects.count() == (1 if role == "invitee" else 0)
    if role == "invitee":
        answer = FeedbackResponse.objects.get()
        assert answer.registration.person == world.kh_member.person
        assert answer.session_ratings.get().rating == 5


def test_feedback_once_only(world, ws, api, people):
    registered(world, ws)
    completed(ws)
    client = api(world.kh_member)
    assert send(client, "post", feedback_url(ws), {"overall_rating": 5}).status_code == 201
    again = send(client, "post", feedback_url(ws), {"overall_rating": 1})
    assert again.status_code == 409 and "already answered" in again.json()["detail"]
    assert FeedbackResponse.objects.get().overall_rating == 5


def test_feedback_before_the_window_opens_is_refused(world, ws, api, people):
    registered(world, ws)  # the workshop is in 2030 and still open for registration
    response = send(api(world.kh_member), "post", feedback_url(ws), {"overall_rating": 5})
    assert response.status_code == 409
    assert not FeedbackResponse.objects.exists()


def test_anonymous_feedback_keeps_no_link(world, ws, api, people):
    registered(world, ws)
    completed(ws)
    body = {"overall_rating": 3, "anonymous": True}
    assert send(api(world.kh_member), "post", feedback_url(ws), body).json()["anonymous"]
    assert FeedbackResponse.objects.get().registration is None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"overall_rating": 9}, "overall_rating"),
        ({"overall_rating": 4, "knowledge_after": 0}, "knowledge_after"),
        ({"overall_rating": 4, "session_ratings": [{"session_id": 999999, "rating": 3}]}, None),
    ],
)
def test_bad_feedback_is_refused_and_stores_nothing(world, ws, api, people, body, field):
    registered(world, ws)
    completed(ws)
    response = send(api(world.kh_member), "post", feedback_url(ws), body)
    assert response.status_code == 422
    assert (field or "session_ratings") in response.json()["errors"][0]
    assert not FeedbackResponse.objects.exists()


def test_feedback_comments_get_the_terminology_check(world, ws, api, people):
    registered(world, ws)
    completed(ws)
    client = api(world.kh_member)
    body = {"overall_rating": 4, "comments": "The child pornography session was useful."}
    refused = send(client, "post", feedback_url(ws), body)
    assert refused.status_code == 422 and refused.json()["code"] == "terminology"
    assert "comments" in refused.json()["findings"]
    assert not FeedbackResponse.objects.exists()
    saved = send(client, "post", feedback_url(ws), {**body, "terminology_confirmed": True})
    assert saved.status_code == 201


# --- outcomes ----------------------------------------------------------------------------------
def outcome_body(world, **extra):
    return {
        "kind": "action_point",
        "title": "Set up a national hotline referral protocol",
        "owner_organisation": world.kh_ngo.pk,
        "countries": ["KH", "th"],
        "due_on": "2030-09-30",
        "status": "planned",
        **extra,
    }


ORGANISER_ONLY = {"admin": 201, "anonymous": 401}


@pytest.mark.parametrize("role", ROLES)
def test_outcome_create_and_update_by_role(world, ws, api, people, role):
    url = f"/api/v1/workshops/{ws.workshop.pk}/outcomes"
    created = send(api(people[role]), "post", url, outcome_body(world))
    assert created.status_code == ORGANISER_ONLY.get(role, 403), created.content
    existing = Outcome.objects.create(
        workshop=ws.workshop,
        kind="initiative",
        title="Shared case database",
        owner_organisation=world.kh_police,
    )
    patched = send(
        api(people[role]), "patch", f"/api/v1/outcomes/{existing.pk}", {"status": "done"}
    )
    assert patched.status_code == {"admin": 200, "anonymous": 401}.get(role, 403)
    existing.refresh_from_db()
    assert existing.status == ("done" if role == "admin" else "planned")
    if role == "admin":
        body = created.json()
        assert body["countries"] == ["KH", "TH"] and body["due_on"] == "2030-09-30"
        assert AuditEntry.objects.filter(action="workshops.outcome.create").exists()
        assert AuditEntry.objects.filter(action="workshops.outcome.update").exists()
        # A partial update keeps everything it did not name.
        assert patched.json()["title"] == "Shared case database"
    else:
        assert Outcome.objects.count() == 1


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"countries": ["KH", "ZZ"]}, "countries"),
        ({"status": "finished"}, "status"),
        ({"owner_organisation": 999999}, "owner_organisation"),
        ({"title": ""}, "title"),
    ],
)
def test_bad_outcome_is_refused(world, ws, api, extra, field):
    url = f"/api/v1/workshops/{ws.workshop.pk}/outcomes"
    response = send(api(world.admin), "post", url, outcome_body(world, **extra))
    assert response.status_code == 422 and field in response.json()["errors"][0]
    assert not Outcome.objects.exists()


def test_outcome_terminology_findings_and_save_anyway(world, ws, api):
    url = f"/api/v1/workshops/{ws.workshop.pk}/outcomes"
    body = outcome_body(world, description="Campaign against sex tourism in the region")
    refused = send(api(world.admin), "post", url, body)
    assert refused.status_code == 422 and refused.json()["code"] == "terminology"
    finding = refused.json()["findings"]["description"][0]
    assert finding["matched"].lower() == "sex tourism" and finding["preferred"]
    assert not Outcome.objects.exists()
    saved = send(api(world.admin), "post", url, {**body, "terminology_confirmed": True})
    assert saved.status_code == 201 and Outcome.objects.count() == 1


def test_outcome_of_an_invisible_workshop_is_not_found(world, api):
    draft = make_workshop(world, edition=8, status="draft")
    outcome = Outcome.objects.create(
        workshop=draft, kind="initiative", title="Draft item", owner_organisation=world.kh_ngo
    )
    assert (
        send(api(world.admin), "patch", f"/api/v1/outcomes/{outcome.pk + 1000}", {}).status_code
        == 404
    )
    assert send(api(world.admin), "patch", f"/api/v1/outcomes/{outcome.pk}", {}).status_code == 200


# --- sessions ----------------------------------------------------------------------------------
def session_body(ws, **extra):
    return {
        "title": "Victim identification clinic",
        "kind": "breakout",
        "room": "Room B",
        "capacity": 20,
        "day": "2030-03-05",
        "start_time": "09:00",
        "end_time": "10:30",
        "speakers": [ws.speaker.pk],
        **extra,
    }


@pytest.mark.parametrize("role", ROLES)
def test_session_create_and_update_by_role(world, ws, api, people, role):
    client = api(people[role])
    url = f"/api/v1/workshops/{ws.workshop.pk}/sessions"
    created = send(client, "post", url, session_body(ws))
    assert created.status_code == ORGANISER_ONLY.get(role, 403), created.content
    patched = send(client, "patch", f"/api/v1/sessions/{ws.opening.pk}", {"room": "Ballroom"})
    assert patched.status_code == {"admin": 200, "anonymous": 401}.get(role, 403)
    ws.opening.refresh_from_db()
    assert ws.opening.room == ("Ballroom" if role == "admin" else "")
    if role == "admin":
        body = created.json()
        # 09:00 in Phnom Penh is 02:00 UTC.
        assert body["starts_local"].startswith("2030-03-05T09:00:00+07:00")
        assert body["starts_at"].startswith("2030-03-05T02:00:00")
        assert body["speakers"] == [ws.speaker.pk] and body["capacity"] == 20
        # The partial update kept the opening's time and speakers.
        assert patched.json()["starts_local"].startswith("2030-03-04T09:00:00+07:00")
        assert patched.json()["speakers"] == [ws.speaker.pk]
        assert AuditEntry.objects.filter(action="workshops.session.save").count() == 2
    else:
        assert Session.objects.filter(workshop=ws.workshop).count() == 4


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"day": "2030-03-06"}, "day"),  # the day after the workshop
        ({"start_time": "11:00", "end_time": "10:00"}, "end_time"),
        ({"kind": "plenary", "capacity": 50}, "capacity"),
        ({"kind": "banquet"}, "kind"),
        ({"speakers": [999999]}, "speakers"),
    ],
)
def test_bad_session_is_refused(world, ws, api, extra, field):
    url = f"/api/v1/workshops/{ws.workshop.pk}/sessions"
    response = send(api(world.admin), "post", url, session_body(ws, **extra))
    assert response.status_code == 422 and field in response.json()["errors"][0]
    assert Session.objects.filter(workshop=ws.workshop).count() == 4


def test_capacity_cannot_drop_below_the_seats_taken(world, ws, api, people):
    registration = registered(world, ws)
    session_choose(
        actor=acting_for(None, registration.invitation),
        registration=registration,
        session=ws.breakout_a,
    )
    url = f"/api/v1/sessions/{ws.breakout_a.pk}"
    response = send(api(world.admin), "patch", url, {"capacity": 0})
    assert response.status_code == 422 and "capacity" in json.dumps(response.json())
    ws.breakout_a.refresh_from_db()
    assert ws.breakout_a.capacity == 1


def test_session_patch_moves_it_in_the_venue_time_zone(world, ws, api):
    url = f"/api/v1/sessions/{ws.opening.pk}"
    response = send(api(world.admin), "patch", url, {"day": END.isoformat(), "start_time": "08:00"})
    assert response.status_code == 200
    ws.opening.refresh_from_db()
    assert ws.opening.local_start.date() == END and ws.opening.local_start.hour == 8
    assert ws.opening.starts_at.hour == 1  # UTC


def test_session_of_another_workshop_day_is_checked_against_its_own_dates(world, api):
    later = make_workshop(world, edition=6, start_date=date(2030, 6, 1), end_date=date(2030, 6, 1))
    url = f"/api/v1/workshops/{later.pk}/sessions"
    body = {
        "title": "Opening",
        "kind": "plenary",
        "day": "2030-03-04",
        "start_time": "09:00",
        "end_time": "10:00",
    }
    assert send(api(world.admin), "post", url, body).status_code == 422
    assert send(api(world.admin), "post", url, {**body, "day": "2030-06-01"}).status_code == 201


@pytest.mark.django_db(transaction=True)
def test_concurrent_api_registrations_never_exceed_the_quota(world, ws, api):
    """Six invitees of a two-seat delegation PUT at the same moment: two seats, four 409s."""
    Delegation.objects.filter(pk=ws.kh_del.pk).update(quota=2)
    clients = []
    for i in range(6):
        person = person_in(world.kh_police)
        invite(world, ws.workshop, person, ws.kh_del)
        clients.append(api(f.account(f"racer{i}@example.test", person=person)))
    barrier, codes = threading.Barrier(len(clients)), []

    def run(client):
        try:
            barrier.wait()
            codes.append(send(client, "put", reg_url(ws), {}).status_code)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(codes) == [201, 201, 409, 409, 409, 409]
    ws.kh_del.refresh_from_db()
    assert ws.kh_del.seats_registered == 2
    assert Registration.objects.filter(delegation=ws.kh_del).count() == 2
