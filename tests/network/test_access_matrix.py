"""Who may open and change what in the directory: the role x object x action matrix.

Guests and anonymous visitors never browse the directory; members read it; focal points change
their own country only; admins change everything. An id the user may not see is "not found".
"""

import pytest

from protectnet.network.models import Organisation, Person

READERS = ["admin", "kh_focal", "th_focal", "kh_member", "kh_le", "trainer"]
OUTSIDERS = ["guest", "anonymous"]


def _user(d, role):
    return None if role == "anonymous" else getattr(d, role)


def _read_pages(d):
    return [
        "/network/",
        "/network/?q=sok&country=KH",
        "/network/organisations/",
        f"/network/organisations/{d.kh_ngo.pk}/",
        f"/network/people/{d.shared.pk}/",
        "/network/countries/",
        "/network/countries/KH/",
        f"/network/panels/{d.panel.pk}/",
        f"/network/meetings/{d.green.pk}/",
        "/network/export.csv",
        "/network/export.xlsx",
    ]


@pytest.mark.parametrize("role", READERS)
def test_members_read_every_directory_page(d, login, role):
    client = login(_user(d, role))
    for url in _read_pages(d):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", OUTSIDERS)
def test_guests_and_anonymous_visitors_cannot_browse_the_directory(d, login, role):
    client = login(_user(d, role))
    for url in _read_pages(d):
        status = client.get(url).status_code
        assert status == (302 if role == "anonymous" else 403), url


def test_anonymous_visitors_are_sent_to_sign_in(d, login):
    response = login(None).get("/network/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", ["kh_member", "kh_le", "trainer", "guest"])
def test_non_managers_cannot_open_any_change_page(d, login, role):
    client = login(_user(d, role))
    urls = [
        "/network/people/new/",
        f"/network/people/{d.shared.pk}/edit/",
        f"/network/people/{d.shared.pk}/vetting/",
        f"/network/people/{d.private.pk}/invite/",
        f"/network/people/{d.private.pk}/erase/",
        "/network/organisations/new/",
        f"/network/organisations/{d.kh_ngo.pk}/edit/",
        f"/network/panels/{d.panel.pk}/edit/",
        f"/network/panels/{d.panel.pk}/members/new/",
        f"/network/panels/{d.panel.pk}/meetings/new/",
        "/network/import/",
    ]
    for url in urls:
        assert client.get(url).status_code == 403, url


def test_focal_point_of_another_country_finds_nothing_to_change_here(d, login):
    client = login(d.th_focal)
    for url in [
        f"/network/people/{d.shared.pk}/edit/",
        f"/network/people/{d.shared.pk}/vetting/",
        f"/network/people/{d.private.pk}/invite/",
        f"/network/organisations/{d.kh_ngo.pk}/edit/",
        f"/network/panels/{d.panel.pk}/edit/",
        f"/network/panels/{d.panel.pk}/members/new/",
        f"/network/people/{d.shared.pk}/memberships/new/",
        "/network/countries/KH/panel/new/",
    ]:
        assert client.get(url).status_code == 404, url
    response = client.post(
        f"/network/people/{d.shared.pk}/edit/", {"full_name": "Changed by Thailand"}
    )
    assert response.status_code == 404
    d.shared.refresh_from_db()
    assert d.shared.full_name == "Sok Sreymom"


def test_focal_point_changes_an_entry_of_their_own_country(d, login):
    client = login(d.kh_focal)
    assert client.get(f"/network/people/{d.shared.pk}/edit/").status_code == 200
    response = client.post(
        f"/network/people/{d.shared.pk}/edit/",
        {
            "full_name": "Sok Sreymom",
            "preferred_name": "Mom",
            "phone": "012 345 679",
            "email": "sreymom@example.test",
            "consent_directory": "on",
            "languages": "km, en",
        },
    )
    assert response.status_code == 302
    d.shared.refresh_from_db()
    assert d.shared.preferred_name == "Mom"
    assert d.shared.phone == "+85512345679"  # read in Cambodia's format, stored as E.164


def test_focal_point_cannot_create_an_organisation_in_another_country(d, login):
    client = login(d.kh_focal)
    response = client.post(
        "/network/organisations/new/",
        {"name": "Smuggled Org", "sector": "ngo", "country": d.th.pk},
    )
    assert response.status_code == 200  # the form refuses: Thailand is not a choice
    assert not Organisation.objects.filter(name="Smuggled Org").exists()


def test_focal_point_adds_a_person_to_an_organisation_of_their_country(d, login):
    client = login(d.kh_focal)
    response = client.post(
        "/network/people/new/",
        {
            "full_name": "Lim Channary",
            "organisation": d.kh_ngo.pk,
            "email": "Channary@Example.test",
        },
    )
    assert response.status_code == 302
    person = Person.objects.get(full_name="Lim Channary")
    assert person.email == "channary@example.test"
    assert person.country_ids() == {d.kh.pk}


def test_focal_point_cannot_add_a_person_to_a_foreign_organisation(d, login):
    response = login(d.kh_focal).post(
        "/network/people/new/", {"full_name": "Smuggled Person", "organisation": d.th_ministry.pk}
    )
    assert response.status_code == 200
    assert not Person.objects.filter(full_name="Smuggled Person").exists()


@pytest.mark.parametrize("role", ["kh_member", "kh_focal", "th_focal"])
def test_only_admins_erase(d, login, role):
    response = login(_user(d, role)).post(f"/network/people/{d.private.pk}/erase/")
    assert response.status_code == 403
    d.private.refresh_from_db()
    assert d.private.erased_at is None


@pytest.mark.parametrize("path", ["people", "organisations", "panels", "meetings", "import"])
def test_guessed_ids_are_not_found(d, login, path):
    client = login(d.admin)
    assert client.get(f"/network/{path}/999999/").status_code == 404


def test_contact_details_show_only_with_consent(d, login):
    body = login(d.kh_member).get("/network/?q=").content.decode()
    assert "sreymom@example.test" in body
    assert "vanna@example.test" not in body
    assert "+85512000111" not in body
    detail = login(d.th_member).get(f"/network/people/{d.private.pk}/").content.decode()
    assert "vanna@example.test" not in detail
    assert "Not shared with the network" in detail


def test_a_person_sees_their_own_contact_details_without_consent(d, login):
    d.guest.person.delete()
    d.guest.refresh_from_db()
    d.private.user = d.guest  # the guest's account now belongs to a member of kh_ngo
    d.private.save(update_fields=["user"])
    body = login(d.guest).get(f"/network/people/{d.private.pk}/").content.decode()
    assert "vanna@example.test" in body


def test_erased_entries_are_hidden_from_members(d, login):
    from protectnet.network import services

    services.person_erase(actor=d.admin, person=d.private)
    assert login(d.kh_member).get(f"/network/people/{d.private.pk}/").status_code == 404
    assert login(d.admin).get(f"/network/people/{d.private.pk}/").status_code == 200


def test_vetting_is_visible_to_managers_only(d, login):
    from tests.factories import vet

    vet(d.kh_le)
    url = f"/network/people/{d.kh_le.person.pk}/vetting/"
    assert login(d.kh_focal).get(url).status_code == 200
    assert login(d.admin).get(url).status_code == 200
    assert login(d.th_focal).get(url).status_code == 404
    assert login(d.kh_member).get(url).status_code == 403


def test_nobody_records_their_own_vetting(d, login):
    client = login(d.kh_focal)
    url = f"/network/people/{d.kh_focal.person.pk}/vetting/"
    response = client.post(
        url, {"level": "law_enforcement", "verified_on": "2026-01-01", "expires_on": "2027-01-01"}
    )
    assert response.status_code == 403
    assert not d.kh_focal.person.vettings.exists()


def test_focal_point_records_vetting_that_opens_law_enforcement_role(d, login):
    from protectnet.access.principal import principal_for
    from tests.factories import confirmed_device

    officer = d.kh_le_unvetted
    confirmed_device(officer)
    response = login(d.kh_focal).post(
        f"/network/people/{officer.person.pk}/vetting/",
        {"level": "law_enforcement", "verified_on": "2026-01-01", "expires_on": "2099-01-01"},
    )
    assert response.status_code == 302
    officer.refresh_from_db()
    assert principal_for(officer).is_le_vetted


def test_vetting_with_expiry_before_check_is_refused(d, login):
    response = login(d.admin).post(
        f"/network/people/{d.kh_le_unvetted.person.pk}/vetting/",
        {"level": "law_enforcement", "verified_on": "2026-01-01", "expires_on": "2025-01-01"},
    )
    assert response.status_code == 200
    assert not d.kh_le_unvetted.person.vettings.exists()


def test_guests_and_former_members_are_not_listed_in_the_directory(d, login):
    from django.utils import timezone

    membership = d.private.memberships.get()
    membership.end_date = timezone.localdate() - timezone.timedelta(days=1)
    membership.save(update_fields=["end_date"])
    client = login(d.kh_member)
    body = client.get("/network/").content.decode()
    assert "Chea Vanna" not in body
    assert d.guest.person.full_name not in body
    assert client.get(f"/network/people/{d.guest.person.pk}/").status_code == 404
    assert client.get(f"/network/people/{d.private.pk}/").status_code == 404
    assert login(d.admin).get(f"/network/people/{d.private.pk}/").status_code == 200
