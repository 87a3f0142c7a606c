"""Import of organisations and people: upload -> preview (every bad row) -> all-or-nothing commit.

The upload is kept as rows of text in an ImportBatch, so a person can fix a bad row on the
preview page and commit without uploading again. Checks run again at commit time, inside the
transaction, against the directory as it is then.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access import audit
from protectnet.access.policy import require
from protectnet.access.principal import principal_for

from ..models import ImportBatch, ImportKind, ImportStatus
from .checks import (
    ORGANISATION_COLUMNS,
    PEOPLE_COLUMNS,
    RowCheck,
    check_organisations,
    check_people,
)
from .commit import commit_organisations, commit_people
from .reading import read_rows

COLUMNS = {ImportKind.PEOPLE: PEOPLE_COLUMNS, ImportKind.ORGANISATIONS: ORGANISATION_COLUMNS}


@dataclass
class Preview:
    checks: list[RowCheck]

    @property
    def bad(self) -> list[RowCheck]:
        return [c for c in self.checks if c.errors]

    @property
    def creates(self) -> int:
        return sum(1 for c in self.checks if not c.errors and c.action == "create")

    @property
    def updates(self) -> int:
        return sum(1 for c in self.checks if not c.errors and c.action == "update")

    @property
    def ready(self) -> bool:
        return bool(self.checks) and not self.bad


def import_start(*, actor, kind: str, upload, request=None) -> ImportBatch:
    require(actor, "network.import")
    if kind not in COLUMNS:
        raise ValidationError({"kind": [_("Choose what the file holds.")]})
    rows = read_rows(upload, COLUMNS[kind])
    batch = ImportBatch(
        created_by=actor, kind=kind, filename=(upload.name or "upload")[:255], rows=rows
    )
    batch.result = _summary(import_check(actor=actor, batch=batch))
    batch.save()
    audit.record(
        "network.import.uploaded",
        actor=actor,
        obj=batch,
        request=request,
        data={"rows": len(rows), "kind": kind},
    )
    return batch


def import_check(*, actor, batch: ImportBatch) -> Preview:
    checker = check_people if batch.kind == ImportKind.PEOPLE else check_organisations
    return Preview(checker(batch.rows, principal_for(actor)))


def import_row_update(*, actor, batch: ImportBatch, index: int, values: dict) -> Preview:
    """Correct one row of a previewed file (the file itself is not kept)."""
    require(actor, "network.import")
    _still_open(batch)
    if not 0 <= index < len(batch.rows):
        raise ValidationError(_("This row is not in the file."))
    batch.rows[index] = {
        key: " ".join(str(values.get(key, "")).split()) for key in COLUMNS[batch.kind]
    }
    preview = import_check(actor=actor, batch=batch)
    batch.result = _summary(preview)
    batch.save(update_fields=["rows", "result"])
    return preview


def import_commit(*, actor, batch: ImportBatch, request=None) -> dict:
    """Write every row or none: any bad row (checked again now) refuses the whole file."""
    require(actor, "network.import")
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        _still_open(batch)
        preview = import_check(actor=actor, batch=batch)
        if not preview.ready:
            batch.result = _summary(preview)
            batch.save(update_fields=["result"])
            raise ValidationError(
                _("%(n)s rows still have problems: nothing was imported.") % {"n": len(preview.bad)}
            )
        writer = commit_people if batch.kind == ImportKind.PEOPLE else commit_organisations
        counts = writer(preview.checks)
        batch.status, batch.committed_at = ImportStatus.COMMITTED, timezone.now()
        batch.result = {**_summary(preview), "committed": counts}
        batch.rows = []  # the directory holds the data now; keep no second copy
        batch.save(update_fields=["status", "committed_at", "result", "rows"])
        audit.record(
            "network.import.committed",
            actor=actor,
            obj=batch,
            request=request,
            data={"kind": batch.kind, **counts},
        )
    return counts


def _still_open(batch: ImportBatch) -> None:
    if batch.status != ImportStatus.PREVIEW:
        raise ValidationError(_("This file was already imported; upload it again to re-import."))


def _summary(preview: Preview) -> dict:
    return {
        "rows": len(preview.checks),
        "bad": len(preview.bad),
        "creates": preview.creates,
        "updates": preview.updates,
    }


__all__ = [
    "COLUMNS",
    "Preview",
    "import_check",
    "import_commit",
    "import_row_update",
    "import_start",
]


def purge_stale_previews(*, days: int = 7) -> int:
    """Delete import previews nobody committed: they hold copies of personal data."""
    cutoff = timezone.now() - timezone.timedelta(days=days)
    stale = ImportBatch.objects.filter(status=ImportStatus.PREVIEW, created_at__lt=cutoff)
    deleted, _ = stale.delete()
    return deleted
