"""Retention: a closed alert's personal data is purged after ALERT_RETENTION_DAYS."""

from datetime import timedelta

import pytest
from django.utils import timezone

from protectnet.access.models import AuditEntry
from protectnet.alerts import services
from protectnet.alerts.models import Alert, AlertRead, AlertRecipient, Status
from protectnet.alerts.retention import apply_retention
from protectnet.alerts.selectors import alert_stats

from .conftest import SUBJECT_NAME


def _closed_alert(w, send, pdf_file):
    alert = send(files=[pdf_file])
    load = Alert.objects.prefetch_related("recipients", "named_people")
    services.alert_read(actor=w.kh_le, alert=load.get(pk=alert.pk))
    services.alert_acknowledge(actor=w.kh_le, alert=load.get(pk=alert.pk))
    services.alert_reply(actor=w.kh_le, alert=load.get(pk=alert.pk), body="Refused entry.")
    services.alert_outcome(actor=w.kh_le, alert=load.get(pk=alert.pk), outcome="entry_refused")
    services.alert_close(actor=w.kh_le, alert=load.get(pk=alert.pk))
    return Alert.objects.get(pk=alert.pk)


def test_closed_alert_is_kept_until_the_retention_period_ends(w, send, pdf_file, settings):
    settings.ALERT_RETENTION_DAYS = 365
    alert = _closed_alert(w, send, pdf_file)
    assert apply_retention(now=alert.closed_at + timedelta(days=364)) == 0
    assert Alert.objects.get(pk=alert.pk).subject["full_name"] == SUBJECT_NAME


def test_purge_leaves_only_the_statistics_fields(w, send, pdf_file, settings):
    settings.ALERT_RETENTION_DAYS = 30
    alert = _closed_alert(w, send, pdf_file)
    assert apply_retention(now=alert.closed_at + timedelta(days=31)) == 1
    purged = Alert.objects.get(pk=alert.pk)
    assert purged.status == Status.PURGED and purged.purged_at
    assert purged.subject_ciphertext == "" and purged.summary_ciphertext == ""
    assert purged.subject == {} and purged.summary == ""
    assert not purged.replies.exists() and not purged.attachments.exists()
    assert not AlertRead.objects.filter(alert=alert).exists()
    assert purged.created_by is None and not purged.named_people.exists()
    # Statistics survive: type, countries, dates, time to acknowledgement, outcome.
    row = AlertRecipient.objects.get(alert=alert)
    assert row.acknowledged_by is None and row.hours_to_acknowledge is not None
    assert row.outcome == "entry_refused" and row.country == w.kh
    assert purged.alert_type == "travel_notification" and purged.origin_country == w.gb
    stats = alert_stats(user=w.uk_le)  # the sender's exact figures still count it
    assert stats.total.count == 1 and stats.acknowledged.count == 1
    entry = AuditEntry.objects.get(action="alerts.alert.purge")
    assert entry.object_id == str(alert.pk) and entry.data == {"previous_status": "closed"}


def test_retention_is_idempotent_and_skips_open_alerts(w, send, pdf_file, settings):
    settings.ALERT_RETENTION_DAYS = 30
    closed = _closed_alert(w, send, pdf_file)
    still_open = send()
    later = timezone.now() + timedelta(days=400)
    assert apply_retention(now=later) == 1
    assert apply_retention(now=later) == 0
    assert Alert.objects.get(pk=still_open.pk).status == Status.SENT
    assert Alert.objects.get(pk=closed.pk).status == Status.PURGED


def test_retracted_alerts_and_abandoned_drafts_are_purged_too(w, send, settings):
    settings.ALERT_RETENTION_DAYS = 10
    draft = send(send=False)
    retracted = send()
    services.alert_retract(
        actor=w.uk_le,
        alert=Alert.objects.prefetch_related("recipients").get(pk=retracted.pk),
        reason="superseded",
    )
    assert apply_retention(now=timezone.now() + timedelta(days=11)) == 2
    assert set(Alert.objects.values_list("status", flat=True)) == {Status.PURGED}
    assert draft.pk != retracted.pk


def test_purged_alert_shows_only_a_notice(w, send, pdf_file, settings, login):
    settings.ALERT_RETENTION_DAYS = 1
    alert = _closed_alert(w, send, pdf_file)
    apply_retention(now=timezone.now() + timedelta(days=2))
    body = login(w.kh_le).get(f"/alerts/{alert.pk}/").content.decode()
    assert "retention period" in body and SUBJECT_NAME not in body


def test_the_generic_apply_retention_command_purges_alerts(w, send, pdf_file, settings):
    """`manage.py apply_retention` (workshops app) calls every app's retention.apply_retention."""
    from io import StringIO

    from django.core.management import call_command, get_commands

    if "apply_retention" not in get_commands():
        pytest.skip("the generic apply_retention command has not shipped yet")
    settings.ALERT_RETENTION_DAYS = 0
    alert = _closed_alert(w, send, pdf_file)
    Alert.objects.filter(pk=alert.pk).update(closed_at=timezone.now() - timedelta(days=1))
    call_command("apply_retention", stdout=StringIO())
    assert Alert.objects.get(pk=alert.pk).status == Status.PURGED


def test_personal_data_written_to_a_purged_alert_is_purged_at_the_next_run(
    w, send, pdf_file, settings
):
    """Purged is not a pass for ever: the next run looks at the data, not only at the status."""
    from protectnet.alerts import crypto
    from protectnet.alerts.models import AlertReply

    settings.ALERT_RETENTION_DAYS = 30
    alert = _closed_alert(w, send, pdf_file)
    later = alert.closed_at + timedelta(days=31)
    assert apply_retention(now=later) == 1
    # Written after the purge (a late reply, an acknowledgement naming the officer).
    AlertReply.objects.create(
        alert=alert,
        author=w.kh_le,
        organisation=w.kh_le.person.memberships.first().organisation,
        body_ciphertext=crypto.encrypt_text("Late reply naming a fictitious person"),
    )
    AlertRecipient.objects.filter(alert=alert).update(acknowledged_by=w.kh_le)
    assert apply_retention(now=later) == 1
    purged = Alert.objects.get(pk=alert.pk)
    assert not purged.replies.exists() and purged.status == Status.PURGED
    assert AlertRecipient.objects.get(alert=alert).acknowledged_by is None
    # Nothing left to purge: a further run touches nothing and writes no audit entry.
    entries = AuditEntry.objects.filter(action="alerts.alert.purge").count()
    assert entries == 2
    assert apply_retention(now=later) == 0
    assert AuditEntry.objects.filter(action="alerts.alert.purge").count() == entries
