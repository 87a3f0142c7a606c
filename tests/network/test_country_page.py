"""The country page at scale: focal points are found by search, organisations come by sector
with counts and a bounded list, and the organisation list counts people per row shown."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from protectnet.network.models import FocalPoint, Organisation
from protectnet.network.selectors import FOCAL_CANDIDATES_SHOWN, ORGANISATIONS_PER_SECTOR
from tests import factories as f
from tests.network.conftest import person_in

SEARCH = "/network/countries/{}/focal-points/new/"


def _appoint_buttons(body: str) -> int:
    return body.count('name="person"')


def test_admin_finds_a_person_by_search_and_appoints_them_without_javascript(d, login):
    client = login(d.admin)
    page = client.get("/network/countries/KH/").content.decode()
    assert 'action="/network/countries/KH/focal-points/new/"' in page
    assert '<select name="person"' not in page

    found = client.get(SEARCH.format("KH"), {"q": "sreymom"}).content.decode()
    assert "Sok Sreymom" in found
    assert f'name="person" value="{d.shared.pk}"' in found

    response = client.post(SEARCH.format("KH"), {"person": d.shared.pk}, follow=True)
    assert FocalPoint.objects.filter(country=d.kh, person=d.shared).exists()
    body = response.content.decode()
    assert "The focal point is added." in body
    assert "Sok Sreymom" in body.split('id="focal-heading"')[1].split("</ul>")[0]


def test_a_person_of_another_country_cannot_be_made_focal_point_by_posting_their_id(d, login):
    response = login(d.admin).post(SEARCH.format("KH"), {"person": d.thai.pk}, follow=True)
    assert not FocalPoint.objects.filter(country=d.kh, person=d.thai).exists()
    assert "Choose a person of this country." in response.content.decode()


def test_the_focal_point_service_refuses_a_person_of_another_country_for_any_caller(d):
    from protectnet.network import services

    with pytest.raises(ValidationError, match="organisation of the country"):
        services.focal_point_add(actor=d.admin, country=d.kh, person=d.thai)
    assert not FocalPoint.objects.filter(person=d.thai).exists()


def test_the_search_offers_only_people_of_the_country(d, login):
    client = login(d.admin)
    body = client.get(SEARCH.format("KH"), {"q": "Somchai"}).content.decode()
    assert "Somchai Wongsakul" not in body
    assert _appoint_buttons(body) == 0
    assert "Nobody of Cambodia matches" in body
    assert "Somchai Wongsakul" in client.get(SEARCH.format("TH"), {"q": "Somchai"}).content.decode()


def test_people_already_focal_point_are_not_offered_again(d, login):
    FocalPoint.objects.create(country=d.kh, person=d.shared)
    body = login(d.admin).get(SEARCH.format("KH"), {"q": "Sok"}).content.decode()
    assert f'value="{d.shared.pk}"' not in body


def test_the_search_shows_a_bounded_number_of_people_and_asks_for_more_letters(d, login):
    for i in range(FOCAL_CANDIDATES_SHOWN + 5):
        person_in(d.kh_ngo, f"Many Namesake {i:02}")
    body = login(d.admin).get(SEARCH.format("KH"), {"q": "namesake"}).content.decode()
    assert _appoint_buttons(body) == FOCAL_CANDIDATES_SHOWN
    assert "type more of the name" in body


def test_a_one_letter_search_lists_nobody_and_says_why(d, login):
    body = login(d.admin).get(SEARCH.format("KH"), {"q": "s"}).content.decode()
    assert _appoint_buttons(body) == 0
    assert "at least 2 characters" in body
    assert 'id="id_q_error"' in body  # the message sits beside the field it concerns


def test_htmx_gets_the_results_alone(d, login):
    response = login(d.admin).get(SEARCH.format("KH"), {"q": "sreymom"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "<html" not in body
    assert f'name="person" value="{d.shared.pk}"' in body
    assert "csrfmiddlewaretoken" in body


@pytest.mark.parametrize("role", ["kh_focal", "kh_member"])
def test_only_admins_search_for_focal_points(d, login, role):
    client = login(getattr(d, role))
    assert client.get(SEARCH.format("KH"), {"q": "sreymom"}).status_code in (403, 404)
    assert client.post(SEARCH.format("KH"), {"person": d.shared.pk}).status_code in (403, 404)
    assert not FocalPoint.objects.filter(country=d.kh, person=d.shared).exists()
    assert "focal-points/new/" not in client.get("/network/countries/KH/").content.decode()


def test_focal_point_search_costs_the_same_for_2_and_20_matches(
    d, login, django_assert_num_queries
):
    client = login(d.admin)
    url = SEARCH.format("KH") + "?q=grown"
    for i in range(2):
        person_in(d.kh_ngo, f"Grown Match {i}")
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    for i in range(2, 20):
        f.MembershipFactory(
            person=person_in(d.kh_ngo, f"Grown Match {i}"), organisation=d.kh_police
        )
    with django_assert_num_queries(len(ctx.captured_queries)):
        assert client.get(url).status_code == 200


def test_country_page_lists_sectors_with_counts_and_links_to_the_rest(d, login):
    extra = ORGANISATIONS_PER_SECTOR + 2
    for i in range(extra):
        f.OrganisationFactory(name=f"Bounded NGO {i:02}", sector="ngo", country=d.kh)
    ngo_total = Organisation.objects.filter(country=d.kh, sector="ngo").count()
    body = login(d.kh_member).get("/network/countries/KH/").content.decode()
    assert f'NGO <small class="muted">({ngo_total})</small>' in body
    shown = [i for i in range(extra) if f"Bounded NGO {i:02}<" in body]
    assert shown == list(range(ORGANISATIONS_PER_SECTOR))
    assert "Cambodian Test NGO" not in body  # sorts after the bounded ones
    assert "/network/organisations/?country=KH&amp;sector=ngo" in body
    assert f"All {ngo_total} organisations in NGO" in body
    assert d.kh_police.name in body  # the other sectors are still listed


def test_organisation_list_counts_current_people_of_each_row(d, login, api):
    ended = person_in(d.kh_ngo, "Former Staff")
    ended.memberships.update(end_date=timezone.localdate() - timezone.timedelta(days=1))
    current = d.kh_ngo.memberships.filter(end_date__isnull=True).count()
    assert current >= 3  # Sok Sreymom, Chea Vanna, the member; not the former staff
    body = login(d.kh_member).get("/network/organisations/?q=Cambodian Test NGO").content.decode()
    row = body.split("Cambodian Test NGO</a>")[1].split("</tr>")[0]
    assert f'<td data-label="People">{current}</td>' in row
    items = api(d.kh_member).get("/api/v1/organisations?q=Cambodian Test NGO").json()["items"]
    assert [(o["name"], o["people_count"]) for o in items] == [("Cambodian Test NGO", current)]
