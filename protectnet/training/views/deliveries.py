"""Deliveries: scheduling, nominations, attendance, completion and results."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from protectnet.access.policy import can
from protectnet.access.principal import principal_for
from protectnet.access.routes import requires
from protectnet.core.exports import csv_response
from protectnet.core.forms import add_service_errors
from protectnet.network import selectors as network_selectors

from .. import selectors, services
from ..forms import AttendanceForm, DeliveryForm, NominationForm
from ..models.deliveries import SEAT_STATUSES

MANAGE = "training.delivery.manage"
INVITATION_MESSAGES = {
    "sent": gettext_lazy("An invitation to create an account was sent to them."),
    "has_account": gettext_lazy("They already have an account."),
    "no_email": gettext_lazy(
        "They have no email address in the directory, so no invitation was sent: add one to "
        "their directory entry and invite them from there."
    ),
    "not_allowed": gettext_lazy(
        "They have no account yet, and only the secretariat or their country's focal point "
        "may invite them: ask them to send the invitation."
    ),
    "refused": gettext_lazy(
        "No invitation was sent: an account already uses their email address, or it is not "
        "valid. Check their directory entry."
    ),
}


def _delivery_form(request, *, course, delivery=None) -> HttpResponse:
    form = DeliveryForm(
        request.POST if request.method == "POST" else None,
        instance=delivery,
        countries=network_selectors.country_choices(user=request.user),
        trainers=selectors.trainer_choices(user=request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = services.DeliveryInput(
            **{n: form.cleaned_data[n] for n in form.Meta.fields if n != "trainers"}
        )
        trainers = form.cleaned_data["trainers"]
        try:
            if delivery is None:
                delivery = services.delivery_create(
                    actor=request.user, course=course, data=data, trainers=trainers, request=request
                )
            else:
                services.delivery_update(
                    actor=request.user,
                    delivery=delivery,
                    data=data,
                    trainers=trainers,
                    request=request,
                )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The delivery was saved."))
            return redirect("training:delivery_detail", pk=delivery.pk)
    context = {"form": form, "course": course, "delivery": delivery}
    return render(request, "training/delivery_form.html", context)


@requires("training.delivery.create")
def delivery_create(request: HttpRequest, pk: int) -> HttpResponse:
    course = selectors.course_get(user=request.user, pk=pk, action="training.delivery.create")
    return _delivery_form(request, course=course)


@requires("training.delivery.manage")
def delivery_edit(request: HttpRequest, pk: int) -> HttpResponse:
    delivery = selectors.delivery_get(user=request.user, pk=pk, action=MANAGE)
    return _delivery_form(request, course=delivery.course, delivery=delivery)


@never_cache
@requires("training.course.view")
def delivery_detail(request: HttpRequest, pk: int) -> HttpResponse:
    delivery = selectors.delivery_get(user=request.user, pk=pk)
    enrolments = list(selectors.enrolment_list(user=request.user, delivery=delivery))
    person_id = principal_for(request.user).person_id
    mine = next((e for e in enrolments if e.person_id == person_id), None)
    return render(
        request,
        "training/delivery_detail.html",
        {
            "delivery": delivery,
            "course": delivery.course,
            "trainees": [e for e in enrolments if e is not mine],
            "mine": mine,
            "can_manage": can_manage(request, delivery),
            "can_nominate": can(request.user, "training.enrolment.nominate"),
            "seats_left": max(0, delivery.capacity - delivery.seats_taken),
        },
    )


def can_manage(request, delivery) -> bool:
    return can(request.user, MANAGE, delivery)


@never_cache
@requires("training.enrolment.nominate")
def enrolment_create(request: HttpRequest, pk: int) -> HttpResponse:
    delivery = selectors.delivery_get(user=request.user, pk=pk)
    candidates = selectors.nomination_candidates(user=request.user, delivery=delivery)
    form = NominationForm(request.POST if request.method == "POST" else None, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        membership = form.cleaned_data["membership"]
        try:
            enrolment = services.enrolment_create(
                actor=request.user,
                delivery=delivery,
                person=membership.person,
                organisation=membership.organisation,
                request=request,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The trainee was enrolled."))
            if form.cleaned_data["invite"] and not enrolment.person.user_id:
                outcome = services.enrolment_invite(
                    actor=request.user, enrolment=enrolment, request=request
                )
                level = messages.success if outcome == "sent" else messages.warning
                level(request, INVITATION_MESSAGES[outcome])
            return redirect("training:delivery_detail", pk=delivery.pk)
    return render(
        request,
        "training/enrolment_form.html",
        {
            "delivery": delivery,
            "form": form,
            "seats_left": max(0, delivery.capacity - delivery.seats_taken),
        },
    )


@require_POST
@requires("training.enrolment.nominate")
def enrolment_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = selectors.enrolment_get(
        user=request.user, pk=pk, action="training.enrolment.nominate"
    )
    try:
        services.enrolment_withdraw(actor=request.user, enrolment=enrolment, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The enrolment was withdrawn."))
    return redirect("training:delivery_detail", pk=enrolment.delivery_id)


@never_cache
@requires("training.delivery.manage")
def attendance_record(request: HttpRequest, pk: int, day: str) -> HttpResponse:
    delivery = selectors.delivery_get(user=request.user, pk=pk, action=MANAGE)
    try:
        the_day = date.fromisoformat(day)
    except ValueError as exc:
        raise Http404 from exc
    if the_day not in delivery.days:
        raise Http404
    enrolments = [
        e
        for e in selectors.enrolment_list(user=request.user, delivery=delivery)
        if e.status in SEAT_STATUSES
    ]
    present = [
        e.pk for e in enrolments for a in e.attendance.all() if a.day == the_day and a.present
    ]
    form = AttendanceForm(
        request.POST if request.method == "POST" else None,
        enrolments=enrolments,
        initial={"present": present},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_record(
                actor=request.user,
                delivery=delivery,
                day=the_day,
                present_ids=set(form.cleaned_data["present"]),
                request=request,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Attendance was saved."))
            return redirect("training:delivery_detail", pk=delivery.pk)
    return render(
        request,
        "training/attendance_form.html",
        {"delivery": delivery, "day": the_day, "form": form},
    )


@require_POST
@requires("training.delivery.manage")
def delivery_complete(request: HttpRequest, pk: int) -> HttpResponse:
    delivery = selectors.delivery_get(user=request.user, pk=pk, action=MANAGE)
    try:
        counts = services.delivery_completion_mark(
            actor=request.user, delivery=delivery, request=request
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("%(completed)s completed, %(not_completed)s did not; %(certificates)s certificates.")
            % counts,
        )
    return redirect("training:delivery_detail", pk=delivery.pk)


@require_POST
@requires("training.delivery.manage")
def delivery_rescore(request: HttpRequest, pk: int) -> HttpResponse:
    delivery = selectors.delivery_get(user=request.user, pk=pk, action=MANAGE)
    changed = services.delivery_rescore(actor=request.user, delivery=delivery, request=request)
    messages.success(request, _("Scores recomputed: %(n)s changed.") % {"n": changed})
    return redirect("training:delivery_detail", pk=delivery.pk)


@requires("training.delivery.manage")
def delivery_results_export(request: HttpRequest, pk: int) -> HttpResponse:
    delivery = selectors.delivery_get(user=request.user, pk=pk, action=MANAGE)
    rows = []
    for e in selectors.enrolment_list(user=request.user, delivery=delivery):
        cert = e.certificate_or_none
        rows.append(
            [
                e.person.full_name,
                e.organisation.name,
                e.organisation.country.name,
                e.get_status_display(),
                e.attendance_rate(),
                e.pre.percent if e.pre else None,
                e.post.percent if e.post else None,
                (cert and ("revoked" if cert.revoked_at else "valid")) or "",
            ]
        )
    header = [
        _("Trainee"),
        _("Agency"),
        _("Country"),
        _("Status"),
        _("Attendance (%)"),
        _("Pre-test (%)"),
        _("Post-test (%)"),
        _("Certificate"),
    ]
    return csv_response(f"delivery-{delivery.pk}-results.csv", header, rows)
