from django.utils import translation
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import HttpBearer

from protectnet.accounts.services import TokenThrottled, token_authenticate
from protectnet.core.languages import supported


class TokenAuth(HttpBearer):
    """Bearer tokens (accounts' token_authenticate): a revoked token or disabled user fails, and
    an address past API_AUTH_FAILURE_LIMIT failures gets 429 for every call for a while."""

    def authenticate(self, request, token: str):
        try:
            user = token_authenticate(raw=token, request=request)
        except TokenThrottled:
            raise HttpError(
                429, _("Too many failed attempts from this address. Try again later.")
            ) from None
        _answer_in_account_language(request, user)
        return user


def _answer_in_account_language(request, user) -> None:
    """Texts come in the token user's language when the call names none (Accept-Language wins:
    a client asking for Thai gets Thai). The session's middleware never sees a token's user."""
    language = supported(getattr(user, "language", "")) if user else None
    if language and not request.headers.get("Accept-Language"):
        translation.activate(language)
        request.LANGUAGE_CODE = language


class OptionalTokenAuth(TokenAuth):
    """For public operations: a valid token identifies the caller, no token means anonymous."""

    def __call__(self, request):
        header = request.headers.get("Authorization")
        if not header:
            return _Anonymous()
        return super().__call__(request) or None


class _Anonymous:
    """Truthy marker so ninja lets the call through; api_user() turns it into AnonymousUser."""

    is_authenticated = False

    def __bool__(self) -> bool:
        return True
