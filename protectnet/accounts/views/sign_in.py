"""Sign in (password, then second factor) and sign out."""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import user_has_device

from protectnet.access.routes import requires

from .. import services
from ..forms import CodeForm, LoginForm
from ._util import safe_next

# One message for every failure: it never tells whether the address has an account or is locked.
FAILED = gettext_lazy(
    "Sign-in failed. Check your email address and password. After several failed attempts the "
    "account is paused for a while; you can also reset your password."
)


@sensitive_post_parameters("password")
@never_cache
@requires("public.view")
def login(request: HttpRequest) -> HttpResponse:
    user = request.user
    if user.is_authenticated and (user.is_verified() or not user_has_device(user)):
        return redirect(safe_next(request))
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = services.password_sign_in(
            request=request,
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password"],
        )
        if outcome is services.SignInOutcome.SIGNED_IN:
            return redirect(safe_next(request))
        if outcome is services.SignInOutcome.SECOND_FACTOR:
            target = reverse("accounts:login_second_factor")
            return redirect(f"{target}?{urlencode({'next': safe_next(request)})}")
        form.add_error(None, FAILED)
    context = {"form": form, "next": safe_next(request)}
    return render(request, "accounts/login.html", context, status=400 if form.errors else 200)


@sensitive_post_parameters("code")
@never_cache
@requires("public.view")
def login_second_factor(request: HttpRequest) -> HttpResponse:
    user = services.pending_user(request)
    if user is None:
        messages.info(request, _("Please sign in again."))
        return redirect("accounts:login")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.second_factor_sign_in(
            request=request, user=user, code=form.cleaned_data["code"]
        ):
            return redirect(safe_next(request))
        form.add_error(
            "code",
            _(
                "That code is not right, or too many codes were tried. Wait a "
                "moment and try the next code."
            ),
        )
    context = {"form": form, "next": safe_next(request)}
    return render(
        request, "accounts/login_second_factor.html", context, status=400 if form.errors else 200
    )


@require_POST
@requires("public.view")
def logout(request: HttpRequest) -> HttpResponse:
    services.sign_out(request=request)
    messages.success(request, _("You are signed out."))
    return redirect("accounts:login")
