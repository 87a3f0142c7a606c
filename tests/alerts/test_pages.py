"""The pages around the services: confirmations, errors shown in place, nothing lost."""

from protectnet.access.markings import Marking
from protectnet.alerts import services
from protectnet.alerts.attachments import CheckedFile
from protectnet.alerts.models import Alert, Status

from .conftest import SUBJECT_NAME, travel_subject


def test_retract_asks_for_a_reason_then_retracts(w, send, login):
    alert = send()
    client = login(w.uk_le)
    page = client.get(f"/alerts/{alert.pk}/retract/")
    assert page.status_code == 200 and "cannot be undone" in page.content.decode()
    assert client.post(f"/alerts/{alert.pk}/retract/", {}).status_code == 200  # no reason
    assert Alert.objects.get(pk=alert.pk).status == Status.SENT
    response = client.post(f"/alerts/{alert.pk}/retract/", {"reason": "sent_in_error"})
    assert response.status_code == 302
    assert Alert.objects.get(pk=alert.pk).status == Status.RETRACTED


def test_recipient_cannot_open_the_retract_page(w, send, login):
    alert = send()
    assert login(w.kh_le).get(f"/alerts/{alert.pk}/retract/").status_code == 404


def test_author_trying_to_approve_sees_why_not(w, send, login):
    alert = send(marking=Marking.RED, named_person_ids=[w.kh_le.person.pk])
    client = login(w.uk_le)
    response = client.post(f"/alerts/{alert.pk}/approve/", follow=True)
    assert "cannot approve your own alert" in response.content.decode()
    assert Alert.objects.get(pk=alert.pk).status == Status.AWAITING_APPROVAL
    detail = login(w.uk_le2).get(f"/alerts/{alert.pk}/").content.decode()
    assert "Approve and send" in detail


def test_empty_reply_is_shown_again_with_an_error(w, send, login):
    alert = send()
    response = login(w.kh_le).post(f"/alerts/{alert.pk}/reply/", {"body": ""})
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    assert not Alert.objects.get(pk=alert.pk).replies.exists()


def test_acknowledging_twice_explains_itself(w, send, login):
    alert = send()
    login(w.kh_le).post(f"/alerts/{alert.pk}/acknowledge/")
    response = login(w.kh_le2).post(f"/alerts/{alert.pk}/acknowledge/", follow=True)
    assert "already acknowledged" in response.content.decode()


def test_sender_view_shows_delivery_acknowledgement_and_reads(w, send, login):
    alert = send(recipients=[w.kh_police, w.th_police])
    login(w.kh_le).get(f"/alerts/{alert.pk}/")
    login(w.kh_le).post(f"/alerts/{alert.pk}/acknowledge/")
    body = login(w.uk_le).get(f"/alerts/{alert.pk}/").content.decode()
    assert "Delivery and acknowledgement" in body and "Read log" in body
    name = w.kh_le.person.full_name  # people are shown by name, never by email address
    assert f"{name} (Cambodian Test Police)" in body and "le.kh@example.test" not in body
    csv = login(w.uk_le).get(f"/alerts/{alert.pk}/reads.csv").content.decode("utf-8-sig")
    assert name in csv and SUBJECT_NAME not in csv
    # Recipients do not get the sender's view.
    assert "Read log" not in login(w.kh_le).get(f"/alerts/{alert.pk}/").content.decode()


def test_list_filters_received_and_sent(w, send, login):
    to_uk = send(recipients=[w.uk_agency], sender=w.kh_le)
    from_uk = send()
    client = login(w.uk_le)
    inbox = client.get("/alerts/?box=inbox").content.decode()
    sent = client.get("/alerts/?box=sent").content.decode()
    assert to_uk.reference in inbox and from_uk.reference not in inbox
    assert from_uk.reference in sent and to_uk.reference not in sent
    assert client.get("/alerts/?box=nonsense").status_code == 200
    assert SUBJECT_NAME not in client.get("/alerts/").content.decode()  # lists carry no content


PAYLOAD = '<script>alert("pn-xss")</script><img src=x onerror=alert(1)>'


def test_stored_markup_in_alert_content_comes_back_escaped(w, send, login, api):
    evil_file = CheckedFile(name=PAYLOAD[:40] + ".txt", content_type="text/plain", data=b"x")
    alert = send(
        summary=PAYLOAD,
        subject=travel_subject(full_name=PAYLOAD),
        files=[evil_file],
    )
    services.alert_reply(
        actor=w.kh_le,
        alert=Alert.objects.prefetch_related("recipients").get(pk=alert.pk),
        body=PAYLOAD,
    )
    for user in (w.kh_le, w.uk_le):
        body = login(user).get(f"/alerts/{alert.pk}/").content.decode()
        assert "<script>alert(" not in body and "<img src=x" not in body
        assert "&lt;script&gt;" in body
    assert api(w.kh_le).get(f"/api/v1/alerts/{alert.pk}").json()["summary"] == PAYLOAD
