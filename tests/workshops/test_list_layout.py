"""The workshops' lists as a reader sees them: a page header (breadcrumbs back to the workshop,
its tabs), rows that become cards on a phone, and empty states that say what to do next."""

import re

import pytest

from protectnet.workshops.models import Invitation

from .conftest import invite, make_workshop, person_in, register


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _labels(html: str) -> set[str]:
    return set(re.findall(r'<td data-label="([^"]+)"', html))


def test_no_workshop_yet_offers_the_organiser_a_new_one(world, login):
    html = _page(login(world.admin), "/workshops/")
    assert '<div class="empty-state">' in html and "No workshop yet" in html
    assert '<a href="/workshops/new/">New workshop</a>' in html


def test_no_workshop_yet_tells_a_member_how_one_reaches_them(world, login):
    html = _page(login(world.kh_member), "/workshops/")
    assert "No workshop is open to you yet." in html
    assert "/workshops/new/" not in html


def test_no_registration_yet_offers_to_invite_someone(world, login):
    workshop = make_workshop(world)
    html = _page(login(world.admin), f"/workshops/{workshop.pk}/registrations/")
    assert "Nobody has registered yet." in html
    assert f'<a href="/workshops/{workshop.pk}/invite/">Invite someone</a>' in html
    assert "<table" not in html


def test_no_delegation_yet_points_the_organiser_to_the_quota_form(world, login):
    workshop = make_workshop(world)
    html = _page(login(world.admin), f"/workshops/{workshop.pk}/delegations/")
    assert "No delegation yet" in html and '<a href="#quota">' in html
    assert 'id="quota"' in html


def test_registration_page_header_leads_back_to_the_workshop(world, ws, login):
    html = _page(login(world.admin), f"/workshops/{ws.workshop.pk}/registrations/")
    trail = html[html.index('aria-label="Breadcrumb"') :]
    trail = trail[: trail.index("</nav>")]
    assert '<a href="/workshops/">Workshops</a>' in trail
    assert f'<a href="/workshops/{ws.workshop.pk}/">{ws.workshop.title}</a>' in trail
    assert '<span aria-current="page">Registrations</span>' in trail


@pytest.mark.parametrize(
    ("url", "labels"),
    [
        ("/workshops/", {"Where", "Dates", "Status"}),
        ("/workshops/{w}/delegations/", {"Quota", "Seats held", "Registered"}),
        ("/workshops/{w}/registrations/", {"Country", "Organisation", "Status", "Visa letter"}),
    ],
)
def test_workshop_rows_stack_into_cards_each_cell_named(url, labels, world, ws, login):
    invite(world, ws.workshop, person_in(world.kh_ngo, full_name="Card Person"), ws.kh_del)
    register(Invitation.objects.get(person__full_name="Card Person"))
    html = _page(login(world.admin), url.format(w=ws.workshop.pk))
    assert '<table class="stack">' in html
    assert labels <= _labels(html)


def test_no_outcome_yet_offers_the_organiser_to_record_one(world, login):
    workshop = make_workshop(world)
    html = _page(login(world.admin), f"/workshops/{workshop.pk}/outcomes/")
    assert '<header class="page-header">' in html and "No outcomes recorded yet" in html
    assert f'<a href="/workshops/{workshop.pk}/outcomes/new/">Record an outcome</a>' in html
