"""Reads of the access app: the audit log, for admins only (see SCOPES)."""

from datetime import date

from django.db.models import F, QuerySet

from protectnet.accounts.directory import account_labels

from .models import AuditEntry
from .policy import visible


def audit_entry_list(
    *,
    user,
    actor: str = "",
    action: str = "",
    object_type: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet:
    """Newest first. `action` matches a prefix ("auth." finds every sign-in event)."""
    qs = visible(user, AuditEntry.objects.all())
    if actor:
        qs = qs.filter(actor_label__icontains=actor)
    if action:
        qs = qs.filter(action__startswith=action)
    if object_type:
        qs = qs.filter(object_type=object_type)
    if date_from:
        qs = qs.filter(created_at__date__gte=date_from)
    if date_to:
        qs = qs.filter(created_at__date__lte=date_to)
    # Entries not sealed yet (committed a moment ago) come first: they are the newest.
    return qs.order_by(F("seq").desc(nulls_first=True), "-id")


def audit_actors_named(entries) -> list[AuditEntry]:
    """The entries, each with `actor_name`: the directory's label for the actor (as people are
    named everywhere else), else the stored label. Display only: the chain keeps what it hashed."""
    entries = list(entries)
    labels = account_labels({e.actor_id for e in entries if e.actor_id})
    for entry in entries:
        entry.actor_name = labels.get(entry.actor_id) or entry.actor_label
    return entries


def audit_vocabulary(*, user) -> dict[str, list[str]]:
    """Actions and object types present, to suggest in the filter form (two queries)."""
    qs = visible(user, AuditEntry.objects.all()).order_by()
    return {
        "actions": list(qs.values_list("action", flat=True).distinct().order_by("action")),
        "object_types": list(
            qs.exclude(object_type="")
            .values_list("object_type", flat=True)
            .distinct()
            .order_by("object_type")
        ),
    }
