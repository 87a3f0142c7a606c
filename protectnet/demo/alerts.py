"""Demo alerts between the demo agencies, one in each state. Every person here is fictitious.

Idempotent: alerts are keyed by fixed demo references; a second run changes nothing. Needs the
network demo (organisations and the le.* accounts); without it, it quietly does nothing.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from protectnet.access.markings import Marking
from protectnet.alerts import crypto
from protectnet.alerts.models import (
    Alert,
    AlertRecipient,
    AlertReply,
    AlertType,
    Outcome,
    Priority,
    RetractionReason,
    Status,
)
from protectnet.network.models import Membership, Organisation, Sector

ACCOUNTS = {
    "uk": "le.uk@protectnet.test",
    "kh": "le.kh@protectnet.test",
    "th": "le.th@protectnet.test",
}

TRAVELLER = {
    "full_name": "Gareth Allan Sampleton",
    "other_names": "G. A. Sample",
    "date_of_birth": "1968-05-14",
    "nationality": "GB",
    "travel_document": "Passport 900000001 (fictitious)",
    "departure_date": "",
    "route": "London Heathrow – Bangkok Suvarnabhumi – Phnom Penh",
    "basis": "conviction",
    "risk_summary": (
        "Convicted in 2015 of offences involving child sexual abuse material (CSAM) and contact "
        "offences against children. Subject to notification requirements. Assessed as a "
        "transnational child sex offender with a stated interest in volunteering at schools."
    ),
}


def _le_org(user):
    return (
        Membership.objects.filter(
            Membership.current_q(),
            person__user=user,
            organisation__sector=Sector.LAW_ENFORCEMENT,
        )
        .values_list("organisation", flat=True)
        .first()
    )


def _actors():
    users = {k: get_user_model().objects.filter(email=e).first() for k, e in ACCOUNTS.items()}
    if not all(users.values()):
        return None
    orgs = {k: _le_org(u) for k, u in users.items()}
    if not all(orgs.values()):
        return None
    return users, orgs


def _create(ref, *, sender, sender_org, recipients, alert_type, subject, summary, **fields):
    org = Organisation.objects.get(pk=sender_org)
    alert = Alert.objects.create(
        reference=ref,
        alert_type=alert_type,
        sender_organisation=org,
        origin_country_id=org.country_id,
        created_by=sender,
        subject_ciphertext=crypto.encrypt_json({k: v for k, v in subject.items() if v}),
        summary_ciphertext=crypto.encrypt_text(summary),
        **fields,
    )
    for org_id in recipients:
        country_id = Organisation.objects.values_list("country_id", flat=True).get(pk=org_id)
        AlertRecipient.objects.create(
            alert=alert, organisation_id=org_id, country_id=country_id, delivered_at=alert.sent_at
        )
    return alert


def load() -> None:
    found = _actors()
    if found is None or Alert.objects.filter(reference__startswith="PA-DEMO").exists():
        return
    try:
        crypto.fernet()
    except crypto.EncryptionUnavailable:
        return  # DEBUG=0 without FIELD_ENCRYPTION_KEYS: alerts cannot be stored, demo or not
    users, orgs = found
    now = timezone.now().replace(microsecond=0)
    day = timedelta(days=1)
    travel = dict(TRAVELLER, departure_date=(timezone.localdate() + 5 * day).isoformat())

    # 1. Sent, waiting for Cambodia to acknowledge.
    _create(
        "PA-DEMO01",
        sender=users["uk"],
        sender_org=orgs["uk"],
        recipients=[orgs["kh"]],
        alert_type=AlertType.TRAVEL_NOTIFICATION,
        subject=travel,
        summary="Please consider refusing entry or monitoring on arrival. Acknowledge receipt.",
        marking=Marking.AMBER,
        priority=Priority.HIGH,
        status=Status.SENT,
        created_at=now - timedelta(hours=3),
        sent_at=now - timedelta(hours=3),
        ack_deadline=now + 2 * day,
    )

    # 2. Acknowledged by Thailand, with a reply and an outcome.
    ack = _create(
        "PA-DEMO02",
        sender=users["uk"],
        sender_org=orgs["uk"],
        recipients=[orgs["th"]],
        alert_type=AlertType.TRAVEL_NOTIFICATION,
        subject=dict(travel, route="Manchester – Doha – Bangkok Suvarnabhumi"),
        summary="Travel notification for your information and any action you consider necessary.",
        marking=Marking.AMBER_STRICT,
        priority=Priority.ROUTINE,
        status=Status.ACKNOWLEDGED,
        created_at=now - 6 * day,
        sent_at=now - 6 * day,
        ack_deadline=now - 4 * day,
    )
    AlertRecipient.objects.filter(alert=ack).update(
        acknowledged_at=now - 6 * day + timedelta(hours=5),
        acknowledged_by=users["th"],
        outcome=Outcome.MONITORED,
        outcome_at=now - 5 * day,
        outcome_by=users["th"],
    )
    AlertReply.objects.create(
        alert=ack,
        author=users["th"],
        organisation_id=orgs["th"],
        body_ciphertext=crypto.encrypt_text(
            "Received. Immigration has been informed; we will monitor."
        ),
        created_at=now - 5 * day,
    )

    # 3. Overdue: Cambodia has not acknowledged an intelligence referral from Thailand.
    _create(
        "PA-DEMO03",
        sender=users["th"],
        sender_org=orgs["th"],
        recipients=[orgs["kh"]],
        alert_type=AlertType.INTELLIGENCE_REFERRAL,
        subject={
            "full_name": "Somchai Example-Person",
            "basis": "intelligence",
            "risk_summary": "Suspected of arranging access to children subjected to sexual "
            "exploitation for foreign visitors. Fictitious demo record.",
        },
        summary="Referral for assessment. Please acknowledge and tell us whether you hold records.",
        marking=Marking.AMBER,
        priority=Priority.URGENT,
        status=Status.SENT,
        created_at=now - 3 * day,
        sent_at=now - 3 * day,
        ack_deadline=now - 2 * day,
    )

    # 4. Closed: a request for assistance from Cambodia, answered by the UK.
    closed = _create(
        "PA-DEMO04",
        sender=users["kh"],
        sender_org=orgs["kh"],
        recipients=[orgs["uk"]],
        alert_type=AlertType.REQUEST_FOR_ASSISTANCE,
        subject={"full_name": "Peter Demo-Record", "nationality": "GB"},
        summary="Please confirm whether this person has convictions relevant to child protection.",
        marking=Marking.AMBER,
        priority=Priority.ROUTINE,
        status=Status.CLOSED,
        created_at=now - 40 * day,
        sent_at=now - 40 * day,
        ack_deadline=now - 38 * day,
        closed_at=now - 30 * day,
    )
    AlertRecipient.objects.filter(alert=closed).update(
        acknowledged_at=now - 40 * day + timedelta(hours=20),
        acknowledged_by=users["uk"],
        outcome=Outcome.INFORMATION_PASSED_ON,
        outcome_at=now - 31 * day,
        outcome_by=users["uk"],
        closed_at=now - 30 * day,
    )

    # 5. Purged: closed long ago; only the statistics fields remain.
    purged = _create(
        "PA-DEMO05",
        sender=None,
        sender_org=orgs["uk"],
        recipients=[orgs["kh"], orgs["th"]],
        alert_type=AlertType.INFORMATION,
        subject={},
        summary="",
        marking=Marking.AMBER,
        priority=Priority.ROUTINE,
        status=Status.PURGED,
        created_at=now - 500 * day,
        sent_at=now - 500 * day,
        ack_deadline=now - 498 * day,
        closed_at=now - 480 * day,
        purged_at=now - 100 * day,
    )
    AlertRecipient.objects.filter(alert=purged).update(
        acknowledged_at=now - 500 * day + timedelta(hours=30),
        outcome=Outcome.NO_ACTION,
        closed_at=now - 480 * day,
    )

    # 6. Retracted: sent to Thailand in error; Thai officers now see only that it was retracted.
    _create(
        "PA-DEMO06",
        sender=users["uk"],
        sender_org=orgs["uk"],
        recipients=[orgs["th"]],
        alert_type=AlertType.INFORMATION,
        subject={},
        summary="Sent to the wrong agency; retracted.",
        marking=Marking.AMBER,
        priority=Priority.ROUTINE,
        status=Status.RETRACTED,
        created_at=now - 2 * day,
        sent_at=now - 2 * day,
        ack_deadline=now + day,
        retracted_at=now - 2 * day + timedelta(minutes=20),
        retracted_by=users["uk"],
        retraction_reason=RetractionReason.SENT_IN_ERROR,
    )
