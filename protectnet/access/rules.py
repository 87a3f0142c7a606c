"""The access app's own rules: the foundation actions every app builds on.

Public pages, the dashboard, role grants, the audit log and the Django admin. Every other app
declares its actions and scopes in its own rules.py (collected by registry.py).
"""

from .rule import ADMINS, EVERYONE, SIGNED_IN, Rule, admins_only

RULES: dict[str, Rule] = {
    "public.view": Rule(EVERYONE, description="Public pages, health checks, sign-in"),
    "dashboard.view": Rule(SIGNED_IN),
    "access.grant_role": Rule(ADMINS),
    "audit.view": Rule(ADMINS),
    "admin_site.use": Rule(ADMINS),
}

SCOPES = {"access.auditentry": admins_only}

# The Django admin's pages are not ours to mark one by one; the whole set needs an admin.
NAMESPACES = {"admin": "admin_site.use"}
