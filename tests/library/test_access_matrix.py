"""Who sees which resource: every role against every marking, on pages, API and search."""

import re
from collections import Counter

import pytest

from protectnet.access.models import AuditEntry
from protectnet.library.search import search

ALL = {"clear", "green", "amber", "listed", "strict", "red"}
EXPECTED = {
    "anonymous": {"clear"},
    "guest": {"clear"},
    "kh_member": ALL,  # owning organisation, and named on the RED item
    "th_member": {"clear", "green", "amber"},  # the AMBER item is shared with the ministry
    "th_focal": {"clear", "green", "amber"},
    "kh_focal": {"clear", "green"},
    "admin": {"clear", "green"},  # admin rights open no marking
    "kh_le": {"clear", "green"},
    "th_le": {"clear", "green"},
    "uk_le": {"clear", "green"},
    "kh_le_unvetted": {"clear", "green"},
    "trainer": {"clear", "green"},
}


def _user(lib, role):
    return None if role == "anonymous" else getattr(lib.w, role)


def _names(lib, ids) -> set[str]:
    by_id = {getattr(lib.r, n).pk: n for n in ALL}
    return {by_id[i] for i in ids}


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_search_returns_exactly_what_the_marking_allows(lib, role):
    result = search(_user(lib, role), "lantern")
    assert _names(lib, [h.resource.pk for h in result.hits]) == EXPECTED[role]
    assert result.total == len(EXPECTED[role])


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_detail_page_opens_only_readable_resources(lib, login, role):
    client = login(_user(lib, role))
    for name in sorted(ALL):
        response = client.get(f"/library/{getattr(lib.r, name).pk}/")
        expected = 200 if name in EXPECTED[role] else 404
        assert response.status_code == expected, (role, name)


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_api_get_opens_only_readable_resources(lib, api, role):
    client = api(_user(lib, role))
    for name in sorted(ALL):
        response = client.get(f"/api/v1/library/resources/{getattr(lib.r, name).pk}")
        expected = 200 if name in EXPECTED[role] else 404
        assert response.status_code == expected, (role, name)


# The marking each resource is filtered by ("listed" is an AMBER resource listed to all).
MARKING = {
    "clear": "CLEAR",
    "green": "GREEN",
    "amber": "AMBER",
    "listed": "AMBER",
    "strict": "AMBER_STRICT",
    "red": "RED",
}
FILTER = re.compile(r'href="\?q=lantern&amp;(\w+)=(\w+)">[^<]*</a> <span class="muted">\((\d+)\)')


def _filters(body: str) -> dict[str, Counter]:
    """{filter: {value: count}} as the search page's filters show them."""
    found: dict[str, Counter] = {}
    for name, value, count in FILTER.findall(body):
        found.setdefault(name, Counter())[value] = int(count)
    return found


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_search_filters_count_only_readable_resources(lib, login, role):
    """The filters htmx loads beside a search: no count includes a resource the reader may not
    read, nor may the exact total they bring."""
    readable = EXPECTED[role]
    response = login(_user(lib, role)).get(
        "/library/search/filters/", {"q": "lantern"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    body = response.content.decode()
    filters = _filters(body)
    assert filters["marking"] == Counter(MARKING[name] for name in readable)
    # Each resource has one type, language, organisation and year: each filter counts it once.
    assert {name: sum(counts.values()) for name, counts in filters.items()} == dict.fromkeys(
        ("type", "language", "marking", "organisation", "year"), len(readable)
    )
    assert ("report" in filters["type"]) == ("listed" in readable)  # the only report
    total = re.search(r'id="results-total"[^>]*>\s*(\d+) resources?', body)
    assert total and int(total[1]) == len(readable)


def test_guessed_ids_are_not_found(lib, login, api):
    missing = max(getattr(lib.r, n).pk for n in ALL) + 1000
    for url in (
        f"/library/{missing}/",
        f"/library/{missing}/edit/",
        "/library/files/999999/download/",
    ):
        assert login(lib.w.kh_member).get(url).status_code == 404
    assert api(lib.w.kh_member).get(f"/api/v1/library/resources/{missing}").status_code == 404


def test_reading_an_amber_or_red_resource_is_audited(lib, login):
    client = login(lib.w.kh_member)
    for name in ("amber", "strict", "red", "green"):
        client.get(f"/library/{getattr(lib.r, name).pk}/")
    audited = set(
        AuditEntry.objects.filter(action="library.resource.read").values_list(
            "object_id", flat=True
        )
    )
    assert audited == {str(lib.r.amber.pk), str(lib.r.strict.pk), str(lib.r.red.pk)}


def test_a_role_change_takes_effect_at_once(lib):
    from protectnet.access.principal import forget

    user = lib.w.th_member
    assert lib.r.amber.pk in {h.resource.pk for h in search(user, "lantern").hits}
    lib.r.amber.shared_with.clear()
    forget(user)
    assert lib.r.amber.pk not in {h.resource.pk for h in search(user, "lantern").hits}


@pytest.mark.parametrize(
    "role,status",
    [("anonymous", 302), ("guest", 403), ("kh_member", 200), ("admin", 200)],
)
def test_add_page_is_for_members(lib, login, role, status):
    assert login(_user(lib, role)).get("/library/new/").status_code == status


@pytest.mark.parametrize(
    "role,status",
    [
        ("kh_member", 200),  # owning organisation
        ("th_member", 403),  # can read (shared) but does not own
        ("kh_focal", 404),  # cannot read at all: not found
        ("admin", 404),
    ],
)
def test_only_the_owner_edits_an_amber_resource(lib, login, role, status):
    client = login(_user(lib, role))
    assert client.get(f"/library/{lib.r.amber.pk}/edit/").status_code == status
    assert client.get(f"/library/{lib.r.amber.pk}/versions/new/").status_code == status


def test_admin_may_edit_green_resources_of_other_organisations(lib, login):
    assert login(lib.w.admin).get(f"/library/{lib.r.green.pk}/edit/").status_code == 200
    assert login(lib.w.th_member).get(f"/library/{lib.r.green.pk}/edit/").status_code == 403


@pytest.mark.parametrize("role,status", [("admin", 200), ("kh_member", 403), ("guest", 403)])
def test_findings_list_is_for_the_secretariat(lib, login, role, status):
    assert login(_user(lib, role)).get("/library/findings/").status_code == status
