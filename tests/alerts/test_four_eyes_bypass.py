"""Four-eyes release cannot be sidestepped: while a TLP:RED alert awaits approval, its author
cannot lower the marking and send it in the same request (API or page), and no change to its
recipients or named people sends it. Every refusal and every return to draft is audited."""

import pytest

from protectnet.access.markings import Marking
from protectnet.access.models import AuditEntry
from protectnet.alerts.models import Alert, AlertRecipient, Status

from .conftest import SUMMARY
from .test_drafts import edit_form


@pytest.fixture
def pending(w, send):
    alert = send(marking=Marking.RED, named_person_ids=[w.kh_le.person.pk])
    assert alert.status == Status.AWAITING_APPROVAL
    return alert


def _audit(alert, action: str) -> list[dict]:
    entries = AuditEntry.objects.filter(
        object_type="alerts.alert", object_id=str(alert.pk), action=action
    )
    return list(entries.values_list("data", flat=True))


def _not_delivered(alert) -> Alert:
    stored = Alert.objects.get(pk=alert.pk)
    assert stored.sent_at is None
    assert not AlertRecipient.objects.filter(alert=alert, delivered_at__isnull=False).exists()
    return stored


@pytest.mark.parametrize("marking", ["AMBER", "AMBER_STRICT"])
def test_api_refuses_lowering_the_marking_and_sending_while_approval_is_pending(
    w, pending, api, marking
):
    response = api(w.uk_le).patch(
        f"/api/v1/alerts/{pending.pk}",
        {"marking": marking, "send": True},
        content_type="application/json",
    )
    assert response.status_code in (409, 422), response.content
    assert "approv" in response.content.decode().lower()
    stored = _not_delivered(pending)
    # Nothing stored changed: still RED, still waiting for the approver, still named people only.
    assert stored.status == Status.AWAITING_APPROVAL and stored.marking == Marking.RED
    assert list(stored.named_people.values_list("pk", flat=True)) == [w.kh_le.person.pk]
    assert _audit(pending, "alerts.alert.update") == []
    [entry] = _audit(pending, "alerts.alert.update_refused")
    assert entry == {"reason": "marking_change_awaiting_approval", "marking": marking}


def test_after_a_refusal_the_approver_releases_the_red_alert_as_it_was(w, pending, api, login):
    api(w.uk_le).patch(
        f"/api/v1/alerts/{pending.pk}",
        {"marking": "AMBER", "send": True},
        content_type="application/json",
    )
    assert login(w.uk_le2).post(f"/alerts/{pending.pk}/approve/").status_code == 302
    stored = Alert.objects.get(pk=pending.pk)
    assert stored.status == Status.SENT and stored.marking == Marking.RED
    assert login(w.kh_le).get(f"/alerts/{pending.pk}/").status_code == 200
    assert login(w.kh_le2).get(f"/alerts/{pending.pk}/").status_code == 404


def test_lowering_the_marking_without_sending_returns_the_alert_to_draft(w, pending, api, login):
    response = api(w.uk_le).patch(
        f"/api/v1/alerts/{pending.pk}", {"marking": "AMBER"}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "draft"
    stored = _not_delivered(pending)
    assert stored.status == Status.DRAFT and stored.marking == Marking.AMBER
    [entry] = _audit(pending, "alerts.alert.update")
    assert entry["approval_request_withdrawn"] is True and "marking" in entry["fields"]
    # Recipients see nothing: it never left the agency.
    assert login(w.kh_le).get(f"/alerts/{pending.pk}/").status_code == 404


def test_the_edit_page_refuses_lowering_and_sending_in_one_go(w, pending, login):
    client = login(w.uk_le)
    form = edit_form(w, pending, marking=Marking.AMBER, named_people=[], send="1")
    response = client.post(f"/alerts/{pending.pk}/edit/", form)
    assert response.status_code == 200
    assert "awaits approval" in response.content.decode()
    stored = _not_delivered(pending)
    assert stored.status == Status.AWAITING_APPROVAL and stored.marking == Marking.RED
    assert len(_audit(pending, "alerts.alert.update_refused")) == 1
    assert login(w.kh_le).get(f"/alerts/{pending.pk}/").status_code == 404


@pytest.mark.parametrize("via", ["api", "page"])
def test_changing_recipients_or_named_people_and_sending_resubmits_never_sends(
    w, pending, api, login, via
):
    named = [w.kh_le.person.pk, w.th_le.person.pk]
    recipients = [w.kh_police.pk, w.th_police.pk]
    if via == "api":
        response = api(w.uk_le).patch(
            f"/api/v1/alerts/{pending.pk}",
            {"recipient_organisation_ids": recipients, "named_person_ids": named, "send": True},
            content_type="application/json",
        )
        assert response.status_code == 200, response.content
    else:
        form = edit_form(w, pending, recipients=recipients, named_people=named, send="1")
        assert login(w.uk_le).post(f"/alerts/{pending.pk}/edit/", form).status_code == 302
    stored = _not_delivered(pending)
    assert stored.status == Status.AWAITING_APPROVAL and stored.marking == Marking.RED
    assert set(stored.named_people.values_list("pk", flat=True)) == set(named)
    [entry] = _audit(pending, "alerts.alert.update")
    assert entry["approval_request_withdrawn"] is True
    assert {"recipients", "named_people"} <= set(entry["fields"])
    assert len(_audit(pending, "alerts.alert.submit_for_approval")) == 2
    for user in (w.kh_le, w.th_le):
        assert login(user).get(f"/alerts/{pending.pk}/").status_code == 404


def test_a_plain_draft_may_still_change_marking_and_send_in_one_request(w, send, api):
    draft = send(send=False, marking=Marking.RED, named_person_ids=[w.kh_le.person.pk])
    response = api(w.uk_le).patch(
        f"/api/v1/alerts/{draft.pk}",
        {"marking": "AMBER", "send": True},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    stored = Alert.objects.get(pk=draft.pk)
    assert stored.status == Status.SENT and stored.marking == Marking.AMBER
    assert stored.summary == SUMMARY


def test_an_approval_of_a_version_the_approver_did_not_read_is_refused(w, pending, api, login):
    approver = login(w.uk_le2)
    page = approver.get(f"/alerts/{pending.pk}/").content.decode()
    stamp = page.split('name="submitted_at" value="')[1].split('"')[0]
    # Meanwhile the author adds a named person and a recipient, and submits again.
    api(w.uk_le).patch(
        f"/api/v1/alerts/{pending.pk}",
        {
            "recipient_organisation_ids": [w.kh_police.pk, w.th_police.pk],
            "named_person_ids": [w.kh_le.person.pk, w.th_le.person.pk],
            "send": True,
        },
        content_type="application/json",
    )
    response = approver.post(f"/alerts/{pending.pk}/approve/", {"submitted_at": stamp})
    assert response.status_code == 302
    assert (
        "Read it again before you approve it"
        in approver.get(f"/alerts/{pending.pk}/").content.decode()
    )
    assert _not_delivered(pending).status == Status.AWAITING_APPROVAL
    [entry] = _audit(pending, "alerts.alert.approve_refused")
    assert entry == {"reason": "changed_since_viewed"}
    # Having read the new version, the approver releases it.
    page = approver.get(f"/alerts/{pending.pk}/").content.decode()
    fresh = page.split('name="submitted_at" value="')[1].split('"')[0]
    assert fresh != stamp
    approver.post(f"/alerts/{pending.pk}/approve/", {"submitted_at": fresh})
    assert Alert.objects.get(pk=pending.pk).status == Status.SENT
    assert login(w.th_le).get(f"/alerts/{pending.pk}/").status_code == 200
