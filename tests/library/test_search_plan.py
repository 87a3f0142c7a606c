"""PostgreSQL answers a rare word, a phrase and a title-only match from the search index, never by
reading every chunk: the plans of the queries a search runs are checked with EXPLAIN over a
library of a few thousand documents (with statistics, as `ANALYZE` or autovacuum leave them).
Over the RUM index where the rum extension is installed, and over GIN alone as without it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from protectnet.demo.bench import library as library_bench
from protectnet.library.search import Facets, postgres_index, search

from .conftest import make_resource

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="PostgreSQL's planner (SQLite's FTS5 has one plan)",
    ),
    pytest.mark.usefixtures("search_index"),
]
INDEX = {"rum": postgres_index.RUM_INDEX, "gin": postgres_index.GIN_INDEX}


def _plans(user, query: str) -> list[tuple[str, str]]:
    """Each query of the search page that reads the chunks, with its plan: the capped count,
    the facets, the ranking and the restricted items' title-only match."""
    with CaptureQueriesContext(connection) as captured:
        search(user, query, facets=Facets.LATER)
    plans = []
    with connection.cursor() as cursor:
        for sql in (q["sql"] for q in captured.captured_queries):
            if "library_searchchunk" not in sql:
                continue
            cursor.execute("EXPLAIN " + sql)
            plans.append((sql, "\n".join(row[0] for row in cursor.fetchall())))
    return plans


@pytest.fixture
def library(world):
    library_bench.build(3000)
    rare = make_resource(world.kh_ngo, title="Field notes", text="the quetzalcoatl protocol")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE library_searchchunk")
        cursor.execute("ANALYZE library_resource")
    return rare


@pytest.mark.parametrize("query", ["quetzalcoatl", '"quetzalcoatl protocol"'])
def test_a_rare_word_or_phrase_is_looked_up_in_the_index_not_scanned(
    library, world, search_index, query
):
    plans = _plans(world.kh_member, query)
    assert plans, "the search ran no query on the index"
    for _, plan in plans:
        assert "Seq Scan on library_searchchunk" not in plan, plan
        assert INDEX[search_index] in plan, plan
    # A member's search also looks for restricted items by their title only (weight A).
    assert any(":A" in sql for sql, _ in plans), [sql for sql, _ in plans]
    assert [h.resource.pk for h in search(world.kh_member, query).hits] == [library.pk]


def test_ranking_follows_the_index_and_the_setting(library, world, search_index, settings):
    """RUM ranks by its distance, best first from the index; "gin" ranks with ts_rank_cd even
    where RUM exists, and the RUM index still answers the match."""
    sqls = [sql for sql, _ in _plans(world.kh_member, "quetzalcoatl")]
    assert any("<=>" in sql for sql in sqls) == (search_index == "rum")
    assert any("ts_rank_cd" in sql for sql in sqls) == (search_index == "gin")
    if search_index == "rum":
        settings.SEARCH_POSTGRES_INDEX = "gin"
        plans = _plans(world.kh_member, "protocol quetzalcoatl")
        assert any("ts_rank_cd" in sql for sql, _ in plans)
        assert not any("<=>" in sql for sql, _ in plans)
        for sql, plan in plans:
            assert "Seq Scan on library_searchchunk" not in plan, plan
            if "ts_rank_cd" in sql:
                assert postgres_index.RUM_INDEX in plan, plan
        hits = search(world.kh_member, "protocol quetzalcoatl").hits
        assert [h.resource.pk for h in hits] == [library.pk]
