"""The own-account page: second-factor status, API tokens (created and revoked here)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from protectnet.access.policy import can
from protectnet.access.principal import principal_for
from protectnet.access.roles import Role
from protectnet.access.routes import requires

from .. import selectors, services
from ..forms import TokenCreateForm
from ..services.second_factor import recovery_codes_left
from ._util import no_store


def _profile_context(request: HttpRequest, token_form=None) -> dict:
    principal = principal_for(request.user)
    return {
        "principal": principal,
        "roles": sorted(role.label for role in _roles(principal)),
        "tokens": list(selectors.api_token_list(user=request.user)),
        "token_form": token_form or TokenCreateForm(),
        "recovery_codes_left": recovery_codes_left(request.user),
        "can_invite": can(request.user, "account.invite"),
    }


def _roles(principal):
    return [Role(r) for r in principal.roles]


@requires("account.manage_own")
def profile(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/profile.html", _profile_context(request))


@require_POST
@requires("account.manage_own")
def token_create(request: HttpRequest) -> HttpResponse:
    form = TokenCreateForm(request.POST)
    if form.is_valid():
        try:
            token, raw = services.token_create(
                actor=request.user, name=form.cleaned_data["name"], request=request
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            # Rendered, not redirected: the raw value must not travel in a URL or a session.
            return no_store(
                render(request, "accounts/token_created.html", {"token": token, "raw": raw})
            )
    return render(request, "accounts/profile.html", _profile_context(request, form), status=400)


@require_POST
@requires("account.manage_own")
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = services.token_revoke(actor=request.user, token_id=token_id, request=request)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("accounts:profile")
