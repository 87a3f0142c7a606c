from ninja.errors import HttpError
from ninja.security import HttpBearer

from protectnet.accounts.services import TokenThrottled, token_authenticate


class TokenAuth(HttpBearer):
    """Bearer tokens (accounts' token_authenticate): a revoked token or disabled user fails, and
    an address past API_AUTH_FAILURE_LIMIT failures gets 429 for every call for a while."""

    def authenticate(self, request, token: str):
        try:
            return token_authenticate(raw=token, request=request)
        except TokenThrottled:
            raise HttpError(
                429, "Too many failed attempts from this address. Try again later."
            ) from None


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
