"""People are named in full with their organisation in the workshops pages: two nominees who
both go by "Bopha" are told apart in the nomination list, the pickers, the registration list,
at check-in and on badges."""

import pytest
from django.template.loader import render_to_string

from protectnet.workshops.documents import badge_of
from protectnet.workshops.models import Invitation
from protectnet.workshops.services.delegations import nomination_create

from .conftest import START, invite, person_in, register


@pytest.fixture
def two_bophas(world, ws):
    ws.kh_del.quota = 5
    ws.kh_del.save(update_fields=["quota"])
    police = person_in(world.kh_police, full_name="Chan Bopha", preferred_name="Bopha")
    ngo = person_in(world.kh_ngo, full_name="Keo Bopha", preferred_name="Bopha")
    return police, ngo


def _registered(world, ws, *people):
    found = []
    for person in people:
        invite(world, ws.workshop, person, delegation=ws.kh_del)
        found.append(register(Invitation.objects.get(person=person)))
    return found


def test_nomination_list_names_each_nominee_in_full_with_organisation(world, ws, login, two_bophas):
    for person in two_bophas:
        nomination_create(actor=world.kh_focal, delegation=ws.kh_del, person=person)
    html = login(world.kh_focal).get(f"/workshops/delegations/{ws.kh_del.pk}/").content.decode()
    assert '<th scope="row">Chan Bopha (Cambodian Test Police)</th>' in html
    assert '<th scope="row">Keo Bopha (Cambodian Test NGO)</th>' in html
    assert '<th scope="row">Bopha' not in html


def test_nomination_picker_shows_full_name_and_organisation(world, ws, login, two_bophas):
    html = login(world.kh_focal).get(f"/workshops/delegations/{ws.kh_del.pk}/").content.decode()
    assert "Chan Bopha (Cambodian Test Police)</option>" in html
    assert "Keo Bopha (Cambodian Test NGO)</option>" in html


def test_invitation_picker_shows_full_name_and_organisation(world, ws, login, two_bophas):
    html = login(world.admin).get(f"/workshops/{ws.workshop.pk}/invite/").content.decode()
    assert "Keo Bopha (Cambodian Test NGO)</option>" in html


def test_registration_list_and_detail_show_full_names(world, ws, login, two_bophas):
    police, _ngo = _registered(world, ws, *two_bophas)
    client = login(world.admin)
    listing = client.get(f"/workshops/{ws.workshop.pk}/registrations/").content.decode()
    assert "Chan Bopha</a>" in listing and "Keo Bopha</a>" in listing
    detail = client.get(f"/workshops/registrations/{police.pk}/").content.decode()
    assert "<h1>Chan Bopha</h1>" in detail


def test_checkin_search_and_message_name_person_and_organisation(world, ws, login, two_bophas):
    police, _ngo = _registered(world, ws, *two_bophas)
    client = login(world.admin)
    found = client.get(f"/workshops/{ws.workshop.pk}/check-in/?day={START}&q=Bopha")
    html = found.content.decode()
    assert "Chan Bopha (Cambodian Test Police), Cambodia" in html
    assert "Keo Bopha (Cambodian Test NGO), Cambodia" in html
    answer = client.post(
        f"/workshops/{ws.workshop.pk}/check-in/record/",
        {"day": START.isoformat(), "code": police.badge_code},
        HTTP_ACCEPT="application/json",
    )
    assert answer.json()["message"] == "Chan Bopha (Cambodian Test Police) is checked in."


def test_badge_shows_the_full_name(world, ws, two_bophas):
    police, _ngo = _registered(world, ws, *two_bophas)
    html = render_to_string(
        "workshops/pdf/badges.html", {"workshop": ws.workshop, "badges": [badge_of(police)]}
    )
    assert '<p class="name">Chan Bopha</p>' in html
    assert '<p class="org">Cambodian Test Police</p>' in html
