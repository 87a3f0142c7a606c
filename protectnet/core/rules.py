"""Core's routes that cannot carry their action on the view: Django's own language switch.

Core's own pages (dashboard, health checks) declare theirs with `@requires` in views.py; the
actions they use (public.view, dashboard.view) are foundation rules in access/rules.py.
"""

ROUTES: dict[str, str] = {
    "set_language": "public.view",
}
