"""Core's rules: the undelivered-email page, the design-system page, and Django's JavaScript
catalogue (a route that cannot carry its action on the view).

Core's other pages (dashboard, health checks) declare theirs with `@requires` in views.py; the
actions they use (public.view, dashboard.view) are foundation rules in access/rules.py.
"""

from protectnet.access.rule import ADMINS, SIGNED_IN, Rule, admins_only

RULES: dict[str, Rule] = {
    "email.manage": Rule(ADMINS, description="See, retry and discard emails that did not go out"),
    "design.view": Rule(ADMINS, description="See every design-system component on one page"),
    # Anyone signed in may search; each kind's search shows only what the policy lets them see.
    "picker.search": Rule(SIGNED_IN, description="Search the options of a form's picker"),
}

SCOPES = {"core.outboundemail": admins_only}

ROUTES: dict[str, str] = {
    "javascript_catalog": "public.view",
}
