from functools import cache
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_POST

from protectnet.access.policy import require
from protectnet.access.routes import requires

from . import documents, picker, selectors, services
from .dashboard import dashboard_cards, dashboard_needs, dashboard_trend
from .design import design_sample
from .front_page import front_page_sections
from .models import OutboundEmail
from .pagination import paginate


@requires("public.view")
def dashboard(request: HttpRequest) -> HttpResponse:
    """One address, two pages: anonymous visitors meet the network, members their dashboard."""
    if not request.user.is_authenticated:
        return render(request, "core/front_page.html", {"sections": front_page_sections()})
    require(request.user, "dashboard.view")
    user = request.user
    context = {
        "needs": dashboard_needs(user),
        "trend": dashboard_trend(user),
        "cards": dashboard_cards(user),
    }
    return render(request, "core/dashboard.html", context)


ICON = Path(__file__).resolve().parent.parent / "static" / "img" / "favicon.svg"


@cache
def _icon() -> bytes:
    return ICON.read_bytes()


@cache_control(public=True, max_age=86400)
@requires("public.view")
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers and feed readers ask for /favicon.ico whatever the page links: answer with the
    site's icon instead of filling the logs with 404s."""
    return HttpResponse(_icon(), content_type="image/svg+xml")


@requires("picker.search")
def pick(request: HttpRequest, kind: str) -> HttpResponse:
    """The options of a picker matching what was typed (htmx asks as one types)."""
    if kind not in picker.kinds():
        raise Http404
    q = request.GET.get("q", "")[:100]
    options, more = picker.pick(user=request.user, kind=kind, q=q, params=request.GET)
    return render(request, "core/picker_options.html", {"options": options, "more": more})


@never_cache
@requires("public.view")
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@never_cache
@requires("public.view")
def readyz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@requires("design.view")
def design_system(request: HttpRequest) -> HttpResponse:
    """Every component of docs/design.md on one page, with fixed sample data (no records)."""
    return render(request, "core/design.html", {"sample": design_sample()})


@requires("email.manage")
def email_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    page = paginate(request, selectors.email_list(user=request.user, status=status), per_page=50)
    context = {
        "page_obj": page,
        "emails": page.object_list,
        "status": status,
        "statuses": OutboundEmail.Status.choices,
        "querystring": f"status={status}" if status else "",
    }
    return render(request, "core/email_list.html", context)


@require_POST
@requires("email.manage")
def email_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    email = selectors.email_for_action(user=request.user, pk=pk)
    act = {"retry": services.email_retry, "discard": services.email_discard}[action]
    try:
        act(actor=request.user, email=email, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        done = _("The email is queued again.") if action == "retry" else _("Email discarded.")
        messages.success(request, done)
    return redirect("core:email_list")


@never_cache
@requires("dashboard.view")
def document_status(request: HttpRequest, token: str) -> HttpResponse:
    """How far the worker is with a PDF; htmx (or, without JavaScript, a refresh) asks again."""
    doc = documents.document_for(user=request.user, token=token)
    partial = request.headers.get("HX-Request")
    template = "core/_document_progress.html" if partial else "core/document_status.html"
    return render(request, template, {"doc": doc, "private": documents.is_private(doc)})


@requires("dashboard.view")
def document_download(request: HttpRequest, token: str) -> HttpResponse:
    return documents.respond(documents.document_for(user=request.user, token=token))


def _api_error(request, status: int, code: str, detail: str) -> JsonResponse | None:
    """Under /api/ every error is JSON, also when no API operation matched the path."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": detail, "code": code}, status=status)
    return None


def error_400(request, exception=None):
    """A request Django itself refused (too large, malformed): no detail about why."""
    api = _api_error(request, 400, "bad_request", _("The request could not be read."))
    if api:
        return api
    from django.template import loader

    return HttpResponse(loader.get_template("errors/400.html").render(), status=400)


def error_403(request, exception=None):
    api = _api_error(request, 403, "forbidden", _("You do not have permission to do this."))
    return api or render(request, "errors/403.html", status=403)


def error_404(request, exception=None):
    return _api_error(request, 404, "not_found", _("Not found.")) or render(
        request, "errors/404.html", status=404
    )


def error_500(request):
    api = _api_error(request, 500, "server_error", _("Something went wrong."))
    if api:
        return api
    # No context processors that touch the database: the error may be the database itself.
    from django.template import loader

    return HttpResponse(loader.get_template("errors/500.html").render(), status=500)


def csrf_failure(request, reason=""):
    """A form sent without its security token (often a page left open too long): say so plainly,
    without Django's technical reason."""
    return render(request, "errors/csrf.html", status=403)
