"""One JSON error shape for the whole API: {"detail": str, "code": str, "errors": [...]?}."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from protectnet.core.keyset import BadCursor

from . import validation


def install(api) -> None:
    def respond(request, status: int, code: str, detail: str, **extra):
        return api.create_response(
            request, {"detail": detail, "code": code, **extra}, status=status
        )

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return respond(request, 404, "not_found", _("Not found."))

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return respond(request, 403, "forbidden", _("You do not have permission to do this."))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        return respond(request, 401, "unauthenticated", _("A valid bearer token is required."))

    @api.exception_handler(NinjaValidationError)
    def invalid_request(request, exc):
        errors = validation.translated(exc.errors)
        return respond(request, 422, "invalid", _("The request is not valid."), errors=errors)

    @api.exception_handler(BadCursor)
    def bad_cursor(request, exc):
        return respond(request, 422, "invalid", str(exc), errors=[{"after": [str(exc)]}])

    @api.exception_handler(ValidationError)
    def invalid_data(request, exc):
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        return respond(request, 422, "invalid", _("The data is not valid."), errors=[errors])

    codes = {
        400: "bad_request",
        401: "unauthenticated",
        403: "forbidden",
        404: "not_found",
        409: "conflict",
        413: "too_large",
        415: "unsupported_type",
        429: "throttled",
    }

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return respond(request, exc.status_code, codes.get(exc.status_code, "error"), str(exc))
