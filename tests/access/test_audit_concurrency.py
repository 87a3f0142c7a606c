"""Appending to the audit log takes no installation-wide lock (PostgreSQL, real connections).

Each thread has its own connection. One holds a transaction open with an entry in it, as a slow
request does; another appends and commits meanwhile and must not wait for it. The slow one then
commits with a lower id than an entry already sealed, and is sealed after it.
"""

import threading
import time

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, connections, transaction

from protectnet.access import audit
from protectnet.access.models import AuditEntry

pytestmark = [
    pytest.mark.concurrency,
    pytest.mark.skipif(
        not settings.DATABASE_IS_POSTGRES, reason="SQLite has one writer at a time by design"
    ),
]


class Holder(threading.Thread):
    """Opens a transaction, appends an entry, then waits until told to commit."""

    def __init__(self, actor):
        super().__init__(daemon=True)
        self.actor, self.entry_id, self.error = actor, None, None
        self.appended, self.release = threading.Event(), threading.Event()

    def run(self):
        try:
            with transaction.atomic():
                self.entry_id = audit.record("test.slow", actor=self.actor).pk
                self.appended.set()
                assert self.release.wait(timeout=20)
        except Exception as exc:  # noqa: BLE001 - re-raised by the test
            self.error = exc
        finally:
            self.appended.set()
            connections.close_all()


def test_two_appends_do_not_wait_for_each_other(transactional_db, world):
    holder = Holder(world.admin)
    holder.start()
    assert holder.appended.wait(timeout=10) and holder.error is None
    started = time.monotonic()
    with transaction.atomic():
        fast = audit.record("test.fast", actor=world.kh_member)
    elapsed = time.monotonic() - started
    fast.refresh_from_db()
    assert elapsed < 1.0, f"the second append waited {elapsed:.2f} s for the open transaction"
    assert fast.seq is not None, "committed entry sealed at once"
    assert fast.pk > holder.entry_id
    holder.release.set()
    holder.join(timeout=20)
    assert holder.error is None
    slow = AuditEntry.objects.get(pk=holder.entry_id)
    assert slow.seq == fast.seq + 1 and slow.prev_hash == fast.hash
    call_command("verify_audit")


def test_a_busy_sealer_lock_makes_others_return_at_once(transactional_db, world):
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [audit.SEALER_LOCK_ID])
        started = time.monotonic()
        entry = audit.record("test.queued", actor=world.admin)
        assert time.monotonic() - started < 1.0
        entry.refresh_from_db()
        assert entry.seq is None, "left for the holder of the lock, not waited for"
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [audit.SEALER_LOCK_ID])
    finally:
        other.close()
    call_command("seal_audit")
    entry.refresh_from_db()
    assert entry.seq is not None
    call_command("verify_audit")


def test_many_writers_at_once_keep_one_verifiable_chain(transactional_db, world):
    def write(n):
        try:
            for i in range(10):
                with transaction.atomic():
                    audit.record("test.parallel", actor=world.admin, data={"w": n, "i": i})
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    call_command("seal_audit")
    seqs = list(AuditEntry.objects.order_by("seq").values_list("seq", flat=True))
    assert AuditEntry.objects.filter(action="test.parallel").count() == 60
    assert seqs == list(range(1, len(seqs) + 1))
    assert audit.verify().problems == []
    connection.close()
