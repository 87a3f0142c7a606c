"""People: detail, add, edit, memberships, invitation to an account, vetting, erasure."""

from dataclasses import replace

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from protectnet.access.policy import can
from protectnet.access.routes import requires
from protectnet.accounts.services import invitation_create
from protectnet.core.forms import add_service_errors

from .. import duplicates, selectors, services
from ..forms import InviteForm, MembershipForm, PersonCreateForm, PersonForm, VettingForm


@requires("network.directory.view")
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_get(user=request.user, pk=pk)
    user = request.user
    context = {
        "person": person,
        "show_contact": selectors.contact_visible(user, person),
        "memberships": person.memberships.all(),
        "can_change": not person.erased_at and can(user, "network.person.change", person),
        "can_vetting": can(user, "network.vetting.view", person),
        "can_invite": (
            not person.erased_at
            and person.user_id is None
            and can(user, "network.person.invite", person)
        ),
        "can_erase": not person.erased_at and can(user, "network.person.erase", person),
        "can_export": can(user, "network.person.export_data", person),
        "duplicates": (
            duplicates.possible_duplicates_of(user=user, person=person)
            if can(user, "network.person.merge", person)
            else []
        ),
    }
    return render(request, "network/person_detail.html", context)


@requires("network.person.create")
def person_create(request: HttpRequest) -> HttpResponse:
    organisations = selectors.managed_organisations(user=request.user)
    initial = {"organisation": request.GET.get("organisation")} if request.method == "GET" else None
    form = PersonCreateForm(request.POST or None, initial=initial, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_create(
                actor=request.user,
                data=services.PersonInput(**form.person_fields()),
                organisation=form.cleaned_data["organisation"],
                title=form.cleaned_data["title"],
                request=request,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The person is added to the directory."))
            return redirect("network:person_detail", pk=person.pk)
    return render(request, "network/person_form.html", {"form": form, "creating": True})


@requires("network.person.change")
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_for_change(user=request.user, pk=pk)
    form = PersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        try:
            data = replace(services.PersonInput.of(person), **form.person_fields())
            services.person_update(actor=request.user, person=person, data=data, request=request)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The entry is saved."))
            return redirect("network:person_detail", pk=pk)
    return render(request, "network/person_form.html", {"form": form, "person": person})


@requires("network.person.change")
def membership_add(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_for_change(user=request.user, pk=pk)
    organisations = selectors.managed_organisations(user=request.user)
    form = MembershipForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_add(
                actor=request.user, person=person, request=request, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The membership is added."))
            return redirect("network:person_detail", pk=pk)
    return render(request, "network/membership_form.html", {"form": form, "person": person})


@require_POST
@requires("network.person.change")
def membership_end(request: HttpRequest, pk: int, membership_id: int) -> HttpResponse:
    person = selectors.person_for_change(user=request.user, pk=pk)
    membership = selectors.membership_get(user=request.user, person=person, pk=membership_id)
    try:
        services.membership_end(actor=request.user, membership=membership, request=request)
    except PermissionDenied:
        messages.error(request, _("Only the organisation's country may end this membership."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The membership is ended; it stays in the history."))
    return redirect("network:person_detail", pk=pk)


@requires("network.person.invite")
def person_invite(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_for_change(user=request.user, pk=pk, action="network.person.invite")
    if person.user_id:
        raise Http404
    form = InviteForm(request.POST or None, initial={"email": person.email})
    if request.method == "POST" and form.is_valid():
        try:
            invitation_create(
                actor=request.user, email=form.cleaned_data["email"], person=person, request=request
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        except PermissionDenied:
            form.add_error(None, _("You may invite people of your own country only."))
        else:
            messages.success(request, _("The invitation is sent."))
            return redirect("network:person_detail", pk=pk)
    return render(request, "network/person_invite.html", {"form": form, "person": person})


@requires("network.person.erase")
def person_erase(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_for_change(user=request.user, pk=pk, action="network.person.erase")
    if person.erased_at:
        raise Http404
    if request.method == "POST":
        services.person_erase(actor=request.user, person=person, request=request)
        messages.success(request, _("The personal details are erased and the account disabled."))
        return redirect("network:person_detail", pk=pk)
    return render(request, "network/person_erase.html", {"person": person})


@requires("network.vetting.view")
def vetting_list(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_for_change(user=request.user, pk=pk, action="network.vetting.view")
    can_record = can(request.user, "network.vetting.record", person)
    form = VettingForm(request.POST or None) if can_record else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            data = {
                k: form.cleaned_data[k] for k in ("level", "verified_on", "expires_on", "notes")
            }
            try:
                services.vetting_record(actor=request.user, person=person, request=request, **data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The vetting is recorded."))
                return redirect("network:vetting_list", pk=pk)
    context = {
        "person": person,
        "vettings": selectors.vetting_list(user=request.user, person=person),
        "form": form,
    }
    return render(request, "network/vetting_list.html", context)
