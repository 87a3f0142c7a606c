"""The course catalogue and the question bank."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from protectnet.access.policy import can
from protectnet.access.routes import requires
from protectnet.core.forms import add_service_errors
from protectnet.core.pagination import paginate

from .. import selectors, services
from ..forms import CourseForm, QuestionForm

PAGE_SIZE = 25
DELETE_MESSAGES = {
    "deleted": gettext_lazy("The question was deleted."),
    "retired": gettext_lazy(
        "Trainees have answered this question, so it was retired rather than deleted: their "
        "answers keep their score, and later tests no longer ask it."
    ),
}


@requires("training.course.view")
def course_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.course_list(user=request.user), per_page=PAGE_SIZE)
    return render(
        request,
        "training/course_list.html",
        {
            "page_obj": page,
            "courses": selectors.course_delivery_counts(page.object_list),
            "upcoming": selectors.delivery_list(user=request.user, upcoming=True)[:10],
            "can_manage": can(request.user, "training.course.manage"),
            "can_see_capacity": can(request.user, "training.capacity.view"),
        },
    )


@requires("training.course.view")
def course_detail(request: HttpRequest, pk: int) -> HttpResponse:
    course = selectors.course_get(user=request.user, pk=pk)
    return render(
        request,
        "training/course_detail.html",
        {
            "course": course,
            "deliveries": selectors.delivery_list(user=request.user, course=course),
            "can_manage": can(request.user, "training.course.manage", course),
            "can_schedule": can(request.user, "training.delivery.create", course),
        },
    )


def _course_form(request, course=None) -> HttpResponse:
    form = CourseForm(
        request.POST if request.method == "POST" else None,
        instance=course,
        organisations=selectors.organisation_choices(user=request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = services.CourseInput(**{name: form.cleaned_data[name] for name in form.Meta.fields})
        translations = form.translations()
        try:
            if course is None:
                course = services.course_create(
                    actor=request.user, data=data, request=request, translations=translations
                )
            else:
                services.course_update(
                    actor=request.user,
                    course=course,
                    data=data,
                    request=request,
                    translations=translations,
                )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The course was saved."))
            return redirect("training:course_detail", pk=course.pk)
    return render(request, "training/course_form.html", {"form": form, "course": course})


@requires("training.course.manage")
def course_create(request: HttpRequest) -> HttpResponse:
    return _course_form(request)


@requires("training.course.manage")
def course_edit(request: HttpRequest, pk: int) -> HttpResponse:
    course = selectors.course_get(user=request.user, pk=pk, action="training.course.manage")
    return _course_form(request, course)


@requires("training.course.manage")
def question_list(request: HttpRequest, pk: int) -> HttpResponse:
    course = selectors.course_get(user=request.user, pk=pk, action="training.course.manage")
    form = QuestionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_create(
                actor=request.user,
                course=course,
                text=form.cleaned_data["text"],
                kind=form.cleaned_data["kind"],
                choices=form.choices(),
                request=request,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The question was added."))
            return redirect("training:question_list", pk=course.pk)
    questions = selectors.question_list(user=request.user, course=course)
    return render(
        request,
        "training/question_list.html",
        {
            "course": course,
            "questions": questions,
            "form": form,
            "locked_ids": selectors.question_locked_ids(course=course),
        },
    )


def _managed_question(request, pk: int, question_pk: int):
    course = selectors.course_get(user=request.user, pk=pk, action="training.course.manage")
    return course, selectors.question_get(user=request.user, course=course, pk=question_pk)


@never_cache
@requires("training.course.manage")
def question_edit(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    course, question = _managed_question(request, pk, question_pk)
    form = QuestionForm(request.POST if request.method == "POST" else None, question=question)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_update(
                actor=request.user,
                question=question,
                text=form.cleaned_data["text"],
                kind=form.cleaned_data["kind"],
                choices=form.choice_rows(),
                request=request,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The question was saved."))
            return redirect("training:question_list", pk=course.pk)
    locked = question.pk in selectors.question_locked_ids(course=course)
    context = {"course": course, "question": question, "form": form, "locked": locked}
    return render(request, "training/question_form.html", context)


@require_POST
@requires("training.course.manage")
def question_delete(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    course, question = _managed_question(request, pk, question_pk)
    try:
        outcome = services.question_delete(actor=request.user, question=question, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, DELETE_MESSAGES[outcome])
    return redirect("training:question_list", pk=course.pk)


@require_POST
@requires("training.course.manage")
def question_retire(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    course, question = _managed_question(request, pk, question_pk)
    try:
        services.question_retire(actor=request.user, question=question, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The question was retired; earlier answers keep their score."))
    return redirect("training:question_list", pk=course.pk)
