"""Search never reveals what the user may not read: results, counts, snippets, facets, API."""

import pytest

from protectnet.library.search import SearchFilters, search

# PostgreSQL: over the RUM index and over GIN alone (conftest.search_index).
pytestmark = pytest.mark.usefixtures("search_index")


def _facet_total(result, name):
    return sum(v.count for v in result.facets[name])


def test_counts_and_facets_cover_only_readable_resources(lib):
    result = search(lib.w.kh_focal, "lantern")
    assert result.total == 2
    assert {v.value for v in result.facets["marking"]} == {"CLEAR", "GREEN"}
    for name in ("type", "marking", "organisation", "year", "language"):
        assert _facet_total(result, name) == 2, name


def test_words_inside_an_unreadable_resource_find_nothing(lib):
    # "secret" is only in the AMBER text, "zanzibar" only in the listed AMBER text.
    for query in ("secret", "zanzibar", "hidden body"):
        result = search(lib.w.kh_focal, query)
        assert result.total == 0
        assert result.hits == []
        assert result.restricted == []  # restricted items match on their title only
        assert all(v == [] for v in result.facets.values())


def test_listed_amber_item_appears_only_as_restricted_with_its_title(lib, login):
    result = search(lib.w.kh_focal, "listed")
    assert [r.pk for r in result.restricted] == [lib.r.listed.pk]
    assert result.total == 0
    page = login(lib.w.kh_focal).get("/library/search/", {"q": "lantern"}).content.decode()
    assert "Listed lantern report" in page
    assert "zanzibar" not in page and "hidden body" not in page
    assert f'/library/{lib.r.listed.pk}/"' not in page  # no link to the detail page


def test_unlisted_amber_strict_and_red_never_appear_to_outsiders(lib, login):
    page = login(lib.w.kh_focal).get("/library/search/", {"q": "lantern"}).content.decode()
    for title in ("Amber lantern guide", "Strict lantern guide", "Red lantern dossier"):
        assert title not in page
    for word in ("secret", "strict lantern text", "red lantern text"):
        assert word not in page


@pytest.mark.parametrize("role", ["guest", "kh_member"])
def test_restricted_listing_is_not_shown_to_guests_nor_to_those_who_can_read(lib, role):
    assert search(getattr(lib.w, role), "lantern").restricted == []


def test_anonymous_sees_no_restricted_listing(lib):
    assert search(None, "lantern").restricted == []


def test_metadata_filters_hide_restricted_items(lib):
    # A type filter would reveal the restricted item's type: it is left out.
    assert search(lib.w.kh_focal, "", SearchFilters(resource_type="report")).restricted == []
    assert search(lib.w.kh_focal, "", SearchFilters(organisation=lib.w.kh_ngo.pk)).restricted


def test_filtering_on_a_marking_one_cannot_read_returns_nothing(lib):
    for marking in ("AMBER", "AMBER_STRICT", "RED"):
        result = search(lib.w.kh_focal, "", SearchFilters(marking=marking))
        assert result.total == 0 and result.hits == []


def test_red_is_found_by_the_named_person_only(lib):
    assert lib.r.red.pk in {h.resource.pk for h in search(lib.w.kh_member, "dossier").hits}
    for role in ("th_member", "admin", "kh_le", "kh_focal"):
        result = search(getattr(lib.w, role), "dossier")
        assert result.total == 0 and result.restricted == []


def test_snippets_come_from_readable_text_and_are_escaped(lib):
    from tests.library.conftest import make_resource

    make_resource(
        lib.w.kh_ngo,
        "GREEN",
        title="Markup <b>test</b>",
        text="before <script>alert(1)</script> lantern after",
    )
    result = search(lib.w.kh_focal, "lantern")
    html = " ".join(str(h.snippet_html) + str(h.title_html) for h in result.hits)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<mark>lantern</mark>" in html
    assert "&lt;b&gt;test&lt;/b&gt;" in html


def test_api_search_has_the_same_limits(lib, api):
    body = api(lib.w.kh_focal).get("/api/v1/library/search", {"q": "lantern"}).json()
    assert body["count"] == 2
    assert {i["resource"]["marking"] for i in body["items"]} == {"CLEAR", "GREEN"}
    assert body["restricted"] == [
        {
            "id": lib.r.listed.pk,
            "title": "Listed lantern report",
            "owner_organisation": lib.w.kh_ngo.name,
        }
    ]
    assert sum(v["count"] for v in body["facets"]["marking"]) == 2
    assert "secret" not in str(body) and "zanzibar" not in str(body)


def test_api_list_without_token_is_clear_only(lib, api):
    body = api(None).get("/api/v1/library/resources").json()
    assert [i["id"] for i in body["items"]] == [lib.r.clear.pk]


def test_bad_search_parameters_are_refused_by_the_api(lib, api):
    client = api(lib.w.kh_member)
    assert client.get("/api/v1/library/search", {"limit": 0}).status_code == 422
    assert client.get("/api/v1/library/search", {"organisation": "x"}).status_code == 422


def test_bad_filters_on_the_page_are_ignored_with_a_message(lib, login):
    response = login(lib.w.kh_member).get("/library/", {"organisation": "x", "year": "-5"})
    assert response.status_code == 200
    assert "not valid" in response.content.decode()


def test_an_organisation_id_beyond_any_database_integer_is_a_clear_error(lib, login, api):
    huge = "559897576573126821543936"
    response = api(lib.w.kh_member).get("/api/v1/library/search", {"organisation": huge})
    assert response.status_code == 422
    page = login(lib.w.kh_member).get("/library/search/", {"organisation": huge})
    # The page ignores a filter it cannot read and still answers.
    assert page.status_code == 200
    assert f'href="/library/{lib.r.green.pk}/"' in page.content.decode()
