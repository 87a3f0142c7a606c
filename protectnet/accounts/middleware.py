"""Network admins and law-enforcement vetted members must pass a second factor.

A user whose roles require one is sent to set it up (no device yet) or to verify it (device but
unverified session) before any other page opens. Vetted law-enforcement status itself already
depends on a confirmed device (see access/principal.py).
"""

from django.shortcuts import redirect
from django.urls import reverse

from protectnet.access.principal import principal_for

ALLOWED_WHILE_PENDING = {
    "accounts:login",
    "accounts:login_second_factor",
    "accounts:logout",
    "accounts:second_factor_setup",
    "accounts:second_factor_qr",
    "accounts:recovery_codes",
    "core:healthz",
    "core:readyz",
    "set_language",
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
            # Has a device but this session has not passed it.
            return redirect(reverse("accounts:login_second_factor") + f"?next={request.path}")
        if principal.must_use_second_factor:
            return redirect("accounts:second_factor_setup")
        return None
