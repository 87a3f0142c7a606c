"""Route guard: every page and API operation is checked against the rule table before it runs."""

import functools

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from . import audit
from .policy import can, rule_for
from .principal import principal_for
from .registry import rule_book
from .routes import action_of, declare, route_action

__all__ = ["RouteGuardMiddleware", "api_guard", "refuse", "route_action"]


def refuse(request, user, action: str | None, what: str):
    """Deny: anonymous visitors are sent to sign in, others get 403 (or 404 for hidden areas)."""
    rule = rule_for(action) if action else None
    hidden = rule is None or rule.hide
    if user.is_authenticated:
        audit.record(
            "access.denied",
            actor=user,
            request=request,
            data={"route": what, "action": action or ""},
        )
    if hidden:
        raise Http404
    raise PermissionDenied


def is_ninja_operation(view_func) -> bool:
    return getattr(view_func, "__qualname__", "").startswith("PathView.")


class RouteGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if is_ninja_operation(view_func):
            return None  # API operations are guarded per operation by api_guard below.
        action = action_of(view_func) or route_action(match.view_name)
        if action and can(request.user, action):
            return None
        if not request.user.is_authenticated and action and not rule_for(action).hide:
            return redirect_to_login(request.get_full_path())
        return refuse(request, request.user, action, match.view_name)


def api_user(request):
    """The API trusts only its bearer token, never a session cookie."""
    return request.auth if getattr(request, "auth", None) is not None else AnonymousUser()


def api_guard(func):
    """Wraps every API operation: the action it declared (`@requires`), deny by default."""
    name = f"api:{func.__name__}"  # the operation id (see api.api.ProtectNetAPI)
    action = action_of(func) or rule_book().routes.get(name)
    if action is not None:
        declare(name, action)

    @functools.wraps(func)
    def wrapper(request, *args, **kwargs):
        user = api_user(request)
        request.user = user
        principal_for(user)
        if action is None or not can(user, action):
            refuse(request, user, action, f"api:{func.__name__}")
        return func(request, *args, **kwargs)

    return wrapper
