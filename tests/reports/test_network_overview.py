"""The reports hub and the network overview: who may open them, what they show, their cost."""

import csv
import io
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from tests import factories as f


def test_members_see_the_reports_hub_with_the_network_overview(world, login):
    response = login(world.kh_member).get("/reports/")
    assert response.status_code == 200
    assert b"/reports/network/" in response.content


@pytest.mark.parametrize("who", ["guest", "anonymous"])
def test_guests_and_anonymous_visitors_cannot_open_reports(world, login, who):
    client = login(world.guest if who == "guest" else None)
    for url in ["/reports/", "/reports/network/", "/reports/network/export.csv"]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if who == "anonymous":
            assert response["Location"].startswith("/accounts/login/")


def test_overview_counts_organisations_by_sector_and_people_by_country(world, login):
    body = login(world.kh_member).get("/reports/network/").content.decode()
    assert "Cambodia" in body and "Thailand" in body
    rows = _csv_rows(login(world.kh_member).get("/reports/network/export.csv"))
    cambodia = next(r for r in rows if r["Country"] == "Cambodia")
    assert cambodia["Law enforcement"] == "1" and cambodia["NGO"] == "1"
    assert cambodia["Organisations"] == "2"
    # kh_focal, kh_le, kh_le_unvetted (police) and kh_member (NGO) hold current memberships.
    assert cambodia["People"] == "4"
    assert cambodia["Focal points"] == "1"


def _csv_rows(response):
    assert response["Content-Disposition"].startswith("attachment")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_overview_exports_as_pdf_and_xlsx(world, login):
    client = login(world.kh_member)
    pdf = client.get("/reports/network/export.pdf")  # made at once by the tests' worker
    assert pdf["Content-Type"] == "application/pdf"
    data = b"".join(pdf.streaming_content)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Network overview" in text and "Cambodia" in text
    xlsx = client.get("/reports/network/export.xlsx")
    assert xlsx.status_code == 200 and xlsx.content.startswith(b"PK")


def test_unknown_export_format_is_not_found(world, login):
    assert login(world.kh_member).get("/reports/network/export.exe").status_code == 404


def _grow_network(n: int) -> None:
    for i in range(n):
        country = f.CountryFactory(code=["VN", "PH", "LA", "IN", "SG", "MM", "HK"][i % 7])
        org = f.OrganisationFactory(country=country, sector="education")
        f.MembershipFactory(organisation=org)


@pytest.mark.queries("reports:network_overview")
def test_overview_costs_the_same_queries_whatever_the_size(world, login, django_assert_num_queries):
    client = login(world.kh_member)
    client.get("/reports/network/")  # warm the session
    cache.clear()  # the cold path: counted again
    with CaptureQueriesContext(connection) as small:
        client.get("/reports/network/")
    _grow_network(20)
    cache.clear()
    with django_assert_num_queries(len(small)):
        client.get("/reports/network/")


def test_overview_is_counted_once_per_version_of_the_directory(world, login):
    client = login(world.kh_member)
    client.get("/reports/network/")
    with CaptureQueriesContext(connection) as warm:
        client.get("/reports/network/")
    assert not any("GROUP BY" in q["sql"] for q in warm.captured_queries)
    before = _csv_rows(client.get("/reports/network/export.csv"))
    f.MembershipFactory(organisation=world.kh_ngo)
    after = _csv_rows(client.get("/reports/network/export.csv"))
    people = [
        int(next(r for r in rows if r["Country"] == "Cambodia")["People"])
        for rows in (before, after)
    ]
    assert people[1] == people[0] + 1


def test_erased_entries_are_not_counted_in_their_country(world, login):
    from django.utils import timezone

    from protectnet.network.models import Person

    client = login(world.kh_member)
    erased = f.MembershipFactory(organisation=world.kh_ngo).person
    f.MembershipFactory(organisation=world.kh_ngo)
    Person.objects.filter(pk=erased.pk).update(erased_at=timezone.now())
    cache.clear()  # the update above sends no signal: count afresh
    rows = _csv_rows(client.get("/reports/network/export.csv"))
    # The four current members of the fixture's world, one more, and not the erased one.
    assert next(r for r in rows if r["Country"] == "Cambodia")["People"] == "5"
    countries = client.get("/network/countries/").content.decode()
    cambodia = re.search(r"Cambodia.*?</tr>", countries, re.S).group(0)
    assert 'data-label="People">5<' in cambodia
