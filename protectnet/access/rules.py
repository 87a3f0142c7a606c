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
}

__all__ = ["RULES", "ROUTES", "SCOPES", "Q", "marking_q", "MEMBERS", "_everything", "_members_only"]
