"""Input no database column can hold gets a clear 4xx on every database, never a server error.

PostgreSQL refuses NUL characters in text (SQLite stores them, but its full-text search stops
at them), and no integer column holds a number beyond 64 bits. These are the cases the API
fuzzing found, as plain requests, so that they fail the same way every run.
"""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from protectnet.library.models import Resource
from protectnet.network.models import Organisation

BEYOND_64_BITS = 2**64


def refused(response, location: list) -> None:
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["code"] == "invalid"
    assert body["errors"][0]["loc"] == location
    assert "Null characters" in body["errors"][0]["msg"] or "too large" in body["errors"][0]["msg"]


def test_api_search_with_a_null_character_is_refused(world, api):
    # Was a 500 on both databases: "unterminated string" from FTS5, a DataError on PostgreSQL.
    response = api(world.kh_member).get("/api/v1/library/resources?q=lantern%00guide")
    refused(response, ["query", "q"])


def test_api_json_body_with_a_null_character_stores_nothing(world, api):
    payload = {"name": "Test Org\x00anisation", "sector": "ngo", "country": "KH"}
    client = api(world.admin)
    response = client.post(
        "/api/v1/organisations", json.dumps(payload), content_type="application/json"
    )
    refused(response, ["body", "name"])
    assert not Organisation.objects.filter(name__startswith="Test Org").exists()
    payload["name"] = "Test Organisation"
    created = client.post(
        "/api/v1/organisations", json.dumps(payload), content_type="application/json"
    )
    assert created.status_code == 201, created.content


def test_api_form_field_with_a_null_character_stores_nothing(world, api):
    response = api(world.kh_member).post(
        "/api/v1/library/resources",
        {
            "title": "API\x00guide",
            "resource_type": "guide",
            "owner_organisation": world.kh_ngo.pk,
            "files": [SimpleUploadedFile("api.txt", b"dugong words")],
        },
    )
    refused(response, ["form", "title"])
    assert not Resource.objects.filter(title__startswith="API").exists()


def test_api_path_with_a_null_character_is_refused(world, api):
    refused(api(world.kh_member).get("/api/v1/countries/K%00H"), ["path"])


def test_api_json_integer_beyond_64_bits_is_refused(world, api):
    payload = {"name": "Test Organisation", "sector": "ngo", "country": "KH"}
    payload["parent_id"] = BEYOND_64_BITS
    response = api(world.admin).post(
        "/api/v1/organisations", json.dumps(payload), content_type="application/json"
    )
    refused(response, ["body", "parent_id"])
    assert not Organisation.objects.filter(name="Test Organisation").exists()


@pytest.mark.parametrize(
    "path",
    [
        f"/api/v1/workshops/{BEYOND_64_BITS}",
        f"/api/v1/workshops/{BEYOND_64_BITS}/sessions",
        f"/api/v1/organisations/{BEYOND_64_BITS}",
        f"/api/v1/network/people?organisation={BEYOND_64_BITS}",
        f"/api/v1/library/resources?organisation={BEYOND_64_BITS}&topic={BEYOND_64_BITS}",
    ],
)
def test_api_ids_beyond_64_bits_are_not_found_or_invalid(world, api, path):
    response = api(world.kh_le).get(path)
    assert response.status_code in (404, 422), response.content
    assert response.json()["code"] in ("not_found", "invalid")


@pytest.mark.parametrize("path", [f"/library/{BEYOND_64_BITS}/", f"/workshops/{BEYOND_64_BITS}/"])
def test_page_ids_beyond_64_bits_are_not_found(world, login, path):
    assert login(world.kh_le).get(path).status_code == 404


def test_page_search_with_a_null_character_gets_a_clear_400(world, login):
    # The organisation list filters on the raw query string: a DataError on PostgreSQL.
    response = login(world.kh_member).get("/network/organisations/?q=Test%00Police")
    assert response.status_code == 400
    assert "Null characters are not allowed." in response.content.decode()


def test_page_form_with_a_null_character_gets_a_clear_400_and_stores_nothing(world, login):
    response = login(world.admin).post(
        "/network/organisations/new/",
        {"name": "Test Org\x00anisation", "sector": "ngo", "country": world.kh.pk},
    )
    assert response.status_code == 400
    assert "Null characters are not allowed." in response.content.decode()
    assert not Organisation.objects.filter(name__startswith="Test Org").exists()


def test_session_cookie_with_a_null_character_is_refused(world):
    client = Client()
    client.cookies["sessionid"] = "abcdefgh\x00ijklmnop"
    response = client.get("/")
    assert response.status_code == 400


def test_api_unreadable_form_body_gets_the_json_error_shape(world, api):
    # Django refuses a multipart body without a boundary before any operation runs; under
    # /api/ the answer must still be the documented JSON error, not Django's HTML page.
    response = api(world.kh_member).post(
        "/api/v1/library/resources", data=b"title=x", content_type="multipart/form-data"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"
