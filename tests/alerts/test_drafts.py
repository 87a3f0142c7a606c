"""The author edits or discards a draft, on the page and through the API, until it leaves the
agency; content stays encrypted, every change is audited, a RED change withdraws the approval."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from protectnet.access.markings import Marking
from protectnet.access.models import AuditEntry
from protectnet.alerts import selectors, services
from protectnet.alerts.models import Alert, AlertType, Status

from .conftest import SUBJECT_NAME, SUMMARY, travel_subject

NEW_NAME = "Desmond Fictitious Exampleby"
NEW_SUMMARY = "Revised request: monitor arrival; unique-edit-marker-5521."


def _audit(alert, action: str) -> list[dict]:
    entries = AuditEntry.objects.filter(
        object_type="alerts.alert", object_id=str(alert.pk), action=action
    )
    return list(entries.values_list("data", flat=True))


def edit_form(w, alert, **overrides) -> dict:
    """What the edit page posts, as the browser sends it back (every field filled in)."""
    data = {
        "sender_organisation": w.uk_agency.pk,
        "recipients": [r.organisation_id for r in alert.recipients.all()],
        "marking": alert.marking,
        "named_people": [p.pk for p in alert.named_people.all()],
        "priority": alert.priority,
        "ack_deadline": (timezone.now() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"),
        "summary": alert.summary,
        **alert.subject,
    }
    data.update(overrides)
    return data


def _raw(alert) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT subject_ciphertext, summary_ciphertext FROM alerts_alert WHERE id = %s",
            [alert.pk],
        )
        return repr(cursor.fetchone())


def test_author_sees_the_draft_filled_in_on_the_edit_page(w, send, login):
    draft = send(send=False)
    page = login(w.uk_le).get(f"/alerts/{draft.pk}/edit/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "Edit draft" in body
    assert f'value="{SUBJECT_NAME}"' in body and SUMMARY in body
    assert (
        f'href="/alerts/{draft.pk}/edit/"'
        in login(w.uk_le).get(f"/alerts/{draft.pk}/").content.decode()
    )


def test_author_edits_every_part_of_a_draft_on_the_page(w, send, login):
    draft = send(send=False)
    data = edit_form(
        w,
        draft,
        recipients=[w.th_police.pk, w.kh_police.pk],
        marking="AMBER_STRICT",
        priority="urgent",
        summary=NEW_SUMMARY,
        full_name=NEW_NAME,
    )
    response = login(w.uk_le).post(f"/alerts/{draft.pk}/edit/", data, follow=True)
    assert "Your changes to the draft were saved." in response.content.decode()
    alert = Alert.objects.get(pk=draft.pk)
    assert alert.status == Status.DRAFT
    assert (alert.marking, alert.priority) == ("AMBER_STRICT", "urgent")
    assert alert.summary == NEW_SUMMARY and alert.subject["full_name"] == NEW_NAME
    recipients = {r.organisation_id for r in alert.recipients.all()}
    assert recipients == {w.th_police.pk, w.kh_police.pk}
    # Encrypted at rest: the raw row holds neither the old nor the new words.
    raw = _raw(alert)
    assert NEW_NAME not in raw and NEW_SUMMARY not in raw and SUBJECT_NAME not in raw
    [entry] = _audit(alert, "alerts.alert.update")
    changed = {"ack_deadline", "marking", "priority", "recipients", "subject", "summary"}
    assert set(entry["fields"]) == changed
    assert NEW_NAME not in repr(entry) and NEW_SUMMARY not in repr(entry)


def test_save_and_send_from_the_edit_page_delivers_the_edited_version(w, send, login):
    draft = send(send=False)
    data = {**edit_form(w, draft, summary=NEW_SUMMARY), "send": "1"}
    client = login(w.uk_le)
    response = client.post(f"/alerts/{draft.pk}/edit/", data)
    assert response["Location"] == f"/alerts/{draft.pk}/send/"  # saved, then reviewed
    assert Alert.objects.get(pk=draft.pk).status == Status.DRAFT
    client.post(f"/alerts/{draft.pk}/send/")
    assert Alert.objects.get(pk=draft.pk).status == Status.SENT
    body = login(w.kh_le).get(f"/alerts/{draft.pk}/").content.decode()
    assert NEW_SUMMARY in body and SUMMARY not in body


def test_bad_input_on_the_edit_page_keeps_the_typed_text_and_the_stored_draft(w, send, login):
    draft = send(send=False)
    data = edit_form(w, draft, recipients=[], summary=NEW_SUMMARY, nationality="XX")
    response = login(w.uk_le).post(f"/alerts/{draft.pk}/edit/", data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Please correct the errors below." in body
    assert NEW_SUMMARY in body  # what was typed is shown again
    assert Alert.objects.get(pk=draft.pk).summary == SUMMARY
    assert _audit(draft, "alerts.alert.update") == []


def test_author_edits_a_draft_through_the_api(w, send, api):
    draft = send(send=False)
    deadline = (timezone.now() + timedelta(days=4)).replace(microsecond=0)
    response = api(w.uk_le).patch(
        f"/api/v1/alerts/{draft.pk}",
        {
            "summary": NEW_SUMMARY,
            "subject": {"full_name": NEW_NAME, "other_names": "D. Example"},
            "priority": "routine",
            "ack_deadline": deadline.isoformat(),
            "recipient_organisation_ids": [w.th_police.pk],
        },
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["summary"] == NEW_SUMMARY and data["status"] == "draft"
    assert [r["organisation_id"] for r in data["recipients"]] == [w.th_police.pk]
    alert = Alert.objects.get(pk=draft.pk)
    # Subject details are merged: untouched ones stay, the changed ones change.
    assert alert.subject["full_name"] == NEW_NAME and alert.subject["other_names"] == "D. Example"
    assert alert.subject["route"] == travel_subject()["route"]
    assert alert.ack_deadline == deadline
    assert NEW_NAME not in _raw(alert)


def test_api_edit_and_send_in_one_request(w, send, api):
    draft = send(send=False)
    response = api(w.uk_le).patch(
        f"/api/v1/alerts/{draft.pk}",
        {"summary": NEW_SUMMARY, "send": True},
        content_type="application/json",
    )
    assert response.json()["status"] == "sent"
    assert api(w.kh_le).get(f"/api/v1/alerts/{draft.pk}").json()["summary"] == NEW_SUMMARY


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"recipient_organisation_ids": []}, None),  # schema: at least one
        ({"recipient_organisation_ids": ["th_ministry"]}, "recipients"),
        ({"marking": "RED"}, "named_people"),
        ({"marking": "GREEN"}, None),
        ({"ack_deadline": "2001-01-01T00:00:00Z"}, "ack_deadline"),
        ({"subject": {"date_of_birth": "14/05/1968"}}, "date_of_birth"),
        ({"alert_type": "information"}, "full_name"),  # its details do not fit the new type
        ({"summary": "   "}, "summary"),
        ({"colour": "blue"}, None),  # unknown fields are refused, not ignored
        ({}, None),
    ],
)
def test_bad_api_edits_are_refused_and_change_nothing(w, send, api, body, field):
    draft = send(send=False)
    if body.get("recipient_organisation_ids") == ["th_ministry"]:
        body = {"recipient_organisation_ids": [w.th_ministry.pk]}
    response = api(w.uk_le).patch(
        f"/api/v1/alerts/{draft.pk}", body, content_type="application/json"
    )
    assert response.status_code == 422, response.content
    if field:
        assert field in response.json()["errors"][0]
    alert = Alert.objects.get(pk=draft.pk)
    assert alert.summary == SUMMARY and alert.marking == Marking.AMBER
    assert alert.alert_type == AlertType.TRAVEL_NOTIFICATION
    assert _audit(draft, "alerts.alert.update") == []


def test_leaving_red_drops_the_named_people(w, send, api):
    draft = send(send=False, marking=Marking.RED, named_person_ids=[w.kh_le.person.pk])
    response = api(w.uk_le).patch(
        f"/api/v1/alerts/{draft.pk}", {"marking": "AMBER"}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    assert not Alert.objects.get(pk=draft.pk).named_people.exists()


def test_editing_a_red_alert_awaiting_approval_withdraws_the_request(w, send, api, login):
    alert = send(marking=Marking.RED, named_person_ids=[w.kh_le.person.pk])
    assert alert.status == Status.AWAITING_APPROVAL
    response = api(w.uk_le).patch(
        f"/api/v1/alerts/{alert.pk}", {"priority": "urgent"}, content_type="application/json"
    )
    assert response.json()["status"] == "draft"
    [entry] = _audit(alert, "alerts.alert.update")
    assert entry["approval_request_withdrawn"] is True and entry["fields"] == ["priority"]
    # The approver can no longer release it (nor see it) until the author submits it again.
    assert login(w.uk_le2).post(f"/alerts/{alert.pk}/approve/").status_code == 404
    assert Alert.objects.get(pk=alert.pk).sent_at is None
    api(w.uk_le).post(f"/api/v1/alerts/{alert.pk}/send")
    login(w.uk_le2).post(f"/alerts/{alert.pk}/approve/")
    assert Alert.objects.get(pk=alert.pk).status == Status.SENT


def test_the_edit_page_warns_that_a_change_withdraws_the_approval_request(w, send, login):
    alert = send(marking=Marking.RED, named_person_ids=[w.kh_le.person.pk])
    body = login(w.uk_le).get(f"/alerts/{alert.pk}/edit/").content.decode()
    assert "withdraws the approval request" in body
    assert "Save and submit for approval" in body


def test_an_approval_that_lands_first_wins_over_a_stale_edit(w, send):
    alert = send(marking=Marking.RED, named_person_ids=[w.kh_le.person.pk])
    stale = selectors.alert_get(user=w.uk_le, pk=alert.pk)
    services.alert_approve(actor=w.uk_le2, alert=alert)
    data = services.draft_input(stale)
    data.summary = NEW_SUMMARY
    with pytest.raises(ValidationError, match="can no longer be changed"):
        services.alert_update(actor=w.uk_le, alert=stale, data=data)
    assert Alert.objects.get(pk=alert.pk).summary == SUMMARY


def test_a_sent_alert_cannot_be_edited_or_discarded_by_its_author(w, send, login, api):
    alert = send()
    client = login(w.uk_le)
    page = client.get(f"/alerts/{alert.pk}/edit/", follow=True)
    assert "can no longer be changed" in page.content.decode()
    client.post(f"/alerts/{alert.pk}/edit/", edit_form(w, alert, summary=NEW_SUMMARY))
    client.post(f"/alerts/{alert.pk}/discard/")
    response = api(w.uk_le).patch(
        f"/api/v1/alerts/{alert.pk}", {"summary": NEW_SUMMARY}, content_type="application/json"
    )
    assert response.status_code == 422
    assert api(w.uk_le).delete(f"/api/v1/alerts/{alert.pk}").status_code == 422
    assert Alert.objects.get(pk=alert.pk).summary == SUMMARY
    assert "Edit draft" not in client.get(f"/alerts/{alert.pk}/").content.decode()


def test_author_discards_a_draft_on_the_page(w, send, login):
    draft = send(send=False)
    client = login(w.uk_le)
    assert "Discard draft" in client.get(f"/alerts/{draft.pk}/discard/").content.decode()
    response = client.post(f"/alerts/{draft.pk}/discard/")
    assert response.status_code == 302 and response["Location"] == "/alerts/"
    assert not Alert.objects.filter(pk=draft.pk).exists()
    assert client.get(f"/alerts/{draft.pk}/").status_code == 404
    assert _audit(draft, "alerts.alert.discard") == [{"status": "draft"}]


def test_author_discards_a_draft_through_the_api(w, send, api):
    draft = send(send=False)
    response = api(w.uk_le).delete(f"/api/v1/alerts/{draft.pk}")
    assert response.status_code == 204
    assert not Alert.objects.filter(pk=draft.pk).exists()
    assert api(w.uk_le).delete(f"/api/v1/alerts/{draft.pk}").status_code == 404


def test_the_api_checks_the_language_of_an_edit(w, send, api, avoided_term):
    draft = send(send=False)
    client = api(w.uk_le)
    body = {"summary": f"Possession of {avoided_term} found."}
    response = client.patch(f"/api/v1/alerts/{draft.pk}", body, content_type="application/json")
    assert response.status_code == 422
    errors = response.json()["errors"][0]
    assert "summary" in errors and "terminology_confirmed" in errors
    assert Alert.objects.get(pk=draft.pk).summary == SUMMARY
    confirmed = {**body, "terminology_confirmed": True}
    response = client.patch(
        f"/api/v1/alerts/{draft.pk}", confirmed, content_type="application/json"
    )
    assert response.status_code == 200
    assert Alert.objects.get(pk=draft.pk).summary == body["summary"]


def test_the_api_checks_the_language_of_a_new_alert_too(w, api, avoided_term):
    body = {
        "alert_type": "travel_notification",
        "recipient_organisation_ids": [w.kh_police.pk],
        "marking": "AMBER",
        "ack_deadline": (timezone.now() + timedelta(days=1)).isoformat(),
        "summary": "Please act.",
        "subject": travel_subject(risk_summary=f"Shares {avoided_term}."),
    }
    client = api(w.uk_le)
    response = client.post("/api/v1/alerts", body, content_type="application/json")
    assert response.status_code == 422
    assert "risk_summary" in response.json()["errors"][0]
    assert Alert.objects.count() == 0
    body["terminology_confirmed"] = True
    assert client.post("/api/v1/alerts", body, content_type="application/json").status_code == 201


def test_the_edit_page_checks_the_language_of_the_summary(w, send, login, avoided_term):
    draft = send(send=False)
    client = login(w.uk_le)
    data = edit_form(w, draft, summary=f"Possession of {avoided_term} found.")
    response = client.post(f"/alerts/{draft.pk}/edit/", data)
    assert "Save anyway" in response.content.decode()
    assert Alert.objects.get(pk=draft.pk).summary == SUMMARY
    client.post(f"/alerts/{draft.pk}/edit/", {**data, "terminology_confirmed": "on"})
    assert Alert.objects.get(pk=draft.pk).summary == data["summary"]
