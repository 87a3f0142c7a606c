"""Bad input gets a clear error and stores nothing; each type takes only the details it needs."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from protectnet.access.markings import Marking
from protectnet.alerts.models import Alert, AlertType, Status

from .conftest import PDF_BYTES, SUBJECT_NAME, travel_subject

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _errors(send, **overrides) -> dict:
    with pytest.raises(ValidationError) as exc:
        send(**overrides)
    assert Alert.objects.count() == 0
    return exc.value.message_dict


def test_information_alert_refuses_subject_details(send):
    errors = _errors(send, alert_type=AlertType.INFORMATION, subject={"full_name": "Someone"})
    assert "does not use this detail" in errors["full_name"][0]


def test_intelligence_referral_refuses_travel_details(send):
    subject = travel_subject()  # has a travel document and route, which a referral does not need
    errors = _errors(send, alert_type=AlertType.INTELLIGENCE_REFERRAL, subject=subject)
    assert set(errors) >= {"travel_document", "route", "departure_date"}


def test_travel_notification_requires_its_details(send):
    errors = _errors(send, subject={"full_name": SUBJECT_NAME})
    assert {"date_of_birth", "nationality", "travel_document", "route", "basis"} <= set(errors)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("date_of_birth", "14/05/1968"),
        ("nationality", "XX"),
        ("basis", "rumour"),
        ("full_name", "x" * 201),
    ],
)
def test_malformed_subject_details_are_refused(send, field, value):
    errors = _errors(send, subject=travel_subject(**{field: value}))
    assert field in errors


def test_return_before_departure_is_refused(send):
    subject = travel_subject(departure_date="2030-01-10", return_date="2030-01-01")
    assert "return_date" in _errors(send, subject=subject)


def test_recipients_must_be_partner_law_enforcement(send, w):
    assert "recipients" in _errors(send, recipients=[w.th_ministry])  # not law enforcement
    assert "recipients" in _errors(send, recipients=[w.uk_agency])  # own country
    assert "recipients" in _errors(send, recipients=[])


def test_red_alert_must_name_vetted_people_in_every_recipient_agency(send, w):
    assert "named_people" in _errors(send, marking=Marking.RED, named_person_ids=[])
    # kh_member is not vetted law enforcement.
    errors = _errors(send, marking=Marking.RED, named_person_ids=[w.kh_member.person.pk])
    assert "named_people" in errors
    errors = _errors(
        send,
        recipients=[w.kh_police, w.th_police],
        marking=Marking.RED,
        named_person_ids=[w.kh_le.person.pk],
    )
    assert "every recipient agency" in errors["named_people"][0]


def test_amber_alert_names_nobody(send, w):
    assert "named_people" in _errors(send, named_person_ids=[w.kh_le.person.pk])


def test_markings_below_amber_are_refused(send):
    assert "marking" in _errors(send, marking=Marking.GREEN)


def test_deadline_too_far_ahead_is_refused(send):
    assert "ack_deadline" in _errors(send, ack_deadline=timezone.now() + timedelta(days=60))


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("photo.png", PNG, "not an accepted document"),
        ("notice.txt", PDF_BYTES, "does not match"),
        ("empty.pdf", b"", "empty"),
        ("tool.pdf", b"MZ\x90\x00" + b"\x00" * 100, "not an accepted document"),
    ],
)
def test_attachments_are_checked_by_content(send, name, data, message):
    errors = _errors(send, files=[SimpleUploadedFile(name, data)])
    assert message in errors["attachments"][0]


def test_attachments_over_the_size_limit_are_refused(send, settings):
    settings.ALERT_ATTACHMENT_MAX_BYTES = 1024
    big = SimpleUploadedFile("big.pdf", PDF_BYTES + b"0" * 2048)
    assert "larger than" in _errors(send, files=[big])["attachments"][0]


def test_page_form_keeps_what_was_typed_after_an_error(w, login):
    client = login(w.uk_le)
    response = client.post(
        "/alerts/new/travel_notification/",
        {
            "sender_organisation": w.uk_agency.pk,
            "recipients": [w.kh_police.pk],
            "marking": "AMBER",
            "priority": "high",
            "ack_deadline": (timezone.now() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
            "full_name": SUBJECT_NAME,
            "summary": "Summary that must survive the error.",
            "send": "1",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Summary that must survive the error." in body
    assert SUBJECT_NAME in body
    assert "This field is required" in body or "required for this alert type" in body
    assert Alert.objects.count() == 0


def test_page_form_sends_an_alert_with_an_attachment(w, login):
    client = login(w.uk_le)
    deadline = (timezone.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    data = {
        "sender_organisation": w.uk_agency.pk,
        "recipients": [w.kh_police.pk],
        "marking": "AMBER",
        "priority": "high",
        "ack_deadline": deadline,
        "summary": "Please acknowledge.",
        "send": "1",
        "attachments": [SimpleUploadedFile("notice.pdf", PDF_BYTES)],
        **travel_subject(),
    }
    response = client.post("/alerts/new/travel_notification/", data)
    alert = Alert.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/alerts/{alert.pk}/send/"  # the review before sending
    assert client.post(response["Location"])["Location"] == f"/alerts/{alert.pk}/"
    alert = Alert.objects.get()
    assert alert.status == Status.SENT
    assert alert.subject["full_name"] == SUBJECT_NAME
    assert alert.attachments.get().name == "notice.pdf"


def test_unknown_alert_type_in_the_url_is_not_found(w, login):
    assert login(w.uk_le).get("/alerts/new/gossip/").status_code == 404


def test_api_create_reports_field_errors(w, api):
    response = api(w.uk_le).post(
        "/api/v1/alerts",
        {
            "alert_type": "information",
            "recipient_organisation_ids": [w.kh_police.pk],
            "marking": "AMBER",
            "ack_deadline": (timezone.now() + timedelta(days=1)).isoformat(),
            "summary": "Heads-up",
            "subject": {"full_name": "Not needed"},
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "full_name" in response.json()["errors"][0]
    assert Alert.objects.count() == 0


def test_api_create_and_send(w, api):
    response = api(w.uk_le).post(
        "/api/v1/alerts",
        {
            "alert_type": "travel_notification",
            "recipient_organisation_ids": [w.kh_police.pk],
            "marking": "AMBER_STRICT",
            "priority": "urgent",
            "ack_deadline": (timezone.now() + timedelta(days=1)).isoformat(),
            "summary": "Heads-up",
            "subject": travel_subject(),
            "send": True,
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "sent" and data["content_available"] is True
    assert data["reads"] == []  # the sender's view of reads
