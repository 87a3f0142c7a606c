"""Facet counts over the rows the user may see and that match: never over anything wider."""

from dataclasses import dataclass

from django.db import connection

from protectnet.access.markings import Marking
from protectnet.core import multilingual
from protectnet.core.languages import language_name, sort_key
from protectnet.network.models import Organisation

from ..models import Resource, ResourceType

MAX_VALUES = 12


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


def _top(rows, key, label, selected: str, limit: int = MAX_VALUES) -> list[FacetValue]:
    rows = [r for r in rows if r[key] is not None]
    alphabetical = sort_key()  # values counted alike: in the reader's alphabetical order
    rows = sorted(rows, key=lambda r: (-r["n"], alphabetical(str(label(r)))))[:limit]
    return [
        FacetValue(str(r[key]), str(label(r)), r["n"], str(r[key]) == str(selected))
        for r in rows
        if r[key] is not None
    ]


def compute(matched: tuple[str, tuple], selected: dict[str, str]) -> tuple[int, dict[str, list]]:
    """The number of matches and every facet, in one query.

    `matched` is the SQL (and its parameters) of the matching resource ids. The matching rows are
    read once with the columns the facets group by (a materialised CTE), and every facet groups
    over them: the full-text match and the policy run once for all seven facets and the total.
    """
    rows = _grouped(matched)
    buckets: dict[str, list[dict]] = {name: [] for name in FACETS}
    for facet, value, label, n in rows:
        buckets[facet].append({"v": value, "label": label, "n": n})
    type_labels, marking_labels = dict(ResourceType.choices), dict(Marking.choices)
    labels = {
        "type": lambda r: type_labels.get(r["v"], r["v"]),
        "marking": lambda r: marking_labels.get(r["v"], r["v"]),
        "country": lambda r: _country_name(r["v"]),
        "language": lambda r: language_name(r["v"], default=r["label"]),
        "year": lambda r: r["v"],
    }
    facets = {
        name: _top(
            buckets[name],
            "v",
            labels.get(name, lambda r: r["label"]),
            selected.get(name, ""),
            limit=20 if name == "year" else MAX_VALUES,
        )
        for name in FACETS
    }
    return sum(r["n"] for r in buckets["type"]), facets


FACETS = ("type", "topic", "country", "language", "marking", "organisation", "year")


def _grouped(matched: tuple[str, tuple]) -> list[tuple]:
    inner, params = matched
    r = Resource._meta.db_table
    org = Organisation._meta.db_table
    year = (
        f"CAST(EXTRACT(YEAR FROM {r}.published_on) AS INTEGER)::text"
        if connection.vendor == "postgresql"
        else f"strftime('%%Y', {r}.published_on)"
    )
    ids = "(SELECT pk FROM m)"

    def through(field: str) -> tuple[str, str]:
        model = Resource._meta.get_field(field).remote_field.through
        target = model._meta.get_field(Resource._meta.get_field(field).m2m_reverse_field_name())
        return model._meta.db_table, target.column

    topics, topic_col = through("topics")
    countries, country_col = through("countries")
    languages, language_col = through("languages")
    topic_t = Resource._meta.get_field("topics").related_model._meta.db_table
    country_t = Resource._meta.get_field("countries").related_model._meta.db_table
    language_t = Resource._meta.get_field("languages").related_model._meta.db_table
    # The topic's name as the reader reads it (the topic table is named, not aliased, below).
    topic_name, topic_params = multilingual.shown_sql(
        Resource._meta.get_field("topics").related_model, "name", connection
    )
    # Every name below comes from the models' metadata; the only values are bound parameters.
    sql = f"""
        WITH m(pk, kind, marking, year, owner) AS MATERIALIZED (
            SELECT {r}.id, {r}.resource_type, {r}.marking, {year}, {r}.owner_organisation_id
            FROM {r} WHERE {r}.id IN ({inner}))
        SELECT 'type', kind, '', COUNT(*) FROM m GROUP BY kind
        UNION ALL SELECT 'marking', marking, '', COUNT(*) FROM m GROUP BY marking
        UNION ALL SELECT 'year', year, '', COUNT(*) FROM m GROUP BY year
        UNION ALL SELECT 'organisation', CAST(o.id AS TEXT), o.name, COUNT(*) FROM m
            JOIN {org} o ON o.id = m.owner GROUP BY o.id, o.name
        UNION ALL SELECT 'topic', {topic_t}.slug, {topic_name}, COUNT(*) FROM {topics} x
            JOIN {topic_t} ON {topic_t}.id = x.{topic_col}
            WHERE x.resource_id IN {ids} GROUP BY {topic_t}.id
        UNION ALL SELECT 'country', c.code, '', COUNT(*) FROM {countries} x
            JOIN {country_t} c ON c.id = x.{country_col}
            WHERE x.resource_id IN {ids} GROUP BY c.code
        UNION ALL SELECT 'language', l.code, l.name, COUNT(*) FROM {languages} x
            JOIN {language_t} l ON l.code = x.{language_col}
            WHERE x.resource_id IN {ids} GROUP BY l.code, l.name
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *topic_params])
        return cursor.fetchall()


def _country_name(code: str) -> str:
    from django_countries import countries

    return countries.name(code) or code
