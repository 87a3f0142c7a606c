"""The searchable pickers (/pick/<kind>/) list only what the reader may see, and a form that
uses one refuses an id outside its choices, forged or not, with an error the reader understands."""

import pytest
from django.utils import timezone

from protectnet.network.models import Membership, Person
from tests import factories as f


@pytest.fixture
def bophas(world):
    """A current member of a Cambodian NGO and a former one (membership ended)."""
    current = f.MembershipFactory(
        person=f.PersonFactory(full_name="Chan Bopha"), organisation=world.kh_ngo
    ).person
    former = f.MembershipFactory(
        person=f.PersonFactory(full_name="Keo Bopha"),
        organisation=world.kh_ngo,
        end_date=timezone.localdate().replace(year=2020),
    ).person
    return current, former


def _names(client, kind: str, q: str, **params) -> str:
    response = client.get(f"/pick/{kind}/", {"q": q, **params})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("who", "sees_current", "sees_former"),
    [
        ("admin", True, True),
        ("kh_focal", True, False),
        ("kh_member", True, False),
        ("th_member", True, False),
        ("guest", False, False),
    ],
)
def test_person_picker_lists_only_people_the_reader_may_see(
    who, sees_current, sees_former, world, login, bophas
):
    html = _names(login(getattr(world, who)), "person", "Bopha")
    assert ("Chan Bopha (Cambodian Test NGO)" in html) is sees_current
    assert ("Keo Bopha" in html) is sees_former


def test_person_picker_narrowed_to_a_country_lists_no_one_of_another(world, login, bophas):
    client = login(world.admin)
    assert "Chan Bopha" in _names(client, "person", "Bopha", country="KH")
    assert "Chan Bopha" not in _names(client, "person", "Bopha", country="TH")


@pytest.mark.parametrize(("who", "sees"), [("kh_member", True), ("guest", False)])
def test_organisation_picker_follows_the_policy(who, sees, world, login):
    html = _names(login(getattr(world, who)), "organisation", "Thai Test")
    assert ("Thai Test Ministry" in html) is sees


def test_organisation_picker_for_adding_people_offers_the_focal_points_country_only(world, login):
    html = _names(login(world.kh_focal), "organisation", "Test", managed="1")
    assert "Cambodian Test NGO" in html
    assert "Thai Test Ministry" not in html


def test_time_zone_picker_finds_a_zone_by_part_of_its_name(world, login):
    assert 'data-value="Asia/Phnom_Penh"' in _names(login(world.kh_member), "time_zone", "penh")


def test_a_single_letter_finds_nobody(world, login, bophas):
    assert "Bopha" not in _names(login(world.admin), "person", "B")


def test_an_unknown_kind_is_not_found(world, login):
    assert login(world.admin).get("/pick/passport/", {"q": "ab"}).status_code == 404


def test_anonymous_visitors_cannot_search(client, bophas):
    response = client.get("/pick/person/", {"q": "Bopha"})
    assert response.status_code in (302, 403)
    assert b"Bopha" not in response.content


def test_a_forged_organisation_id_is_refused_with_a_clear_error(world, login):
    response = login(world.kh_focal).post(
        "/network/people/new/",
        {"full_name": "Dara Forged", "organisation": world.th_ministry.pk},
    )
    assert response.status_code == 200
    assert "not among those you may choose here" in response.content.decode()
    assert not Person.objects.filter(full_name="Dara Forged").exists()
    assert not Membership.objects.filter(
        organisation=world.th_ministry, person__full_name="Dara Forged"
    ).exists()


def test_the_person_form_renders_a_searchable_organisation_picker(world, login):
    html = login(world.kh_focal).get("/network/people/new/").content.decode()
    assert 'data-picker-url="/pick/organisation/?managed=1"' in html
    assert '<select name="organisation"' in html  # without JavaScript, the plain choice
    assert "Thai Test Ministry" not in html
