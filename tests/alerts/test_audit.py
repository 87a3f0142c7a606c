"""Every read, acknowledgement, reply, outcome, export, approval, retraction, escalation and purge
leaves an audit entry naming the alert (and never its content)."""

from datetime import timedelta

from django.utils import timezone

from protectnet.access.audit import verify_chain
from protectnet.access.markings import Marking
from protectnet.access.models import AuditEntry
from protectnet.alerts.escalation import escalate_overdue
from protectnet.alerts.models import Alert
from protectnet.alerts.retention import apply_retention

from .conftest import SUBJECT_NAME, SUMMARY


def _actions(alert) -> list[str]:
    return list(
        AuditEntry.objects.filter(object_type="alerts.alert", object_id=str(alert.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )


def test_every_step_of_an_alerts_life_is_audited(w, send, login, pdf_file, settings):
    alert = send(marking=Marking.RED, named_person_ids=[w.kh_le.person.pk], files=[pdf_file])
    sender, approver, recipient = login(w.uk_le), login(w.uk_le2), login(w.kh_le)
    approver.post(f"/alerts/{alert.pk}/approve/")
    recipient.get(f"/alerts/{alert.pk}/")
    attachment = alert.attachments.get()
    recipient.get(f"/alerts/{alert.pk}/attachments/{attachment.pk}/")
    recipient.post(f"/alerts/{alert.pk}/acknowledge/")
    recipient.post(f"/alerts/{alert.pk}/reply/", {"body": "Monitoring."})
    recipient.post(f"/alerts/{alert.pk}/outcome/", {"outcome": "monitored"})
    sender.get(f"/alerts/{alert.pk}/reads.csv")
    recipient.post(f"/alerts/{alert.pk}/close/")
    settings.ALERT_RETENTION_DAYS = 1
    apply_retention(now=timezone.now() + timedelta(days=2))
    assert _actions(alert) == [
        "alerts.alert.create",
        "alerts.alert.submit_for_approval",
        "alerts.alert.approve",
        "alerts.alert.read",
        "alerts.attachment.download",
        "alerts.alert.acknowledge",
        "alerts.alert.reply",
        "alerts.alert.outcome",
        "alerts.alert.export",
        "alerts.alert.close",
        "alerts.alert.purge",
    ]
    entries = AuditEntry.objects.filter(object_id=str(alert.pk))
    dump = repr(list(entries.values("data", "object_repr")))
    assert SUBJECT_NAME not in dump and SUMMARY not in dump
    assert verify_chain() is None


def test_retraction_escalation_and_api_reads_are_audited(w, send, api):
    alert = send(ack_deadline=timezone.now() + timedelta(hours=1))
    api(w.kh_le).get(f"/api/v1/alerts/{alert.pk}")
    escalate_overdue(now=timezone.now() + timedelta(hours=2))
    api(w.uk_le).post(
        f"/api/v1/alerts/{alert.pk}/retract",
        {"reason": "sent_in_error"},
        content_type="application/json",
    )
    assert _actions(alert)[-3:] == [
        "alerts.alert.read",
        "alerts.alert.escalate",
        "alerts.alert.retract",
    ]


def test_refused_attempts_are_logged_as_denials(w, send, login):
    alert = send()
    login(w.admin).get(f"/alerts/{alert.pk}/")
    denied = AuditEntry.objects.filter(action="access.denied", actor=w.admin)
    assert denied.exists()
    assert not Alert.objects.get(pk=alert.pk).reads.exists()


def test_stats_export_is_audited(w, login):
    response = login(w.admin).get("/alerts/statistics.csv")
    assert response.status_code == 200
    assert AuditEntry.objects.filter(action="alerts.stats.export", actor=w.admin).exists()
