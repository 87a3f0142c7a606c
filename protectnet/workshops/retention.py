"""Retention for workshops: sensitive registration fields are deleted a configurable number of
days (REGISTRATION_RETENTION_DAYS) after the workshop ends. The report reads none of them."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from protectnet.access import audit

from .models import SENSITIVE_FIELDS, Registration

EMPTY = {name: "" for name in SENSITIVE_FIELDS} | {"passport_expiry": None, "date_of_birth": None}


def apply_retention(*, today=None) -> dict:
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=settings.REGISTRATION_RETENTION_DAYS)
    with transaction.atomic():
        due = Registration.objects.filter(
            workshop__end_date__lt=cutoff, sensitive_deleted_at__isnull=True
        )
        workshop_ids = sorted(set(due.values_list("workshop_id", flat=True)))
        count = due.update(**EMPTY, sensitive_deleted_at=timezone.now())
        if count:
            audit.record(
                "workshops.retention.apply",
                data={"registrations": count, "workshops": workshop_ids},
            )
    return {"registrations": count}
