"""`manage.py rotate_keys`: every encrypted value moves to the newest key, in batches; a second
run changes nothing; afterwards the old key can go."""

from datetime import date
from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django_otp import match_token

from protectnet.access.models import AuditEntry
from protectnet.accounts.models import TOTPDevice
from protectnet.core.crypto import UndecryptableContent
from protectnet.core.models import OutboundEmail
from protectnet.workshops.models import Invitation, Registration
from tests import factories as f
from tests.workshops.conftest import invite, make_workshop, person_in, register

OLD = Fernet.generate_key().decode()
NEW = Fernet.generate_key().decode()


def _raw(sql: str) -> list:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()


def _stored() -> list:
    return _raw(
        "SELECT passport_number, date_of_birth, dietary_needs FROM workshops_registration"
        " ORDER BY id"
    ) + _raw("SELECT key FROM accounts_totpdevice ORDER BY id")


@pytest.fixture
def stored_under_old_key(world, settings):
    suite_keys = list(settings.FIELD_ENCRYPTION_KEYS)
    settings.FIELD_ENCRYPTION_KEYS = [OLD, *suite_keys]
    # The world's devices were created under the suite's key: put them under OLD too.
    for device in TOTPDevice.objects.all():
        device.save(update_fields=["key"])
    settings.FIELD_ENCRYPTION_KEYS = [OLD]
    workshop = make_workshop(world)
    for n in range(3):
        person = person_in(world.kh_police)
        invite(world, workshop, person)
        register(
            Invitation.objects.get(workshop=workshop, person=person),
            passport_number=f"ZZ00000{n}",
            date_of_birth=date(1980, 1, n + 1),
            dietary_needs="" if n else "Vegan",
        )
    return world


def test_rotation_moves_everything_to_the_newest_key_and_a_second_run_changes_nothing(
    stored_under_old_key, settings
):
    world = stored_under_old_key
    before = _stored()
    settings.FIELD_ENCRYPTION_KEYS = [NEW, OLD]
    out = StringIO()
    call_command("rotate_keys", "--batch", "2", stdout=out)
    assert "workshops: registration 3" in out.getvalue()
    after = _stored()
    assert after != before and len(after) == len(before)
    assert all(f"ZZ00000{n}" not in repr(after) for n in range(3))
    devices = TOTPDevice.objects.count()
    workshops = AuditEntry.objects.get(action="workshops.keys.rotate")
    assert workshops.data == {"registration": 3, "rows": 3}
    assert AuditEntry.objects.get(action="accounts.keys.rotate").data["rows"] == devices
    # The registration emails wait for (or went out through) the worker, encrypted too.
    emails = OutboundEmail.objects.count()
    assert emails >= 3
    assert AuditEntry.objects.get(action="core.keys.rotate").data["rows"] == emails

    call_command("rotate_keys", stdout=StringIO())
    assert _stored() == after  # nothing rewritten
    assert AuditEntry.objects.filter(action__endswith=".keys.rotate").count() == 3

    # The old key can be removed: everything opens with the new one alone.
    settings.FIELD_ENCRYPTION_KEYS = [NEW]
    numbers = sorted(Registration.objects.values_list("passport_number", flat=True))
    assert numbers == ["ZZ000000", "ZZ000001", "ZZ000002"]
    assert Registration.objects.exclude(dietary_needs="").get().dietary_needs == "Vegan"
    device = TOTPDevice.objects.get(user=world.admin)
    assert match_token(world.admin, f.totp_code(device)) == device
    # And the old key alone opens nothing any more.
    settings.FIELD_ENCRYPTION_KEYS = [OLD]
    with pytest.raises(UndecryptableContent):
        list(Registration.objects.values_list("passport_number", flat=True))


def test_the_old_alert_command_name_rotates_everything_too(stored_under_old_key, settings):
    settings.FIELD_ENCRYPTION_KEYS = [NEW, OLD]
    call_command("rotate_alert_keys", stdout=StringIO())
    settings.FIELD_ENCRYPTION_KEYS = [NEW]
    assert Registration.objects.exclude(passport_number="").count() == 3


def test_rotation_refuses_without_configured_keys(world, settings):
    settings.FIELD_ENCRYPTION_KEYS = []
    with pytest.raises(CommandError):
        call_command("rotate_keys", stdout=StringIO())


def test_encrypted_fields_refuse_a_search_by_value(world):
    from django.core.exceptions import FieldError

    with pytest.raises(FieldError):
        list(Registration.objects.filter(passport_number="ZZ000000"))
    with pytest.raises(FieldError):
        list(Registration.objects.filter(passport_number__icontains="ZZ"))


def test_moving_from_the_development_key_to_a_real_key(world, settings):
    """A development install (no key set, DEBUG=1) moves to real keys without losing data."""
    suite_keys = list(settings.FIELD_ENCRYPTION_KEYS)  # the world's authenticators
    settings.DEBUG, settings.FIELD_ENCRYPTION_KEYS = True, []
    workshop = make_workshop(world)
    person = person_in(world.kh_police)
    invite(world, workshop, person)
    register(Invitation.objects.get(person=person), passport_number="ZZ7770007")
    out = StringIO()
    call_command("rotate_keys", "--print-development-key", stdout=out)
    development = out.getvalue().strip()
    settings.DEBUG, settings.FIELD_ENCRYPTION_KEYS = False, [NEW, development]
    # A key still in use but not listed: the run stops and says which value it cannot open.
    with pytest.raises(CommandError, match="accounts.TOTPDevice.key"):
        call_command("rotate_keys", stdout=StringIO())
    settings.FIELD_ENCRYPTION_KEYS = [NEW, development, *suite_keys]
    call_command("rotate_keys", stdout=StringIO())
    settings.FIELD_ENCRYPTION_KEYS = [NEW]
    assert Registration.objects.exclude(passport_number="").get().passport_number == "ZZ7770007"
