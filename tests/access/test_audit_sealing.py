"""The audit chain is sealed after commit with a key held outside the database, and each seal's
head is also written to an append-only file: what an insider with only the database can and
cannot hide from `manage.py verify_audit`."""

import hashlib
import json
import stat
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from protectnet.access import audit
from protectnet.access.models import AuditEntry, AuditHead


@pytest.fixture
def chain(world):
    for n in range(6):
        audit.record("test.event", actor=world.admin, data={"n": n})
    return list(AuditEntry.objects.order_by("seq"))


def raw_sql(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql.format(table=AuditEntry._meta.db_table), params)


def verify(*args) -> str:
    """Run the command as an operator would; return what it said (stdout, or the error)."""
    try:
        call_command("verify_audit", *args)
    except CommandError as exc:
        assert exc.returncode == 1
        return "BROKEN " + str(exc)
    return "OK"


def old_plain_digest(entry) -> str:
    """The digest before keyed sealing: plain SHA-256 that anyone can recompute."""
    payload = {
        "seq": entry.seq,
        "created_at": entry.created_at.isoformat(),
        "actor_id": entry.actor_id,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "data": entry.data,
        "prev_hash": entry.prev_hash,
    }
    blob = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


def rechain(digest, *, delete_seq: int, edit_seq: int) -> None:
    """An insider's cover-up: delete one entry, edit another, renumber and recompute every hash
    and the head row, so that every link in the database agrees again."""
    raw_sql("DELETE FROM {table} WHERE seq = %s", [delete_seq])
    raw_sql("UPDATE {table} SET action = %s WHERE seq = %s", ["test.forged", edit_seq])
    prev = audit.GENESIS
    for n, entry in enumerate(AuditEntry.objects.order_by("seq"), start=1):
        entry.seq, entry.prev_hash = n, prev
        entry.hash = digest(entry)
        raw_sql(
            "UPDATE {table} SET seq = %s, prev_hash = %s, hash = %s WHERE id = %s",
            [n, prev, entry.hash, entry.pk],
        )
        prev = entry.hash
    AuditHead.objects.filter(id=1).update(seq=n, hash=prev)


def test_a_rechain_with_plain_sha256_is_detected(chain):
    rechain(old_plain_digest, delete_seq=2, edit_seq=4)
    assert verify().startswith("BROKEN")


def test_a_rechain_with_a_wrong_key_is_detected(chain, settings):
    real_key = settings.AUDIT_HMAC_KEY
    settings.AUDIT_HMAC_KEY = "a-guessed-key-that-is-not-the-real-one"
    rechain(audit.entry_digest, delete_seq=2, edit_seq=4)
    settings.AUDIT_HMAC_KEY = real_key
    assert verify().startswith("BROKEN")


def test_a_rechain_with_the_key_is_caught_by_the_heads_file(chain):
    rechain(audit.entry_digest, delete_seq=2, edit_seq=4)
    said = verify()
    assert said.startswith("BROKEN") and "heads file" in said


def test_removing_the_newest_entries_and_the_head_is_caught_by_the_heads_file(chain):
    raw_sql("DELETE FROM {table} WHERE seq >= %s", [5])
    last = AuditEntry.objects.get(seq=4)
    AuditHead.objects.filter(id=1).update(seq=4, hash=last.hash)
    said = verify()
    assert "entry #5" in said and "entry #6" in said


def test_every_break_is_listed_not_only_the_first(chain):
    raw_sql("UPDATE {table} SET action = %s WHERE seq = %s", ["test.tampered", 2])
    raw_sql("DELETE FROM {table} WHERE seq = %s", [4])
    raw_sql("UPDATE {table} SET ip = %s WHERE seq = %s", ["10.9.9.9", 6])
    said = verify()
    assert "entry #2" in said and "entry #4" in said and "entry #6" in said
    assert "entry #3" not in said and "entry #5" not in said
    problems = audit.verify().problems
    assert [p.seq for p in problems] == [2, 4, 6]


def test_expected_head_from_the_command_line(chain, capsys):
    entry = AuditEntry.objects.get(seq=3)
    assert verify("--expect-head", f"3:{entry.hash}") == "OK"
    assert "6 entries verified" in capsys.readouterr().out
    assert "entry #3" in verify("--expect-head", f"3:{'f' * 64}")
    assert "entry #9" in verify("--expect-head", f"9:{entry.hash}")
    with pytest.raises(CommandError, match="SEQ:HASH"):
        call_command("verify_audit", "--expect-head", "nonsense")


def test_heads_file_is_private_and_records_each_seal(chain, settings):
    path = Path(settings.AUDIT_HEADS_FILE)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    lines = path.read_text().splitlines()
    last = AuditEntry.objects.get(seq=6)
    seq, digest, when = lines[-1].split()
    assert (int(seq), digest) == (6, last.hash) and when.startswith("20")
    assert [int(line.split()[0]) for line in lines] == sorted(int(x.split()[0]) for x in lines)


def test_the_hash_needs_the_key(chain, settings):
    entry = AuditEntry.objects.get(seq=2)
    assert old_plain_digest(entry) != entry.hash
    settings.AUDIT_HMAC_KEY = "another-key"
    assert audit.entry_digest(entry) != entry.hash


def test_unsealed_entries_are_reported_and_sealed_unless_no_seal(world, capsys):
    with transaction.atomic():  # as a service does: sealing waits for the commit
        audit.record("test.pending", actor=world.admin)
        audit.record("test.pending", actor=world.admin)
    assert AuditEntry.objects.filter(seq__isnull=True).count() == 2
    assert verify("--no-seal") == "OK"
    assert "2 entries not yet sealed" in capsys.readouterr().out
    assert AuditEntry.objects.filter(seq__isnull=True).count() == 2
    assert verify() == "OK"
    out = capsys.readouterr().out
    assert "2 entries verified" in out and "not yet sealed" not in out
    assert sorted(AuditEntry.objects.values_list("seq", flat=True)) == [1, 2]


def test_seal_command_seals_what_is_pending(world, capsys):
    with transaction.atomic():
        audit.record("test.pending", actor=world.admin)
    call_command("seal_audit")
    assert "Sealed 1 entry" in capsys.readouterr().out
    assert AuditEntry.objects.get(action="test.pending").seq == 1


def test_a_rolled_back_entry_leaves_no_gap(world):
    audit.record("test.before", actor=world.admin)
    with pytest.raises(RuntimeError), transaction.atomic():
        audit.record("test.rolled_back", actor=world.admin)
        raise RuntimeError("the service failed after auditing")
    audit.record("test.after", actor=world.admin)
    audit.seal()
    entries = list(AuditEntry.objects.order_by("seq").values_list("seq", "action"))
    assert entries == [(1, "test.before"), (2, "test.after")]
    assert verify() == "OK"


def test_the_audit_page_shows_the_sealed_head(world, login):
    audit.record("test.event", actor=world.kh_member)
    response = login(world.admin).get("/audit/")
    head = AuditHead.objects.get(id=1)
    assert head.seq >= 1
    page = response.content.decode()
    assert f"#{head.seq}" in page and head.hash in page


def test_production_refuses_to_start_without_the_audit_key(tmp_path):
    from tests.core.test_deploy import manage, production_env

    env = production_env(tmp_path)
    env.pop("AUDIT_HMAC_KEY", None)
    result = manage(env, "check")
    assert result.returncode != 0 and "AUDIT_HMAC_KEY" in result.stderr


def test_development_warns_about_the_derived_audit_key(settings):
    from protectnet.access.checks import audit_key_configured

    settings.DEBUG, settings.AUDIT_HMAC_KEY_FROM_ENV = True, False
    warnings = audit_key_configured()
    assert [w.id for w in warnings] == ["access.W001"]
    settings.AUDIT_HMAC_KEY_FROM_ENV = True
    assert audit_key_configured() == []


def test_the_key_is_never_the_secret_key_itself(settings):
    assert settings.AUDIT_HMAC_KEY and settings.AUDIT_HMAC_KEY != settings.SECRET_KEY
