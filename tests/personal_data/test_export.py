"""The export, as the person, an admin and an attacker see it: every app's part, as JSON and a
readable PDF; an admin's download of someone else is audited; nobody else gets anything."""

import io
import json

import pytest
from pypdf import PdfReader

from protectnet.access.models import AuditEntry

from .conftest import ALERT_SUMMARY, DIET, EMAIL, EMERGENCY, NAME, PASSPORT, grow

PARTS = ("account", "audit", "network", "workshops", "training", "library", "alerts")


def _own(login, planted) -> dict:
    response = login(planted.user).get("/network/me/data.json")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    return json.loads(response.content)


def test_the_export_holds_every_apps_part(planted, login):
    data = _own(login, planted)
    assert set(PARTS) | {"terminology"} <= set(data)
    assert data["account"]["email"] == EMAIL and data["account"]["second_factor"] is True
    assert data["account"]["api_tokens"][0]["name"] == f"{NAME} laptop"
    assert data["account"]["invitations"][0]["email"] == EMAIL
    assert data["network"]["directory_entry"]["full_name"] == NAME
    assert data["network"]["vetting"][0]["notes"] == f"Interviewed {NAME}"
    (registration,) = data["workshops"]["registrations"]
    assert registration["passport_number"] == PASSPORT
    assert registration["dietary_needs"] == DIET
    assert registration["emergency_contact_name"] == EMERGENCY
    assert registration["needs_visa_letter"] is True and len(registration["check_ins"]) == 1
    assert data["workshops"]["nominations"][0]["note"] == f"{NAME} speaks Khmer"
    assert data["workshops"]["feedback"][0]["comments"] == f"Thank you, {NAME}"
    assert data["workshops"]["outcomes_as_contact"][0]["title"] == "Hotline"
    assert data["workshops"]["talks"][0]["sessions"]
    (enrolment,) = data["training"]["enrolments"]
    assert enrolment["tests"][0]["answers"] == {"1": [2]}
    assert enrolment["evaluation"]["comments"] == f"{NAME} found it useful"
    assert data["training"]["certificates"][0]["holder_name"] == NAME
    assert data["library"]["access_requests"][0]["reason"] == f"{NAME} needs it for a case"
    assert data["library"]["resources_uploaded"][0]["title"] == "Planted guide 0"
    assert data["library"]["resources_naming_you"][0]["title"] == "Named-only guide 0"
    assert data["library"]["staged_uploads"][0]["file"] == "a.pdf"
    assert len(data["alerts"]["acknowledgements"]) == len(data["alerts"]["replies"]) == 1
    assert data["alerts"]["alerts"][0]["reference"].startswith("PA-")
    assert data["terminology"]["terms_changed"][0]["term"] == "planted-term"


def test_the_export_carries_no_secret_and_no_alert_content(planted, login):
    body = login(planted.user).get("/network/me/data.json").content.decode()
    assert ALERT_SUMMARY not in body  # encrypted content, decrypted nowhere in the export
    assert "p" * 64 not in body and "i" * 64 not in body  # token and invitation hashes
    assert "password" not in body and "key_hash" not in body


def test_alerts_the_person_can_no_longer_open_are_not_exported(world, planted, login):
    planted.person.vettings.all().delete()  # vetting lapsed: no longer law-enforcement vetted
    data = _own(login, planted)
    assert data["alerts"]["alerts"] == [] and data["alerts"]["replies"] == []


def test_the_pdf_renders_and_names_the_person(planted, login):
    response = login(planted.user).get("/network/me/data.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert NAME in text and PASSPORT in text and "Workshops" in text
    assert AuditEntry.objects.filter(
        action="network.personal_data.downloaded", actor=planted.user
    ).exists()


def test_my_account_offers_the_downloads(planted, login):
    page = login(planted.user).get("/accounts/profile/").content.decode()
    assert "/network/me/data.json" in page and "/network/me/data.pdf" in page


def test_an_admin_downloads_a_persons_data_and_each_download_is_audited(world, planted, login):
    client = login(world.admin)
    page = client.get(f"/network/people/{planted.person.pk}/").content.decode()
    assert f"/network/people/{planted.person.pk}/data.json" in page
    response = client.get(f"/network/people/{planted.person.pk}/data.json")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["workshops"]["registrations"][0]["passport_number"] == PASSPORT
    assert data["account"]["email"] == EMAIL
    pdf = client.get(f"/network/people/{planted.person.pk}/data.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    entries = AuditEntry.objects.filter(action="network.person.data_exported")
    assert [e.data["format"] for e in entries.order_by("seq")] == ["json", "pdf"]
    assert {e.actor_id for e in entries} == {world.admin.pk}
    assert {e.object_id for e in entries} == {str(planted.person.pk)}
    assert all(NAME not in e.object_repr for e in entries)


def test_an_unknown_format_is_not_found_and_not_audited(world, planted, login):
    response = login(world.admin).get(f"/network/people/{planted.person.pk}/data.xml")
    assert response.status_code == 404
    assert not AuditEntry.objects.filter(action="network.person.data_exported").exists()


@pytest.mark.parametrize(
    "who",
    ["kh_focal", "th_focal", "kh_member", "th_member", "kh_le", "uk_le", "trainer", "guest"],
)
@pytest.mark.parametrize("fmt", ["json", "pdf"])
def test_nobody_but_an_admin_exports_someone_else(world, planted, login, who, fmt):
    response = login(getattr(world, who)).get(f"/network/people/{planted.person.pk}/data.{fmt}")
    assert response.status_code in (403, 404)
    assert NAME not in response.content.decode(errors="replace")
    assert not AuditEntry.objects.filter(action="network.person.data_exported").exists()


def test_the_person_cannot_use_the_admin_route_for_themselves_nor_anonymous_visitors(
    planted, login
):
    url = f"/network/people/{planted.person.pk}/data.json"
    assert login(planted.user).get(url).status_code in (403, 404)
    anonymous = login(None).get(url)
    assert anonymous.status_code == 302 and NAME not in anonymous.content.decode()
    assert login(None).get("/network/me/data.pdf").status_code == 302


def test_the_api_returns_the_token_owners_data_only(planted, api, world):
    response = api(planted.user).get("/api/v1/me/data")
    assert response.status_code == 200
    data = response.json()
    assert data["workshops"]["registrations"][0]["passport_number"] == PASSPORT
    assert set(PARTS) <= set(data)
    other = api(world.kh_member).get("/api/v1/me/data").content.decode()
    assert NAME not in other and PASSPORT not in other
    assert api(None).get("/api/v1/me/data").status_code == 401


def _count(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.queries("network:my_data", "network:my_data_download", "network:person_data_download")
def test_the_export_costs_the_same_queries_for_2_and_20_rows(
    world, planted, login, django_assert_num_queries
):
    own, admin = login(planted.user), login(world.admin)
    urls = [(own, "/network/me/"), (own, "/network/me/data.json")]
    urls.append((admin, f"/network/people/{planted.person.pk}/data.json"))
    grow(world, planted, 1)
    for client, url in urls:
        client.get(url)  # warm the session
    small = [_count(client, url) for client, url in urls]
    grow(world, planted, 18)
    for (client, url), expected in zip(urls, small, strict=True):
        with django_assert_num_queries(expected):
            client.get(url)


@pytest.mark.queries("api:me_data_get")
def test_the_api_export_costs_the_same_queries_for_2_and_20_rows(
    world, planted, api, django_assert_num_queries
):
    client = api(planted.user)
    grow(world, planted, 1)
    client.get("/api/v1/me/data")
    expected = _count(client, "/api/v1/me/data")
    grow(world, planted, 18)
    with django_assert_num_queries(expected):
        client.get("/api/v1/me/data")
