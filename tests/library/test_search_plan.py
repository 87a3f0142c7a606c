"""PostgreSQL answers a rare word from the GIN index, never by reading every chunk: the plans of
the queries a search runs are checked with EXPLAIN over a library of a few thousand documents
(with statistics, as `ANALYZE` or autovacuum leave them)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from protectnet.demo.bench import library as library_bench
from protectnet.library.search import search

from .conftest import make_resource

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's planner (SQLite's FTS5 has one plan)"
)


def _plans(user, query: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        search(user, query)
    plans = []
    with connection.cursor() as cursor:
        for sql in (q["sql"] for q in captured.captured_queries):
            if "library_searchchunk" not in sql:
                continue
            cursor.execute("EXPLAIN " + sql)
            plans.append("\n".join(row[0] for row in cursor.fetchall()))
    return plans


def test_a_rare_word_is_looked_up_in_the_index_not_scanned(world):
    library_bench.build(3000)
    rare = make_resource(world.kh_ngo, title="Field notes", text="the quetzalcoatl protocol")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE library_searchchunk")
        cursor.execute("ANALYZE library_resource")
    plans = _plans(world.kh_member, "quetzalcoatl")
    assert plans, "the search ran no query on the index"
    for plan in plans:
        assert "Seq Scan on library_searchchunk" not in plan, plan
        assert "library_searchchunk_vector_gin" in plan, plan
    assert [h.resource.pk for h in search(world.kh_member, "quetzalcoatl").hits] == [rare.pk]
