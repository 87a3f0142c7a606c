"""The data migrations: existing plain values are encrypted on the way up and decrypted on the
way down, and authenticators move out of django-otp's plain table without re-enrolment."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django_otp import match_token

from protectnet.accounts.models import TOTPDevice
from protectnet.workshops.models import Invitation, Registration
from tests import factories as f
from tests.workshops.conftest import invite, make_workshop, person_in, register

WORKSHOPS_BEFORE = ("workshops", "0002_registration_feedback_invited_at")
ACCOUNTS_BEFORE = ("accounts", "0002_totpdevice")
SEED = "3132333435363738393031323334353637383930"  # fictitious, 20 bytes in hex


def _migrate(*targets) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(list(targets))


def _leaf(app: str):
    executor = MigrationExecutor(connection)
    return next(node for node in executor.loader.graph.leaf_nodes() if node[0] == app)


def _raw(sql: str, params=()) -> list:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@pytest.mark.django_db(transaction=True)
def test_registration_fields_are_encrypted_by_the_migration_and_decrypted_by_its_reverse(world):
    workshop = make_workshop(world)
    person = person_in(world.kh_police)
    invite(world, workshop, person)
    reg = register(
        Invitation.objects.get(workshop=workshop, person=person),
        passport_number="ZZ5550001",
        date_of_birth=date(1977, 8, 9),
        emergency_contact_phone="+855 12 555 000",
    )
    select = "SELECT passport_number, date_of_birth, emergency_contact_phone, dietary_needs"
    select += " FROM workshops_registration WHERE id = %s"
    leaf = _leaf("workshops")
    try:
        _migrate(WORKSHOPS_BEFORE)
        number, born, phone, diet = _raw(select, [reg.pk])[0]
        assert (number, phone, diet) == ("ZZ5550001", "+855 12 555 000", "")
        assert str(born) == "1977-08-09"
    finally:
        _migrate(leaf)
    stored = repr(_raw(select, [reg.pk]))
    assert "ZZ5550001" not in stored and "1977" not in stored and "555 000" not in stored
    fresh = Registration.objects.get(pk=reg.pk)
    assert fresh.passport_number == "ZZ5550001" and fresh.date_of_birth == date(1977, 8, 9)
    assert fresh.dietary_needs == ""


def _create_legacy_table() -> None:
    key = "id INTEGER PRIMARY KEY" if connection.vendor == "sqlite" else "id SERIAL PRIMARY KEY"
    stamp = "timestamp with time zone"
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE otp_totp_totpdevice ({key}, name varchar(64) NOT NULL,"
            " confirmed boolean NOT NULL, key varchar(80) NOT NULL, step smallint NOT NULL,"
            " t0 bigint NOT NULL, digits smallint NOT NULL, tolerance smallint NOT NULL,"
            " drift smallint NOT NULL, last_t bigint NOT NULL, user_id bigint NOT NULL,"
            f" throttling_failure_timestamp {stamp} NULL,"
            f" throttling_failure_count integer NOT NULL, created_at {stamp} NULL,"
            f" last_used_at {stamp} NULL)"
        )


@pytest.mark.django_db(transaction=True)
def test_authenticators_move_out_of_the_plain_table_and_keep_working(world):
    _create_legacy_table()
    enrolled = timezone.now().replace(microsecond=0) - timezone.timedelta(days=40)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO otp_totp_totpdevice (name, confirmed, key, step, t0, digits,"
                " tolerance, drift, last_t, user_id, throttling_failure_count, created_at)"
                " VALUES (%s, %s, %s, 30, 0, 6, 1, 0, -1, %s, 0, %s)",
                ["phone", True, SEED, world.kh_member.pk, enrolled],
            )
        admin_keys = sorted(TOTPDevice.objects.filter(user=world.admin).values_list("key"))
        devices = TOTPDevice.objects.count()
        leaf = _leaf("accounts")
        _migrate(ACCOUNTS_BEFORE)  # the way down puts every device in the plain table...
        assert not TOTPDevice.objects.exists()
        assert len(_raw("SELECT key FROM otp_totp_totpdevice")) == 1 + devices
        _migrate(leaf)  # ...and the way up moves them all back, encrypted.
        assert _raw("SELECT count(*) FROM otp_totp_totpdevice") == [(0,)]
        assert sorted(TOTPDevice.objects.filter(user=world.admin).values_list("key")) == (
            admin_keys
        )
        device = TOTPDevice.objects.get(user=world.kh_member)
        assert device.key == SEED and device.name == "phone" and device.created_at == enrolled
        assert SEED not in repr(_raw("SELECT * FROM accounts_totpdevice"))
        # No re-enrolment: the code from the phone's unchanged seed signs in.
        assert match_token(world.kh_member, f.totp_code(device)) == device
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE otp_totp_totpdevice")
