"""Alert free text goes through the network's terminology check (summary, risk summary, replies)."""

import csv
from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from protectnet.alerts.forms import AlertForm, ReplyForm

from .conftest import travel_subject

CSV = Path(__file__).resolve().parents[2] / "protectnet/terminology/data/terminology.csv"


def _avoided_term() -> str:
    # Read from the terminology data so that the discouraged words live only there.
    with CSV.open(encoding="utf-8") as handle:
        return next(r["term"] for r in csv.DictReader(handle) if r["severity"] == "avoid")


def _form_data(w, summary: str, **extra) -> dict:
    return {
        "sender_organisation": w.uk_agency.pk,
        "recipients": [w.kh_police.pk],
        "marking": "AMBER",
        "priority": "high",
        "ack_deadline": (timezone.now() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
        "summary": summary,
        **travel_subject(),
        **extra,
    }


def test_alert_forms_check_their_free_text():
    assert "summary" in AlertForm.terminology_fields
    assert ReplyForm.terminology_fields == ("body",)


def test_discouraged_term_in_the_summary_needs_confirmation(w):
    data = _form_data(w, f"Possession of {_avoided_term()} found.")
    form = AlertForm(data, user=w.uk_le, alert_type="travel_notification")
    assert not form.is_valid()
    assert "summary" in form.terminology_findings
    confirmed = AlertForm(
        {**data, "terminology_confirmed": "on"}, user=w.uk_le, alert_type="travel_notification"
    )
    assert confirmed.is_valid(), confirmed.errors


def test_discouraged_term_in_the_risk_summary_is_found(w):
    data = _form_data(w, "Please act.", risk_summary=f"Shares {_avoided_term()}.")
    form = AlertForm(data, user=w.uk_le, alert_type="travel_notification")
    assert not form.is_valid()
    assert "risk_summary" in form.terminology_findings


def test_page_shows_the_language_notes_and_saves_once_confirmed(w, login):
    from protectnet.alerts.models import Alert

    client = login(w.uk_le)
    data = {**_form_data(w, f"Possession of {_avoided_term()} found."), "send": "1"}
    response = client.post("/alerts/new/travel_notification/", data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Save anyway" in body and 'type="checkbox" name="terminology_confirmed"' in body
    assert Alert.objects.count() == 0
    response = client.post(
        "/alerts/new/travel_notification/", {**data, "terminology_confirmed": "on"}
    )
    assert response.status_code == 302
    assert Alert.objects.count() == 1


def test_reply_with_a_discouraged_term_is_shown_back_for_review(w, send, login):
    alert = send()
    response = login(w.kh_le).post(
        f"/alerts/{alert.pk}/reply/", {"body": f"We seized {_avoided_term()}."}
    )
    assert response.status_code == 400
    assert "Save anyway" in response.content.decode()
    assert not alert.replies.exists()
