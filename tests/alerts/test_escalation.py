"""Escalation: an alert not acknowledged by its deadline is escalated once, with no content."""

from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from protectnet.access.models import AuditEntry
from protectnet.alerts import services
from protectnet.alerts.escalation import escalate_overdue
from protectnet.alerts.models import Alert, AlertRecipient
from protectnet.alerts.selectors import alert_overdue_list

from .conftest import SUBJECT_NAME, SUMMARY


def _alert(send, w, hours=24, **kw):
    start = timezone.now()
    alert = send(
        recipients=[w.kh_police, w.th_police], ack_deadline=start + timedelta(hours=hours), **kw
    )
    return alert, alert.ack_deadline


def test_nothing_is_escalated_before_the_deadline(w, send):
    _, deadline = _alert(send, w)
    assert escalate_overdue(now=deadline - timedelta(seconds=1)) == 0
    assert escalate_overdue(now=deadline) == 0  # "by its deadline": on the deadline is in time
    assert not AlertRecipient.objects.filter(escalated_at__isnull=False).exists()


def test_unacknowledged_agency_is_escalated_after_the_deadline(w, send):
    alert, deadline = _alert(send, w)
    services.alert_acknowledge(
        actor=w.th_le, alert=Alert.objects.prefetch_related("recipients").get(pk=alert.pk)
    )
    mail.outbox.clear()
    late = deadline + timedelta(minutes=1)
    assert escalate_overdue(now=late) == 1
    kh = AlertRecipient.objects.get(alert=alert, organisation=w.kh_police)
    th = AlertRecipient.objects.get(alert=alert, organisation=w.th_police)
    assert kh.escalated_at == late and th.escalated_at is None
    # Cambodia's vetted members and the sender are told; Thailand (acknowledged) is not.
    assert sorted(m.to[0] for m in mail.outbox) == [
        "le.kh@example.test",
        "le.uk@example.test",
        "le2.kh@example.test",
    ]
    for message in mail.outbox:
        assert SUBJECT_NAME not in message.body and SUMMARY not in message.body
        assert "not been acknowledged" in message.subject
    entry = AuditEntry.objects.get(action="alerts.alert.escalate")
    assert entry.object_id == str(alert.pk)
    assert entry.data == {"organisation": w.kh_police.pk, "notified": 3}


def test_escalation_is_idempotent(w, send):
    _, deadline = _alert(send, w)
    late = deadline + timedelta(hours=1)
    assert escalate_overdue(now=late) == 2
    sent = len(mail.outbox)
    assert escalate_overdue(now=late + timedelta(hours=5)) == 0
    assert len(mail.outbox) == sent
    assert AuditEntry.objects.filter(action="alerts.alert.escalate").count() == 2


def test_retracted_and_closed_alerts_are_not_escalated(w, send):
    alert, deadline = _alert(send, w)
    services.alert_retract(
        actor=w.uk_le,
        alert=Alert.objects.prefetch_related("recipients").get(pk=alert.pk),
        reason="sent_in_error",
    )
    assert escalate_overdue(now=deadline + timedelta(days=1)) == 0


def test_red_escalation_tells_only_the_named_people(w, send):
    from protectnet.access.markings import Marking

    alert, deadline = _alert(
        send, w, marking=Marking.RED, named_person_ids=[w.kh_le.person.pk, w.th_le.person.pk]
    )
    services.alert_approve(
        actor=w.uk_le2,
        alert=Alert.objects.prefetch_related("recipients", "named_people").get(pk=alert.pk),
    )
    mail.outbox.clear()
    escalate_overdue(now=deadline + timedelta(hours=1))
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert "le2.kh@example.test" not in recipients  # vetted but not named
    assert "le.kh@example.test" in recipients and "le.th@example.test" in recipients


def test_overdue_view_lists_escalated_alerts_for_both_sides(w, send, login):
    alert, deadline = _alert(send, w, hours=1)
    late = deadline + timedelta(hours=1)
    escalate_overdue(now=late)
    assert [a.pk for a in alert_overdue_list(user=w.kh_le, now=late)] == [alert.pk]
    assert [a.pk for a in alert_overdue_list(user=w.uk_le, now=late)] == [alert.pk]
    assert list(alert_overdue_list(user=w.kh_le, now=deadline - timedelta(minutes=1))) == []
    # The page, with the real clock: the deadline is still an hour away, so nothing yet.
    assert alert.reference not in login(w.kh_le).get("/alerts/overdue/").content.decode()


def test_overdue_page_shows_the_escalation(w, send, login):
    alert, _ = _alert(send, w, hours=1)
    Alert.objects.filter(pk=alert.pk).update(ack_deadline=timezone.now() - timedelta(hours=1))
    call_command("escalate_alerts", stdout=StringIO())
    body = login(w.uk_le).get("/alerts/overdue/").content.decode()
    assert alert.reference in body and "escalated" in body
    assert login(w.th_member).get("/alerts/overdue/").status_code == 404
