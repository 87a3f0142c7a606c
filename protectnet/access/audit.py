"""The audit log: `record` appends, `seal` chains, `verify` checks (see verification.py).

Appending is a plain INSERT inside the caller's transaction: no lock shared by the whole
installation, so audited requests never queue behind each other. After the commit a sealer,
under a lock of its own that nobody waits for, gives every committed unsealed entry its `seq`
and an HMAC (key `AUDIT_HMAC_KEY`, held outside the database) over its fields, a keyed
commitment of its personal fields and the previous entry's hash. Each seal also appends the new
head to a file outside the database (`AUDIT_HEADS_FILE`), so a chain rewritten with the key but
not the file, or cut short at the end, is still caught.
"""

import fcntl
import hashlib
import hmac
import json
import logging
import os
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection, models, transaction
from django.http import HttpRequest
from django.utils import timezone

from .models import AuditEntry, AuditHead

GENESIS = "0" * 64
ERASURE_ACTION = "audit.personal_data_erased"
SEALER_LOCK_ID = 0x5EA1A0D17  # any constant: PostgreSQL advisory locks are keyed by a number
SEAL_BATCH = 500
_SECRET_KEYS = ("password", "token", "secret", "otp", "code", "passport")
log = logging.getLogger(__name__)


def _mask(data: dict) -> dict:
    return {
        key: ("***" if any(s in key.lower() for s in _SECRET_KEYS) else value)
        for key, value in data.items()
    }


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    # REMOTE_ADDR is set by the server; a reverse proxy must be configured to rewrite it.
    return request.META.get("REMOTE_ADDR") or None


def _key(purpose: str) -> bytes:
    # Separate keys per use, so the commitment of erased fields reveals nothing about the chain.
    return hmac.new(settings.AUDIT_HMAC_KEY.encode(), purpose.encode(), hashlib.sha256).digest()


def _mac(purpose: str, payload) -> str:
    blob = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)
    return hmac.new(_key(purpose), blob.encode(), hashlib.sha256).hexdigest()


def personal_digest(entry: AuditEntry) -> str:
    """Keyed commitment of the fields that name a person; what the chain covers instead."""
    return _mac("personal", [entry.actor_label, entry.ip or "", entry.object_repr])


def entry_digest(entry: AuditEntry) -> str:
    """The chained hash of a sealed entry (needs the key)."""
    payload = {
        "id": entry.pk,
        "seq": entry.seq,
        "created_at": entry.created_at.isoformat(),
        "actor_id": entry.actor_id,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "personal": entry.personal_digest,
        "data": entry.data,
        "prev_hash": entry.prev_hash,
    }
    return _mac("chain", payload)


def _object_fields(obj) -> tuple[str, str, str]:
    if obj is None:
        return "", "", ""
    if isinstance(obj, models.Model):
        return obj._meta.label_lower, str(obj.pk), str(obj)[:200]
    return type(obj).__name__.lower(), "", str(obj)[:200]


def record(
    action: str,
    *,
    actor=None,
    obj=None,
    request: HttpRequest | None = None,
    data: dict | None = None,
    object_repr: str | None = None,
) -> AuditEntry:
    """Append one entry. Call inside the service's transaction so both land or neither."""
    if actor is None and request is not None:
        actor = getattr(request, "user", None)
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    object_type, object_id, default_repr = _object_fields(obj)
    ip = client_ip(request)
    entry = AuditEntry(
        actor=actor,
        actor_label=getattr(actor, "email", "") if actor else "",
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_repr=default_repr if object_repr is None else object_repr,
        # Stored as the database will return it, so the commitment matches on reading.
        ip=AuditEntry._meta.get_field("ip").get_prep_value(ip) if ip else None,
        # Round-trip through JSON so the digest sees what the database will return.
        data=json.loads(json.dumps(_mask(data or {}), default=str)),
    )
    entry.personal_digest = personal_digest(entry)
    entry.save(force_insert=True)
    if _in_user_transaction():
        transaction.on_commit(seal_quietly, robust=True)
    else:
        seal_quietly()
    return entry


def _in_user_transaction() -> bool:
    """True inside a transaction the caller opened (the atomic blocks a test case wraps every
    test in do not count: there, as in autocommit, the row is committed as far as anyone can
    tell)."""
    return any(not getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def seal_quietly() -> None:
    """After a commit: a failure to seal must not fail the request (the next seal catches up)."""
    try:
        seal()
    except Exception:
        log.exception("Sealing the audit log failed; the next commit or seal_audit retries.")


def _unsealed():
    return AuditEntry.objects.filter(seq__isnull=True)


def seal(*, max_rounds: int = 20) -> int:
    """Seal committed unsealed entries in id order; returns how many. Returns at once (0) when
    another process holds the sealer lock: it, the next commit or `seal_audit` seals the rest."""
    if _in_user_transaction():
        transaction.on_commit(seal_quietly, robust=True)
        return 0
    total = 0
    for _ in range(max_rounds):
        if not _unsealed().exists():
            break
        sealed = _seal_round()
        if sealed is None:
            break
        total += sealed
    return total


def _seal_round() -> int | None:
    with _sealer_lock() as held:
        if not held:
            return None
        with transaction.atomic():
            # Same queries whether or not the head row exists yet (query counts stay constant).
            AuditHead.objects.bulk_create([AuditHead(id=1)], ignore_conflicts=True)
            head = AuditHead.objects.select_for_update().get(id=1)
            batch = list(_unsealed().order_by("id")[:SEAL_BATCH])
            for entry in batch:
                if not entry.personal_digest:  # written before keyed sealing existed
                    entry.personal_digest = personal_digest(entry)
                entry.seq, entry.prev_hash = head.seq + 1, head.hash
                entry.hash = entry_digest(entry)
                head.seq, head.hash = entry.seq, entry.hash
            if batch:
                fields = ["seq", "prev_hash", "hash", "personal_digest"]
                AuditEntry.objects.bulk_update(batch, fields)
                head.save(update_fields=["seq", "hash"])
        if batch:
            # After the commit and still under the lock: the file never runs ahead of the
            # database, and lines stay in seq order.
            _append_head(head.seq, head.hash)
        return len(batch)


@contextmanager
def _sealer_lock():
    """PostgreSQL: a session advisory lock (across hosts); SQLite: a lock on the heads file."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [SEALER_LOCK_ID])
            held = cursor.fetchone()[0]
        try:
            yield held
        finally:
            if held:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [SEALER_LOCK_ID])
        return
    fd = _open_heads_file()
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # closing releases the lock


def heads_file_path() -> Path:
    return Path(settings.AUDIT_HEADS_FILE)


def _open_heads_file() -> int:
    path = heads_file_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)


def _append_head(seq: int, digest: str) -> None:
    line = f"{seq} {digest} {timezone.now().isoformat(timespec='seconds')}\n"
    fd = _open_heads_file()
    try:
        os.write(fd, line.encode())  # one short write with O_APPEND: never interleaved
    finally:
        os.close(fd)


def sealed_head() -> tuple[int, str]:
    head = AuditHead.objects.filter(id=1).first()
    return (head.seq, head.hash) if head else (0, GENESIS)


def verify(**options):
    """Check the whole log; see verification.verify_log."""
    from .verification import verify_log

    return verify_log(**options)


def verify_chain(batch_size: int = 2000):
    """The first problem in the database's own chain (or None): the old interface, kept for
    its callers. `verify_audit` also checks the heads file."""
    problems = verify(batch_size=batch_size, use_heads_file=False).problems
    return problems[0] if problems else None
