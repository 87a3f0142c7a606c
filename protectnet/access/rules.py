"""The rule table: every action, every route and every API operation, in one place.

RULES   action -> who may do it (role gate + optional object check)
ROUTES  URL name (pages) or "api:<operation>" (API) -> the action it performs
SCOPES  model -> the rows a principal may see (querysets are filtered here, nowhere else)

A test walks every URL pattern and every API operation and fails for any that is missing here;
the route guard refuses at run time whatever is missing, so a new page cannot ship unguarded.
"""

from django.db.models import Q

from .principal import Principal
from .roles import Role
from .rule import (
    ADMINS,
    EVERYONE,
    SIGNED_IN,
    Rule,
    admins_only,
    members_only,
)

R = Role


RULES: dict[str, Rule] = {
    # --- foundation --------------------------------------------------------------------------
    "public.view": Rule(EVERYONE, description="Public pages, health checks, sign-in"),
    "dashboard.view": Rule(SIGNED_IN),
    "access.grant_role": Rule(ADMINS),
    "audit.view": Rule(ADMINS),
    "admin_site.use": Rule(ADMINS),
    # --- alerts ------------------------------------------------------------------------------
    # Law-enforcement vetted members of the sending and recipient agencies only; admin rights do
    # not open alerts. hide=True: outsiders get 404, never learn that an alert exists.
    "alerts.view": Rule(
        frozenset({R.LE_VETTED}), check=lambda p, a: alert_readable(p, a), hide=True
    ),
    "alerts.read_content": Rule(
        frozenset({R.LE_VETTED}), check=lambda p, a: alert_content_readable(p, a), hide=True
    ),
    "alerts.create": Rule(frozenset({R.LE_VETTED}), hide=True),
    "alerts.send": Rule(
        frozenset({R.LE_VETTED}), check=lambda p, a: alert_can_send(p, a), hide=True
    ),
    "alerts.approve": Rule(
        frozenset({R.LE_VETTED}), check=lambda p, a: alert_can_approve(p, a), hide=True
    ),
    # Edit, discard and change the attachments of a draft: its author, until it leaves the agency.
    "alerts.draft.change": Rule(
        frozenset({R.LE_VETTED}), check=lambda p, a: alert_can_change_draft(p, a), hide=True
    ),
    "alerts.retract": Rule(
        frozenset({R.LE_VETTED}), check=lambda p, a: alert_can_retract(p, a), hide=True
    ),
    "alerts.acknowledge": Rule(
        frozenset({R.LE_VETTED}), check=lambda p, a: alert_recipient_can_act(p, a), hide=True
    ),
    "alerts.outcome": Rule(
        frozenset({R.LE_VETTED}), check=lambda p, a: alert_recipient_can_act(p, a), hide=True
    ),
    "alerts.reply": Rule(
        frozenset({R.LE_VETTED}), check=lambda p, a: alert_can_work_on(p, a), hide=True
    ),
    # TLP:AMBER only: a recipient agency's vetted member passes it to a vetted colleague of
    # another law-enforcement agency of the same country (AMBER+STRICT and RED never go further).
    "alerts.share": Rule(
        frozenset({R.LE_VETTED}), check=lambda p, a: alert_can_share(p, a), hide=True
    ),
    "alerts.close": Rule(
        frozenset({R.LE_VETTED}), check=lambda p, a: alert_can_work_on(p, a), hide=True
    ),
    "alerts.sender_view": Rule(
        frozenset({R.LE_VETTED}), check=lambda p, a: alert_sender_view(p, a), hide=True
    ),
    # Counts only, no alert content. Vetted members get exact counts of the alerts in their own
    # scope; admins get network figures with small cells suppressed (alerts/stats.py).
    "alerts.stats.view": Rule(
        ADMINS | {R.LE_VETTED}, hide=True, description="Counts only, no alert content"
    ),
}

ROUTES: dict[str, str] = {
    # --- alerts ------------------------------------------------------------------------------
    "alerts:alert_list": "alerts.view",
    "alerts:alert_overdue": "alerts.view",
    "alerts:alert_new": "alerts.create",
    "alerts:alert_create": "alerts.create",
    "alerts:alert_detail": "alerts.view",
    "alerts:alert_send": "alerts.create",
    "alerts:alert_edit": "alerts.create",
    "alerts:alert_discard": "alerts.create",
    "alerts:alert_approve": "alerts.view",
    "alerts:alert_retract": "alerts.view",
    "alerts:alert_acknowledge": "alerts.view",
    "alerts:alert_reply": "alerts.view",
    "alerts:alert_share": "alerts.view",
    "alerts:alert_outcome": "alerts.view",
    "alerts:alert_close": "alerts.view",
    "alerts:attachment_download": "alerts.view",
    "alerts:alert_reads_export": "alerts.view",
    "alerts:stats": "alerts.stats.view",
    "alerts:stats_export": "alerts.stats.view",
    "api:alert_list": "alerts.view",
    "api:alert_overdue_list": "alerts.view",
    "api:alert_get": "alerts.view",
    "api:alert_create": "alerts.create",
    "api:alert_send": "alerts.create",
    "api:alert_update": "alerts.create",
    "api:alert_discard": "alerts.create",
    "api:alert_attachment_add": "alerts.create",
    "api:alert_attachment_remove": "alerts.create",
    "api:alert_approve": "alerts.view",
    "api:alert_retract": "alerts.view",
    "api:alert_acknowledge": "alerts.view",
    "api:alert_reply": "alerts.view",
    "api:alert_share": "alerts.view",
    "api:alert_outcome": "alerts.view",
    "api:alert_close": "alerts.view",
    "api:alert_stats": "alerts.stats.view",
}


_admins_only = admins_only
_members_only = members_only


SCOPES = {
    # --- foundation --------------------------------------------------------------------------
    "access.auditentry": _admins_only,
    # --- alerts ------------------------------------------------------------------------------
    "alerts.alert": lambda p, qs: alert_scope(p, qs),
    "alerts.alertrecipient": lambda p, qs: qs.filter(alert__in=alert_scope(p, _alerts(qs))),
    "alerts.alertreply": lambda p, qs: qs.filter(alert__in=alert_scope(p, _alerts(qs))),
    "alerts.alertattachment": lambda p, qs: qs.filter(alert__in=alert_scope(p, _alerts(qs))),
    "alerts.alertread": lambda p, qs: qs.filter(alert__in=alert_scope(p, _alerts(qs))),
}

NAMESPACES = {"admin": "admin_site.use"}


# --- alerts (helpers for the alerts sections above; looked up when a rule is evaluated) ------
_ALERT_DELIVERED = ("sent", "acknowledged", "closed", "retracted", "purged")
_ALERT_OPEN = ("sent", "acknowledged")


def _alerts(qs):
    return qs.model._meta.get_field("alert").related_model.objects.all()


def alert_scope(p: Principal, qs):
    """Sender agency (not others' drafts) and recipient agencies once delivered; RED: named."""
    if not p.is_le_vetted or not p.le_organisation_ids:
        return qs.none()
    orgs = p.le_organisation_ids
    sender = Q(sender_organisation_id__in=orgs) & (~Q(status="draft") | Q(created_by_id=p.user_id))
    recipient = Q(recipients__organisation_id__in=orgs, status__in=_ALERT_DELIVERED)
    shares = _alert_shares().filter(person_id=p.person_id, organisation_id__in=orgs)
    shared = Q(marking="AMBER", status__in=_ALERT_DELIVERED, pk__in=shares.values("alert_id"))
    named = Q(named_people=p.person_id) if p.person_id else Q(pk__in=[])
    # The author, the approver, and (for four-eyes release) the sending agency before approval.
    red_sender = sender & (
        Q(created_by_id=p.user_id)
        | Q(approved_by_id=p.user_id)
        | Q(status="awaiting_approval")
        | named
    )
    q = (~Q(marking="RED") & (sender | recipient | shared)) | (
        Q(marking="RED") & (red_sender | (recipient & named))
    )
    # A subquery rather than joins on qs: no duplicates, no distinct() for callers to remember.
    return qs.filter(pk__in=qs.model.objects.filter(q).values("pk"))


def _alert_sender_side(p: Principal, a) -> bool:
    return p.is_le_vetted and a.sender_organisation_id in p.le_organisation_ids


def _alert_recipient_side(p: Principal, a) -> bool:
    return a.status in _ALERT_DELIVERED and any(
        r.organisation_id in p.le_organisation_ids for r in a.recipients.all()
    )


def _alert_shares():
    from django.apps import apps

    return apps.get_model("alerts", "AlertShare").objects.all()


def _alert_shared_with(p: Principal, a) -> bool:
    """Passed on to this person in an agency they still belong to (shares prefetched)."""
    return (
        a.marking == "AMBER"
        and a.status in _ALERT_DELIVERED
        and p.person_id is not None
        and any(
            s.person_id == p.person_id and s.organisation_id in p.le_organisation_ids
            for s in a.shares.all()
        )
    )


def _alert_named(p: Principal, a) -> bool:
    return p.person_id is not None and any(x.pk == p.person_id for x in a.named_people.all())


def alert_readable(p: Principal, a) -> bool:
    """The same decision as alert_scope, for one alert in memory (recipients, people prefetched)."""
    if not p.is_le_vetted:
        return False
    sender = _alert_sender_side(p, a) and (a.status != "draft" or a.created_by_id == p.user_id)
    if a.marking != "RED":
        return sender or _alert_recipient_side(p, a) or _alert_shared_with(p, a)
    if sender and (
        p.user_id in (a.created_by_id, a.approved_by_id) or a.status == "awaiting_approval"
    ):
        return True
    return (sender or _alert_recipient_side(p, a)) and _alert_named(p, a)


def alert_content_readable(p: Principal, a) -> bool:
    """Retracted: recipients keep only the header; purged: nobody reads content (none is left)."""
    if a.status == "purged" or not alert_readable(p, a):
        return False
    return a.status != "retracted" or _alert_sender_side(p, a)


def alert_can_send(p: Principal, a) -> bool:
    return _alert_sender_side(p, a) and a.status == "draft" and a.created_by_id == p.user_id


def alert_can_change_draft(p: Principal, a) -> bool:
    """The author only; a RED alert awaiting approval too (a change withdraws the request)."""
    return (
        _alert_sender_side(p, a)
        and a.created_by_id == p.user_id
        and a.status in ("draft", "awaiting_approval")
    )


def alert_can_approve(p: Principal, a) -> bool:
    """Four-eyes: another vetted member of the sending agency, never the author."""
    return (
        _alert_sender_side(p, a)
        and a.status == "awaiting_approval"
        and a.created_by_id != p.user_id
    )


def alert_can_retract(p: Principal, a) -> bool:
    return (
        alert_readable(p, a)
        and _alert_sender_side(p, a)
        and a.status not in ("retracted", "purged")
    )


def alert_can_work_on(p: Principal, a) -> bool:
    """Reply and close: either side, while the alert is open (a colleague it was shared with
    only reads it)."""
    sides = _alert_sender_side(p, a) or _alert_recipient_side(p, a)
    return a.status in _ALERT_OPEN and sides and alert_readable(p, a)


def alert_can_share(p: Principal, a) -> bool:
    return (
        a.marking == "AMBER"
        and a.status in _ALERT_OPEN
        and _alert_recipient_side(p, a)
        and alert_readable(p, a)
    )


def alert_recipient_can_act(p: Principal, r) -> bool:
    """Acknowledge and record an outcome: a member of that recipient agency, alert still open."""
    return (
        p.is_le_vetted
        and r.organisation_id in p.le_organisation_ids
        and r.alert.status in _ALERT_OPEN
        and alert_readable(p, r.alert)
    )


def alert_sender_view(p: Principal, a) -> bool:
    """Delivery, acknowledgements and the read log: the sending agency's readers only."""
    return _alert_sender_side(p, a) and alert_readable(p, a)
