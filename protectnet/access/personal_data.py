"""Personal data in the access app: audit entries about or by a person (export and erasure).

Erasure blanks the fields that name someone (actor label, IP address, object description) and
marks the entry erased. The chain covers a keyed commitment of those fields, not the fields, so
it still verifies; `verify_audit` accepts an erased entry only when an erasure entry names it.
"""

from django.db.models import Q

from . import audit
from .models import AuditEntry

LABEL = "audit"
MODELS = {
    "access.auditentry": (
        "exported (entries by the account or about the person or account) and erased: actor "
        "label, IP address and object description blanked, the entry marked erased and named "
        "in an erasure entry; action, time and ids stay, so the chain still verifies"
    ),
}
EXEMPT = {
    "access.rolegrant": "holds only account ids, a role name and a date: nothing that names anyone",
    "access.audithead": "the chain's tip: a sequence number and a hash, nothing about anyone",
}


def _entries(*, person, user):
    q = Q(pk__in=[])
    if user is not None:
        q |= Q(actor_id=user.pk) | Q(object_type="accounts.user", object_id=str(user.pk))
    if person is not None:
        q |= Q(object_type=person._meta.label_lower, object_id=str(person.pk))
    return AuditEntry.objects.filter(q).order_by("id")


def export(*, person, user) -> dict:
    """Entries by the account or about the person; who else acted (and from where) is theirs,
    not the person's: shown only as "someone else"."""
    own_id = user.pk if user is not None else None
    rows = []
    for e in _entries(person=person, user=user):
        own = own_id is not None and e.actor_id == own_id
        rows.append(
            {
                "time": e.created_at.isoformat(),
                "action": e.action,
                "actor": e.actor_label if own else "someone else",
                "object_type": e.object_type,
                "object_id": e.object_id,
                "object": e.object_repr,
                "ip": e.ip if own else None,
                "details": e.data if own else {},
                "erased": e.erased,
            }
        )
    return {"entries": rows}


def erase(*, person, user, actor) -> None:
    ids = list(_entries(person=person, user=user).filter(erased=False).values_list("pk", flat=True))
    if not ids:
        return
    # A queryset update, not save(): entries stay append-only for everything but this.
    AuditEntry.objects.filter(pk__in=ids).update(
        actor_label="", ip=None, object_repr="", erased=True
    )
    audit.record(
        audit.ERASURE_ACTION,
        actor=actor,
        object_repr="",  # the erasure entry must not carry the name it erased
        data={
            "entries": ids,
            "person_id": person.pk if person else None,
            "user_id": user.pk if user else None,
        },
    )
