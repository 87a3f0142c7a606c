"""Role x object x action: who sees and does what, with guessed ids answered "not found"."""

import pytest

from protectnet.workshops.models import Invitation

from .conftest import invite, make_workshop, person_in, register

ROLES = ["admin", "kh_focal", "th_focal", "kh_member", "kh_le", "trainer", "guest", "anonymous"]


def _client(world, login, role):
    return login(None if role == "anonymous" else getattr(world, role))


# (url, {role: expected status}); unlisted roles expect the default for the column.
@pytest.mark.parametrize(
    "role,published,draft,public_draft",
    [
        ("admin", 200, 200, 200),
        ("kh_focal", 200, 404, 404),
        ("th_focal", 200, 404, 404),
        ("kh_member", 200, 404, 404),
        ("kh_le", 200, 404, 404),
        ("trainer", 200, 404, 404),
        ("guest", 404, 404, 404),
        ("anonymous", 404, 404, 404),
    ],
)
def test_workshop_page_by_role_and_status(world, ws, login, role, published, draft, public_draft):
    draft_ws = make_workshop(world, edition=6, status="draft")
    public_draft_ws = make_workshop(world, edition=7, status="draft", public_page=True)
    client = _client(world, login, role)
    assert client.get(f"/workshops/{ws.workshop.pk}/").status_code == published
    assert client.get(f"/workshops/{draft_ws.pk}/").status_code == draft
    assert client.get(f"/workshops/{public_draft_ws.pk}/").status_code == public_draft


def test_public_page_shows_no_people_to_anonymous_visitors(world, ws, client, guest_registration):
    ws.workshop.public_page = True
    ws.workshop.save(update_fields=["public_page"])
    assert client.get(f"/workshops/{ws.workshop.pk}/").status_code == 200
    agenda = client.get(f"/workshops/{ws.workshop.pk}/agenda/").content.decode()
    assert "Opening" in agenda and "Expert Speaker" not in agenda
    registration, _raw = guest_registration
    assert registration.person.full_name not in agenda
    assert client.get(f"/workshops/{ws.workshop.pk}/delegations/").status_code == 302
    api = client.get(f"/api/v1/workshops/{ws.workshop.pk}/sessions").json()
    assert all(s["speakers"] == [] for s in api)


def test_guest_sees_only_their_workshop_and_registration(world, ws, guest_registration, login):
    other = make_workshop(world, edition=8, status="registration_open")
    client = login(world.guest)
    assert client.get(f"/workshops/{ws.workshop.pk}/agenda/").status_code == 200
    assert client.get(f"/workshops/{other.pk}/agenda/").status_code == 404
    listing = client.get("/workshops/").content.decode()
    assert ws.workshop.title in listing and other.title not in listing
    assert client.get(f"/workshops/{ws.workshop.pk}/outcomes/").status_code == 403
    assert client.get(f"/workshops/{ws.workshop.pk}/delegations/").status_code == 403
    # Someone else's registration, by guessed id, is simply not found.
    person = person_in(world.kh_ngo)
    invite(world, ws.workshop, person)
    theirs = register(Invitation.objects.get(person=person))
    assert client.get(f"/workshops/registrations/{theirs.pk}/").status_code == 404


ORGANISER_PAGES = [
    "/workshops/new/",
    "/workshops/{w}/edit/",
    "/workshops/{w}/sessions/new/",
    "/workshops/{w}/registrations/",
    "/workshops/{w}/participants.csv",
    "/workshops/{w}/badges.pdf",
    "/workshops/{w}/check-in/",
    "/workshops/{w}/report/",
    "/workshops/{w}/report.pdf",
    "/workshops/{w}/outcomes/new/",
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("path", ORGANISER_PAGES)
def test_organiser_pages_are_for_admins_only(world, ws, login, role, path):
    response = _client(world, login, role).get(path.format(w=ws.workshop.pk))
    if role == "admin":
        assert response.status_code == 200
    elif role == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == 403


@pytest.mark.parametrize(
    "role,status",
    [
        ("admin", 200),
        ("kh_focal", 200),
        ("th_focal", 404),
        ("kh_member", 403),
        ("guest", 403),
        ("anonymous", 302),
    ],
)
def test_delegation_page_matrix(world, ws, login, role, status):
    response = _client(world, login, role).get(f"/workshops/delegations/{ws.kh_del.pk}/")
    assert response.status_code == status


def test_guessed_ids_are_not_found(world, ws, login):
    client = login(world.admin)
    for url in (
        "/workshops/999999/",
        "/workshops/999999/agenda/",
        "/workshops/delegations/999999/",
        "/workshops/registrations/999999/",
        f"/workshops/{ws.workshop.pk}/sessions/999999/edit/",
        f"/workshops/{ws.workshop.pk}/outcomes/999999/edit/",
    ):
        assert client.get(url).status_code == 404, url


def test_session_of_another_workshop_cannot_be_edited_through_this_one(world, ws, login):
    other = make_workshop(world, edition=6)
    response = login(world.admin).get(f"/workshops/{other.pk}/sessions/{ws.opening.pk}/edit/")
    assert response.status_code == 404


def test_focal_point_cannot_decide_nominations(world, ws, login):
    from protectnet.workshops.services.delegations import nomination_create

    nomination = nomination_create(
        actor=world.kh_focal, delegation=ws.kh_del, person=person_in(world.kh_police)
    )
    response = login(world.kh_focal).post(
        f"/workshops/nominations/{nomination.pk}/decide/", {"decision": "approve"}
    )
    assert response.status_code == 403
    nomination.refresh_from_db()
    assert nomination.status == "nominated"
    th = login(world.th_focal).post(f"/workshops/nominations/{nomination.pk}/withdraw/")
    assert th.status_code == 404


def test_workshop_form_bad_input_is_explained(world, ws, login):
    response = login(world.admin).post(
        "/workshops/new/",
        {
            "series": ws.workshop.series_id,
            "edition": 5,
            "title": "Duplicate",
            "host_country": world.kh.pk,
            "city": "X",
            "venue_name": "Y",
            "time_zone": "Not/AZone",
            "start_date": "2030-05-02",
            "end_date": "2030-05-01",
            "status": "draft",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Not/AZone is not one of the available choices" in body
    assert 'value="Duplicate"' in body


def test_dashboard_cards_follow_the_policy(world, ws, login):
    from protectnet.workshops.services.delegations import nomination_create

    nomination_create(actor=world.kh_focal, delegation=ws.kh_del, person=person_in(world.kh_police))
    admin = login(world.admin).get("/").content.decode()
    assert "Nominations to decide" in admin and ws.workshop.title in admin
    member = login(world.kh_member).get("/").content.decode()
    assert "Nominations to decide" not in member and ws.workshop.title in member
    assert ws.workshop.title not in login(world.guest).get("/").content.decode()
