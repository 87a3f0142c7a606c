"""Two entries for one person made one: every row of every app moves to the entry kept.

The entry merged away is not deleted: audit entries name it by id and the audit log is sealed,
so it stays as an erased entry ("Erased person") whose history now lives on the kept one.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access.policy import require
from protectnet.core import versions

from ..models import Membership, Person
from ..person_links import person_links
from ..personal_data import CLEARED
from .common import forget_principal, record_person

# Fields the kept entry takes from the other when its own is empty: nothing it holds is lost.
FILLED = ("preferred_name", "email", "phone", "job_title", "gender", "languages", "expertise")
# A conflict list names this many rows per kind; the count says the rest.
CONFLICTS_SHOWN = 10


@dataclass(frozen=True)
class MergeConflict:
    label: str
    count: int
    examples: list[str]


def merge_conflicts(*, keep: Person, duplicate: Person) -> list[MergeConflict]:
    """What both entries hold where only one may: two registrations for one workshop, two
    enrolments in one delivery, two accounts. Rows of a many-to-many (a resource naming both)
    are no conflict: the kept entry stays named."""
    found = []
    for link in person_links():
        if link.through or not link.unique_sets:
            continue
        rows = link.collisions(duplicate_id=duplicate.pk, keep_id=keep.pk)
        count = rows.count()
        if count:
            examples = [str(row) for row in rows[:CONFLICTS_SHOWN]]
            found.append(MergeConflict(link.label, count, examples))
    if keep.user_id and duplicate.user_id:
        found.append(MergeConflict(_("Accounts"), 2, [keep.user.email, duplicate.user.email]))
    return found


def filled_fields(*, keep: Person, duplicate: Person) -> list[str]:
    """The kept entry's empty fields the other entry fills."""
    return [n for n in FILLED if not getattr(keep, n) and getattr(duplicate, n)]


def person_merge(*, actor, keep: Person, duplicate: Person, request=None) -> dict[str, int]:
    """Move every reference from `duplicate` to `keep`, then erase `duplicate`'s details.

    Refused (ValidationError listing them) when both hold what only one may: the admin decides
    which registration or enrolment stays in its own app first. Returns what moved, by label."""
    require(actor, "network.person.merge", duplicate)
    if keep.pk == duplicate.pk or keep.erased_at or duplicate.erased_at:
        raise ValidationError(_("Choose two different entries that are not erased."))
    with transaction.atomic():
        # Locked: a registration added to either entry meanwhile waits for the merge.
        list(Person.objects.select_for_update().filter(pk__in=[keep.pk, duplicate.pk]))
        conflicts = merge_conflicts(keep=keep, duplicate=duplicate)
        if conflicts:
            raise ValidationError([_conflict_message(c) for c in conflicts])
        moved = _move_rows(keep=keep, duplicate=duplicate)
        account = duplicate.user
        filled = _take_over(keep=keep, duplicate=duplicate)
        record_person(
            "network.person.merged",
            actor=actor,
            person=keep,
            request=request,
            data={"kept_id": keep.pk, "merged_id": duplicate.pk, "moved": moved, "filled": filled},
        )
    versions.touched(Person, Membership)  # moved with update(), which sends no signal
    forget_principal(account)
    return moved


def _conflict_message(conflict: MergeConflict) -> str:
    return _("%(kind)s held by both entries (%(count)d): %(rows)s") % {
        "kind": conflict.label,
        "count": conflict.count,
        "rows": "; ".join(conflict.examples),
    }


def _move_rows(*, keep: Person, duplicate: Person) -> dict[str, int]:
    moved: dict[str, int] = {}
    for link in person_links():
        rows = link.rows_of(duplicate.pk)
        if link.through:
            # The kept entry is already named there: the duplicate's row adds nothing.
            link.collisions(duplicate_id=duplicate.pk, keep_id=keep.pk).delete()
        count = rows.update(**{link.field: keep.pk})
        if count:
            moved[link.key] = count
    return moved


def _take_over(*, keep: Person, duplicate: Person) -> list[str]:
    """The account and the empty fields go to the kept entry; the other is erased, kept as a
    row so that the sealed audit log's ids still name an entry."""
    filled = filled_fields(keep=keep, duplicate=duplicate)
    values = {name: getattr(duplicate, name) for name in filled}
    account = duplicate.user
    for name, value in CLEARED.items():
        setattr(duplicate, name, value)
    duplicate.user, duplicate.erased_at = None, timezone.now()
    # First: the address and the account are unique, they leave this entry before joining the other.
    duplicate.save(update_fields=[*CLEARED, "user", "erased_at", "updated_at"])
    for name, value in values.items():
        setattr(keep, name, value)
    if account is not None and keep.user_id is None:
        keep.user = account
        filled.append("user")
    keep.refresh_search_text()
    keep.save(update_fields=[*filled, *Person.SEARCH_FIELDS, "updated_at"])
    return filled
