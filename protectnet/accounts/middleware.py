"""Network admins and law-enforcement vetted members must pass a second factor.

A signed-in user whose roles require one is sent to set it up (no device yet); a user with a
device whose session has not passed it is sent to verify, before any other page opens. Vetted
law-enforcement status itself already depends on a confirmed device (see access/principal.py).
"""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from protectnet.access.principal import principal_for

ALLOWED_WHILE_PENDING = {
    "accounts:login",
    "accounts:login_second_factor",
    "accounts:logout",
    # The setup views themselves refuse an unverified session of an enrolled account.
    "accounts:second_factor_setup",
    "accounts:second_factor_qr",
    "core:healthz",
    "core:readyz",
    "set_language",
    "javascript_catalog",
}


class SecondFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or request.path.startswith("/api/"):
            return None
        if request.resolver_match.view_name in ALLOWED_WHILE_PENDING:
            return None
        if user.is_verified():
            return None
        principal = principal_for(user)
        if principal.has_second_factor:
            target = reverse("accounts:login_second_factor")
            return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        if principal.must_use_second_factor:
            return redirect("accounts:second_factor_setup")
        return None
