"""Invite someone (admins, focal points) and accept an invitation (the invitee sets a password)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from protectnet.access.routes import requires

from .. import selectors, services
from ..forms import InvitationAcceptForm, InvitationCreateForm
from ._util import no_store

INVITATION_PAGE_SIZE = 50


@requires("account.invite")
def invitation_create(request: HttpRequest) -> HttpResponse:
    people = selectors.invitable_people(user=request.user)
    form = InvitationCreateForm(request.POST or None, people=people)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_create(
                actor=request.user,
                email=form.cleaned_data["email"],
                person=form.cleaned_data["person"],
                request=request,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        except PermissionDenied:
            # Focal points invite people of their own country's directory only.
            form.add_error(
                "person", _("Choose the directory entry of a person of your country to invite.")
            )
        else:
            messages.success(request, _("The invitation has been sent."))
            return redirect("accounts:invitation_create")
    pending = selectors.invitation_list(user=request.user)[:INVITATION_PAGE_SIZE]
    context = {"form": form, "pending": pending}
    status = 400 if form.errors else 200
    return render(request, "accounts/invitation_create.html", context, status=status)


@sensitive_post_parameters("password1", "password2")
@never_cache
@requires("public.view")
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    state, invitation = services.invitation_state(token)
    if state is not services.InvitationState.USABLE:
        context = {"state": state.value}
        return no_store(render(request, "accounts/invitation_invalid.html", context, status=410))
    form = InvitationAcceptForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_accept(
                token=token,
                password=form.cleaned_data["password1"],
                display_name=form.cleaned_data["display_name"],
                request=request,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your account is ready. Please sign in."))
            return redirect("accounts:login")
    context = {"form": form, "email": invitation.email, "expires_at": invitation.expires_at}
    status = 400 if form.errors else 200
    return no_store(render(request, "accounts/invitation_accept.html", context, status=status))
