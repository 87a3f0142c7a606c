"""Workshop pages, the agenda, its calendar file, and the organisers' editing pages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from protectnet.access.policy import can
from protectnet.access.routes import requires
from protectnet.core.exports import ics_response
from protectnet.core.forms import add_service_errors
from protectnet.core.pagination import paginate

from .. import ics
from ..forms import SeriesForm, SessionForm, SpeakerForm, WorkshopForm
from ..selectors import editions as sel
from ..selectors.participation import taking_part
from ..selectors.registrations import registration_counts
from ..services import editions as svc


@requires("workshops.workshop.list")
def workshop_list(request):
    page = paginate(request, sel.workshop_list(user=request.user), per_page=25)
    return render(
        request,
        "workshops/workshop_list.html",
        {
            "page_obj": page,
            "can_manage": can(request.user, "workshops.workshop.manage"),
            "can_add_series": can(request.user, "workshops.series.create"),
        },
    )


@requires("workshops.workshop.view")
def workshop_detail(request, workshop_id: int):
    workshop = sel.workshop_get(user=request.user, id=workshop_id)
    user = request.user
    context = {
        "workshop": workshop,
        "can_manage": can(user, "workshops.workshop.manage"),
        "can_report": can(user, "workshops.report.view"),
        "can_outcomes": can(user, "workshops.outcome.view"),
        "is_public_view": not user.is_authenticated,
        "taking_part": taking_part(user=user, workshop=workshop) if user.is_authenticated else None,
        "delegations": sel.delegation_list(user=user, workshop=workshop)
        if can(user, "workshops.delegation.view")
        else None,
    }
    if context["can_manage"]:
        context["counts"] = registration_counts(workshop=workshop)
    return render(request, "workshops/workshop_detail.html", context)


@requires("workshops.workshop.view")
def agenda(request, workshop_id: int):
    workshop = sel.workshop_get(user=request.user, id=workshop_id)
    sessions = list(sel.session_list(user=request.user, workshop=workshop))
    return render(
        request,
        "workshops/agenda.html",
        {
            "workshop": workshop,
            "days": sel.agenda_days(workshop, sessions),
            "can_manage": can(request.user, "workshops.workshop.manage"),
            # Anonymous visitors of a public page never see names.
            "show_people": request.user.is_authenticated,
        },
    )


@requires("workshops.workshop.view")
def agenda_ics(request, workshop_id: int):
    workshop = sel.workshop_get(user=request.user, id=workshop_id)
    sessions = sel.session_list(user=request.user, workshop=workshop)
    data = ics.agenda_calendar(workshop, sessions)
    return ics_response(data, f"workshop-{workshop.pk}-agenda.ics")


@require_http_methods(["GET", "POST"])
@requires("workshops.workshop.manage")
def workshop_edit(request, workshop_id: int | None = None):
    workshop = sel.workshop_get(user=request.user, id=workshop_id) if workshop_id else None
    form = WorkshopForm(
        request.POST or None, instance=workshop, **_create_extras(request, workshop)
    )
    if request.method == "POST" and form.is_valid():
        data = svc.WorkshopInput(**{n: form.cleaned_data[n] for n in svc.WORKSHOP_FIELDS})
        funders, partners = form.cleaned_data["funders"], form.cleaned_data["partners"]
        try:
            if workshop is None:
                workshop = svc.workshop_create(
                    actor=request.user,
                    data=data,
                    funders=funders,
                    partners=partners,
                    translations=form.translations(),
                )
            else:
                workshop.refresh_from_db()  # the form wrote into the instance; the service compares
                svc.workshop_update(
                    actor=request.user,
                    workshop=workshop,
                    data=data,
                    funders=funders,
                    partners=partners,
                    translations=form.translations(),
                )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The workshop was saved."))
            return redirect("workshops:workshop_detail", workshop.pk)
    context = {"form": form, "workshop": workshop}
    if workshop is None:
        # Without a series the form cannot be saved: the page says to start one first.
        context["no_series"] = not sel.series_list(user=request.user).exists()
        context["can_add_series"] = can(request.user, "workshops.series.create")
    return render(request, "workshops/workshop_form.html", context)


@require_http_methods(["GET", "POST"])
@requires("workshops.series.create")
def series_create(request):
    form = SeriesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            series = svc.series_create(
                actor=request.user,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The series was created. Now add its first workshop."))
            return redirect(f"{reverse('workshops:workshop_create')}?series={series.pk}")
    return render(request, "workshops/series_form.html", {"form": form})


def _create_extras(request, workshop) -> dict:
    """A new workshop's form starts filled in (series, next edition, the country's time zone);
    the same GET answers htmx when the series or the country changes."""
    if workshop is not None:
        return {}
    initial = sel.workshop_defaults(
        user=request.user,
        series_id=request.GET.get("series"),
        host_country_id=request.GET.get("host_country"),
    )
    return {
        "initial": initial,
        "next_edition": sel.next_edition,
        "refill_url": reverse("workshops:workshop_create"),
    }


@require_http_methods(["GET", "POST"])
@requires("workshops.workshop.manage")
def session_edit(request, workshop_id: int, session_id: int | None = None):
    workshop = sel.workshop_get(user=request.user, id=workshop_id)
    session = None
    if session_id is not None:
        session = sel.session_get(user=request.user, id=session_id)
        if session.workshop_id != workshop.pk:
            raise Http404
    speakers = sel.speaker_choices(user=request.user)
    form = SessionForm(
        request.POST or None,
        instance=session,
        workshop=workshop,
        speakers=speakers,
        resources=sel.resource_choices(user=request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            svc.session_save(
                actor=request.user,
                workshop=workshop,
                session=session,
                data=form.to_input(),
                translations=form.translations(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The session was saved."))
            return redirect("workshops:agenda", workshop.pk)
    return render(
        request,
        "workshops/session_form.html",
        {"form": form, "workshop": workshop, "session": session},
    )


@require_http_methods(["GET", "POST"])
@requires("workshops.workshop.manage")
def speaker_create(request, workshop_id: int):
    workshop = sel.workshop_get(user=request.user, id=workshop_id)
    form = SpeakerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        svc.speaker_create(actor=request.user, **form.cleaned_data)
        messages.success(request, _("The speaker was added."))
        return redirect("workshops:session_create", workshop.pk)
    return render(request, "workshops/speaker_form.html", {"form": form, "workshop": workshop})
