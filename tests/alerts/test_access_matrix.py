"""Who learns anything about an alert: only vetted members of the sending and recipient agencies.

Everyone else (non-vetted members, vetted members of other agencies, admins, guests, anonymous
visitors) gets 404 on every page, API operation, attachment and export, and sees no trace of the
alert in lists or on the dashboard.
"""

from datetime import timedelta

import pytest

from protectnet.access.markings import Marking
from protectnet.accounts.models import TOTPDevice
from protectnet.alerts import services
from protectnet.alerts.models import Alert
from protectnet.network.models import Vetting
from tests import factories as f

from .conftest import SUBJECT_NAME, SUMMARY

# Not law-enforcement vetted: the whole area is hidden from them.
NON_VETTED = ["kh_le_unvetted", "kh_focal", "kh_member", "admin", "trainer", "guest"]
# Vetted, but Thai police are neither sender nor recipient of the alerts below.
OUTSIDERS = ["th_le", *NON_VETTED]
AREA = ["/alerts/", "/alerts/overdue/", "/alerts/new/", "/alerts/new/travel_notification/"]


def _pages(alert, attachment_id):
    return [
        f"/alerts/{alert.pk}/",
        f"/alerts/{alert.pk}/reads.csv",
        f"/alerts/{alert.pk}/attachments/{attachment_id}/",
        f"/alerts/{alert.pk}/retract/",
    ]


@pytest.fixture
def amber(send, w, pdf_file):
    alert = send(recipients=[w.kh_police], files=[pdf_file])
    return alert, alert.attachments.get().pk


@pytest.mark.parametrize("who", NON_VETTED + [None])
def test_the_alerts_area_is_not_found_for_anyone_not_vetted(who, w, login):
    client = login(getattr(w, who) if who else None)
    for url in AREA:
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("who", OUTSIDERS + [None])
def test_outsiders_get_404_on_every_alert_page(who, w, amber, login):
    alert, attachment_id = amber
    client = login(getattr(w, who) if who else None)
    for url in _pages(alert, attachment_id):
        response = client.get(url)
        assert response.status_code == 404, url
        assert SUBJECT_NAME not in response.content.decode()
    for action in ["acknowledge", "reply", "outcome", "close", "approve", "send", "retract"]:
        assert client.post(f"/alerts/{alert.pk}/{action}/").status_code == 404, action


@pytest.mark.parametrize("who", NON_VETTED)
def test_the_alerts_api_is_not_found_for_anyone_not_vetted(who, w, api):
    client = api(getattr(w, who))
    assert client.get("/api/v1/alerts").status_code == 404
    assert client.get("/api/v1/alerts/overdue").status_code == 404
    # A well-formed request (a malformed one is rejected by schema validation, which reveals
    # nothing about any alert: the API schema itself is public).
    body = {
        "alert_type": "information",
        "recipient_organisation_ids": [w.th_police.pk],
        "marking": "AMBER",
        "ack_deadline": "2099-01-01T00:00:00Z",
        "summary": "x",
    }
    assert client.post("/api/v1/alerts", body, content_type="application/json").status_code == 404


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_get_404_from_every_api_operation(who, w, amber, api):
    alert, _ = amber
    client = api(getattr(w, who))
    assert client.get(f"/api/v1/alerts/{alert.pk}").status_code == 404
    for action in ["acknowledge", "close", "approve", "send"]:
        response = client.post(f"/api/v1/alerts/{alert.pk}/{action}")
        assert response.status_code == 404, action
        assert response.json()["code"] == "not_found"


def test_anonymous_api_caller_is_refused_without_details(amber, api):
    alert, _ = amber
    response = api(None).get(f"/api/v1/alerts/{alert.pk}")
    assert response.status_code in (401, 404)
    assert SUBJECT_NAME not in response.content.decode()


@pytest.mark.parametrize("who", NON_VETTED + [None])
def test_dashboard_shows_outsiders_no_trace_of_alerts(who, w, amber, login):
    response = login(getattr(w, who) if who else None).get("/", follow=True)
    body = response.content.decode()
    assert "Partner alerts" not in body
    assert "/alerts/" not in body


def test_vetted_member_of_another_agency_sees_an_empty_list(w, amber, login, api):
    """Thai police are vetted but not a recipient: the list is open to them and empty."""
    alert, _ = amber
    # th_le may open the alerts area (vetted) but this alert is not theirs.
    page = login(w.th_le).get("/alerts/")
    assert page.status_code == 200
    assert alert.reference not in page.content.decode()
    assert page.context["page_obj"].paginator.count == 0
    listing = api(w.th_le).get("/api/v1/alerts").json()
    assert listing == {"count": 0, "items": []}


def test_recipient_and_sender_agencies_read_the_alert(w, amber, login, api):
    alert, attachment_id = amber
    for user in (w.kh_le, w.kh_le2, w.uk_le, w.uk_le2):
        client = login(user)
        body = client.get(f"/alerts/{alert.pk}/").content.decode()
        assert SUBJECT_NAME in body and SUMMARY in body
        download = client.get(f"/alerts/{alert.pk}/attachments/{attachment_id}/")
        assert download.status_code == 200
        assert download.content.startswith(b"%PDF")
        assert api(user).get(f"/api/v1/alerts/{alert.pk}").json()["summary"] == SUMMARY


def test_guessed_ids_are_not_found(w, amber, login, api):
    alert, attachment_id = amber
    other = Alert.objects.create(
        alert_type="information",
        sender_organisation=w.th_police,
        origin_country=w.th,
        ack_deadline=alert.ack_deadline,
        marking=Marking.AMBER,
    )
    client = login(w.kh_le)
    assert client.get(f"/alerts/{other.pk}/").status_code == 404
    assert client.get(f"/alerts/{alert.pk + 999}/").status_code == 404
    # An attachment id from another alert is not found through this alert.
    assert client.get(f"/alerts/{other.pk}/attachments/{attachment_id}/").status_code == 404
    assert api(w.kh_le).get(f"/api/v1/alerts/{other.pk}").status_code == 404
    assert api(w.kh_le).get("/api/v1/alerts/not-a-number").status_code in (404, 422)


def test_recipients_cannot_see_the_senders_read_log(w, amber, login):
    alert, _ = amber
    assert login(w.kh_le).get(f"/alerts/{alert.pk}/reads.csv").status_code == 404
    assert login(w.uk_le2).get(f"/alerts/{alert.pk}/reads.csv").status_code == 200


def test_drafts_are_visible_to_their_author_only(w, send, login):
    draft = send(send=False)
    assert login(w.uk_le).get(f"/alerts/{draft.pk}/").status_code == 200
    assert login(w.uk_le2).get(f"/alerts/{draft.pk}/").status_code == 404
    assert login(w.kh_le).get(f"/alerts/{draft.pk}/").status_code == 404


def test_red_alert_is_read_by_named_people_only(w, send, login):
    named = [w.kh_le.person.pk]
    alert = send(marking=Marking.RED, named_person_ids=named)
    services.alert_approve(actor=w.uk_le2, alert=alert)
    assert login(w.kh_le).get(f"/alerts/{alert.pk}/").status_code == 200
    # Same agency, vetted, not named: nothing.
    assert login(w.kh_le2).get(f"/alerts/{alert.pk}/").status_code == 404
    assert alert.reference not in login(w.kh_le2).get("/alerts/").content.decode()
    # Author and approver keep access; other vetted colleagues of the sender do not.
    assert login(w.uk_le).get(f"/alerts/{alert.pk}/").status_code == 200
    assert login(w.uk_le2).get(f"/alerts/{alert.pk}/").status_code == 200
    uk_le3 = f.make_le_vetted(w.uk_agency, "le3.uk@example.test")
    assert login(uk_le3).get(f"/alerts/{alert.pk}/").status_code == 404


def test_expired_vetting_cuts_access_at_once(w, amber, login, api):
    alert, _ = amber
    client, token_client = login(w.kh_le), api(w.kh_le)
    assert client.get(f"/alerts/{alert.pk}/").status_code == 200
    vetting = Vetting.objects.get(person=w.kh_le.person)
    Vetting.objects.filter(pk=vetting.pk).update(expires_on=vetting.verified_on + timedelta(days=1))
    assert client.get(f"/alerts/{alert.pk}/").status_code == 404
    assert client.get("/alerts/").status_code == 404
    assert token_client.get(f"/api/v1/alerts/{alert.pk}").status_code == 404


def test_removing_the_second_factor_cuts_access_at_once(w, amber, login, api):
    alert, _ = amber
    client, token_client = login(w.kh_le), api(w.kh_le)
    assert token_client.get(f"/api/v1/alerts/{alert.pk}").status_code == 200
    TOTPDevice.objects.filter(user=w.kh_le).delete()
    assert token_client.get(f"/api/v1/alerts/{alert.pk}").status_code == 404
    response = client.get(f"/alerts/{alert.pk}/")
    assert response.status_code in (302, 404)  # sent to set up a second factor, or refused
    assert SUBJECT_NAME not in response.content.decode()


def test_retracted_alert_shows_recipients_only_that_it_was_retracted(w, amber, login, api):
    alert, attachment_id = amber
    services.alert_retract(actor=w.uk_le, alert=alert, reason="sent_in_error")
    page = login(w.kh_le).get(f"/alerts/{alert.pk}/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "Retracted" in body
    assert SUBJECT_NAME not in body and SUMMARY not in body
    assert login(w.kh_le).get(f"/alerts/{alert.pk}/attachments/{attachment_id}/").status_code == 404
    data = api(w.kh_le).get(f"/api/v1/alerts/{alert.pk}").json()
    assert data["status"] == "retracted" and data["content_available"] is False
    assert data["summary"] is None and data["subject"] is None
    # The sender keeps the record.
    assert SUMMARY in login(w.uk_le).get(f"/alerts/{alert.pk}/").content.decode()
