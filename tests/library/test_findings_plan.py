"""The secretariat's findings list reads the few resources with findings from their own index,
in the list's order, never every resource the admin may read: its cost stays that of the
resources it shows, however large the library (checked with EXPLAIN, with statistics)."""

from django.db import connection

from protectnet.library import selectors
from protectnet.library.models import Resource

from .conftest import make_resource


def _plan(sql: str, params) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            return "\n".join(str(row[-1]) for row in cursor.fetchall())
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_findings_are_read_from_their_index_in_the_list_order(world):
    Resource.objects.bulk_create(
        Resource(title=f"Plain {i}", owner_organisation=world.kh_ngo, marking="GREEN")
        for i in range(300)
    )
    worst = make_resource(world.kh_ngo, title="Many findings")
    some = make_resource(world.kh_ngo, title="One finding")
    Resource.objects.filter(pk=worst.pk).update(summary_findings=2, text_findings=3)
    Resource.objects.filter(pk=some.pk).update(text_findings=1)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    found = selectors.findings_list(user=world.admin)[:200]
    assert [r.pk for r in found] == [worst.pk, some.pk]
    plan = _plan(*found.query.sql_with_params())
    assert "library_resource_findings_idx" in plan, plan
    # Never every resource: no full scan of the table (SQLite) and no sequential scan (PostgreSQL).
    assert "SCAN library_resource" not in plan.splitlines(), plan
    assert "Seq Scan on library_resource " not in plan, plan
    if connection.vendor == "sqlite":  # read in the index's order: nothing left to sort
        assert "TEMP B-TREE FOR ORDER BY" not in plan, plan
