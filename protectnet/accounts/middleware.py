"""Network admins and law-enforcement vetted members must pass a second factor; a signed-in
person's pages are in the language of their account.

A signed-in user whose roles require one is sent to set it up (no device yet); a user with a
device whose session has not passed it is sent to verify, before any other page opens. Vetted
law-enforcement status itself already depends on a confirmed device (see access/principal.py).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation

from protectnet.access.principal import principal_for
from protectnet.core.languages import supported

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


class AccountLanguageMiddleware:
    """A signed-in person reads every page in the language stored on their account, on every
    device. It runs after LocaleMiddleware (which took the cookie or the browser's language) and
    after authentication; LocaleMiddleware's Content-Language then names the account's language.
    The language cookie is kept in step, so that pages read after signing out stay in it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = _account_language(request)
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        response = self.get_response(request)
        language = _account_language(request)  # the switcher may have just changed it
        cookie = settings.LANGUAGE_COOKIE_NAME
        if language and cookie not in response.cookies and request.COOKIES.get(cookie) != language:
            response.set_cookie(
                cookie,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response


def _account_language(request) -> str | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return supported(getattr(user, "language", ""))
