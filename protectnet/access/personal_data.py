"""TEMPORARY minimal version, replaced by the audit work at merge (the audit engineer owns this
file): it lists the audit entries whose actor is the account, and erases nothing yet. The real
version also lists entries whose object is the person and removes their personal fields
without breaking the hash chain. Found by `core.providers("personal_data")`."""

from .models import AuditEntry, RoleGrant

LABEL = "audit"

MODELS = {
    "access.auditentry": "entries whose actor is the account exported (time, action, object "
    "type); erasure: TEMPORARY, nothing removed yet (the audit work replaces this module)",
    "access.rolegrant": "roles granted to the account exported; kept: a grant names no one",
}

# Most recent entries only: the log of a busy account is long, and the page must stay light.
LIMIT = 1000


def export(*, person, user) -> dict:
    if user is None:
        return {}
    entries = AuditEntry.objects.filter(actor=user).only(
        "seq", "created_at", "action", "object_type", "object_id"
    )[:LIMIT]
    return {
        "roles_granted": sorted(RoleGrant.objects.filter(user=user).values_list("role", flat=True)),
        "entries_as_actor": [
            {
                "seq": e.seq,
                "at": e.created_at.isoformat(),
                "action": e.action,
                "object": f"{e.object_type}:{e.object_id}" if e.object_type else "",
            }
            for e in entries
        ],
    }


def erase(*, person, user, actor) -> None:
    """Nothing yet: the audit work removes personal fields without breaking verification."""
