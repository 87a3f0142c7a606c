"""The audit log: one function writes it, one verifies it.

Each entry's hash covers its own fields and the previous entry's hash, so changing or removing
any row breaks the chain from that row on; the head row catches removal of the newest entries.
"""

import hashlib
import json
from dataclasses import dataclass

from django.db import models, transaction
from django.http import HttpRequest

from .models import AuditEntry, AuditHead

GENESIS = "0" * 64
_SECRET_KEYS = ("password", "token", "secret", "otp", "code", "passport")


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


def entry_digest(entry: AuditEntry) -> str:
    payload = {
        "seq": entry.seq,
        "created_at": entry.created_at.isoformat(),
        "actor_id": entry.actor_id,
        "actor_label": entry.actor_label,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "object_repr": entry.object_repr,
        "ip": entry.ip,
        "data": entry.data,
        "prev_hash": entry.prev_hash,
    }
    blob = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


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
    with transaction.atomic():
        head, _ = AuditHead.objects.select_for_update().get_or_create(id=1)
        entry = AuditEntry(
            seq=head.seq + 1,
            actor=actor,
            actor_label=getattr(actor, "email", "") if actor else "",
            action=action,
            object_type=object_type,
            object_id=object_id,
            object_repr=default_repr if object_repr is None else object_repr,
            ip=client_ip(request),
            data=_mask(data or {}),
            prev_hash=head.hash,
        )
        # Round-trip through JSON so the digest sees what the database will return.
        entry.data = json.loads(json.dumps(entry.data, default=str))
        entry.hash = entry_digest(entry)
        entry.save()
        head.seq, head.hash = entry.seq, entry.hash
        head.save(update_fields=["seq", "hash"])
    return entry


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    reason: str


def verify_chain(batch_size: int = 2000) -> ChainProblem | None:
    """Return the first broken entry, or None when the whole chain holds."""
    expected_prev, expected_seq = GENESIS, 1
    entries = AuditEntry.objects.order_by("seq").iterator(chunk_size=batch_size)
    for entry in entries:
        if entry.seq != expected_seq:
            return ChainProblem(expected_seq, "missing: entries were removed before this point")
        if entry.prev_hash != expected_prev:
            return ChainProblem(entry.seq, "previous hash does not match the entry before it")
        if entry_digest(entry) != entry.hash:
            return ChainProblem(entry.seq, "contents were altered after it was written")
        expected_prev, expected_seq = entry.hash, entry.seq + 1
    head = AuditHead.objects.filter(id=1).first()
    if head and (head.seq != expected_seq - 1 or head.hash != expected_prev):
        return ChainProblem(expected_seq, "missing: the newest entries were removed")
    return None
