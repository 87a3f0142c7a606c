"""Encryption at rest: the database alone reveals nothing, and keys rotate."""

from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from protectnet.alerts import crypto, services
from protectnet.alerts.models import Alert

from .conftest import PDF_BYTES, SUBJECT_NAME, SUMMARY, alert_input

REPLY = "Reply text with marker reply-marker-5521"


def _raw(sql: str, params) -> str:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    # PostgreSQL returns bytea as memoryview: compare the bytes themselves.
    cells = [bytes(c) if isinstance(c, memoryview) else c for row in rows for c in row]
    return repr(cells)


def _raw_rows(alert) -> str:
    """Every stored column of the alert and its children, read with raw SQL (no ORM decoding)."""
    return "".join(
        [
            _raw("SELECT * FROM alerts_alert WHERE id = %s", [alert.pk]),
            _raw("SELECT * FROM alerts_alertreply WHERE alert_id = %s", [alert.pk]),
            _raw("SELECT * FROM alerts_alertattachment WHERE alert_id = %s", [alert.pk]),
        ]
    )


@pytest.fixture
def full_alert(w, send, pdf_file):
    alert = send(files=[pdf_file])
    services.alert_reply(actor=w.kh_le, alert=Alert.objects.get(pk=alert.pk), body=REPLY)
    return alert


def test_raw_database_rows_hold_no_plaintext(full_alert):
    raw = _raw_rows(full_alert)
    for secret in [SUBJECT_NAME, "Passport 900000001", "1968-05-14", SUMMARY, REPLY, "notice.pdf"]:
        assert secret not in raw, secret
    assert "%PDF" not in raw and repr(PDF_BYTES[:8]) not in raw
    # ...while the application reads them back.
    alert = Alert.objects.get(pk=full_alert.pk)
    assert alert.subject["full_name"] == SUBJECT_NAME
    assert alert.summary == SUMMARY
    assert alert.replies.get().body == REPLY


def test_rotation_re_encrypts_everything_under_the_newest_key(full_alert, settings, encryption_key):
    new_key = Fernet.generate_key().decode()
    before = _raw_rows(full_alert)
    settings.FIELD_ENCRYPTION_KEYS = [new_key, encryption_key]
    call_command("rotate_alert_keys", stdout=StringIO())
    after = _raw_rows(full_alert)
    assert after != before
    assert SUBJECT_NAME not in after and SUMMARY not in after
    # The old key can be removed: everything opens with the new key alone.
    settings.FIELD_ENCRYPTION_KEYS = [new_key]
    alert = Alert.objects.get(pk=full_alert.pk)
    assert alert.subject["full_name"] == SUBJECT_NAME
    assert alert.summary == SUMMARY
    assert alert.replies.get().body == REPLY
    attachment = alert.attachments.get()
    assert attachment.name == "notice.pdf"
    assert crypto.decrypt_bytes(attachment.content_ciphertext) == PDF_BYTES
    # And the old key alone no longer opens anything.
    settings.FIELD_ENCRYPTION_KEYS = [encryption_key]
    with pytest.raises(crypto.UndecryptableContent):
        _ = Alert.objects.get(pk=full_alert.pk).summary


def test_rotation_is_audited(full_alert, settings, encryption_key):
    from protectnet.access.models import AuditEntry

    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), encryption_key]
    call_command("rotate_alert_keys", stdout=StringIO())
    entry = AuditEntry.objects.get(action="alerts.keys.rotate")
    assert entry.data["alert"] == 1


def test_rotation_refuses_without_configured_keys(settings):
    settings.FIELD_ENCRYPTION_KEYS = []
    with pytest.raises(CommandError):
        call_command("rotate_alert_keys")


def test_production_without_a_key_refuses_to_store_alerts(w, settings):
    settings.FIELD_ENCRYPTION_KEYS = []
    settings.DEBUG = False
    with pytest.raises(ValidationError, match="encryption key"):
        services.alert_create(actor=w.uk_le, data=alert_input([w.kh_police]), send=True)
    assert Alert.objects.count() == 0


def test_development_without_a_key_derives_one_and_says_so(w, settings):
    from protectnet.alerts.checks import encryption_key_configured

    settings.FIELD_ENCRYPTION_KEYS = []
    settings.DEBUG = True
    alert = services.alert_create(actor=w.uk_le, data=alert_input([w.kh_police]))
    assert Alert.objects.get(pk=alert.pk).summary == SUMMARY
    assert [c.id for c in encryption_key_configured()] == ["alerts.W001"]
    settings.DEBUG = False
    assert [c.id for c in encryption_key_configured()] == ["alerts.W002"]


def test_a_malformed_key_is_a_configuration_error(settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.FIELD_ENCRYPTION_KEYS = ["not-a-fernet-key"]
    with pytest.raises(ImproperlyConfigured):
        crypto.encrypt_text("x")
