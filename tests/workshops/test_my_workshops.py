"""My workshops: the signed-in person's invitations and registrations, each with only the links
that exist for it (registration, agenda, visa letter, badge, feedback when open)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from protectnet.workshops.models import Invitation
from protectnet.workshops.services.feedback import feedback_submit

from .conftest import invite, make_workshop, register


def _mine(client) -> str:
    response = client.get("/workshops/mine/")
    assert response.status_code == 200
    return response.content.decode()


def _registered(world, workshop, person, **data):
    invite(world, workshop, person)
    return register(Invitation.objects.get(workshop=workshop, person=person), **data)


def test_my_workshops_is_in_the_navigation_and_current_alone(world, login):
    html = _mine(login(world.kh_member))
    assert '<a href="/workshops/mine/" aria-current="page">My workshops</a>' in html
    assert '<a href="/workshops/" aria-current="page">' not in html


def test_without_invitations_it_points_to_the_workshops(world, ws, login):
    html = _mine(login(world.kh_member))
    assert "You have no workshop invitation or registration yet." in html
    assert 'href="/workshops/"' in html


def test_registration_lists_its_links_and_nothing_that_does_not_exist(world, ws, login):
    _registered(world, ws.workshop, world.kh_member.person)
    html = _mine(login(world.kh_member))
    w = ws.workshop.pk
    assert ws.workshop.title in html
    assert f'href="/workshops/{w}/me/"' in html
    assert f'href="/workshops/{w}/me/badge.pdf"' in html
    assert f'href="/workshops/{w}/me/agenda.ics"' in html
    assert "visa-letter.pdf" not in html  # not asked for
    assert "/me/feedback/" not in html  # the workshop has not started


def test_visa_letter_and_feedback_appear_when_they_exist(world, login):
    started = make_workshop(
        world,
        edition=20,
        start_date=timezone.localdate() - timedelta(days=1),
        end_date=timezone.localdate(),
    )
    passport = {
        "needs_visa_letter": True,
        "passport_full_name": "TEST PERSON",
        "passport_number": "N1234567",
        "passport_nationality": "Cambodian",
        "passport_expiry": timezone.localdate() + timedelta(days=900),
        "date_of_birth": timezone.localdate() - timedelta(days=12000),
    }
    _registered(world, started, world.kh_member.person, **passport)
    html = _mine(login(world.kh_member))
    assert f'href="/workshops/{started.pk}/me/visa-letter.pdf"' in html
    assert f'href="/workshops/{started.pk}/me/feedback/"' in html


def test_answered_feedback_is_not_offered_again(world, login):
    started = make_workshop(world, edition=21)
    registration = _registered(world, started, world.kh_member.person)
    started.status = "completed"
    started.save(update_fields=["status"])
    feedback_submit(
        actor=world.kh_member,
        registration=registration,
        overall_rating=5,
        session_ratings={},
        comments="",
    )
    html = _mine(login(world.kh_member))
    assert "/me/feedback/" not in html and "Feedback sent" in html


def test_invitation_not_yet_used_offers_register(world, ws, login):
    invite(world, ws.workshop, world.kh_member.person, delegation=ws.kh_del)
    html = _mine(login(world.kh_member))
    assert "Not registered yet" in html and "Register</a>" in html


def test_only_the_persons_own_workshops_are_listed(world, ws, login):
    _registered(world, ws.workshop, world.kh_focal.person)
    draft = make_workshop(world, edition=22, status="draft")
    invite(world, draft, world.kh_member.person)
    html = _mine(login(world.kh_member))
    assert ws.workshop.title not in html and draft.title not in html


def test_anonymous_visitor_is_sent_to_sign_in(client):
    assert client.get("/workshops/mine/").status_code == 302


def test_own_badge_is_a_pdf_and_needs_a_registration(world, ws, login):
    client = login(world.kh_member)
    assert client.get(f"/workshops/{ws.workshop.pk}/me/badge.pdf").status_code == 404
    _registered(world, ws.workshop, world.kh_member.person)
    response = client.get(f"/workshops/{ws.workshop.pk}/me/badge.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


@pytest.mark.queries("workshops:my_workshop_list")
def test_my_workshops_query_count_does_not_grow(world, login, settings):
    settings.DEBUG = False
    client = login(world.kh_member)

    def grow(first, n):
        for i in range(first, first + n):
            _registered(world, make_workshop(world, edition=100 + i), world.kh_member.person)

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            _mine(client)
        return len(ctx.captured_queries)

    grow(0, 2)
    small = count()
    grow(2, 18)
    assert count() == small
