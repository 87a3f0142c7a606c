"""Retention for workshops: sensitive registration fields are deleted a configurable number of
days (REGISTRATION_RETENTION_DAYS) after the workshop ends. The report reads none of them.

Every run selects by the data itself, not by a "done" flag: any registration past its deadline
that still holds a sensitive value is cleared, so a value written after an earlier clearing goes
at the next run, and a run with nothing left to clear writes nothing (no row, no audit entry).
"""

from datetime import timedelta
from functools import reduce
from operator import or_

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from protectnet.access import audit

from .models import Registration
from .models.registrations import SENSITIVE_DATES, SENSITIVE_FIELDS

EMPTY = {name: None if name in SENSITIVE_DATES else "" for name in SENSITIVE_FIELDS}


def holds_sensitive_data() -> Q:
    """Encrypted fields can still be tested for emptiness: empty is stored as it is."""
    return reduce(
        or_,
        (
            Q(**{f"{name}__isnull": False}) if name in SENSITIVE_DATES else ~Q(**{name: ""})
            for name in SENSITIVE_FIELDS
        ),
    )


def apply_retention(*, today=None) -> dict:
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=settings.REGISTRATION_RETENTION_DAYS)
    with transaction.atomic():
        due = Registration.objects.filter(holds_sensitive_data(), workshop__end_date__lt=cutoff)
        workshop_ids = sorted(set(due.values_list("workshop_id", flat=True)))
        count = due.update(**EMPTY, sensitive_deleted_at=timezone.now()) if workshop_ids else 0
        if count:
            audit.record(
                "workshops.retention.apply",
                data={"registrations": count, "workshops": workshop_ids},
            )
    return {"registrations": count}
