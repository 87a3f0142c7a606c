"""The life of an alert: send, four-eyes release, acknowledge, reply, outcome, close, retract."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from protectnet.access.markings import Marking
from protectnet.alerts import services
from protectnet.alerts.models import Alert, AlertRecipient, Status

from .conftest import SUBJECT_NAME, SUMMARY


def _get(alert):
    return Alert.objects.prefetch_related("recipients", "named_people").get(pk=alert.pk)


def test_amber_alert_is_delivered_at_once_and_recipients_are_told_without_content(
    w, send, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        alert = send(recipients=[w.kh_police, w.th_police])
    assert alert.status == Status.SENT and alert.sent_at
    assert AlertRecipient.objects.filter(alert=alert, delivered_at__isnull=False).count() == 2
    to = sorted(m.to[0] for m in mail.outbox)
    assert to == ["le.kh@example.test", "le.th@example.test", "le2.kh@example.test"]
    for message in mail.outbox:
        text = message.subject + message.body
        assert SUBJECT_NAME not in text and SUMMARY not in text
        assert f"/accounts/login/?next=%2Falerts%2F{alert.pk}%2F" in message.body


def test_red_alert_waits_for_a_second_vetted_member_of_the_sending_agency(
    w, send, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        alert = send(marking=Marking.RED, named_person_ids=[w.kh_le.person.pk])
    assert alert.status == Status.AWAITING_APPROVAL
    assert [m.to for m in mail.outbox] == [["le2.uk@example.test"]]  # not the author
    with pytest.raises(ValidationError, match="cannot approve your own"):
        services.alert_approve(actor=w.uk_le, alert=_get(alert))
    # Not delivered yet: the recipient sees nothing.
    with pytest.raises(Http404):
        services.alert_acknowledge(actor=w.kh_le, alert=_get(alert))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        approved = services.alert_approve(actor=w.uk_le2, alert=_get(alert))
    assert approved.status == Status.SENT and approved.approved_by == w.uk_le2
    assert [m.to for m in mail.outbox] == [["le.kh@example.test"]]  # the named person only


def test_a_vetted_member_of_another_agency_cannot_approve(w, send):
    alert = send(marking=Marking.RED, named_person_ids=[w.kh_le.person.pk])
    with pytest.raises(Http404):
        services.alert_approve(actor=w.th_le, alert=_get(alert))
    assert Alert.objects.get(pk=alert.pk).status == Status.AWAITING_APPROVAL


def test_recipient_acknowledges_replies_records_outcome_and_closes(w, send):
    alert = send(recipients=[w.kh_police])
    row = services.alert_acknowledge(actor=w.kh_le, alert=_get(alert))
    assert row.acknowledged_by == w.kh_le and row.acknowledged_at
    assert Alert.objects.get(pk=alert.pk).status == Status.ACKNOWLEDGED
    with pytest.raises(ValidationError, match="already acknowledged"):
        services.alert_acknowledge(actor=w.kh_le2, alert=_get(alert))
    services.alert_reply(actor=w.kh_le, alert=_get(alert), body="Entry will be refused.")
    services.alert_reply(actor=w.uk_le, alert=_get(alert), body="Thank you.")
    assert [r.body for r in Alert.objects.get(pk=alert.pk).replies.all()] == [
        "Entry will be refused.",
        "Thank you.",
    ]
    with pytest.raises(ValidationError, match="outcome"):
        services.alert_close(actor=w.kh_le, alert=_get(alert))
    services.alert_outcome(actor=w.kh_le, alert=_get(alert), outcome="entry_refused")
    services.alert_close(actor=w.kh_le, alert=_get(alert))
    alert.refresh_from_db()
    assert alert.status == Status.CLOSED and alert.closed_at
    with pytest.raises(Http404):  # closed: no more replies
        services.alert_reply(actor=w.kh_le, alert=_get(alert), body="late")


def test_alert_stays_open_until_every_recipient_agency_has_closed(w, send):
    alert = send(recipients=[w.kh_police, w.th_police])
    for user in (w.kh_le, w.th_le):
        services.alert_acknowledge(actor=user, alert=_get(alert))
        services.alert_outcome(actor=user, alert=_get(alert), outcome="monitored")
    services.alert_close(actor=w.kh_le, alert=_get(alert))
    assert Alert.objects.get(pk=alert.pk).status == Status.ACKNOWLEDGED
    services.alert_close(actor=w.th_le, alert=_get(alert))
    assert Alert.objects.get(pk=alert.pk).status == Status.CLOSED


def test_sender_can_close_the_whole_alert(w, send):
    alert = send(recipients=[w.kh_police, w.th_police])
    services.alert_close(actor=w.uk_le2, alert=_get(alert))
    assert Alert.objects.get(pk=alert.pk).status == Status.CLOSED
    assert not AlertRecipient.objects.filter(alert=alert, closed_at__isnull=True).exists()


def test_outcome_needs_acknowledgement_and_a_known_value(w, send):
    alert = send()
    with pytest.raises(ValidationError, match="Acknowledge"):
        services.alert_outcome(actor=w.kh_le, alert=_get(alert), outcome="monitored")
    services.alert_acknowledge(actor=w.kh_le, alert=_get(alert))
    with pytest.raises(ValidationError):
        services.alert_outcome(actor=w.kh_le, alert=_get(alert), outcome="arrested-on-sight")


def test_sender_cannot_acknowledge_its_own_alert(w, send):
    alert = send()
    with pytest.raises(Http404):
        services.alert_acknowledge(actor=w.uk_le2, alert=_get(alert))


def test_retraction_stops_work_and_is_final(w, send, django_capture_on_commit_callbacks):
    alert = send()
    with django_capture_on_commit_callbacks(execute=True):
        services.alert_retract(actor=w.uk_le, alert=_get(alert), reason="sent_in_error")
    assert mail.outbox[-1].subject.endswith("retracted")
    assert SUBJECT_NAME not in mail.outbox[-1].body
    with pytest.raises(Http404):
        services.alert_acknowledge(actor=w.kh_le, alert=_get(alert))
    with pytest.raises(Http404):
        services.alert_retract(actor=w.uk_le, alert=_get(alert), reason="sent_in_error")
    with pytest.raises(Http404):  # recipients cannot retract
        services.alert_retract(actor=w.kh_le, alert=_get(alert), reason="sent_in_error")


def test_retraction_needs_a_reason(w, send):
    alert = send()
    with pytest.raises(ValidationError):
        services.alert_retract(actor=w.uk_le, alert=_get(alert), reason="")
    assert Alert.objects.get(pk=alert.pk).status == Status.SENT


def test_draft_is_sent_by_its_author_only(w, send):
    draft = send(send=False)
    assert draft.status == Status.DRAFT
    with pytest.raises(Http404):
        services.alert_send(actor=w.uk_le2, alert=_get(draft))
    sent = services.alert_send(actor=w.uk_le, alert=_get(draft))
    assert sent.status == Status.SENT
    with pytest.raises(Http404):
        services.alert_send(actor=w.uk_le, alert=_get(draft))


def test_reply_must_not_be_empty(w, send):
    alert = send()
    with pytest.raises(ValidationError):
        services.alert_reply(actor=w.kh_le, alert=_get(alert), body="   ")


def test_deadline_in_the_past_is_refused(send):
    with pytest.raises(ValidationError) as exc:
        send(ack_deadline=timezone.now() - timedelta(minutes=1))
    assert "ack_deadline" in exc.value.message_dict
    assert Alert.objects.count() == 0


def test_outcome_is_final_once_the_agency_has_closed(w, send):
    alert = send(recipients=[w.kh_police, w.th_police])
    services.alert_acknowledge(actor=w.kh_le, alert=_get(alert))
    services.alert_outcome(actor=w.kh_le, alert=_get(alert), outcome="monitored")
    services.alert_close(actor=w.kh_le, alert=_get(alert))
    with pytest.raises(ValidationError, match="final"):
        services.alert_outcome(actor=w.kh_le, alert=_get(alert), outcome="no_action")
    with pytest.raises(ValidationError, match="already closed"):
        services.alert_close(actor=w.kh_le2, alert=_get(alert))
