"""The feedback invitation: emailed once to each participant who attended a finished workshop."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from protectnet.access.models import AuditEntry
from protectnet.workshops.models import DayAttendance, Invitation, Registration
from protectnet.workshops.services.feedback import feedback_invitations_send, feedback_submit
from protectnet.workshops.services.registrations import acting_for, registration_cancel

from .conftest import END, START, invite, person_in, register


@pytest.fixture
def attended(world, ws):
    """Three registered: two checked in (one with an account, one link-only), one no-show."""
    people = {
        "member": world.kh_member.person,
        "link_only": person_in(world.kh_ngo, "link.only@example.test"),
        "no_show": person_in(world.kh_police, "no.show@example.test"),
    }
    regs = {}
    for name, person in people.items():
        invite(world, ws.workshop, person)
        regs[name] = register(Invitation.objects.get(person=person, workshop=ws.workshop))
    for name in ("member", "link_only"):
        DayAttendance.objects.create(registration=regs[name], day=START, method="code")
    mail.outbox.clear()  # the invitations to register
    return regs


def test_only_checked_in_participants_are_invited_once(world, ws, attended):
    day_after = END + timedelta(days=1)
    assert feedback_invitations_send(today=day_after).sent == 2
    assert feedback_invitations_send(today=day_after).sent == 0
    assert sorted(m.to[0] for m in mail.outbox) == [
        "link.only@example.test",
        world.kh_member.person.email,
    ]
    assert all(m.body.strip() and m.alternatives for m in mail.outbox)
    member_mail = next(m for m in mail.outbox if m.to == [world.kh_member.person.email])
    assert f"/workshops/{ws.workshop.pk}/me/feedback/" in member_mail.body
    # Only the hash of the personal link is kept: the link-only participant is told where to go.
    link_only = next(m for m in mail.outbox if m.to == ["link.only@example.test"])
    assert "personal link" in link_only.body and "/me/feedback/" not in link_only.body
    assert not Registration.objects.get(pk=attended["no_show"].pk).feedback_invited_at
    assert AuditEntry.objects.filter(action="workshops.feedback.invite").count() == 2


def test_nothing_is_sent_before_the_workshop_ends(world, ws, attended):
    assert feedback_invitations_send(today=END).sent == 0
    ws.workshop.status = "completed"
    ws.workshop.save(update_fields=["status"])
    # Completed by the organisers: sent at once, even on the last day.
    assert feedback_invitations_send(today=END).sent == 2


def test_old_workshops_are_left_alone(world, ws, attended):
    assert feedback_invitations_send(today=END + timedelta(days=31)).sent == 0
    assert mail.outbox == []


def test_cancelled_and_answered_participants_are_skipped(world, ws, attended):
    member = attended["member"]
    feedback_submit(
        actor=acting_for(None, member.invitation), registration=member, overall_rating=4
    )
    link_only = attended["link_only"]
    registration_cancel(actor=acting_for(None, link_only.invitation), registration=link_only)
    assert feedback_invitations_send(today=END + timedelta(days=1)).sent == 0
    assert mail.outbox == []


def test_a_participant_without_email_is_skipped_and_not_marked(world, ws, attended):
    person = attended["link_only"].person
    person.email = ""
    person.save(update_fields=["email"])
    run = feedback_invitations_send(today=END + timedelta(days=1))
    assert (run.sent, run.skipped) == (1, 1)
    assert Registration.objects.get(pk=attended["link_only"].pk).feedback_invited_at is None


def test_the_command_is_idempotent(world, ws, attended, capsys):
    ws.workshop.status = "completed"
    ws.workshop.save(update_fields=["status"])
    call_command("send_feedback_invitations")
    call_command("send_feedback_invitations")
    out = capsys.readouterr().out
    assert "sent: 2" in out and "sent: 0" in out
    assert len(mail.outbox) == 2


def test_a_draft_workshop_is_never_invited(world, ws, attended):
    ws.workshop.status = "draft"
    ws.workshop.save(update_fields=["status"])
    assert feedback_invitations_send(today=END + timedelta(days=1)).sent == 0


def test_invited_account_holder_can_open_the_linked_form(world, ws, attended, login):
    ws.workshop.status = "completed"
    ws.workshop.save(update_fields=["status"])
    feedback_invitations_send()
    link = f"/workshops/{ws.workshop.pk}/me/feedback/"
    assert login(world.kh_member).get(link).status_code == 200
