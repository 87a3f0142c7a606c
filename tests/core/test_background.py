"""Background work: emails go out through the queue with retries and an admin page for the ones
that did not; the schedule enqueues each periodic job once per slot, whatever the number of
workers; a task whose worker vanished goes back in the queue."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from protectnet.access.models import AuditEntry
from protectnet.core import background
from protectnet.core import mail as core_mail
from protectnet.core.models import OutboundEmail, ScheduledRun
from protectnet.core.tasks import email_deliver

DELIVER = "protectnet.core.tasks.email_deliver"


def _send(to="someone@example.test", subject="Your invitation"):
    core_mail.send_templated_mail(
        to=[to],
        subject=subject,
        template="accounts/email/invitation",
        context={"url": "https://protectnet.test/accept/secret-token", "days": 7},
    )
    return OutboundEmail.objects.latest("id")


def _broken_transport(monkeypatch, error="SMTP server unreachable"):
    def fail(self, *args, **kwargs):
        raise ConnectionError(error)

    monkeypatch.setattr(EmailMultiAlternatives, "send", fail)


def test_an_email_waits_in_the_queue_until_a_worker_sends_it(db, database_tasks):
    email = _send()
    assert mail.outbox == []
    assert database_tasks.queued() == [DELIVER]
    assert email.status == "queued" and "secret-token" in email.body

    database_tasks.run()
    assert [m.to for m in mail.outbox] == [["someone@example.test"]]
    assert "secret-token" in mail.outbox[0].body
    assert mail.outbox[0].alternatives == [] or "text/html" in mail.outbox[0].alternatives[0]
    email.refresh_from_db()
    assert email.status == "sent" and email.sent_at is not None and email.attempts == 1
    assert email.body == "" and email.html == ""  # the secret link is not kept once delivered
    assert database_tasks.queued() == []


def test_the_content_is_stored_encrypted(db, database_tasks):
    _send(subject="Encrypted subject")
    with connection.cursor() as cursor:
        cursor.execute('SELECT subject, body, "to" FROM core_outboundemail')
        stored = " ".join(cursor.fetchone())
    assert "Encrypted subject" not in stored
    assert "secret-token" not in stored and "someone@example.test" not in stored


def test_a_rolled_back_change_queues_no_email(db, database_tasks):
    with pytest.raises(RuntimeError), transaction.atomic():
        _send()
        raise RuntimeError("the change failed after asking for the email")
    assert OutboundEmail.objects.count() == 0
    assert database_tasks.queued() == []


def test_a_failing_transport_is_retried_then_the_email_is_shown_undelivered(
    db, database_tasks, monkeypatch, settings
):
    settings.EMAIL_MAX_ATTEMPTS = 3
    _broken_transport(monkeypatch)
    email = _send()
    database_tasks.run()
    email.refresh_from_db()
    assert (email.status, email.attempts) == ("retrying", 1)
    assert email.last_error == "ConnectionError: SMTP server unreachable"
    wait = email.next_attempt_at - timezone.now()
    assert timedelta(seconds=50) < wait <= timedelta(minutes=1)

    # Not due yet: the periodic retry leaves it alone.
    assert core_mail.due_for_retry() == []
    for attempt in (2, 3):
        OutboundEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
        assert core_mail.due_for_retry() == [email.pk]
        email_deliver.call(email.pk)
        email.refresh_from_db()
        assert email.attempts == attempt
    assert email.status == "failed" and email.next_attempt_at is None
    assert "secret-token" in email.body  # kept, so that an admin can send it again
    assert mail.outbox == []


def test_admins_see_undelivered_emails_and_send_them_again(
    world, login, database_tasks, monkeypatch
):
    with monkeypatch.context() as patch:
        _broken_transport(patch)
        email = _send(to="member.kh@example.test")
        database_tasks.run()
        OutboundEmail.objects.filter(pk=email.pk).update(status="failed", attempts=5)
    sent = _send(to="other@example.test", subject="Went out")
    database_tasks.run()
    admin = login(world.admin)

    page = admin.get("/emails/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "Your invitation" in body and "SMTP server unreachable" in body
    assert "Went out" not in body  # the list shows what needs attention
    assert "Went out" in admin.get("/emails/?status=sent").content.decode()
    assert "Undelivered emails" in admin.get("/").content.decode()

    response = admin.post(f"/emails/{email.pk}/retry/")
    assert response.status_code == 302
    email.refresh_from_db()
    assert (email.status, email.attempts) == ("queued", 0)
    database_tasks.run()
    email.refresh_from_db()
    assert email.status == "sent"
    assert [m.to for m in mail.outbox][-1] == ["member.kh@example.test"]
    assert AuditEntry.objects.filter(action="email.retry", object_id=str(email.pk)).count() == 1

    # Already sent: neither action applies any more, and nothing changes.
    admin.post(f"/emails/{sent.pk}/discard/")
    sent.refresh_from_db()
    assert sent.status == "sent"
    assert not AuditEntry.objects.filter(action="email.discard").exists()


def test_an_admin_can_discard_an_undelivered_email(world, login, database_tasks):
    email = _send()
    OutboundEmail.objects.filter(pk=email.pk).update(status="failed")
    assert login(world.admin).post(f"/emails/{email.pk}/discard/").status_code == 302
    email.refresh_from_db()
    assert email.status == "discarded" and email.body == ""
    assert AuditEntry.objects.filter(action="email.discard").count() == 1


@pytest.mark.parametrize("who", ["kh_member", "kh_focal", "uk_le", "trainer", "guest"])
def test_only_admins_reach_the_email_pages(world, login, who, database_tasks):
    email = _send()
    client = login(getattr(world, who))
    assert client.get("/emails/").status_code in (403, 404)
    assert client.post(f"/emails/{email.pk}/retry/").status_code in (403, 404)
    assert client.post(f"/emails/{email.pk}/discard/").status_code in (403, 404)
    email.refresh_from_db()
    assert email.status == "queued"
    assert login(None).get("/emails/").status_code in (302, 403, 404)


def test_retry_of_an_unknown_email_is_not_found(world, login):
    assert login(world.admin).post("/emails/999999/retry/").status_code == 404
    assert login(world.admin).get("/emails/1/retry/").status_code == 405


@pytest.mark.queries("core:email_list")
def test_email_list_query_count_does_not_grow(world, login, database_tasks, monkeypatch):
    _broken_transport(monkeypatch)
    admin = login(world.admin)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert admin.get("/emails/").status_code == 200
        return len(queries)

    for _ in range(2):
        _send()
    database_tasks.run()
    small = count()
    for _ in range(20):
        _send()
    database_tasks.run()
    assert OutboundEmail.objects.filter(status="retrying").count() == 22
    assert count() == small


def test_each_periodic_job_is_enqueued_once_per_slot_by_any_number_of_workers(db, database_tasks):
    names = {job.name for job in background.periodic_jobs()}
    assert {
        "protectnet.alerts.tasks.alerts_escalate",
        "protectnet.workshops.tasks.outcome_reminders_send",
        "protectnet.workshops.tasks.feedback_invitations_run",
        "protectnet.training.tasks.training_followups_send",
        "protectnet.library.tasks.pending_files_extract",
        "protectnet.library.tasks.staged_uploads_purge",
        "protectnet.network.tasks.import_previews_purge",
        "protectnet.access.tasks.audit_seal",
        "protectnet.core.tasks.emails_retry_due",
        "protectnet.core.tasks.retention_apply",
        "protectnet.core.tasks.task_results_prune",
    } <= names
    now = timezone.now()
    first = background.tick(now)
    assert sorted(first) == sorted(names)
    assert background.tick(now) == []  # a second worker in the same slot: nothing more
    assert sorted(database_tasks.queued()) == sorted(names)

    later = background.tick(now + timedelta(minutes=1, seconds=1))
    assert "protectnet.core.tasks.emails_retry_due" in later
    assert "protectnet.core.tasks.retention_apply" not in later
    assert ScheduledRun.objects.count() == len(first) + len(later)
    database_tasks.run()
    assert DBTaskResult.objects.failed().count() == 0


def test_a_task_left_running_by_a_lost_worker_goes_back_in_the_queue(db, database_tasks, settings):
    settings.TASK_LEASE_SECONDS = 600
    email = _send()
    row = DBTaskResult.objects.get()
    row.claim("a-worker-that-died")
    assert database_tasks.queued() == []
    assert background.requeue_lost() == 0  # still within its lease
    later = timezone.now() + timedelta(seconds=601)
    assert background.requeue_lost(later) == 1
    assert database_tasks.queued() == [DELIVER]
    database_tasks.run()
    email.refresh_from_db()
    assert email.status == "sent" and len(mail.outbox) == 1


def test_delivered_emails_keep_their_metadata_for_30_days(db, database_tasks):
    from protectnet.core.retention import apply_retention

    old, recent = _send(subject="Old"), _send(subject="Recent")
    database_tasks.run()
    OutboundEmail.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    assert apply_retention() == "1 sent and 0 undelivered emails removed"
    assert list(OutboundEmail.objects.values_list("subject", flat=True)) == [recent.subject]


def test_finished_tasks_are_pruned_after_a_week(db, database_tasks):
    from protectnet.core.tasks import task_results_prune

    _send(), _send()
    database_tasks.run()  # the two emails, and the periodic jobs a first worker run enqueues
    finished = DBTaskResult.objects.successful().count()
    assert finished >= 2 and DBTaskResult.objects.failed().count() == 0
    DBTaskResult.objects.filter(pk=DBTaskResult.objects.values("pk")[:1]).update(
        finished_at=timezone.now() - timedelta(days=8)
    )
    assert task_results_prune.call() == 1
    assert DBTaskResult.objects.successful().count() == finished - 1
