from protectnet.workshops.models import Invitation
from protectnet.workshops.services.checkin import badge_token

from .conftest import invite, make_workshop, person_in, register


def test_workshop_list_and_sessions_through_the_policy(world, ws, api):
    make_workshop(world, edition=6, status="draft")
    member = api(world.kh_member).get("/api/v1/workshops").json()
    assert [w["id"] for w in member["items"]] == [ws.workshop.pk]
    admin = api(world.admin).get("/api/v1/workshops").json()
    assert admin["count"] == 2
    sessions = api(world.kh_member).get(f"/api/v1/workshops/{ws.workshop.pk}/sessions").json()
    opening = next(s for s in sessions if s["title"] == "Opening")
    assert opening["starts_local"].startswith("2030-03-04T09:00:00+07:00")
    assert opening["speakers"] == ["Expert Speaker (Test Institute)"]
    assert api(None).get("/api/v1/workshops").json()["count"] == 0
    assert api(None).get(f"/api/v1/workshops/{ws.workshop.pk}").status_code == 404


def test_delegations_and_nominations(world, ws, api):
    assert (
        api(world.kh_member).get(f"/api/v1/workshops/{ws.workshop.pk}/delegations").status_code
        == 403
    )
    mine = api(world.kh_focal).get(f"/api/v1/workshops/{ws.workshop.pk}/delegations").json()
    assert [d["country"] for d in mine] == ["KH"]
    person = person_in(world.kh_police)
    created = api(world.kh_focal).post(
        f"/api/v1/delegations/{ws.kh_del.pk}/nominations",
        {"person_id": person.pk},
        content_type="application/json",
    )
    assert created.status_code == 201 and created.json()["status"] == "nominated"
    other = api(world.th_focal).post(
        f"/api/v1/delegations/{ws.kh_del.pk}/nominations",
        {"person_id": person.pk},
        content_type="application/json",
    )
    assert other.status_code == 404
    bad = api(world.kh_focal).post(
        f"/api/v1/delegations/{ws.kh_del.pk}/nominations",
        {"person_id": person_in(world.th_police).pk},
        content_type="application/json",
    )
    assert bad.status_code == 422 and bad.json()["code"] == "invalid"


def test_registrations_and_check_ins(world, ws, api, guest_registration):
    registration, _raw = guest_registration
    invite(world, ws.workshop, person := person_in(world.kh_ngo))
    register(Invitation.objects.get(person=person))
    url = f"/api/v1/workshops/{ws.workshop.pk}/registrations"
    assert api(world.admin).get(url).json()["count"] == 2
    own = api(world.guest).get(url).json()
    assert [r["id"] for r in own["items"]] == [registration.pk]
    assert "dietary_needs" not in own["items"][0]
    checkins = f"/api/v1/workshops/{ws.workshop.pk}/check-ins"
    body = {"day": "2030-03-04", "code": badge_token(registration)}
    assert api(world.admin).post(checkins, body, content_type="application/json").status_code == 201
    assert api(world.admin).post(checkins, body, content_type="application/json").status_code == 200
    assert (
        api(world.kh_member).post(checkins, body, content_type="application/json").status_code
        == 403
    )
    forged = {"day": "2030-03-04", "code": "1:forged:sig"}
    assert (
        api(world.admin).post(checkins, forged, content_type="application/json").status_code == 422
    )


def test_feedback_summary_and_outcomes(world, ws, api):
    assert (
        api(world.admin).get(f"/api/v1/workshops/{ws.workshop.pk}/feedback").json()["responses"]
        == 0
    )
    assert (
        api(world.kh_member).get(f"/api/v1/workshops/{ws.workshop.pk}/feedback").status_code == 403
    )
    assert (
        api(world.kh_member).get(f"/api/v1/workshops/{ws.workshop.pk}/outcomes").status_code == 200
    )
    assert api(world.guest).get(f"/api/v1/workshops/{ws.workshop.pk}/outcomes").status_code == 403


def test_api_list_query_count_is_constant(world, ws, api, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = api(world.admin)
    url = f"/api/v1/workshops/{ws.workshop.pk}/registrations?limit=100"

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    for _ in range(2):
        invite(world, ws.workshop, p := person_in(world.kh_ngo))
        register(Invitation.objects.get(person=p))
    count()  # the first call records the token's use (once a minute)
    small = count()
    for _ in range(10):
        invite(world, ws.workshop, p := person_in(world.kh_ngo))
        register(Invitation.objects.get(person=p))
    assert count() == small
