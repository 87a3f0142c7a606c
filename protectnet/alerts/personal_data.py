"""The alerts app's part of a person's data. Alert content is for vetted law enforcement only
and stored encrypted: the export lists, for alerts the account can open today (the same
policy as the alert pages), only what the person already saw in the header: reference,
marking, status and the dates of their own actions. Never the subject, summary, replies or
attachments. Found by `core.providers("personal_data")`."""

from django.db.models import Q

from protectnet.access.policy import visible
from protectnet.core.exports import iso

from .models import Alert, AlertRead, AlertRecipient, AlertReply, AlertShare

LABEL = "alerts"

MODELS = {
    "alerts.alert": "alerts naming the person or created, approved or retracted by the account "
    "exported by reference (visible ones only, no content); kept: statistics and the "
    "retention purge need them; the named link points to the erased entry",
    "alerts.alertrecipient": "acknowledgements and outcomes by the account exported by "
    "reference and date; kept for the time-to-acknowledge figures",
    "alerts.alertreply": "replies written by the account exported by reference and date "
    "(content stays in the alert, encrypted); kept: part of the case record",
    "alerts.alertattachment": "uploads by the account counted per alert; kept with the alert",
    "alerts.alertread": "the account's readings exported by reference and time; kept as the "
    "sender's read receipts",
    "alerts.alertshare": "alerts shared with the person exported by reference; erased: deleted",
}


def _involving(person, user) -> Q:
    """Alerts the account wrote, approved, retracted, acknowledged, answered, read or shared,
    and those naming or shared with the person."""
    acted = AlertRecipient.objects.filter(Q(acknowledged_by=user) | Q(outcome_by=user))
    q = Q(created_by=user) | Q(approved_by=user) | Q(retracted_by=user)
    q |= Q(pk__in=acted.values("alert_id"))
    q |= Q(pk__in=AlertReply.objects.filter(author=user).values("alert_id"))
    q |= Q(pk__in=AlertRead.objects.filter(user=user).values("alert_id"))
    q |= Q(pk__in=AlertShare.objects.filter(shared_by=user).values("alert_id"))
    if person is not None:
        q |= Q(named_people=person)
        q |= Q(pk__in=AlertShare.objects.filter(person=person).values("alert_id"))
    return q


def export(*, person, user) -> dict:
    if user is None:
        return {}
    alerts = visible(user, Alert.objects.filter(_involving(person, user))).distinct()
    alert_ids = alerts.values("pk")
    headers = alerts.only("reference", "marking", "status", "sent_at", "created_at")
    acks = (
        AlertRecipient.objects.filter(alert__in=alert_ids)
        .filter(Q(acknowledged_by=user) | Q(outcome_by=user))
        .select_related("alert")
    )
    replies = AlertReply.objects.filter(alert__in=alert_ids, author=user).select_related("alert")
    reads = AlertRead.objects.filter(alert__in=alert_ids, user=user).select_related("alert")
    return {
        "alerts": [
            {
                "reference": a.reference,
                "marking": a.marking,
                "status": a.status,
                "created_at": iso(a.created_at),
                "sent_at": iso(a.sent_at),
            }
            for a in headers
        ],
        "acknowledgements": [
            {
                "alert": r.alert.reference,
                "acknowledged_at": iso(r.acknowledged_at),
                "outcome": r.outcome,
                "outcome_at": iso(r.outcome_at),
            }
            for r in acks
        ],
        "replies": [{"alert": r.alert.reference, "at": iso(r.created_at)} for r in replies],
        "reads": [
            {"alert": r.alert.reference, "what": r.what, "at": iso(r.read_at)} for r in reads
        ],
    }


def erase(*, person, user, actor) -> None:
    if person is not None:
        AlertShare.objects.filter(person=person).delete()
