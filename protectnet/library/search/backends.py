"""The database-specific half of search: matching, ranking and title-only matching.

Both backends receive the user's visible, filtered queryset and folded terms, so ranking never
widens what the policy returned. Terms of three or more characters use the index (SQLite FTS5
trigram, PostgreSQL pg_trgm); shorter ones fall back to LIKE on the folded copy: on the body
when a longer term narrowed the rows first, on titles only when the query has no longer term.
"""

from django.db import connection
from django.db.models import Case, FloatField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL

FTS = "library_search_fts"
MIN_INDEXED = 3


def _split(terms: list[str]) -> tuple[list[str], list[str]]:
    return [t for t in terms if len(t) >= MIN_INDEXED], [t for t in terms if len(t) < MIN_INDEXED]


def _fts_query(terms: list[str], column: str | None = None) -> str:
    expression = " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)
    return f"{{{column}}} : ({expression})" if column else expression


def _like_q(terms: list[str], *, title_only: bool) -> Q:
    q = Q()
    for term in terms:
        title = Q(search_document__title_folded__contains=term)
        q &= title if title_only else title | Q(search_document__folded__contains=term)
    return q


def _title_bonus(terms: list[str]):
    whole = " ".join(terms)
    return Case(
        When(search_document__title_folded__contains=whole, then=Value(1.0)),
        default=Value(0.0),
        output_field=FloatField(),
    )


class SqliteBackend:
    def match(self, qs: QuerySet, terms: list[str], *, title_only: bool = False) -> QuerySet:
        indexed, short = _split(terms)
        if indexed:
            column = "title_folded" if title_only else None
            sql = f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s"  # noqa: S608 - constant name
            # The query text is a bound parameter; only the constant table name is in the SQL.
            qs = qs.filter(pk__in=RawSQL(sql, [_fts_query(indexed, column)]))  # noqa: S611
        if short:
            # A term of one or two letters alone matches titles only: in the body it would
            # match most documents, by a full scan, and find nothing useful.
            qs = qs.filter(_like_q(short, title_only=title_only or not indexed))
        return qs

    def ranked_ids(self, base: QuerySet, terms: list[str], *, limit: int, offset: int) -> list[int]:
        """The page of matches in bm25 order, restricted to `base` (the visible, filtered rows).

        "+rowid" keeps SQLite from driving the FTS table by rowid: it would re-run the full-text
        query once per visible row. `base` carries no FTS condition for the same reason.
        """
        indexed, short = _split(terms)
        if not indexed:
            return _by_title_then_date(self.match(base, terms), terms, limit, offset)
        # Short terms are checked on the rows the FTS query already narrowed (see match()).
        inner_qs = self.match(base, terms) if short else base
        inner, params = inner_qs.order_by().values("pk").query.sql_with_params()
        # bm25 through the FTS5 "rank" column; the title column weighs five times the body.
        sql = (
            f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s AND rank MATCH 'bm25(5.0, 1.0)' "  # noqa: S608
            f"AND +rowid IN ({inner}) ORDER BY rank, rowid DESC LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [_fts_query(indexed), *params, limit, offset])
            return [row[0] for row in cursor.fetchall()]


class PostgresBackend:
    def match(self, qs: QuerySet, terms: list[str], *, title_only: bool = False) -> QuerySet:
        # LIKE on the folded text: pg_trgm's GIN indexes serve it for terms of 3+ characters,
        # inside words too, which Khmer, Thai, Lao and Burmese (no spaces) need. As on SQLite,
        # short terms alone match titles only.
        indexed, _ = _split(terms)
        return qs.filter(_like_q(terms, title_only=title_only or not indexed)) if terms else qs

    def ranked_ids(self, base: QuerySet, terms: list[str], *, limit: int, offset: int) -> list[int]:
        if not terms:
            return _by_title_then_date(base, terms, limit, offset)
        qs = self.match(base, terms)
        rank = RawSQL(
            "ts_rank(library_searchdocument.vector, plainto_tsquery('simple', %s))"
            " + word_similarity(%s, library_searchdocument.title_folded)",
            [" ".join(terms), " ".join(terms)],
            output_field=FloatField(),
        )
        ordered = qs.annotate(_rank=rank + _title_bonus(terms)).order_by(
            "-_rank", "-published_on", "-pk"
        )
        return list(ordered.values_list("pk", flat=True)[offset : offset + limit])


def _by_title_then_date(qs: QuerySet, terms: list[str], limit: int, offset: int) -> list[int]:
    if terms:
        qs = qs.annotate(_rank=_title_bonus(terms)).order_by("-_rank", "-published_on", "-pk")
    else:
        qs = qs.order_by("-published_on", "-pk")
    return list(qs.values_list("pk", flat=True)[offset : offset + limit])


def backend():
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
