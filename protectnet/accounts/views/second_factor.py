"""Set up, replace and turn off the second factor; recovery codes."""

import io
from base64 import b32encode

import segno
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import user_has_device

from protectnet.access.principal import principal_for
from protectnet.access.routes import requires

from .. import services
from ..forms import CodeForm, SetupCodeForm
from ..services.second_factor import recovery_codes_left
from ._util import no_store


def _unverified_with_device(request) -> bool:
    """An enrolled account must pass its second factor before changing it."""
    return user_has_device(request.user) and not request.user.is_verified()


def _to_verify(request):
    return redirect(reverse("accounts:login_second_factor") + f"?next={request.path}")


def _secret_groups(device) -> str:
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@sensitive_post_parameters("code")
@never_cache
@requires("account.manage_own")
def second_factor_setup(request: HttpRequest) -> HttpResponse:
    if _unverified_with_device(request):
        return _to_verify(request)
    device = services.second_factor_start(actor=request.user)
    form = SetupCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = services.second_factor_confirm(
                actor=request.user, request=request, code=form.cleaned_data["code"]
            )
        except ValidationError as exc:
            form.add_error("code", exc)
        else:
            return no_store(
                render(request, "accounts/recovery_codes_new.html", {"codes": codes, "setup": True})
            )
    context = {
        "form": form,
        "secret": _secret_groups(device),
        "replacing": principal_for(request.user).has_second_factor,
        "required": principal_for(request.user).must_use_second_factor,
    }
    status = 400 if form.errors else 200
    return no_store(render(request, "accounts/second_factor_setup.html", context, status=status))


@never_cache
@requires("account.manage_own")
def second_factor_qr(request: HttpRequest) -> HttpResponse:
    """The otpauth:// address as an SVG QR code, drawn here (never by a third-party service)."""
    if _unverified_with_device(request):
        return _to_verify(request)
    device = services.second_factor_start(actor=request.user)
    buffer = io.BytesIO()
    segno.make(device.config_url, error="m").save(
        buffer, kind="svg", scale=5, border=4, xmldecl=False, svgns=True, title=_("QR code")
    )
    return no_store(HttpResponse(buffer.getvalue(), content_type="image/svg+xml"))


@sensitive_post_parameters("code")
@requires("account.manage_own")
def second_factor_disable(request: HttpRequest) -> HttpResponse:
    principal = principal_for(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.second_factor_disable(
                actor=request.user, request=request, code=form.cleaned_data["code"]
            )
        except ValidationError as exc:
            form.add_error("code", exc)
        except PermissionDenied:
            form.add_error(None, _("Your role requires a second factor; it cannot be turned off."))
        else:
            messages.success(request, _("The second factor is turned off."))
            return redirect("accounts:profile")
    context = {"form": form, "required": principal.must_use_second_factor}
    status = 400 if form.errors else 200
    return render(request, "accounts/second_factor_disable.html", context, status=status)


@never_cache
@requires("account.manage_own")
def recovery_codes(request: HttpRequest) -> HttpResponse:
    if _unverified_with_device(request):
        return _to_verify(request)
    if request.method == "POST":
        try:
            codes = services.recovery_codes_regenerate(actor=request.user, request=request)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("accounts:second_factor_setup")
        return no_store(
            render(request, "accounts/recovery_codes_new.html", {"codes": codes, "setup": False})
        )
    context = {"left": recovery_codes_left(request.user)}
    return render(request, "accounts/recovery_codes.html", context)
