from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command

from protectnet.workshops.models import FeedbackResponse, Outcome, OutcomeReminder
from protectnet.workshops.services.feedback import feedback_submit
from protectnet.workshops.services.outcomes import add_months, reminders_send
from protectnet.workshops.services.registrations import acting_for


def test_feedback_once_and_anonymous_is_not_linked(world, ws, guest_registration):
    registration, _raw = guest_registration
    actor = acting_for(None, registration.invitation)
    response = feedback_submit(
        actor=actor, registration=registration, overall_rating=4, anonymous=True
    )
    assert response.registration_id is None
    with pytest.raises(ValidationError, match="already answered"):
        feedback_submit(actor=actor, registration=registration, overall_rating=5)
    assert FeedbackResponse.objects.count() == 1


def test_feedback_rating_out_of_range_is_refused(world, ws, guest_registration):
    registration, _raw = guest_registration
    with pytest.raises(ValidationError):
        feedback_submit(
            actor=acting_for(None, registration.invitation),
            registration=registration,
            overall_rating=7,
        )
    assert not FeedbackResponse.objects.exists()


def test_feedback_page_through_the_link(world, ws, guest_registration, client, settings):
    registration, raw = guest_registration
    ws.workshop.status = "completed"
    ws.workshop.save(update_fields=["status"])
    url = f"/workshops/register/{raw}/feedback/"
    bad = client.post(url, {"overall_rating": "9"})
    assert bad.status_code == 200 and "Select a valid choice" in bad.content.decode()
    ok = client.post(
        url, {"overall_rating": "5", f"session_{ws.opening.pk}": "4", "comments": "Useful"}
    )
    assert ok.status_code == 302
    assert FeedbackResponse.objects.get().session_ratings.get().rating == 4


def test_feedback_of_another_person_is_refused(world, ws, guest_registration):
    registration, _raw = guest_registration
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        feedback_submit(actor=world.kh_member, registration=registration, overall_rating=1)


@pytest.fixture
def outcome(world, ws):
    contact = world.kh_member.person
    return Outcome.objects.create(
        workshop=ws.workshop,
        kind="initiative",
        title="Hotline",
        owner_organisation=world.kh_ngo,
        contact=contact,
    )


def test_reminders_at_three_and_six_months_are_sent_once(world, ws, outcome):
    end = ws.workshop.end_date
    assert reminders_send(today=add_months(end, 3) - date.resolution).sent == 0
    assert reminders_send(today=add_months(end, 3)).sent == 1
    assert reminders_send(today=add_months(end, 3)).sent == 0
    assert reminders_send(today=add_months(end, 6)).sent == 1
    assert reminders_send(today=add_months(end, 7)).sent == 0
    assert len(mail.outbox) == 2
    assert all(m.to == [world.kh_member.person.email] for m in mail.outbox)
    assert "Hotline" in mail.outbox[0].body and mail.outbox[0].body.strip()
    assert OutcomeReminder.objects.filter(outcome=outcome).count() == 2


def test_done_outcomes_get_no_reminder_and_command_runs(world, ws, outcome):
    outcome.status = "done"
    outcome.save(update_fields=["status"])
    call_command("send_workshop_reminders")
    assert mail.outbox == []


def test_outcome_form_validates_and_saves(world, ws, login):
    client = login(world.admin)
    url = f"/workshops/{ws.workshop.pk}/outcomes/new/"
    bad = client.post(url, {"kind": "initiative", "title": ""})
    assert bad.status_code == 200 and not Outcome.objects.exists()
    ok = client.post(
        url,
        {
            "kind": "initiative",
            "title": "Joint training",
            "owner_organisation": world.kh_police.pk,
            "countries": [world.kh.pk],
            "status": "planned",
            "due_on": "2030-09-01",
        },
    )
    assert ok.status_code == 302
    assert list(Outcome.objects.get().countries.all()) == [world.kh]
    assert login(world.kh_member).get(f"/workshops/{ws.workshop.pk}/outcomes/").status_code == 200
    assert login(world.kh_member).post(url, {}).status_code == 403


def test_discouraged_terms_need_confirmation(world, ws, login):
    client = login(world.admin)
    url = f"/workshops/{ws.workshop.pk}/outcomes/new/"
    data = {
        "kind": "initiative",
        "title": "Study on child prostitution",
        "owner_organisation": world.kh_police.pk,
        "status": "planned",
    }
    response = client.post(url, data)
    assert response.status_code == 200 and not Outcome.objects.exists()
    assert "Language notes" in response.content.decode()
    assert client.post(url, {**data, "terminology_confirmed": "on"}).status_code == 302
