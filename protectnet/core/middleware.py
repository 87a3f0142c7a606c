"""Refuse input that no database column can hold, before a view, a form or a query sees it.

PostgreSQL refuses NUL characters in text and SQLite's full-text search stops at them, so a stray
"\\x00" in a query string, a path, a cookie, a form or a JSON body surfaced as a server error deep
inside a query, on one database and not the other. Django's form CharFields refuse NUL, but
query parameters, ids, search boxes and the API's schemas do not. Integers in a JSON body beyond
the 64-bit range overflow every integer column the same way. One check here covers the pages and
the API alike, and answers with a 4xx that names the offending input.
"""

import json
import re

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext_lazy as _

NUL = "\x00"
JSON_NUL = b"\\u0000"
BIGINT = 2**63 - 1
LONG_NUMBER = re.compile(rb"\d{19}")
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
Location = tuple[str | int, ...]


class InputGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        found = refused_input(request)
        if found is None:
            return self.get_response(request)
        return refusal(request, *found)


def refused_input(request: HttpRequest) -> tuple[Location, str] | None:
    """Where the first unacceptable value is, and why; None when the request is clean."""
    if NUL in request.path:
        return ("path",), "nul"
    for where, values in (("query", request.GET), ("cookie", request.COOKIES)):
        if (name := _nul_item(values)) is not None:
            return (where, name), "nul"
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return None
    if request.content_type in FORM_TYPES:
        return _form_refusal(request)
    if "json" in request.content_type:
        return _json_refusal(request.body)
    return None


def _nul_item(values) -> str | None:
    items = values.lists() if hasattr(values, "lists") else ((k, [v]) for k, v in values.items())
    for name, entries in items:
        if NUL in name or any(isinstance(v, str) and NUL in v for v in entries):
            return name.replace(NUL, "")
    return None


def _form_refusal(request: HttpRequest) -> tuple[Location, str] | None:
    length = request.META.get("CONTENT_LENGTH") or "0"
    length = int(length) if length.isdigit() else 0
    if request.content_type.startswith("multipart/") and (
        length <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    ):
        # Parsing a multipart stream consumes it; read the raw body first (when it is small
        # enough to keep) so that an operation expecting another format can still read and
        # refuse it itself.
        request.body  # noqa: B018
    if (name := _nul_item(request.POST)) is not None:
        return ("form", name), "nul"
    for field, files in request.FILES.lists():
        if NUL in field or any(NUL in (upload.name or "") for upload in files):
            return ("file", field.replace(NUL, "")), "nul"
    return None


def _json_refusal(body: bytes) -> tuple[Location, str] | None:
    if JSON_NUL not in body and not LONG_NUMBER.search(body):
        return None  # The common case: nothing to look for, no second parse.
    try:
        data = json.loads(body)
    except ValueError:
        return None  # Not JSON at all: the view says so in its own words.
    return _walk(data, ("body",))


def _walk(value, where: Location) -> tuple[Location, str] | None:
    if isinstance(value, str):
        return (where, "nul") if NUL in value else None
    if isinstance(value, int) and not isinstance(value, bool):
        return (where, "range") if abs(value) > BIGINT else None
    if not isinstance(value, dict | list):
        return None
    children = value.items() if isinstance(value, dict) else enumerate(value)
    for key, child in children:
        if isinstance(key, str) and NUL in key:
            return (*where, key.replace(NUL, "")), "nul"
        if (found := _walk(child, (*where, key))) is not None:
            return found
    return None


MESSAGES = {
    "nul": _("Null characters are not allowed."),
    "range": _("The number is too large."),
}


def refusal(request: HttpRequest, where: Location, reason: str) -> HttpResponse:
    """The API answers in its JSON error shape (see protectnet/api/errors.py); pages with 400.

    The guard answers before the session and LocaleMiddleware: the answer is in the language of
    the language cookie (kept in step with a signed-in person's account) or of the browser."""
    language = translation.get_language_from_request(request)
    with translation.override(language):
        if request.path.startswith("/api/"):
            error = {"type": reason, "loc": list(where), "msg": str(MESSAGES[reason])}
            detail = translation.gettext("The request is not valid.")
            body = {"detail": detail, "code": "invalid", "errors": [error]}
            response = JsonResponse(body, status=422)
        else:
            page = loader.get_template("errors/400.html").render({"message": MESSAGES[reason]})
            response = HttpResponse(page, status=400)
    response.headers["Content-Language"] = language
    return response
