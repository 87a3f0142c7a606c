"""Uploads kept between two submissions of the same form (see models.StagedUpload).

Only the user who uploaded a staged file can use it: every lookup filters by owner, so a staging
id copied from someone else's form is simply ignored. Staged files are never served; they become
version files when the form is finally saved, and anything left is purged after a day.
"""

import secrets
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db.models import QuerySet
from django.utils import timezone

from protectnet.core.files import Area

from .models import StagedUpload
from .uploads import CheckedUpload

LIFETIME = timedelta(days=1)


FILES = Area("staging")


def stage(*, user, checked: CheckedUpload) -> StagedUpload:
    token = secrets.token_hex(20)
    name = FILES.save(f"{token[:2]}/{token}", checked.data)
    try:
        return StagedUpload.objects.create(
            owner=user,
            stored_name=name,
            original_name=checked.original_name,
            kind=checked.kind,
            content_type=checked.content_type,
            size=checked.size,
            sha256=checked.sha256,
        )
    except Exception:
        FILES.delete(name)
        raise


def _ids(raw) -> list[int]:
    return [int(v) for v in raw if str(v).isdigit()][:50]


def staged_for(*, user, ids) -> list[StagedUpload]:
    """The user's own unexpired staged uploads among `ids` (ids from a request, so untrusted)."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(
        StagedUpload.objects.filter(
            pk__in=_ids(ids), owner=user, created_at__gte=timezone.now() - LIFETIME
        )
    )


def as_upload(staged: StagedUpload) -> ContentFile:
    """The staged bytes as an upload, so they pass the same checks as a fresh one."""
    return ContentFile(FILES.read(staged.stored_name), name=staged.original_name)


def discard(staged) -> None:
    for item in staged:
        FILES.delete(item.stored_name)
        item.delete()


def expired() -> QuerySet:
    return StagedUpload.objects.filter(created_at__lt=timezone.now() - LIFETIME)


def purge_expired() -> int:
    """Delete staged uploads older than a day, and staged files that lost their row."""
    rows = list(expired())
    discard(rows)
    return len(rows) + _purge_orphans()


def _purge_orphans() -> int:
    """Files a day old that no row names (a request that died between file and row)."""
    known = set(StagedUpload.objects.values_list("stored_name", flat=True))
    cutoff = timezone.now() - LIFETIME
    removed = 0
    for name, modified in FILES.files():
        if name not in known and modified < cutoff:
            FILES.delete(name)
            removed += 1
    return removed
