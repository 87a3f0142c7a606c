"""Every list and detail page and every API list/detail operation has a query-count test.

A query-count test declares what it pins with `@pytest.mark.queries("app:route", ...)` (API
operations as "api:<operation>"). This test reads the test tree, so a new list or detail page
without such a test fails the suite even when only part of it is run.
"""

import re
from pathlib import Path

from protectnet.access.registry import rule_book
from protectnet.access.routes import route_table
from protectnet.api.api import api

TESTS = Path(__file__).parent
PAGE = re.compile(
    r":(\w+_list|\w+_detail|directory|agenda|capacity|stats|report|series_report|"
    r"network_overview|dashboard|access_request_inbox|my_training|my_data|audit_list|"
    r"resource_search|search_facets|registration_me)$"
)
API = re.compile(r"^api:\w+_(list|get)$")
MARKER = re.compile(r"^\s*@pytest\.mark\.queries\(([^)]*)\)", re.S | re.M)


def required_routes() -> set[str]:
    api.get_openapi_schema()  # the API declares its operations when it is built
    # Whole included URL sets (the Django admin) are third-party pages, not ours to count.
    ours = {r for r in route_table() if r.split(":", 1)[0] not in rule_book().namespaces}
    return {r for r in ours if (PAGE.search(r) and not r.startswith("api:")) or API.match(r)}


def declared_routes() -> set[str]:
    found = set()
    for path in TESTS.rglob("test_*.py"):
        for args in MARKER.findall(path.read_text(encoding="utf-8")):
            found.update(re.findall(r"[\"']([\w-]+:[\w-]+)[\"']", args))
    return found


def test_every_list_and_detail_route_has_a_query_count_test():
    missing = sorted(required_routes() - declared_routes())
    assert missing == [], f"add a query-count test marked @pytest.mark.queries(...) for {missing}"


def test_query_markers_name_real_routes():
    assert sorted(declared_routes() - set(route_table())) == []
