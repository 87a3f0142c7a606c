"""The rule table: every action, every route and every API operation, in one place.

RULES   action -> who may do it (role gate + optional object check)
ROUTES  URL name (pages) or "api:<operation>" (API) -> the action it performs
SCOPES  model -> the rows a principal may see (querysets are filtered here, nowhere else)

A test walks every URL pattern and every API operation and fails for any that is missing here;
the route guard refuses at run time whatever is missing, so a new page cannot ship unguarded.
"""

from django.db.models import Q

from .policy import ADMINS, EVERYONE, MEMBERS, SIGNED_IN, Rule, marking_q
from .principal import Principal
from .roles import Role

R = Role


def is_admin(p: Principal, obj=None) -> bool:
    return p.is_admin


def _country_id(obj) -> int | None:
    return getattr(obj, "country_id", None)


def admin_or_focal_of(p: Principal, obj) -> bool:
    """Admins everywhere; a focal point only for objects of their own country."""
    return p.is_admin or _country_id(obj) in p.focal_country_ids


RULES: dict[str, Rule] = {
    # --- foundation --------------------------------------------------------------------------
    "public.view": Rule(EVERYONE, description="Public pages, health checks, sign-in"),
    "dashboard.view": Rule(SIGNED_IN),
    "account.manage_own": Rule(
        SIGNED_IN, description="Own profile, password, second factor, tokens"
    ),
    "account.invite": Rule(ADMINS | {R.FOCAL_POINT}, check=admin_or_focal_of),
    "access.grant_role": Rule(ADMINS),
    "audit.view": Rule(ADMINS),
    "admin_site.use": Rule(ADMINS),
    "api.me": Rule(SIGNED_IN),
    # --- network -----------------------------------------------------------------------------
    # --- terminology -------------------------------------------------------------------------
    # --- workshops ---------------------------------------------------------------------------
    # --- training ----------------------------------------------------------------------------
    # --- library -----------------------------------------------------------------------------
    # --- alerts ------------------------------------------------------------------------------
    # Law-enforcement vetted members of the sending and recipient agencies only; admin rights do
    # not open alerts. hide=True: outsiders get 404, never learn that an alert exists.
    "alerts.view": Rule(LE_ONLY, check=lambda p, a: alert_readable(p, a), hide=True),
    "alerts.read_content": Rule(
        LE_ONLY, check=lambda p, a: alert_content_readable(p, a), hide=True
    ),
    "alerts.create": Rule(LE_ONLY, hide=True),
    "alerts.send": Rule(LE_ONLY, check=lambda p, a: alert_can_send(p, a), hide=True),
    "alerts.approve": Rule(LE_ONLY, check=lambda p, a: alert_can_approve(p, a), hide=True),
    "alerts.retract": Rule(LE_ONLY, check=lambda p, a: alert_can_retract(p, a), hide=True),
    "alerts.acknowledge": Rule(
        LE_ONLY, check=lambda p, r: alert_recipient_can_act(p, r), hide=True
    ),
    "alerts.outcome": Rule(LE_ONLY, check=lambda p, r: alert_recipient_can_act(p, r), hide=True),
    "alerts.reply": Rule(LE_ONLY, check=lambda p, a: alert_can_work_on(p, a), hide=True),
    "alerts.close": Rule(LE_ONLY, check=lambda p, a: alert_can_work_on(p, a), hide=True),
    "alerts.sender_view": Rule(LE_ONLY, check=lambda p, a: alert_sender_view(p, a), hide=True),
    "alerts.stats.view": Rule(ADMINS, hide=True, description="Counts only, no alert content"),
    # --- reports -----------------------------------------------------------------------------
}

ROUTES: dict[str, str] = {
    # --- foundation --------------------------------------------------------------------------
    "core:dashboard": "dashboard.view",
    "core:healthz": "public.view",
    "core:readyz": "public.view",
    "set_language": "public.view",
    "accounts:login": "public.view",
    "accounts:login_second_factor": "public.view",
    "accounts:logout": "public.view",
    "accounts:password_reset": "public.view",
    "accounts:password_reset_done": "public.view",
    "accounts:password_reset_confirm": "public.view",
    "accounts:password_reset_complete": "public.view",
    "accounts:invitation_accept": "public.view",
    "accounts:profile": "account.manage_own",
    "accounts:password_change": "account.manage_own",
    "accounts:second_factor_setup": "account.manage_own",
    "accounts:second_factor_qr": "account.manage_own",
    "accounts:second_factor_disable": "account.manage_own",
    "accounts:recovery_codes": "account.manage_own",
    "accounts:token_create": "account.manage_own",
    "accounts:token_revoke": "account.manage_own",
    "accounts:invitation_create": "account.invite",
    "access:audit_list": "audit.view",
    "access:audit_export": "audit.view",
    "admin:*": "admin_site.use",
    "api:openapi-json": "public.view",
    "api:openapi-view": "public.view",
    "api:api-root": "public.view",
    "api:me": "api.me",
    # --- network -----------------------------------------------------------------------------
    # --- terminology -------------------------------------------------------------------------
    # --- workshops ---------------------------------------------------------------------------
    # --- training ----------------------------------------------------------------------------
    # --- library -----------------------------------------------------------------------------
    # --- alerts ------------------------------------------------------------------------------
    "alerts:alert_list": "alerts.view",
    "alerts:alert_overdue": "alerts.view",
    "alerts:alert_new": "alerts.create",
    "alerts:alert_create": "alerts.create",
    "alerts:alert_detail": "alerts.view",
    "alerts:alert_send": "alerts.create",
    "alerts:alert_approve": "alerts.view",
    "alerts:alert_retract": "alerts.view",
    "alerts:alert_acknowledge": "alerts.view",
    "alerts:alert_reply": "alerts.view",
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
    "api:alert_approve": "alerts.view",
    "api:alert_retract": "alerts.view",
    "api:alert_acknowledge": "alerts.view",
    "api:alert_reply": "alerts.view",
    "api:alert_outcome": "alerts.view",
    "api:alert_close": "alerts.view",
    "api:alert_stats": "alerts.stats.view",
    # --- reports -----------------------------------------------------------------------------
}


def _everything(p: Principal, qs):
    return qs


def _admins_only(p: Principal, qs):
    return qs if p.is_admin else qs.none()


def _members_only(p: Principal, qs):
    return qs if p.is_member else qs.none()


SCOPES = {
    # --- foundation --------------------------------------------------------------------------
    "access.auditentry": _admins_only,
    "accounts.apitoken": lambda p, qs: qs.filter(user_id=p.user_id) if p.user_id else qs.none(),
    # --- network -----------------------------------------------------------------------------
    # --- terminology -------------------------------------------------------------------------
    # --- workshops ---------------------------------------------------------------------------
    # --- training ----------------------------------------------------------------------------
    # --- library -----------------------------------------------------------------------------
    # --- alerts ------------------------------------------------------------------------------
    "alerts.alert": lambda p, qs: alert_scope(p, qs),
    "alerts.alertrecipient": lambda p, qs: qs.filter(alert__in=alert_scope(p, _alerts(qs))),
    "alerts.alertreply": lambda p, qs: qs.filter(alert__in=alert_scope(p, _alerts(qs))),
    "alerts.alertattachment": lambda p, qs: qs.filter(alert__in=alert_scope(p, _alerts(qs))),
    "alerts.alertread": lambda p, qs: qs.filter(alert__in=alert_scope(p, _alerts(qs))),
}

__all__ = ["RULES", "ROUTES", "SCOPES", "Q", "marking_q", "MEMBERS", "_everything", "_members_only"]


# --- alerts (helpers for the alerts sections above; looked up when a rule is evaluated) ------
LE_ONLY = frozenset({R.LE_VETTED})
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
    named = Q(named_people=p.person_id) if p.person_id else Q(pk__in=[])
    # The author, the approver, and (for four-eyes release) the sending agency before approval.
    red_sender = sender & (
        Q(created_by_id=p.user_id)
        | Q(approved_by_id=p.user_id)
        | Q(status="awaiting_approval")
        | named
    )
    q = (~Q(marking="RED") & (sender | recipient)) | (
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


def _alert_named(p: Principal, a) -> bool:
    return p.person_id is not None and any(x.pk == p.person_id for x in a.named_people.all())


def alert_readable(p: Principal, a) -> bool:
    """The same decision as alert_scope, for one alert in memory (recipients, people prefetched)."""
    if not p.is_le_vetted:
        return False
    sender = _alert_sender_side(p, a) and (a.status != "draft" or a.created_by_id == p.user_id)
    if a.marking != "RED":
        return sender or _alert_recipient_side(p, a)
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
    """Reply and close: either side, while the alert is open."""
    return a.status in _ALERT_OPEN and alert_readable(p, a)


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
