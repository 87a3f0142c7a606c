"""Encryption at rest, as someone holding a copy of the database sees it: fictitious personal
data entered through the real forms (a registration with passport details, an authenticator
seed) is nowhere in the stored bytes, yet the pages allowed to show it still do."""

import subprocess  # noqa: S404 - pg_dump with an argument list, no shell
from base64 import b32encode

import pytest
from django.db import connection

from protectnet.accounts.models import TOTPDevice
from protectnet.workshops.models import Invitation, Registration
from tests import factories as f
from tests.core.backup_support import sqlite_file_bytes
from tests.workshops.conftest import BASIC, invite, make_workshop, person_in

PLANTED = {
    "passport_full_name": "QUOKKA FICTITIOUS TESTPERSON",
    "passport_number": "ZZ9876543",
    "passport_nationality": "Atlantean",
    "passport_expiry": "2038-11-27",
    "date_of_birth": "1981-07-23",
    "emergency_contact_name": "Wombat Fictitious Relative",
    "emergency_contact_phone": "+855 12 987 654",
    "dietary_needs": "dietary-marker-4471",
    "accessibility_needs": "access-marker-8812",
    "arrival_details": "Flight XX4471 landing 09:40",
}
SETUP = "/accounts/second-factor/"
LOGIN = "/accounts/login/"
VERIFY = "/accounts/login/second-factor/"


def _postgres_bytes(tables) -> bytes:
    """Raw column values (no ORM decoding) and a pg_dump of the same tables."""
    cells = []
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed table names
            cells += [repr(row) for row in cursor.fetchall()]
    db = connection.settings_dict
    command = ["pg_dump", "--data-only", "-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"])]
    command += ["-U", db["USER"] or "postgres", *[f"--table={t}" for t in tables], db["NAME"]]
    dump = subprocess.run(command, capture_output=True, check=True, timeout=60).stdout  # noqa: S603
    assert b"COPY public.workshops_registration" in dump
    return "\n".join(cells).encode() + dump


def _stored_bytes() -> bytes:
    if connection.vendor == "sqlite":
        return sqlite_file_bytes()
    return _postgres_bytes(["workshops_registration", "accounts_totpdevice"])


def _register_through_the_form(world, client) -> Registration:
    workshop = make_workshop(world)
    person = person_in(world.kh_police, email="quokka@example.test")
    raw = invite(world, workshop, person)
    data = {**{k: "" for k in BASIC}, **PLANTED}
    data.update(consent_participant_list="on", needs_visa_letter="on")
    response = client.post(f"/workshops/register/{raw}/", data)
    assert response.status_code == 302, response.content[:2000]
    invitation = Invitation.objects.get(workshop=workshop, person=person)
    return Registration.objects.get(invitation=invitation)


def _enrol_authenticator(user, login) -> TOTPDevice:
    client = login(user)
    assert client.get(SETUP).status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert client.post(SETUP, {"code": f.totp_code(device)}).status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    return device


@pytest.mark.django_db(transaction=True)
def test_a_copy_of_the_database_reveals_no_personal_data_or_seed(world, client, login):
    registration = _register_through_the_form(world, client)
    device = _enrol_authenticator(world.kh_member, login)
    seed_hex = device.key
    seed_b32 = b32encode(device.bin_key).decode()

    stored = _stored_bytes()
    for value in [*PLANTED.values(), seed_hex, seed_hex.upper(), seed_b32]:
        assert value.encode() not in stored, value
    assert b"ZZ987" not in stored

    # The organiser's audited page shows the passport details and the emergency contact...
    page = login(world.admin).get(f"/workshops/registrations/{registration.pk}/")
    assert page.status_code == 200
    for name in ("passport_full_name", "passport_number", "emergency_contact_phone"):
        assert PLANTED[name] in page.content.decode()
    # ...the stored row reads back whole, dates as dates...
    fresh = Registration.objects.get(pk=registration.pk)
    assert fresh.date_of_birth.isoformat() == PLANTED["date_of_birth"]
    assert fresh.passport_expiry.isoformat() == PLANTED["passport_expiry"]
    assert fresh.dietary_needs == PLANTED["dietary_needs"]
    # ...and the member signs in with a code from the enrolled (encrypted) seed.
    fresh_client = client.__class__()
    response = fresh_client.post(LOGIN, {"email": world.kh_member.email, "password": f.PASSWORD})
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    device = TOTPDevice.objects.get(pk=device.pk)
    code = f.totp_code(device, steps_ahead=1)  # the setup used the current step
    assert fresh_client.post(VERIFY, {"code": code}).status_code == 302
    assert fresh_client.get("/accounts/profile/").status_code == 200


@pytest.mark.django_db
def test_empty_stays_empty_and_the_length_limit_holds_for_the_plain_value(world, client):
    workshop = make_workshop(world)
    person = person_in(world.kh_police)
    raw = invite(world, workshop, person)
    data = {**{k: "" for k in BASIC}, "consent_participant_list": "on"}
    too_long = client.post(f"/workshops/register/{raw}/", {**data, "passport_number": "Z" * 33})
    assert too_long.status_code == 422
    assert "at most 32 characters" in too_long.content.decode()
    assert not Registration.objects.filter(person=person).exists()

    assert client.post(f"/workshops/register/{raw}/", data).status_code == 302
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT passport_number, dietary_needs, date_of_birth FROM workshops_registration"
            " WHERE person_id = %s",
            [person.pk],
        )
        assert cursor.fetchone() == ("", "", None)
