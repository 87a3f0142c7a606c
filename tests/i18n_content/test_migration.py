"""The migrations keep what was written: every existing title, description and summary becomes
the English original, the other languages start empty (SQLite and PostgreSQL alike)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = {
    "workshops": ("workshops_workshop", ("title", "description")),
    "training": ("training_course", ("title", "summary")),
    "library": ("library_resource", ("title", "summary")),
}


def _migrate(*targets) -> None:
    MigrationExecutor(connection).migrate(list(targets))


def _before(app: str):
    graph = MigrationExecutor(connection).loader.graph
    node = next(n for n in graph.leaf_nodes() if n[0] == app)
    while not node[1].endswith("texts_in_several_languages"):
        node = next(p for p in graph.node_map[node].parents if p.key[0] == app).key
    return next(p for p in graph.node_map[node].parents if p.key[0] == app).key, node


def _raw(sql: str, params=(), *, fetch: bool = True) -> list:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall() if fetch else []


@pytest.mark.django_db(transaction=True)
def test_existing_texts_become_the_english_original(world, content):
    rows = {
        "workshops": content.workshop.pk,
        "training": content.course.pk,
        "library": content.resource.pk,
    }
    leaves = {app: _before(app) for app in BEFORE}
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        _migrate(*(before for before, _added in leaves.values()))
        for app, (table, names) in BEFORE.items():
            sets = ", ".join(f"{n} = %s" for n in names)
            values = [f"Written before: {app} {n}" for n in names]
            # Table and column names come from BEFORE above, never from input.
            sql = f"UPDATE {table} SET {sets} WHERE id = %s"  # noqa: S608
            _raw(sql, [*values, rows[app]], fetch=False)
    finally:
        # Every migration again, not only up to the one tested: later ones (library 0010's topic
        # names) would be missing for the tests that run next.
        _migrate(*latest)
    for app, (table, names) in BEFORE.items():
        columns = ", ".join(f"{n}_en, {n}_km, {n}_zh_hant" for n in names)
        query = f"SELECT {columns} FROM {table} WHERE id = %s"  # noqa: S608 (names from BEFORE)
        found = _raw(query, [rows[app]])[0]
        expected = []
        for n in names:
            expected += [f"Written before: {app} {n}", None, None]
        assert list(found) == expected
