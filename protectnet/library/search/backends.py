"""The database-specific half of search: matching and ranking over the index chunks.

Both backends receive the user's visible, filtered queryset and the parsed query, so ranking
never widens what the policy returned. A resource matches when every element of the query (a
word, a phrase, a prefix) is in its title or in one of its chunks: the words of a long report
may be far apart. Ranking is BM25 on SQLite and, on PostgreSQL, RUM's distance where the RUM
index exists (`postgres_index.py`) or `ts_rank_cd` over GIN, the title weighing more than the
body, by the best chunk of each resource.
"""

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from ..models import Resource, SearchChunk
from ..text import Query
from . import postgres_index

CHUNKS = SearchChunk._meta.db_table
RESOURCES = Resource._meta.db_table
FTS = "library_search_fts"
RANK_BATCH = 200
# A batch's ids are bound parameters: SQLite takes at most 32,766 in one statement.
MAX_RANK_BATCH = 5_000


class Backend:
    """Ranking reads the best chunks first and keeps those of resources the reader may see and
    that match every element of the query, until the page is full: a rare word never makes the
    database list everything the reader may see, and a common one ranks only what it needs."""

    def candidates(self, query: Query, *, limit: int, offset: int) -> list[int]:
        raise NotImplementedError

    def matched_sql(self, base: QuerySet, query: Query) -> tuple[str, tuple]:
        """SQL and parameters of the ids of `base` that match: what totals and facets count."""
        rows = self.match(base, query) if query else base
        return rows.order_by().values("pk").query.sql_with_params()

    def ranked_ids(self, base: QuerySet, query: Query, *, limit: int, offset: int) -> list[int]:
        if not query:
            return by_date(base, limit, offset)
        wanted, found, seen = offset + limit, [], set()
        batch, read = min(max(RANK_BATCH, 2 * wanted), MAX_RANK_BATCH), 0
        while len(found) < wanted:
            rows, more, read = self._batch(query, size=batch, read=read)
            fresh = [pk for pk in dict.fromkeys(rows) if pk not in seen]
            seen.update(fresh)
            found += self._kept(base, query, fresh)
            if not more:
                break
            batch = min(batch * 4, MAX_RANK_BATCH)
        return found[offset:wanted]

    def _batch(self, query: Query, *, size: int, read: int) -> tuple[list[int], bool, int]:
        """The next `size` candidates after the first `read`: their resources, whether more
        may follow, and how many have been read."""
        rows = self.candidates(query, limit=size, offset=read)
        return rows, len(rows) == size, read + len(rows)

    def _kept(self, base: QuerySet, query: Query, ids: list[int]) -> list[int]:
        """`ids` in their order, less those the reader may not see or that miss an element."""
        rows = base.filter(pk__in=ids)
        if len(query.elements) > 1:  # a chunk matched one element; the resource needs them all
            rows = self.match(rows, query)
        kept = set(rows.values_list("pk", flat=True))
        return [pk for pk in ids if pk in kept]


class SqliteBackend(Backend):
    def matched_sql(self, base: QuerySet, query: Query) -> tuple[str, tuple]:
        """SQLite reads the matches first and then each matching resource, by a CROSS JOIN it
        may not reorder: left to itself, it walks every resource the reader may see (the OR of
        the policy's conditions) and looks each one up in the matches, which grows with the
        library even for a word found once."""
        sql, params = base.order_by().values("pk").query.sql_with_params()
        table = f'FROM "{RESOURCES}"'
        start = sql.find(table)
        if (
            not query
            or start == -1
            or sql[start + len(table) : start + len(table) + 1]
            not in (
                "",
                " ",
            )
        ):
            return super().matched_sql(base, query)
        hits = " INTERSECT ".join(
            f"SELECT resource_id FROM {CHUNKS} WHERE id IN "  # noqa: S608 - constant names
            f"(SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)"
            for _ in query.elements
        )
        joined = f'FROM ({hits}) h CROSS JOIN "{RESOURCES}" ON "{RESOURCES}"."id" = h.resource_id'
        sql = sql[:start] + joined + sql[start + len(table) :]
        return sql, (*(e.fts5() for e in query.elements), *params)

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

    def candidates(self, query: Query, *, limit: int, offset: int) -> list[int]:
        """Resources of the best chunks for any element, BM25 with the title weighing five
        times the body; the ranked slice is taken inside FTS5 before any join."""
        sql = f"""
            WITH m(id, score) AS MATERIALIZED (
                SELECT rowid, rank FROM {FTS}
                WHERE {FTS} MATCH %s AND rank MATCH 'bm25(5.0, 1.0)'
                ORDER BY rank, rowid DESC LIMIT %s OFFSET %s)
            SELECT c.resource_id FROM m JOIN {CHUNKS} c ON c.id = m.id ORDER BY m.score, m.id DESC
        """  # noqa: S608 - constant names; the values are bound parameters
        any_of = " OR ".join(e.fts5() for e in query.elements)
        with connection.cursor() as cursor:
            cursor.execute(sql, [any_of, limit, offset])
            return [row[0] for row in cursor.fetchall()]


class PostgresBackend(Backend):
    def _ids_with(self, tsquery: str) -> RawSQL:
        sql = f"SELECT resource_id FROM {CHUNKS} WHERE vector @@ %s::tsquery"  # noqa: S608
        return RawSQL(sql, [tsquery])  # noqa: S611 - the query text is a bound parameter

    def match(self, qs: QuerySet, query: Query, *, title_only: bool = False) -> QuerySet:
        for element in query.elements:
            qs = qs.filter(pk__in=self._ids_with(element.tsquery(title_only=title_only)))
        return qs

    def _batch(self, query: Query, *, size: int, read: int) -> tuple[list[int], bool, int]:
        """With RUM, every batch reads again from the best chunk, and a full batch leaves out
        its last run of equal distances: the index orders by distance alone, so an OFFSET could
        skip or repeat chunks of equal distance from one statement to the next. Each batch is
        then exactly the first chunks by (distance, newest): the same whatever the batch sizes,
        from one page to the next. The resources already read are skipped by the caller."""
        if not postgres_index.rum_in_use(connection):
            return super()._batch(query, size=size, read=read)
        rows = self._nearest(query, limit=read + size)
        more = len(rows) == read + size
        if more:
            cut = len(rows)
            while cut and rows[cut - 1][1] == rows[-1][1]:
                cut -= 1
            # A run of equal distances longer than a batch is kept whole: reading on needs it.
            rows = rows[:cut] if cut > read else rows
        return [pk for pk, _ in rows], more, len(rows)

    def _nearest(self, query: Query, *, limit: int) -> list[tuple[int, float]]:
        """Resources and distances of the best `limit` chunks for any element, by RUM's
        distance (its weights, like ts_rank's: title words A 1.0, body words D 0.1), ties newest
        first."""
        sql = f"""
            SELECT resource_id, distance FROM (
                SELECT id, resource_id, vector <=> %s::tsquery AS distance FROM {CHUNKS}
                WHERE vector @@ %s::tsquery ORDER BY vector <=> %s::tsquery LIMIT %s) best
            ORDER BY distance, id DESC
        """  # noqa: S608 - constant names; the values are bound parameters
        any_of = " | ".join(f"({e.tsquery()})" for e in query.elements)
        with connection.cursor() as cursor:
            cursor.execute(sql, [any_of, any_of, any_of, limit])
            return cursor.fetchall()

    def candidates(self, query: Query, *, limit: int, offset: int) -> list[int]:
        """Resources of the best chunks for any element; ts_rank_cd weighs title words (A) 1.0
        and body words (D) 0.1."""
        sql = f"""
            SELECT resource_id FROM {CHUNKS} WHERE vector @@ %s::tsquery
            ORDER BY ts_rank_cd(vector, %s::tsquery) DESC, id DESC LIMIT %s OFFSET %s
        """  # noqa: S608 - constant names; the values are bound parameters
        any_of = " | ".join(f"({e.tsquery()})" for e in query.elements)
        with connection.cursor() as cursor:
            cursor.execute(sql, [any_of, any_of, limit, offset])
            return [row[0] for row in cursor.fetchall()]


def count_of(matched: tuple[str, tuple], *, cap: int | None = None) -> int:
    """How many ids `matched` gives; with a cap, counting stops at cap + 1."""
    sql, params = matched
    if cap is not None:
        sql, params = f"SELECT 1 FROM ({sql}) capped LIMIT %s", (*params, cap + 1)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) counted", params)  # noqa: S608 - built here
        return cursor.fetchone()[0]


def ids_of(matched: tuple[str, tuple], *, cap: int) -> list[int]:
    """The first cap + 1 ids `matched` gives (as many as it takes to know there are more)."""
    sql, params = matched
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM ({sql}) capped LIMIT %s", (*params, cap + 1))  # noqa: S608
        return [row[0] for row in cursor.fetchall()]


def matched_ids_sql(ids: list[int]) -> tuple[str, tuple]:
    """`matched` for ids already found: facets group over them without matching again."""
    return Resource.objects.filter(pk__in=ids).order_by().values("pk").query.sql_with_params()


def by_date(qs: QuerySet, limit: int, offset: int) -> list[int]:
    ordered = qs.order_by("-published_on", "-pk")
    return list(ordered.values_list("pk", flat=True)[offset : offset + limit])


def backend():
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
