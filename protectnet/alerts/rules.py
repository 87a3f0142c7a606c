"""Who may read and handle partner alerts, and which alerts each person sees.

Law-enforcement vetted members of the sending and recipient agencies only; admin rights do not
open alerts. Every rule hides the area (hide=True): outsiders get 404 and never learn that an
alert exists. The scope (`alert_scope`) and the in-memory checks (`alert_readable` and the
`alert_can_*` predicates) make the same decision, one for querysets and one for a loaded alert.
"""

from django.db.models import Q

from protectnet.access.markings import Marking
from protectnet.access.principal import Principal
from protectnet.access.roles import Role
from protectnet.access.rule import ADMINS, Rule

from .models import DELIVERED, OPEN, Alert, AlertRecipient, AlertShare, Status

VETTED = frozenset({Role.LE_VETTED})


RULES: dict[str, Rule] = {
    "alerts.view": Rule(VETTED, check=lambda p, a: alert_readable(p, a), hide=True),
    "alerts.read_content": Rule(VETTED, check=lambda p, a: alert_content_readable(p, a), hide=True),
    "alerts.create": Rule(VETTED, hide=True),
    "alerts.send": Rule(VETTED, check=lambda p, a: alert_can_send(p, a), hide=True),
    "alerts.approve": Rule(VETTED, check=lambda p, a: alert_can_approve(p, a), hide=True),
    # Edit, discard and change the attachments of a draft: its author, until it leaves the agency.
    "alerts.draft.change": Rule(VETTED, check=lambda p, a: alert_can_change_draft(p, a), hide=True),
    "alerts.retract": Rule(VETTED, check=lambda p, a: alert_can_retract(p, a), hide=True),
    "alerts.acknowledge": Rule(VETTED, check=lambda p, a: alert_recipient_can_act(p, a), hide=True),
    "alerts.outcome": Rule(VETTED, check=lambda p, a: alert_recipient_can_act(p, a), hide=True),
    "alerts.reply": Rule(VETTED, check=lambda p, a: alert_can_work_on(p, a), hide=True),
    # TLP:AMBER only: a recipient agency's vetted member passes it to a vetted colleague of
    # another law-enforcement agency of the same country (AMBER+STRICT and RED never go further).
    "alerts.share": Rule(VETTED, check=lambda p, a: alert_can_share(p, a), hide=True),
    "alerts.close": Rule(VETTED, check=lambda p, a: alert_can_work_on(p, a), hide=True),
    "alerts.sender_view": Rule(VETTED, check=lambda p, a: alert_sender_view(p, a), hide=True),
    # Counts only, no alert content. Vetted members get exact counts of the alerts in their own
    # scope; admins get network figures with small cells suppressed (selectors/stats.py).
    "alerts.stats.view": Rule(
        ADMINS | VETTED, hide=True, description="Counts only, no alert content"
    ),
}


def _via_alert(p: Principal, qs):
    return qs.filter(alert__in=alert_scope(p, Alert.objects.all()))


SCOPES = {
    "alerts.alert": lambda p, qs: alert_scope(p, qs),
    "alerts.alertrecipient": _via_alert,
    "alerts.alertreply": _via_alert,
    "alerts.alertattachment": _via_alert,
    "alerts.alertread": _via_alert,
}


def alert_scope(p: Principal, qs):
    """Sender agency (not others' drafts) and recipient agencies once delivered; RED: named."""
    if not p.is_le_vetted or not p.le_organisation_ids:
        return qs.none()
    orgs = list(p.le_organisation_ids)
    own_drafts = ~Q(status=Status.DRAFT) | Q(created_by_id=p.user_id)
    sender = Q(sender_organisation_id__in=orgs) & own_drafts
    # Each side is a list read from its own index (the agency's recipient rows, the person's
    # shares and namings), never a join of every alert with its recipients and named people:
    # a page then costs what the reader's alerts cost, not what the whole network's do.
    received = AlertRecipient.objects.filter(organisation_id__in=orgs).values("alert_id")
    recipient = Q(pk__in=received, status__in=DELIVERED)
    shares = AlertShare.objects.filter(person_id=p.person_id, organisation_id__in=orgs)
    shared = Q(marking=Marking.AMBER, status__in=DELIVERED, pk__in=shares.values("alert_id"))
    naming = Alert.named_people.through.objects.filter(person_id=p.person_id)
    named = Q(pk__in=naming.values("alert_id")) if p.person_id else Q(pk__in=[])
    # The author, the approver, and (for four-eyes release) the sending agency before approval.
    red_sender = sender & (
        Q(created_by_id=p.user_id)
        | Q(approved_by_id=p.user_id)
        | Q(status=Status.AWAITING_APPROVAL)
        | named
    )
    q = (~Q(marking=Marking.RED) & (sender | recipient | shared)) | (
        Q(marking=Marking.RED) & (red_sender | (recipient & named))
    )
    # Subqueries rather than joins: no duplicates, no distinct() for callers to remember.
    return qs.filter(q)


def _sender_side(p: Principal, a) -> bool:
    return p.is_le_vetted and a.sender_organisation_id in p.le_organisation_ids


def _recipient_side(p: Principal, a) -> bool:
    return a.status in DELIVERED and any(
        r.organisation_id in p.le_organisation_ids for r in a.recipients.all()
    )


def _shared_with(p: Principal, a) -> bool:
    """Passed on to this person in an agency they still belong to (shares prefetched)."""
    return (
        a.marking == Marking.AMBER
        and a.status in DELIVERED
        and p.person_id is not None
        and any(
            s.person_id == p.person_id and s.organisation_id in p.le_organisation_ids
            for s in a.shares.all()
        )
    )


def _named(p: Principal, a) -> bool:
    return p.person_id is not None and any(x.pk == p.person_id for x in a.named_people.all())


def alert_readable(p: Principal, a) -> bool:
    """The same decision as alert_scope, for one alert in memory (recipients, people prefetched)."""
    if not p.is_le_vetted:
        return False
    sender = _sender_side(p, a) and (a.status != Status.DRAFT or a.created_by_id == p.user_id)
    if a.marking != Marking.RED:
        return sender or _recipient_side(p, a) or _shared_with(p, a)
    if sender and (
        p.user_id in (a.created_by_id, a.approved_by_id) or a.status == Status.AWAITING_APPROVAL
    ):
        return True
    return (sender or _recipient_side(p, a)) and _named(p, a)


def alert_content_readable(p: Principal, a) -> bool:
    """Retracted: recipients keep only the header; purged: nobody reads content (none is left)."""
    if a.status == Status.PURGED or not alert_readable(p, a):
        return False
    return a.status != Status.RETRACTED or _sender_side(p, a)


def alert_can_send(p: Principal, a) -> bool:
    return _sender_side(p, a) and a.status == Status.DRAFT and a.created_by_id == p.user_id


def alert_can_change_draft(p: Principal, a) -> bool:
    """The author only; a RED alert awaiting approval too (a change withdraws the request)."""
    return (
        _sender_side(p, a)
        and a.created_by_id == p.user_id
        and a.status in (Status.DRAFT, Status.AWAITING_APPROVAL)
    )


def alert_can_approve(p: Principal, a) -> bool:
    """Four-eyes: another vetted member of the sending agency, never the author."""
    return (
        _sender_side(p, a) and a.status == Status.AWAITING_APPROVAL and a.created_by_id != p.user_id
    )


def alert_can_retract(p: Principal, a) -> bool:
    return (
        alert_readable(p, a)
        and _sender_side(p, a)
        and a.status not in (Status.RETRACTED, Status.PURGED)
    )


def alert_can_work_on(p: Principal, a) -> bool:
    """Reply and close: either side, while the alert is open (a colleague it was shared with
    only reads it)."""
    sides = _sender_side(p, a) or _recipient_side(p, a)
    return a.status in OPEN and sides and alert_readable(p, a)


def alert_can_share(p: Principal, a) -> bool:
    return (
        a.marking == Marking.AMBER
        and a.status in OPEN
        and _recipient_side(p, a)
        and alert_readable(p, a)
    )


def alert_recipient_can_act(p: Principal, r) -> bool:
    """Acknowledge and record an outcome: a member of that recipient agency, alert still open."""
    return (
        p.is_le_vetted
        and r.organisation_id in p.le_organisation_ids
        and r.alert.status in OPEN
        and alert_readable(p, r.alert)
    )


def alert_sender_view(p: Principal, a) -> bool:
    """Delivery, acknowledgements and the read log: the sending agency's readers only."""
    return _sender_side(p, a) and alert_readable(p, a)
