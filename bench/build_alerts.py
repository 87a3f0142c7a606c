"""Bulk-build partner alerts between the law-enforcement agencies, content encrypted.

Content goes through the alerts app's own subject cleaning and crypto module, so every row
decrypts under the configured key like one written by the compose service. The first
law-enforcement agency (the bench users' agency) acts as a national hub: it sends one alert in
twenty and receives one in ten, so its members' inbox and detail pages read real rows.
"""

from datetime import timedelta

from django.utils import timezone

from protectnet.alerts import crypto
from protectnet.alerts.models import Alert, AlertRecipient, AlertReply
from protectnet.alerts.subject import clean_subject
from protectnet.network.models import Organisation

BATCH = 2_000
TYPES = ["travel_notification", "intelligence_referral", "request_for_assistance", "information"]
DEADLINE = {"routine": timedelta(days=7), "high": timedelta(days=2), "urgent": timedelta(days=1)}
PRIORITIES = ["routine", "routine", "high", "urgent"]


def _subject(alert_type: str, i: int) -> dict:
    data = {
        "travel_notification": {
            "full_name": f"Fictitious Traveller {i}",
            "date_of_birth": "1971-04-02",
            "nationality": "GB",
            "travel_document": f"Passport X{i:07d}",
            "departure_date": "2031-05-01",
            "route": "LHR - BKK - PNH",
            "basis": "conviction",
            "risk_summary": "Convicted of child sexual abuse offences; travelling alone.",
        },
        "intelligence_referral": {
            "full_name": f"Fictitious Subject {i}",
            "basis": "intelligence",
            "risk_summary": "Online contact with children reported by a platform.",
        },
        "request_for_assistance": {"full_name": f"Fictitious Person {i}"},
        "information": {},
    }[alert_type]
    return clean_subject(alert_type, data)


def _status(i: int, overdue: bool) -> str:
    """Old alerts are mostly closed; recent ones still open; a few retracted or purged."""
    if i % 40 == 39:
        return "retracted"
    if not overdue:
        return "acknowledged" if i % 2 else "sent"
    return ["closed", "closed", "closed", "acknowledged", "sent", "closed", "purged"][i % 7]


def _alert(i: int, count: int, sender: tuple, now) -> Alert:
    alert_type = TYPES[i % len(TYPES)]
    priority = PRIORITIES[i % len(PRIORITIES)]
    # Three years of alerts, one a day or more; the newest still within their deadline.
    sent_at = now - timedelta(hours=(count - i) * 26_000 // max(1, count) + 1)
    deadline = sent_at + DEADLINE[priority]
    status = _status(i, deadline < now)
    purged = status == "purged"
    return Alert(
        reference=f"PA-B{i:07X}",
        alert_type=alert_type,
        sender_organisation_id=sender[0],
        origin_country_id=sender[1],
        marking="AMBER_STRICT" if i % 5 == 0 else "AMBER",
        priority=priority,
        ack_deadline=deadline,
        status=status,
        subject_ciphertext="" if purged else crypto.encrypt_json(_subject(alert_type, i)),
        summary_ciphertext="" if purged else crypto.encrypt_text(f"Bench alert {i}: see details."),
        created_at=sent_at - timedelta(minutes=20),
        submitted_at=sent_at - timedelta(minutes=10),
        sent_at=sent_at,
        closed_at=sent_at + timedelta(days=5) if status in ("closed", "purged") else None,
        retracted_at=sent_at + timedelta(hours=2) if status == "retracted" else None,
        retraction_reason="sent_in_error" if status == "retracted" else "",
        purged_at=now - timedelta(days=1) if purged else None,
    )


def _recipients(alert: Alert, i: int, agencies: list, hub: tuple) -> list[AlertRecipient]:
    wanted = [agencies[(i * 7 + 3 * k + 1) % len(agencies)] for k in range(1 + i % 3)]
    if i % 10 == 0:
        wanted.append(hub)
    chosen = {o[0]: o for o in wanted if o[0] != alert.sender_organisation_id}
    if not chosen:  # a tiny network: every pick was the sender itself
        others = [o for o in agencies if o[0] != alert.sender_organisation_id]
        chosen = {o[0]: o for o in others[:1]}
    acked = alert.status in ("acknowledged", "closed", "purged")
    rows = []
    for org_id, country_id in chosen.values():
        ack_at = alert.sent_at + timedelta(hours=3 + i % 30) if acked else None
        rows.append(
            AlertRecipient(
                alert=alert,
                organisation_id=org_id,
                country_id=country_id,
                delivered_at=alert.sent_at,
                acknowledged_at=ack_at,
                outcome="monitored" if alert.closed_at else "",
                outcome_at=alert.closed_at,
                closed_at=alert.closed_at,
            )
        )
    return rows


def _replies(alert: Alert, recipients: list) -> list[AlertReply]:
    if alert.status not in ("acknowledged", "closed") or not recipients:
        return []
    return [
        AlertReply(
            alert=alert,
            organisation_id=org,
            body_ciphertext=crypto.encrypt_text(text),
            created_at=alert.sent_at + timedelta(hours=h),
        )
        for org, text, h in (
            (recipients[0].organisation_id, "Subject identified on arrival; monitored.", 5),
            (alert.sender_organisation_id, "Thank you for the update.", 6),
        )
    ]


def build(scale) -> dict:
    agencies = list(
        Organisation.objects.filter(sector="law_enforcement")
        .order_by("id")
        .values_list("id", "country_id")
    )
    hub, now = agencies[0], timezone.now()
    made = recipients_made = 0
    for start in range(0, scale.alerts, BATCH):
        alerts = [
            _alert(i, scale.alerts, hub if i % 20 == 0 else agencies[(i * 13) % len(agencies)], now)
            for i in range(start, min(scale.alerts, start + BATCH))
        ]
        Alert.objects.bulk_create(alerts)
        recipients, replies = [], []
        for i, alert in enumerate(alerts, start):
            rows = _recipients(alert, i, agencies, hub)
            recipients += rows
            if i % 4 == 0:
                replies += _replies(alert, rows)
        AlertRecipient.objects.bulk_create(recipients)
        AlertReply.objects.bulk_create(replies)
        made, recipients_made = made + len(alerts), recipients_made + len(recipients)
    return {"alerts": made, "recipients": recipients_made}
