"""The audit log is append-only and hash-chained: alterations and removals are detected."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from protectnet.access import audit
from protectnet.access.models import AppendOnlyError, AuditEntry


@pytest.fixture
def chain(world):
    for n in range(5):
        audit.record("test.event", actor=world.admin, data={"n": n})
    return list(AuditEntry.objects.order_by("seq"))


def raw_sql(sql, params):
    table = AuditEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(sql.format(table=table), params)


def test_intact_chain_verifies(chain, capsys):
    assert audit.verify_chain() is None
    call_command("verify_audit")
    assert "5 entries verified" in capsys.readouterr().out


def test_each_entry_links_to_the_previous(chain):
    assert chain[0].prev_hash == audit.GENESIS
    for before, after in zip(chain, chain[1:], strict=False):
        assert after.prev_hash == before.hash


def test_changed_row_is_detected_and_named(chain):
    raw_sql("UPDATE {table} SET action = %s WHERE seq = %s", ["test.tampered", 3])
    problem = audit.verify_chain()
    assert problem.seq == 3 and "altered" in problem.reason
    with pytest.raises(CommandError, match="entry #3") as exc:
        call_command("verify_audit")
    assert exc.value.returncode == 1


def test_changed_data_is_detected(chain):
    raw_sql("UPDATE {table} SET ip = %s WHERE seq = %s", ["10.9.9.9", 2])
    assert audit.verify_chain().seq == 2


def test_deleted_row_is_detected_and_named(chain):
    raw_sql("DELETE FROM {table} WHERE seq = %s", [2])
    problem = audit.verify_chain()
    assert problem.seq == 2 and "missing" in problem.reason
    with pytest.raises(CommandError, match="entry #2"):
        call_command("verify_audit")


def test_deleted_newest_rows_are_detected(chain):
    raw_sql("DELETE FROM {table} WHERE seq >= %s", [4])
    problem = audit.verify_chain()
    assert problem is not None and problem.seq == 4


def test_rewritten_chain_with_recomputed_hash_still_breaks_the_next_link(chain):
    entry = AuditEntry.objects.get(seq=2)
    entry.action = "test.forged"
    forged = audit.entry_digest(entry)
    raw_sql("UPDATE {table} SET action = %s, hash = %s WHERE seq = %s", ["test.forged", forged, 2])
    problem = audit.verify_chain()
    assert problem.seq == 3 and "previous" in problem.reason


def test_the_model_refuses_changes_and_deletion(chain):
    entry = chain[0]
    entry.action = "changed"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()


def test_secrets_in_data_are_masked(world):
    entry = audit.record("test.masked", actor=world.admin, data={"password": "x", "name": "y"})
    assert entry.data == {"password": "***", "name": "y"}


def test_command_on_an_empty_log_passes(db, capsys):
    call_command("verify_audit")
    assert "0 entries verified" in capsys.readouterr().out
