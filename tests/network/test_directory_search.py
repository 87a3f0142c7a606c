"""Directory search by words: people and organisations are found by the beginnings of the words
of their names, cut and folded by the shared text pipeline (core/text.py), whatever the script.
Names are fictitious."""

from dataclasses import replace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from protectnet.network import services
from protectnet.network.models import Organisation, Person
from protectnet.network.search import rebuild_search_copies
from tests import factories as f
from tests.network.conftest import person_in

FOCAL_SEARCH = "/network/countries/{}/focal-points/new/"


def org_in(country, name: str, acronym: str = "", sector: str = "ngo") -> Organisation:
    """An organisation written as the services write it: with its search copy."""
    org = f.OrganisationFactory(name=name, acronym=acronym, sector=sector, country=country)
    org.refresh_search_text()
    org.save(update_fields=["search_text"])
    return org


def directory(client, q: str) -> str:
    return client.get("/network/", {"q": q}).content.decode()


def api_names(client, q: str) -> list[str]:
    response = client.get("/api/v1/people", {"q": q})
    assert response.status_code == 200, response.content
    return [p["full_name"] for p in response.json()["items"]]


def organisations(client, q: str) -> str:
    return client.get("/network/organisations/", {"q": q}).content.decode()


def candidates(client, code: str, q: str) -> str:
    return client.get(FOCAL_SEARCH.format(code), {"q": q}).content.decode()


# -- people, by the parts of their names ------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("Sokha Meas", "Sok"),
        ("Nguyễn Văn An", "nguyen van"),
        ("Nguyễn Văn An", "NGUYEN an"),
        ("សុខចាន់ធា", "ចាន់ធា"),
        ("សុខ\u200bចាន់ធា", "ចាន់ធា"),
        ("សុខចាន់ធា", "សុខ\u200bចាន់"),
        ("陳大文", "陈大文"),
        ("陈大文", "陳大文"),
    ],
)
def test_a_person_is_found_by_the_beginnings_of_the_words_of_their_name(d, login, api, name, query):
    person_in(d.kh_ngo, name)
    assert name in directory(login(d.kh_member), query)
    assert name in api_names(api(d.kh_member), query)


def test_a_thai_name_is_found_by_its_family_name(d, login, api):
    person_in(d.th_ministry, "สมชาย ใจดี")
    assert "สมชาย ใจดี" in directory(login(d.th_member), "ใจดี")
    assert api_names(api(d.th_member), "ใจดี") == ["สมชาย ใจดี"]


def test_every_word_of_the_query_must_begin_a_word_of_the_entry(d, login):
    person_in(d.kh_ngo, "Sokha Meas")
    client = login(d.kh_member)
    assert "Sokha Meas" not in directory(client, "okha")  # inside a word is not a beginning
    assert "Sokha Meas" not in directory(client, "sok tran")
    assert "Sokha Meas" in directory(client, "meas sok")


def test_job_title_and_expertise_are_searched_by_words_too(d, login):
    person_in(d.kh_ngo, "Keo Dara", job_title="Chief Investigator", expertise=["online safety"])
    client = login(d.kh_member)
    assert "Keo Dara" in directory(client, "investig")
    assert "Keo Dara" in directory(client, "dara online")


def test_people_are_found_by_the_words_of_their_organisation(d, login, api):
    org = org_in(d.kh, "Hội Bảo vệ Trẻ em Mekong", acronym="MCPA")
    person_in(org, "Lim Bopha")
    client = login(d.kh_member)
    assert "Lim Bopha" in directory(client, "bao ve tre")
    assert "Lim Bopha" in directory(client, "mcpa")
    assert "Lim Bopha" in api_names(api(d.kh_member), "hoi mekong")


def test_the_focal_point_search_finds_people_by_the_parts_of_their_names(d, login):
    khmer = person_in(d.kh_ngo, "សុខ\u200bចាន់ធា")
    viet = person_in(d.kh_ngo, "Trần Thị Hoa")
    client = login(d.admin)
    assert f'value="{khmer.pk}"' in candidates(client, "KH", "ចាន់ធា")
    assert f'value="{viet.pk}"' in candidates(client, "KH", "tran hoa")
    assert f'value="{viet.pk}"' not in candidates(client, "KH", "ran hoa")


# -- organisations ------------------------------------------------------------------------------
def test_organisations_are_found_by_the_words_of_their_name_and_their_acronym(d, login, api):
    org_in(d.kh, "Bộ Lao động Thương binh", acronym="MOLISA-T")
    org_in(d.th, "มูลนิธิเด็กไทย", acronym="FTC")
    client = login(d.kh_member)
    assert "Bộ Lao động Thương binh" in organisations(client, "lao dong")
    assert "Bộ Lao động Thương binh" in organisations(client, "MOLISA-T")
    assert "Bộ Lao động Thương binh" not in organisations(client, "ao dong")
    assert "มูลนิธิเด็กไทย" in organisations(client, "FTC")
    names = [
        o["name"] for o in api(d.kh_member).get("/api/v1/organisations?q=thuong").json()["items"]
    ]
    assert names == ["Bộ Lao động Thương binh"]


def test_an_organisation_written_by_the_service_is_found_at_once(d, login):
    services.organisation_create(
        actor=d.admin,
        data=services.OrganisationInput(
            name="Trung tâm Công tác Xã hội", sector="ngo", country=d.kh, acronym="TTXH"
        ),
    )
    assert "Trung tâm Công tác Xã hội" in organisations(login(d.kh_member), "cong tac")
    org = Organisation.objects.get(acronym="TTXH")
    services.organisation_update(
        actor=d.admin,
        organisation=org,
        data=replace(services.OrganisationInput.of(org), name="Nhà Trẻ Bình An"),
    )
    body = organisations(login(d.kh_member), "binh an")
    assert "Nhà Trẻ Bình An" in body


# -- queries that cannot be run ---------------------------------------------------------------
def test_a_query_of_only_punctuation_finds_nobody_and_says_so(d, login, api):
    client = login(d.kh_member)
    body = directory(client, "!!! ... ---")
    assert "Sok Sreymom" not in body
    assert "Type at least one letter or digit" in body
    assert "Type at least one letter or digit" in organisations(client, "?!")
    response = api(d.kh_member).get("/api/v1/people", {"q": "..."})
    assert response.status_code == 422
    assert "Type at least one letter or digit" in response.content.decode()
    assert "Type at least one letter or digit" in candidates(login(d.admin), "KH", "--")


def test_an_overlong_query_gets_a_clear_answer(d, login, api):
    query = "sok" * 3334
    client = login(d.kh_member)
    response = client.get("/network/", {"q": query})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Sok Sreymom" not in body and 'id="id_q_error"' in body
    assert "Nobody is listed" in body
    listed = client.get("/network/organisations/", {"q": query}).content.decode()
    assert "Cambodian Test NGO" not in listed and "Type at most 200 characters" in listed
    for url in ("/api/v1/people", "/api/v1/organisations"):
        answer = api(d.kh_member).get(url, {"q": query})
        assert answer.status_code == 422, url
        assert "200 characters" in answer.content.decode()
    focal = login(d.admin).get(FOCAL_SEARCH.format("KH"), {"q": query})
    assert focal.status_code == 200 and 'id="id_q_error"' in focal.content.decode()


def test_a_null_byte_in_a_search_is_refused_naming_the_field(d, login, api):
    """The input guard answers before any search runs: 400 for pages, 422 for the API."""
    query = "sok\x00mom"
    for client, url, status in [
        (login(d.kh_member), "/network/", 400),
        (login(d.kh_member), "/network/organisations/", 400),
        (login(d.admin), FOCAL_SEARCH.format("KH"), 400),
        (api(d.kh_member), "/api/v1/people", 422),
        (api(d.kh_member), "/api/v1/organisations", 422),
    ]:
        response = client.get(url, {"q": query})
        assert response.status_code == status, url
        assert "q" in response.content.decode()


def test_too_many_words_are_refused_with_a_reason(d, login):
    body = directory(login(d.kh_member), " ".join(f"w{i}" for i in range(30)))
    assert "Sok Sreymom" not in body
    assert "at most" in body and 'id="id_q_error"' in body


# -- the access policy ------------------------------------------------------------------------
@pytest.mark.parametrize("query", ["សុខ", "ចាន់ធា", "សុខចាន់ធា", "សុខ\u200bចាន់ធា"])
def test_a_person_hidden_from_a_member_is_not_found_by_any_spelling(d, login, api, query):
    """A former member (membership ended) is outside a member's directory."""
    hidden = person_in(d.kh_ngo, "សុខចាន់ធា")
    membership = hidden.memberships.get()
    membership.start_date = timezone.localdate() - timezone.timedelta(days=30)
    membership.end_date = timezone.localdate() - timezone.timedelta(days=1)
    membership.save(update_fields=["start_date", "end_date"])
    link = f"/network/people/{hidden.pk}/"  # the query itself is echoed in the search field
    assert link not in directory(login(d.kh_member), query)
    assert "សុខចាន់ធា" not in api_names(api(d.kh_member), query)
    assert link in directory(login(d.admin), query)  # the spelling itself finds it


# -- every write path fills the search copies -------------------------------------------------
def test_the_services_write_the_search_copy_as_spaced_folded_words(d):
    person = services.person_create(
        actor=d.admin,
        data=services.PersonInput(full_name="Nguyễn  Văn-An", job_title="Cán bộ"),
        organisation=d.kh_ngo,
    )
    assert Person.objects.get(pk=person.pk).search_text == " nguyen van an can bo "


def test_imported_people_and_organisations_are_found_by_their_words(d, login):
    client = login(d.kh_focal)
    organisations_csv = (
        "name,acronym,sector,country,parent,website\nSala Kumar Kampuchea,SKK,ngo,KH,,\n"
    )
    people_csv = (
        "full_name,email,organisation,country\n"
        "សុខចាន់ធា,chantha@example.test,Sala Kumar Kampuchea,KH\n"
    )
    for kind, text in (("organisations", organisations_csv), ("people", people_csv)):
        upload = SimpleUploadedFile(f"{kind}.csv", text.encode(), content_type="text/csv")
        response = client.post("/network/import/", {"kind": kind, "file": upload})
        batch = response["Location"].rstrip("/").split("/")[-1]
        client.post(f"/network/import/{batch}/commit/")
    assert "Sala Kumar Kampuchea" in organisations(client, "kumar kamp")
    assert "សុខចាន់ធា" in directory(client, "ចាន់ធា")


def test_rebuilding_refreshes_stale_copies_of_existing_rows(d, login):
    """What the data migration runs: copies written by an older pipeline are written again."""
    person = person_in(d.kh_ngo, "陳大文")
    Person.objects.filter(pk=person.pk).update(search_text="陳大文")
    org = org_in(d.kh, "Nhóm Hỗ trợ Trẻ em")
    Organisation.objects.filter(pk=org.pk).update(search_text="")
    rebuild_search_copies(Person, Organisation)
    assert Person.objects.get(pk=person.pk).search_text == " 陈 大 文 "
    assert Organisation.objects.get(pk=org.pk).search_text == " nhom ho tro tre em "
    assert "陳大文" in directory(login(d.kh_member), "陈大")
