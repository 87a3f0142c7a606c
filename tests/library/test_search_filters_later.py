"""A search that matches a large part of the library shows its hits first: the page counts no
further than COUNT_CAP ("More than 1,000 resources") and its filters (the facet counts, which
read every match) follow in a second request. Without JavaScript a link asks the search page
itself for them. A search with few matches shows its filters at once, as before."""

import re

import pytest

from protectnet.access.markings import Marking
from protectnet.library.search import service

from .conftest import make_resource

pytestmark = pytest.mark.django_db

FILTERS_URL = "/library/search/filters/"


@pytest.fixture
def many(lib, monkeypatch):
    """Five GREEN "lantern" resources besides the fixture's (a cap of 3 makes them "many")."""
    monkeypatch.setattr(service, "COUNT_CAP", 3)
    for n in range(5):
        make_resource(lib.w.kh_ngo, Marking.GREEN, title=f"Lantern {n}", resource_type="report")
    return lib


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_many_matches_show_hits_and_a_capped_total_before_the_filters(many, login):
    page = _text(login(many.w.kh_member).get("/library/search/", {"q": "lantern"}))
    assert "More than 3 resources" in page
    assert page.count('class="hit"') >= 3
    assert 'href="?q=lantern&amp;facets=1"' in page  # without JavaScript
    assert f'hx-get="{FILTERS_URL}?q=lantern"' in page  # with it, asked for at once
    assert "facet_title" not in page and "(5)" not in page  # no counts yet
    assert 'rel="next"' not in page  # fewer hits than a page


def test_the_filters_request_brings_the_counts_and_the_exact_total(many, login):
    client = login(many.w.kh_member)
    response = client.get(FILTERS_URL, {"q": "lantern"}, HTTP_HX_REQUEST="true")
    body = _text(response)
    assert response.status_code == 200
    assert "?q=lantern&amp;type=report" in body and "(5)" in body
    exact = re.search(r'<span id="results-total" hx-swap-oob="true">(.*?)</span>', body)
    assert exact and re.match(r" ?\d+ resources", exact[1])
    assert int(exact[1].split()[0]) > 3


def test_once_counted_the_page_shows_its_filters_at_once(many, login):
    client = login(many.w.kh_member)
    client.get(FILTERS_URL, {"q": "lantern"}, HTTP_HX_REQUEST="true")
    page = _text(client.get("/library/search/", {"q": "lantern"}))
    assert "More than" not in page and "?q=lantern&amp;type=report" in page
    assert "hx-get" not in page.split('id="facet-list"')[1].split("</div>")[0]


def test_without_javascript_the_link_counts_them_on_the_page(many, login):
    client = login(many.w.kh_member)
    redirected = client.get(FILTERS_URL, {"q": "lantern", "page": "2"})
    assert redirected.status_code == 302
    assert redirected["Location"] == "/library/search/?q=lantern&facets=1"
    page = _text(client.get(redirected["Location"]))
    assert "More than" not in page and "&amp;type=report" in page


def test_few_matches_show_their_filters_with_the_hits(lib, login):
    page = _text(login(lib.w.kh_member).get("/library/search/", {"q": "lantern"}))
    assert "More than" not in page and "hx-get" not in page.split('id="facet-list"')[1][:200]
    assert "?q=lantern&amp;marking=GREEN" in page


def test_the_filters_count_only_what_the_reader_may_read(many, client):
    # Anonymous visitors read the public library: TLP:CLEAR only, and so are their counts.
    body = _text(client.get(FILTERS_URL, {"q": "lantern"}, HTTP_HX_REQUEST="true"))
    assert set(re.findall(r"marking=([A-Z+]+)", body)) == {"CLEAR"}
    assert "type=report" not in body  # the five GREEN reports are not theirs to count


def test_browsing_without_words_has_filters_too(many, login):
    body = _text(login(many.w.kh_member).get(FILTERS_URL, HTTP_HX_REQUEST="true"))
    assert "results-total" in body and "type=report" in body
