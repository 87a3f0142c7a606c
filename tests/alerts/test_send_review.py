"""Sending from the pages goes through a review: recipients, marking, priority, deadline; the
alert leaves the agency only when the sender confirms. Acting people are shown by name."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from protectnet.access.models import AuditEntry
from protectnet.alerts import services
from protectnet.alerts.models import Alert, AlertRecipient, Status
from protectnet.network.models import Organisation
from tests import factories as f

from .conftest import travel_subject


def _form(w, **overrides) -> dict:
    deadline = (timezone.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    data = {
        "sender_organisation": w.uk_agency.pk,
        "recipients": [w.kh_police.pk, w.th_police.pk],
        "marking": "AMBER",
        "priority": "urgent",
        "ack_deadline": deadline,
        "summary": "Please acknowledge.",
        "send": "1",
        **travel_subject(),
    }
    data.update(overrides)
    return data


def _actions(alert) -> list[str]:
    return list(
        AuditEntry.objects.filter(
            object_type="alerts.alert", object_id=str(alert.pk), action__startswith="alerts.alert."
        )
        .exclude(action="alerts.alert.read")  # opening the alert afterwards
        .order_by("id")
        .values_list("action", flat=True)
    )


def test_send_shows_a_review_and_nothing_leaves_until_confirmed(w, login):
    client = login(w.uk_le)
    response = client.post("/alerts/new/travel_notification/", _form(w))
    alert = Alert.objects.get()
    assert response["Location"] == f"/alerts/{alert.pk}/send/"
    assert alert.status == Status.DRAFT
    assert not AlertRecipient.objects.filter(delivered_at__isnull=False).exists()
    assert mail.outbox == []
    review = client.get(response["Location"]).content.decode()
    for text in (
        "Review before sending",
        "Cambodian Test Police (Cambodia)",
        "Thai Test Police (Thailand)",
        "TLP:AMBER",
        str(alert.handling),
        "Urgent",
        date_format(alert.ack_deadline, "DATETIME_FORMAT"),  # the language's one format
        "This alert goes to foreign agencies.",
        "Foreign agency",
        f'href="/alerts/{alert.pk}/edit/"',
    ):
        assert text in review, text
    assert ">Send</button>" in review
    assert login(w.kh_le).get(f"/alerts/{alert.pk}/").status_code == 404  # not delivered
    confirmed = client.post(f"/alerts/{alert.pk}/send/", follow=True)
    assert "The alert was sent to the recipient agencies." in confirmed.content.decode()
    assert Alert.objects.get(pk=alert.pk).status == Status.SENT
    assert _actions(alert) == ["alerts.alert.create", "alerts.alert.send"]
    assert login(w.kh_le).get(f"/alerts/{alert.pk}/").status_code == 200


def test_edit_from_the_review_keeps_the_draft(w, send, login):
    draft = send(send=False)
    client = login(w.uk_le)
    assert client.get(f"/alerts/{draft.pk}/send/").status_code == 200
    assert client.get(f"/alerts/{draft.pk}/edit/").status_code == 200
    assert Alert.objects.get(pk=draft.pk).status == Status.DRAFT


def test_only_the_author_sees_the_review(w, send, login):
    draft = send(send=False)
    sent = send()
    for user in (w.uk_le2, w.kh_le, w.th_le, w.admin, w.kh_le_unvetted):
        assert login(user).get(f"/alerts/{draft.pk}/send/").status_code == 404, user
    assert login(w.kh_le).get(f"/alerts/{sent.pk}/send/").status_code == 404
    assert login(w.uk_le2).post(f"/alerts/{draft.pk}/send/").status_code == 404
    assert Alert.objects.get(pk=draft.pk).status == Status.DRAFT


def test_a_recipient_no_longer_allowed_is_refused_on_confirm(w, send, login):
    draft = send(send=False, recipients=[w.kh_police])
    Organisation.objects.filter(pk=w.kh_police.pk).update(sector="ngo")
    client = login(w.uk_le)
    review = client.get(f"/alerts/{draft.pk}/send/").content.decode()
    assert "You can no longer send to this agency." in review and ">Send</button>" not in review
    response = client.post(f"/alerts/{draft.pk}/send/", follow=True)
    assert "can no longer receive this alert" in response.content.decode()
    assert Alert.objects.get(pk=draft.pk).status == Status.DRAFT
    assert _actions(draft) == ["alerts.alert.create"]


def test_a_red_alert_is_reviewed_then_submitted_for_approval(w, login):
    client = login(w.uk_le)
    data = _form(w, recipients=[w.kh_police.pk], marking="RED", named_people=[w.kh_le.person.pk])
    response = client.post("/alerts/new/travel_notification/", data)
    alert = Alert.objects.get()
    review = client.get(response["Location"]).content.decode()
    assert "Submit for approval" in review
    assert f"{w.kh_le.person.full_name} (Cambodian Test Police)" in review
    client.post(f"/alerts/{alert.pk}/send/")
    assert Alert.objects.get(pk=alert.pk).status == Status.AWAITING_APPROVAL


def test_the_api_still_sends_without_a_review(w, api):
    payload = {
        "alert_type": "information",
        "recipient_organisation_ids": [w.kh_police.pk],
        "marking": "AMBER",
        "priority": "high",
        "ack_deadline": (timezone.now() + timedelta(days=1)).isoformat(),
        "summary": "Please acknowledge.",
        "send": True,
    }
    response = api(w.uk_le).post("/api/v1/alerts", payload, content_type="application/json")
    assert response.status_code == 201, response.content
    assert Alert.objects.get().status == Status.SENT


def test_acknowledgements_replies_and_reads_show_names_and_agencies_not_emails(w, send, login):
    w.kh_le.person.full_name = "Sok Chantha"
    w.kh_le.person.save(update_fields=["full_name"])
    alert = send()
    login(w.kh_le).get(f"/alerts/{alert.pk}/")
    login(w.kh_le).post(f"/alerts/{alert.pk}/acknowledge/")
    services.alert_reply(
        actor=w.kh_le,
        alert=Alert.objects.prefetch_related("recipients").get(pk=alert.pk),
        body="Received.",
    )
    for user in (w.uk_le, w.kh_le):
        body = login(user).get(f"/alerts/{alert.pk}/").content.decode()
        assert "Sok Chantha (Cambodian Test Police)" in body
        assert "le.kh@example.test" not in body
    csv = login(w.uk_le).get(f"/alerts/{alert.pk}/reads.csv").content.decode("utf-8-sig")
    assert "Sok Chantha" in csv and "le.kh@example.test" not in csv


@pytest.mark.queries("alerts:alert_send")
def test_the_review_takes_the_same_queries_for_1_and_6_recipients(w, send, login):
    client = login(w.uk_le)
    few = send(send=False, recipients=[w.kh_police])
    more = [
        f.OrganisationFactory(sector="law_enforcement", country=w.kh_police.country)
        for _ in range(5)
    ]
    many = send(send=False, recipients=[w.kh_police, *more])

    def count(alert) -> int:
        client.get(f"/alerts/{alert.pk}/send/")
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(f"/alerts/{alert.pk}/send/").status_code == 200
        return len(ctx.captured_queries)

    assert count(many) == count(few)
