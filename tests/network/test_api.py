"""The directory API: the same policy as the pages, bearer tokens only, JSON errors."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from protectnet.network.models import Membership, Organisation, Person

from .conftest import person_in


def test_members_list_people_with_filters_and_pagination(d, api):
    client = api(d.kh_member)
    data = client.get("/api/v1/people?country=KH&limit=2&offset=0").json()
    assert data["count"] >= 4 and len(data["items"]) == 2
    second = client.get("/api/v1/people?country=KH&limit=2&offset=2").json()
    assert {p["id"] for p in data["items"]}.isdisjoint({p["id"] for p in second["items"]})
    found = client.get("/api/v1/people?q=sreymom&expertise=child%20protection&language=km").json()
    assert [p["full_name"] for p in found["items"]] == ["Sok Sreymom"]


def test_contacts_in_the_api_only_with_consent(d, api):
    client = api(d.th_member)
    shared = client.get(f"/api/v1/people/{d.shared.pk}").json()
    private = client.get(f"/api/v1/people/{d.private.pk}").json()
    assert shared["email"] == "sreymom@example.test"
    assert private["email"] is None and private["phone"] is None


@pytest.mark.parametrize("role", ["guest", None])
def test_guests_and_anonymous_callers_are_refused(d, api, role):
    client = api(getattr(d, role) if role else None)
    for url in [
        "/api/v1/people",
        "/api/v1/organisations",
        "/api/v1/countries",
        f"/api/v1/people/{d.shared.pk}",
    ]:
        response = client.get(url)
        assert response.status_code == (403 if role else 401), url
        assert "code" in response.json()


def test_a_session_cookie_does_not_open_the_api(d, login):
    assert login(d.kh_member).get("/api/v1/people").status_code == 401


def test_guessed_ids_are_not_found(d, api):
    client = api(d.admin)
    assert client.get("/api/v1/people/999999").status_code == 404
    assert client.get("/api/v1/organisations/999999").status_code == 404
    assert client.get("/api/v1/countries/ZZ").status_code == 404


def test_countries_and_organisations(d, api):
    client = api(d.kh_member)
    countries = client.get("/api/v1/countries").json()
    assert {c["code"] for c in countries["items"]} == {"KH", "TH", "GB"}
    kh = client.get("/api/v1/countries/kh").json()
    assert kh["organisation_count"] == 2
    orgs = client.get("/api/v1/organisations?country=TH&sector=government").json()
    assert [o["name"] for o in orgs["items"]] == ["Thai Test Ministry"]
    one = client.get(f"/api/v1/organisations/{d.kh_ngo.pk}").json()
    assert one["country"] == "KH"


def test_focal_point_creates_and_updates_in_their_country_only(d, api):
    client = api(d.kh_focal)
    created = client.post(
        "/api/v1/people",
        {"full_name": "Keo Chantha", "organisation_id": d.kh_ngo.pk, "phone": "012 555 666"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["full_name"] == "Keo Chantha"
    person = Person.objects.get(full_name="Keo Chantha")
    assert person.phone == "+85512555666"
    patched = client.patch(
        f"/api/v1/people/{person.pk}", {"job_title": "Director"}, content_type="application/json"
    )
    assert patched.status_code == 200 and patched.json()["job_title"] == "Director"
    foreign = client.post(
        "/api/v1/people",
        {"full_name": "Smuggled", "organisation_id": d.th_ministry.pk},
        content_type="application/json",
    )
    assert foreign.status_code == 403
    other = client.patch(
        f"/api/v1/people/{d.thai.pk}", {"job_title": "Hacked"}, content_type="application/json"
    )
    assert other.status_code == 403
    d.thai.refresh_from_db()
    assert d.thai.job_title == ""


def test_members_cannot_write(d, api):
    client = api(d.kh_member)
    response = client.post(
        "/api/v1/organisations",
        {"name": "New NGO", "sector": "ngo", "country": "KH"},
        content_type="application/json",
    )
    assert response.status_code == 403
    response = client.patch(
        f"/api/v1/people/{d.shared.pk}", {"full_name": "X"}, content_type="application/json"
    )
    assert response.status_code == 403


def test_admin_creates_and_moves_an_organisation(d, api):
    client = api(d.admin)
    response = client.post(
        "/api/v1/organisations",
        {"name": "New NGO", "sector": "ngo", "country": "KH", "parent_id": d.kh_ngo.pk},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    org = Organisation.objects.get(name="New NGO")
    assert org.parent == d.kh_ngo
    response = client.patch(
        f"/api/v1/organisations/{org.pk}",
        {"country": "TH", "parent_id": None},
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["country"] == "TH"


def test_focal_point_cannot_move_an_organisation_out_of_reach(d, api):
    response = api(d.kh_focal).patch(
        f"/api/v1/organisations/{d.kh_ngo.pk}", {"country": "TH"}, content_type="application/json"
    )
    assert response.status_code == 403
    d.kh_ngo.refresh_from_db()
    assert d.kh_ngo.country == d.kh


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"full_name": "X", "organisation_id": 0, "phone": "12"}, None),
        ({"full_name": "Bad Phone", "phone": "12345"}, "phone"),
        ({"full_name": "Bad Mail", "email": "not-an-email"}, "email"),
        ({"full_name": "Dup", "email": "SREYMOM@example.test"}, "__all__"),
        ({"full_name": "Lang", "languages": ["english language"]}, "languages"),
    ],
)
def test_bad_input_is_refused_with_a_clear_error_and_nothing_stored(d, api, payload, field):
    before = Person.objects.count()
    payload = {"organisation_id": d.kh_ngo.pk, **payload}
    response = api(d.admin).post("/api/v1/people", payload, content_type="application/json")
    assert response.status_code in (404, 422)
    if field:
        assert field in str(response.json()["errors"])
    assert Person.objects.count() == before


def test_limit_is_bounded(d, api):
    assert api(d.kh_member).get("/api/v1/people?limit=1000").status_code == 422


WRITERS = {"admin": 200, "kh_focal": 200}
ROLES = ["admin", "kh_focal", "th_focal", "kh_member", "kh_le", "trainer", "guest", "anonymous"]


def _expected(role: str, allowed: int) -> int:
    if role == "anonymous":
        return 401
    return WRITERS.get(role, 403) if allowed else 403


@pytest.mark.parametrize("role", ROLES)
def test_api_write_matrix_for_a_cambodian_person_and_organisation(d, api, role):
    client = api(None if role == "anonymous" else getattr(d, role))
    person = client.patch(
        f"/api/v1/people/{d.shared.pk}", {"job_title": "Changed"}, content_type="application/json"
    )
    assert person.status_code == _expected(role, 200)
    org = client.patch(
        f"/api/v1/organisations/{d.kh_ngo.pk}", {"acronym": "CHG"}, content_type="application/json"
    )
    assert org.status_code == _expected(role, 200)
    created = client.post(
        "/api/v1/organisations",
        {"name": f"New by {role}", "sector": "ngo", "country": "KH"},
        content_type="application/json",
    )
    assert created.status_code == (201 if role in WRITERS else _expected(role, 0))
    d.shared.refresh_from_db()
    assert (d.shared.job_title == "Changed") == (role in WRITERS)


def _counted(client, org) -> int:
    found = client.get("/api/v1/organisations", {"country": "KH", "q": org.name}).json()
    return {o["id"]: o["people_count"] for o in found["items"]}[org.pk]


def test_an_organisations_people_count_leaves_out_erased_and_former_members(d, api, login):
    client = api(d.admin)
    before = _counted(client, d.kh_ngo)
    erased, former, _kept = (person_in(d.kh_ngo, n) for n in ("Erased One", "Former Two", "Kept"))
    Person.objects.filter(pk=erased.pk).update(erased_at=timezone.now())
    yesterday = timezone.localdate() - timedelta(days=1)
    Membership.objects.filter(person=former).update(end_date=yesterday)
    assert _counted(client, d.kh_ngo) == before + 1
    page = login(d.admin).get("/network/organisations/", {"q": d.kh_ngo.name}).content.decode()
    row = re.search(rf'href="/network/organisations/{d.kh_ngo.pk}/".*?</tr>', page, re.S).group(0)
    assert f'data-label="People">{before + 1}<' in row
