"""The database-specific half of search: matching and ranking over the index chunks.

Both backends receive the user's visible, filtered queryset and the parsed query, so ranking
never widens what the policy returned. A resource matches when every element of the query (a
word, a phrase, a prefix) is in its title or in one of its chunks: the words of a long report
may be far apart. Ranking is BM25 on SQLite and `ts_rank_cd` on PostgreSQL, the title weighing
more than the body, over the best chunk of each resource.
"""

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from ..models import SearchChunk
from ..text import Query

CHUNKS = SearchChunk._meta.db_table
FTS = "library_search_fts"


class SqliteBackend:
    def _ids_with(self, expression: str) -> RawSQL:
        # The expression is a bound parameter; only constant table names are in the SQL.
        sql = (
            f"SELECT resource_id FROM {CHUNKS} WHERE id IN "  # noqa: S608
            f"(SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)"
        )
        return RawSQL(sql, [expression])  # noqa: S611

    def match(self, qs: QuerySet, query: Query, *, title_only: bool = False) -> QuerySet:
        for element in query.elements:
            qs = qs.filter(pk__in=self._ids_with(element.fts5(title_only=title_only)))
        return qs

    def ranked_ids(self, base: QuerySet, query: Query, *, limit: int, offset: int) -> list[int]:
        """The page of matches in BM25 order, restricted to `base` (the visible, filtered rows).

        The full-text query runs once, materialised, so SQLite never drives the FTS table by
        rowid (it would re-run the query once per visible row).
        """
        if not query:
            return by_date(base, limit, offset)
        inner, params = _restriction(self, base, query)
        any_of = " OR ".join(e.fts5() for e in query.elements)
        sql = f"""
            WITH m(id, score) AS MATERIALIZED (
                SELECT rowid, bm25({FTS}, 5.0, 1.0) FROM {FTS} WHERE {FTS} MATCH %s)
            SELECT c.resource_id FROM m JOIN {CHUNKS} c ON c.id = m.id
            WHERE c.resource_id IN ({inner})
            GROUP BY c.resource_id ORDER BY MIN(m.score), c.resource_id DESC
            LIMIT %s OFFSET %s
        """  # noqa: S608 - constant names; the values are bound parameters
        with connection.cursor() as cursor:
            cursor.execute(sql, [any_of, *params, limit, offset])
            return [row[0] for row in cursor.fetchall()]


class PostgresBackend:
    def _ids_with(self, tsquery: str) -> RawSQL:
        sql = f"SELECT resource_id FROM {CHUNKS} WHERE vector @@ %s::tsquery"  # noqa: S608
        return RawSQL(sql, [tsquery])  # noqa: S611 - the query text is a bound parameter

    def match(self, qs: QuerySet, query: Query, *, title_only: bool = False) -> QuerySet:
        for element in query.elements:
            qs = qs.filter(pk__in=self._ids_with(element.tsquery(title_only=title_only)))
        return qs

    def ranked_ids(self, base: QuerySet, query: Query, *, limit: int, offset: int) -> list[int]:
        if not query:
            return by_date(base, limit, offset)
        inner, params = _restriction(self, base, query)
        any_of = " | ".join(f"({e.tsquery()})" for e in query.elements)
        # ts_rank_cd weighs title words (A) 1.0 and body words (D) 0.1.
        sql = f"""
            SELECT c.resource_id FROM {CHUNKS} c
            WHERE c.vector @@ %s::tsquery AND c.resource_id IN ({inner})
            GROUP BY c.resource_id
            ORDER BY MAX(ts_rank_cd(c.vector, %s::tsquery)) DESC, c.resource_id DESC
            LIMIT %s OFFSET %s
        """  # noqa: S608 - constant names; the values are bound parameters
        with connection.cursor() as cursor:
            cursor.execute(sql, [any_of, *params, any_of, limit, offset])
            return [row[0] for row in cursor.fetchall()]


def _restriction(engine, base: QuerySet, query: Query) -> tuple[str, tuple]:
    """The rows the ranked chunks must belong to. With one element, a chunk that matches it
    already makes its resource a match: only the reader's visible rows are left to check, and
    the full-text query runs once instead of twice."""
    rows = base if len(query.elements) == 1 else engine.match(base, query)
    return rows.order_by().values("pk").query.sql_with_params()


def by_date(qs: QuerySet, limit: int, offset: int) -> list[int]:
    ordered = qs.order_by("-published_on", "-pk")
    return list(ordered.values_list("pk", flat=True)[offset : offset + limit])


def backend():
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
