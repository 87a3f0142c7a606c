"""The library's totals and facets are counted once per version of the library, reader's scope,
query and filters: browsing again groups nothing, and any change to what a reader may find
(a new, shared, retagged or withdrawn resource, new text) shows on the next reading."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from protectnet.access.markings import Marking
from protectnet.library import services
from protectnet.library.models import Topic
from protectnet.library.search import SearchFilters, search

from .conftest import make_resource

pytestmark = pytest.mark.django_db


def _groupings(fn) -> int:
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return sum("GROUP BY" in q["sql"] for q in ctx.captured_queries)


def test_browsing_again_counts_nothing_and_hits_stay_fresh(lib, login):
    client = login(lib.w.kh_member)
    assert _groupings(lambda: client.get("/library/")) > 0
    assert _groupings(lambda: client.get("/library/")) == 0
    assert _groupings(lambda: client.get("/library/", {"q": "lantern"})) > 0  # another query


def test_a_new_resource_shows_in_the_total_and_the_facets(lib):
    before = search(lib.w.kh_focal, "lantern")
    make_resource(lib.w.kh_ngo, Marking.GREEN, title="Another lantern", resource_type="report")
    after = search(lib.w.kh_focal, "lantern")
    assert after.total == before.total + 1
    assert {v.value: v.count for v in after.facets["type"]}.get("report") == 1


def test_sharing_and_withdrawing_show_to_the_reader_concerned(lib):
    thai = lib.w.th_member
    before = search(thai, "lantern").total
    lib.r.strict.marking = Marking.AMBER
    lib.r.strict.save()
    lib.r.strict.shared_with.add(lib.w.th_ministry)  # a many-to-many change alone
    assert search(thai, "lantern").total == before + 1
    services.resource_withdraw(actor=lib.w.kh_member, resource=lib.r.amber, reason="Old.")
    assert search(thai, "lantern").total == before


def test_a_new_topic_tag_shows_in_the_filtered_counts(lib):
    topic = Topic.objects.first()
    filters = SearchFilters(topic=topic.slug)
    before = search(lib.w.kh_member, "", filters).total
    lib.r.green.topics.add(topic)
    assert search(lib.w.kh_member, "", filters).total == before + 1


def test_readers_never_share_a_count(lib):
    assert search(lib.w.kh_member, "lantern").total > search(lib.w.kh_focal, "lantern").total
    assert search(lib.w.kh_focal, "lantern").total == 2  # after the member's, still their own
