"""On PostgreSQL the word-prefix match of the directory is read from trigram indexes: at
200,000 people a scan of every search copy would cost each search a few hundred milliseconds.
(Measured on a bench-built directory: 200,000 people, a rare name answered in 7 ms.)"""

import pytest
from django.db import connection

from protectnet.network import selectors
from protectnet.network.models import Organisation
from protectnet.network.search import query_words

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite scans the copies: fast at its scale"
)


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        # A test database holds a handful of rows: without this the planner rightly scans.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize("query", ["sok chan", "ចាន់ធា", "ใจดี", "陳大文"])
def test_the_word_prefix_match_of_people_uses_the_trigram_index(d, query):
    plan = _plan(selectors._people_matching(query))
    assert "network_person_search_trgm" in plan
    assert "network_person_unsearched_idx" in plan  # the fallback arm: rows not yet copied


def test_the_word_prefix_match_of_organisations_uses_the_trigram_index(d):
    match = selectors._organisation_match(query_words("cambodian c-pac"))
    plan = _plan(Organisation.objects.filter(match).values("pk"))
    assert "network_org_search_trgm" in plan
