"""Retention selects by the data: whatever sensitive value a registration past its deadline still
holds is cleared at every run, and a run with nothing to clear writes nothing."""

from datetime import date

import pytest
from django.db import connection

from protectnet.access.models import AuditEntry
from protectnet.workshops.models import Invitation, Registration
from protectnet.workshops.retention import apply_retention

from .conftest import END, invite, person_in, register

DUE = date(2030, 4, 10)  # END + more than 30 days


@pytest.fixture
def retention(settings):
    settings.REGISTRATION_RETENTION_DAYS = 30


def _registration(world, ws, **data) -> Registration:
    person = person_in(world.kh_police)
    invite(world, ws.workshop, person)
    return register(Invitation.objects.get(workshop=ws.workshop, person=person), **data)


def _raw_row(registration) -> tuple:
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM workshops_registration WHERE id = %s", [registration.pk])
        return cursor.fetchone()


def _runs() -> int:
    return AuditEntry.objects.filter(action="workshops.retention.apply").count()


def test_a_second_run_changes_nothing_and_writes_no_audit_entry(world, ws, retention):
    reg = _registration(world, ws, passport_number="ZZ1111111", date_of_birth=date(1980, 1, 2))
    assert apply_retention(today=DUE) == {"registrations": 1}
    cleared = Registration.objects.get(pk=reg.pk)
    assert cleared.passport_number == "" and cleared.date_of_birth is None
    assert cleared.sensitive_deleted_at is not None
    row, runs = _raw_row(reg), _runs()
    assert runs == 1
    assert apply_retention(today=DUE) == {"registrations": 0}
    assert _raw_row(reg) == row  # not rewritten, not even sensitive_deleted_at
    assert _runs() == runs


def test_sensitive_data_written_after_a_clearing_goes_at_the_next_run(world, ws, retention):
    reg = _registration(world, ws, dietary_needs="Halal")
    assert apply_retention(today=DUE) == {"registrations": 1}
    # Written again after the first clearing (an organiser, an import, a late correction).
    late = Registration.objects.get(pk=reg.pk)
    late.emergency_contact_phone, late.date_of_birth = "+855 12 000 111", date(1979, 5, 6)
    late.save(update_fields=["emergency_contact_phone", "date_of_birth"])
    assert apply_retention(today=DUE) == {"registrations": 1}
    cleared = Registration.objects.get(pk=reg.pk)
    assert cleared.emergency_contact_phone == "" and cleared.date_of_birth is None
    assert _runs() == 2
    entry = AuditEntry.objects.filter(action="workshops.retention.apply").order_by("seq").last()
    assert entry.data == {"registrations": 1, "workshops": [ws.workshop.pk]}


def test_each_sensitive_field_alone_makes_a_registration_due(world, ws, retention):
    values = {
        "accessibility_needs": "Step-free access",
        "passport_full_name": "FICTITIOUS NAME",
        "passport_nationality": "Atlantean",
        "passport_expiry": date(2035, 1, 1),
        "emergency_contact_name": "A relative",
        "arrival_details": "Flight XX1",
        "departure_details": "Flight XX2",
    }
    regs = [_registration(world, ws, **{name: value}) for name, value in values.items()]
    assert apply_retention(today=DUE) == {"registrations": len(regs)}
    for reg in Registration.objects.filter(pk__in=[r.pk for r in regs]):
        assert all(getattr(reg, name) in ("", None) for name in values)


def test_nothing_is_touched_before_the_deadline_or_without_sensitive_data(world, ws, retention):
    holding = _registration(world, ws, passport_number="ZZ2222222")
    empty = _registration(world, ws)
    assert END < date(2030, 4, 1)
    assert apply_retention(today=date(2030, 4, 1)) == {"registrations": 0}
    assert Registration.objects.get(pk=holding.pk).passport_number == "ZZ2222222"
    before = _raw_row(empty)
    assert apply_retention(today=DUE) == {"registrations": 1}
    assert _raw_row(empty) == before  # nothing to clear: not rewritten
    assert Registration.objects.get(pk=empty.pk).sensitive_deleted_at is None
