"""Directory search and pages: names in any script, folded search, filters, invitations."""

from dataclasses import replace

import pytest
from django.core import mail

from protectnet.accounts.models import Invitation
from protectnet.network import services
from protectnet.network.models import Organisation
from tests.network.conftest import person_in


def _names(client, query: str) -> str:
    return client.get(f"/network/?{query}").content.decode()


def test_search_finds_vietnamese_names_typed_without_diacritics(d, login):
    person_in(d.kh_ngo, "Nguyễn Thị Lan", consent=True)
    assert "Nguyễn Thị Lan" in _names(login(d.kh_member), "q=nguyen+thi")


def test_search_finds_khmer_text_without_spaces(d, login):
    person_in(d.kh_ngo, "សុខ ដារា")
    assert "សុខ ដារា" in _names(login(d.kh_member), "q=ដារា")


def test_khmer_vowel_signs_count_in_a_search(d, login):
    """The directory folds like the library (core/text.py): Khmer vowel signs are letters, so
    "សុខា" (Sokha) is found by its own spelling and not by the bare consonants "សខ"."""
    person_in(d.kh_ngo, "សុខា ចាន់")
    client = login(d.kh_member)
    assert "សុខា ចាន់" in _names(client, "q=សុខា")
    assert "សុខា ចាន់" not in _names(client, "q=សខ")


def test_search_by_organisation_country_sector_expertise_and_language(d, login):
    client = login(d.th_member)
    assert "Sok Sreymom" in _names(client, "q=Cambodian+Test+NGO")
    body = _names(client, "country=TH")
    assert "Somchai Wongsakul" in body and "Sok Sreymom" not in body
    assert "Sok Sreymom" not in _names(client, "sector=government")
    assert "Sok Sreymom" in _names(client, "expertise=child+protection")
    assert "Sok Sreymom" in _names(client, "language=km")
    assert "Chea Vanna" not in _names(client, "language=km")


def test_bad_filters_are_ignored_with_a_message(d, login):
    body = _names(login(d.kh_member), "country=ZZ&page=abc")
    assert "Some filters were not valid" in body


def test_the_directory_paginates(d, login):
    for i in range(30):
        person_in(d.kh_ngo, f"Paged Person {i:02d}")
    client = login(d.kh_member)
    first = _names(client, "q=paged")
    assert "Page 1 of 2" in first and "Paged Person 00" in first
    assert "Paged Person 29" in _names(client, "q=paged&page=2")
    assert "Page 2 of 2" in _names(client, "q=paged&page=99")


def test_organisation_page_lists_its_people(d, login):
    body = login(d.kh_member).get(f"/network/organisations/{d.kh_ngo.pk}/").content.decode()
    assert "Sok Sreymom" in body and "Somchai" not in body


def test_organisation_names_are_unique_per_country(d, login):
    response = login(d.admin).post(
        "/network/organisations/new/",
        {"name": "cambodian test ngo", "sector": "ngo", "country": d.kh.pk},
    )
    assert response.status_code == 200
    assert Organisation.objects.filter(name__iexact="cambodian test ngo").count() == 1


def test_email_is_unique_whatever_its_case(d, login):
    response = login(d.admin).post(
        "/network/people/new/",
        {"full_name": "Copy", "organisation": d.kh_ngo.pk, "email": "SREYMOM@EXAMPLE.TEST"},
    )
    assert response.status_code == 200
    assert "already exists" in response.content.decode()


@pytest.mark.parametrize("phone", ["12345", "+1 000", "call me"])
def test_bad_phone_numbers_are_refused(d, login, phone):
    response = login(d.admin).post(
        "/network/people/new/",
        {"full_name": "Phone Test", "organisation": d.kh_ngo.pk, "phone": phone},
    )
    assert response.status_code == 200
    assert "phone number" in response.content.decode()


def test_consent_is_timestamped_and_cleared(d):
    services.person_update(actor=d.admin, person=d.private, data=_consent(d.private, True))
    assert d.private.consent_directory_at is not None
    services.person_update(actor=d.admin, person=d.private, data=_consent(d.private, False))
    assert d.private.consent_directory_at is None


def test_focal_point_invites_a_person_of_their_country(d, login):
    response = login(d.kh_focal).post(
        f"/network/people/{d.private.pk}/invite/", {"email": "vanna@example.test"}
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="vanna@example.test")
    assert invitation.person_id == d.private.pk
    assert len(mail.outbox) == 1
    assert "Chea Vanna" not in mail.outbox[0].subject


def test_a_person_with_an_account_cannot_be_invited_again(d, login):
    assert login(d.admin).get(f"/network/people/{d.kh_member.person.pk}/invite/").status_code == 404


def test_membership_end_keeps_history_and_drops_the_role(d, login):
    from protectnet.access.principal import principal_for

    membership = d.kh_member.person.memberships.get()
    response = login(d.kh_focal).post(
        f"/network/people/{d.kh_member.person.pk}/memberships/{membership.pk}/end/"
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.end_date is not None
    d.kh_member.refresh_from_db()
    assert not principal_for(d.kh_member).is_member


def test_dashboard_cards_follow_the_role(d, login):
    assert "Directory" in login(d.kh_member).get("/").content.decode()
    focal = login(d.kh_focal).get("/").content.decode()
    assert "Your country" in focal and "Vetting expiring" in focal
    guest = login(d.guest).get("/").content.decode()
    assert "Your data" in guest and '/network/"' not in guest


def test_other_apps_add_sections_to_the_country_page(d, login, monkeypatch):
    from types import SimpleNamespace

    from protectnet.network import country_sections
    from protectnet.network.country_sections import CountrySection

    provider = SimpleNamespace(
        sections=lambda user, country: [
            CountrySection(title="Workshop delegation", rows=[("Delegates", f"4 from {country}")])
        ]
    )
    monkeypatch.setattr(country_sections, "_providers", lambda: (provider,))
    body = login(d.kh_member).get("/network/countries/KH/").content.decode()
    assert "Workshop delegation" in body and "4 from Cambodia" in body


def _consent(person, given: bool) -> services.PersonInput:
    return replace(services.PersonInput.of(person), consent_directory=given)
