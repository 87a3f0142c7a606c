"""The shipped list as initial data, the load command, the cache and the summary selector."""

import pytest
from django.core.cache import cache
from django.core.management import call_command

from protectnet.terminology import services
from protectnet.terminology.data import read_csv
from protectnet.terminology.models import Term
from protectnet.terminology.selectors import findings_summary
from protectnet.terminology.services import check_text

pytestmark = pytest.mark.django_db


def test_migrate_loads_every_term_of_the_shipped_list():
    rows = read_csv()
    assert Term.objects.filter(language="en").count() == len(rows) >= 30
    term = Term.objects.get(label="child pornography")
    assert "child-pornography" in term.variant_list
    assert term.exceptions.startswith("keep when quoting")
    assert "EXCEPTION" not in term.reason


def test_load_terminology_is_idempotent_and_keeps_admin_edits(capsys):
    Term.objects.filter(label="child bride").update(reason="edited by an admin")
    Term.objects.filter(label="sextortion").delete()
    call_command("load_terminology")
    call_command("load_terminology")
    assert Term.objects.filter(language="en").count() == len(read_csv())
    assert Term.objects.get(label="child bride").reason == "edited by an admin"
    assert "0 created, 0 updated" in capsys.readouterr().out.splitlines()[-1]
    call_command("load_terminology", "--update")
    assert Term.objects.get(label="child bride").reason != "edited by an admin"


def test_an_empty_table_falls_back_to_the_shipped_list():
    Term.objects.all().delete()
    services.invalidate()
    assert [f.term for f in check_text("a sex tourist")] == ["child sex tourist"]


def test_the_compiled_list_is_reused_without_queries(django_assert_num_queries):
    services.warm()
    with django_assert_num_queries(0):
        check_text("child pornography " * 100)


def test_another_process_edit_is_seen_through_the_version_stamp(
    django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr(services, "RECHECK_SECONDS", 0)
    services.warm()
    Term.objects.filter(label="child bride").update(active=False)  # as if in another process
    assert check_text("a child bride")  # still the compiled list: no stamp changed
    cache.set(services.VERSION_KEY, "changed-elsewhere")
    with django_assert_num_queries(1):
        assert check_text("a child bride") == []


def test_the_shared_stamp_is_read_at_most_every_few_seconds(monkeypatch):
    services.warm()
    reads = []
    monkeypatch.setattr(services.cache, "get", lambda *a, **k: reads.append(a))
    for _ in range(50):
        check_text("a sex tourist")
    assert len(reads) <= 1


def test_a_cleared_cache_does_not_force_a_rebuild(django_assert_num_queries, monkeypatch):
    monkeypatch.setattr(services, "RECHECK_SECONDS", 0)
    services.warm()
    cache.clear()
    with django_assert_num_queries(0):
        check_text("child pornography")


def test_findings_summary_counts_by_severity_and_term():
    summary = findings_summary(
        {
            "resource 1": "A sex tourist; child pornography; a paedophile.",
            "resource 2": "Clean text.",
            "resource 3": "kiddie porn",
        }
    )
    assert list(summary.findings) == ["resource 1", "resource 3"]
    assert summary.total == 4
    assert summary.by_severity == {"avoid": 3, "use_with_care": 1}
    assert summary.blocking == 4
    assert summary.by_term["child sex tourist"] == 1
