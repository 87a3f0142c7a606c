"""How a member takes part: the workshop page and the "me" page say how, per role.

Places are by nomination (the country's focal point) and a personal registration link; a member
without one is told whom to ask, a nominee is offered "Register", and nothing is said about
anybody else's registration."""

from django.urls import reverse

from protectnet.workshops.models import Invitation

from .conftest import invite, make_workshop, register


def _page(client, url):
    response = client.get(url)
    return response.status_code, response.content.decode()


def test_member_is_told_their_focal_point_nominates_with_a_contact_link(world, ws, login):
    world.kh_focal.person.consent_directory = True
    world.kh_focal.person.save(update_fields=["consent_directory"])
    status, html = _page(login(world.kh_member), f"/workshops/{ws.workshop.pk}/")
    assert status == 200
    assert "How to take part" in html
    assert world.kh_focal.person.full_name in html
    assert "nominates the delegation of Cambodia" in html
    assert f'href="mailto:{world.kh_focal.person.email}"' in html
    assert "Register</a>" not in html


def test_focal_point_without_consent_is_reached_through_the_directory(world, ws, login):
    status, html = _page(login(world.kh_member), f"/workshops/{ws.workshop.pk}/")
    person_url = reverse("network:person_detail", args=[world.kh_focal.person.pk])
    assert status == 200 and f'href="{person_url}"' in html
    assert world.kh_focal.person.email not in html


def test_nominee_sees_register_on_the_workshop_page(world, ws, login):
    invite(world, ws.workshop, world.kh_member.person, delegation=ws.kh_del)
    status, html = _page(login(world.kh_member), f"/workshops/{ws.workshop.pk}/")
    assert status == 200
    assert f'href="/workshops/{ws.workshop.pk}/me/"' in html and "Register</a>" in html
    assert "How to take part" not in html


def test_registered_member_is_pointed_to_their_registration_and_my_workshops(world, ws, login):
    invite(world, ws.workshop, world.kh_member.person, delegation=ws.kh_del)
    register(Invitation.objects.get(person=world.kh_member.person))
    status, html = _page(login(world.kh_member), f"/workshops/{ws.workshop.pk}/")
    assert "View or change your registration" in html
    assert 'href="/workshops/mine/"' in html


def test_focal_point_is_sent_to_their_own_delegation(world, ws, login):
    status, html = _page(login(world.kh_focal), f"/workshops/{ws.workshop.pk}/")
    assert status == 200
    assert f'href="/workshops/delegations/{ws.kh_del.pk}/"' in html
    assert "You nominate the delegation of Cambodia" in html


def test_closed_registration_says_so(world, login):
    closed = make_workshop(world, edition=9, status="registration_closed")
    status, html = _page(login(world.kh_member), f"/workshops/{closed.pk}/")
    assert status == 200 and "Registration for this workshop is closed." in html
    assert "How to take part" not in html


def test_me_page_without_an_invitation_explains_how_to_take_part(world, ws, login):
    client = login(world.kh_member)
    for url in (f"/workshops/{ws.workshop.pk}/me/", f"/workshops/{ws.workshop.pk}/me/feedback/"):
        status, html = _page(client, url)
        assert status == 200, url
        assert "How to take part" in html and world.kh_focal.person.full_name in html
        assert 'name="passport_number"' not in html


def test_me_page_of_a_workshop_one_may_not_see_is_not_found(world, ws, login, guest_registration):
    draft = make_workshop(world, edition=10, status="draft")
    other = make_workshop(world, edition=11, status="registration_open")
    assert login(world.kh_member).get(f"/workshops/{draft.pk}/me/").status_code == 404
    # The guest is invited to ws only: another workshop stays unknown to them.
    assert login(world.guest).get(f"/workshops/{other.pk}/me/").status_code == 404
    assert login(world.kh_member).get("/workshops/999999/me/").status_code == 404


def test_me_page_says_nothing_about_someone_elses_registration(world, ws, login):
    """kh_focal holds a registration; kh_member's "me" page must not reveal it."""
    invite(world, ws.workshop, world.kh_focal.person, delegation=ws.kh_del)
    register(Invitation.objects.get(person=world.kh_focal.person))
    status, html = _page(login(world.kh_member), f"/workshops/{ws.workshop.pk}/me/")
    assert status == 200
    assert "Registered" not in html and "badge" not in html.lower()


def test_anonymous_visitor_is_sent_to_sign_in_from_the_me_page(ws, client):
    response = client.get(f"/workshops/{ws.workshop.pk}/me/")
    assert response.status_code == 302


def _admin_in_directory(world):
    person = world.admin.person
    person.consent_directory = True
    person.save(update_fields=["consent_directory"])
    return person


def test_member_without_a_focal_point_is_given_the_organisers_contact(world, ws, login):
    from protectnet.network.models import FocalPoint

    FocalPoint.objects.filter(country=world.kh).delete()
    admin = _admin_in_directory(world)
    status, html = _page(login(world.kh_member), f"/workshops/{ws.workshop.pk}/")
    assert status == 200
    assert "Cambodia has no focal point yet: ask the organisers." in html
    assert "Organisers to ask:" in html
    assert f'href="mailto:{admin.email}"' in html and admin.full_name in html


def test_focal_point_without_a_delegation_is_told_what_to_do(world, login):
    admin = _admin_in_directory(world)
    bare = make_workshop(world, edition=12)
    status, html = _page(login(world.kh_focal), f"/workshops/{bare.pk}/")
    assert status == 200 and "How to take part" in html
    assert "Cambodia has no delegation to this workshop yet" in html
    assert f'href="mailto:{admin.email}"' in html


def test_organisers_are_not_listed_when_nobody_needs_them(world, ws, login):
    _admin_in_directory(world)
    for who in (world.kh_member, world.kh_focal):
        html = _page(login(who), f"/workshops/{ws.workshop.pk}/")[1]
        assert "Organisers to ask:" not in html
