"""Paging the directory by cursor: every person once, in name order, at any depth; counts that
stop at 1,000; cursors that cannot be forged, reused on another list or used to reach a row."""

from urllib.parse import unquote

import pytest
from django.urls import reverse

from protectnet.core import pagination
from tests import factories as f

from .conftest import person_in

pytestmark = pytest.mark.django_db


def _walk(client, first_url):
    """Follow `next` from the first page to the last; returns every page's body."""
    pages, url = [], first_url
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        body = response.json()
        pages.append(body)
        link = response.headers.get("Link")
        assert (link is None) == (body["next"] is None)
        url = f"/api/v1/people?country=KH&limit=2&after={body['next']}" if body["next"] else None
    return pages


def test_following_next_gives_every_person_once_in_name_order(d, api):
    for name in ("Ang Dara", "Ang Dara", "Yim Sophal", "Meas Bopha"):
        person_in(d.kh_ngo, name)
    client = api(d.kh_member)
    everyone = client.get("/api/v1/people?country=KH&limit=100").json()["items"]
    pages = _walk(client, "/api/v1/people?country=KH&limit=2")
    walked = [p["id"] for body in pages for p in body["items"]]
    assert walked == [p["id"] for p in everyone]
    assert len(walked) == len(set(walked)) >= 6  # the two "Ang Dara" rows are both there
    names = [p["full_name"] for body in pages for p in body["items"]]
    assert names == sorted(names)
    assert all(body["count"] == len(walked) and body["count_exact"] for body in pages)


def test_the_link_header_names_the_next_page(d, api):
    response = api(d.kh_member).get("/api/v1/people?country=KH&limit=1&offset=1")
    link = response.headers["Link"]
    assert link.endswith('; rel="next"') and "after=" in link and "offset=" not in link
    assert "country=KH" in link and "limit=1" in link
    assert f"after={response.json()['next']}>" in unquote(link)


def test_an_offset_page_hands_out_a_cursor_that_continues_where_it_ended(d, api):
    client = api(d.kh_member)
    by_offset = client.get("/api/v1/people?country=KH&limit=2&offset=0").json()
    following = client.get(f"/api/v1/people?country=KH&limit=2&after={by_offset['next']}").json()
    third = client.get("/api/v1/people?country=KH&limit=2&offset=2").json()
    assert [p["id"] for p in following["items"]] == [p["id"] for p in third["items"]]


@pytest.mark.parametrize(
    "after",
    ["forged", "eyJvIjpbImZ1bGxfbmFtZSIsInBrIl0sImsiOjF9:1x:bad", "a" * 400],
)
def test_a_forged_cursor_gets_a_clear_error(d, api, after):
    response = api(d.kh_member).get(f"/api/v1/people?after={after}")
    assert response.status_code == 422
    assert response.json()["code"] == "invalid" and "first page" in response.json()["detail"]


def test_a_cursor_of_another_list_is_refused(d, api, world):
    client = api(world.admin)
    certificates = client.get("/api/v1/certificates?limit=1")
    assert certificates.status_code == 200
    people = client.get("/api/v1/people?limit=1").json()
    assert people["next"]
    response = client.get(f"/api/v1/certificates?after={people['next']}")
    assert response.status_code == 422 and "another list" in response.json()["detail"]


def test_a_cursor_cannot_reach_a_person_the_caller_may_not_see(d, api, world):
    """An admin's cursor on a person a guest may not see tells the guest nothing."""
    admin = api(world.admin).get("/api/v1/people?limit=1").json()
    guest = f.make_guest("guest-cursor@example.test")
    response = api(guest).get(f"/api/v1/people?after={admin['next']}")
    assert response.status_code == 403


def test_after_and_offset_together_are_refused(d, api):
    client = api(d.kh_member)
    cursor = client.get("/api/v1/people?limit=1").json()["next"]
    response = client.get(f"/api/v1/people?limit=1&offset=1&after={cursor}")
    assert response.status_code == 400 and "not both" in response.json()["detail"]


def test_counts_stop_at_the_cap(d, api, login, monkeypatch):
    monkeypatch.setattr(pagination, "COUNT_CAP", 2)
    body = api(d.kh_member).get("/api/v1/people?country=KH").json()
    assert body["count"] == 2 and body["count_exact"] is False
    assert len(body["items"]) > 2  # the cap bounds the count, never the list
    page = login(d.kh_member).get(reverse("network:directory") + "?country=KH").content.decode()
    assert "More than 2 people" in page
