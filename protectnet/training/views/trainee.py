"""The trainee's side: my courses, tests, evaluation, follow-ups, certificate."""

import dataclasses

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from protectnet.access.routes import requires
from protectnet.core.forms import add_service_errors
from protectnet.core.pdf import pdf_response

from .. import selectors, services
from ..certificate_pdf import certificate_pdf
from ..forms import EvaluationForm, FollowUpForm, RevokeForm, TestForm
from ..models import TestKind

EVALUATION_FIELDS = tuple(f.name for f in dataclasses.fields(services.EvaluationInput))


@never_cache
@requires("training.course.view")
def my_training(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "training/my_training.html",
        {
            "enrolments": selectors.my_enrolments(user=request.user),
            "followups": selectors.pending_followups(user=request.user),
        },
    )


def _review(questions, submission) -> list[dict]:
    """Question by question: what the trainee chose and what was correct (after the post-test)."""
    rows = []
    for q in questions:
        chosen = set(submission.answers.get(str(q.pk), []))
        rows.append(
            {
                "question": q,
                "choices": [
                    {"text": c.text, "chosen": c.pk in chosen, "correct": c.is_correct}
                    for c in q.choices.all()
                ],
            }
        )
    return rows


@never_cache
@requires("training.test.take")
def test_take(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    if kind not in TestKind.values:
        raise Http404
    enrolment = selectors.enrolment_get(user=request.user, pk=pk, action="training.test.take")
    delivery = enrolment.delivery
    submission = enrolment.submission(kind)
    questions = list(selectors.question_list(user=request.user, course=delivery.course))
    context = {
        "enrolment": enrolment,
        "delivery": delivery,
        "kind": kind,
        "kind_label": TestKind(kind).label,
        "submission": submission,
        "window_open": delivery.window_open(kind),
        "now": timezone.now(),
        "opens_at": delivery.window(kind)[0],
        "closes_at": delivery.window(kind)[1],
    }
    if submission is not None:
        # Pre- and post-test share the bank: the key is shown only once the post-test is in.
        if kind == TestKind.POST:
            every = selectors.question_list(
                user=request.user, course=delivery.course, active_only=False
            )
            answered = [q for q in every if str(q.pk) in submission.answers]
            context["review"] = _review(answered, submission)
        return render(request, "training/test_result.html", context)
    form = TestForm(request.POST if request.method == "POST" else None, questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            services.test_submit(
                actor=request.user,
                enrolment=enrolment,
                kind=kind,
                answers=form.answers(),
                request=request,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Your answers were submitted."))
            return redirect("training:test_take", pk=enrolment.pk, kind=kind)
    context["form"] = form
    return render(request, "training/test_take.html", context)


@never_cache
@requires("training.evaluation.submit")
def evaluation_submit(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = selectors.enrolment_get(
        user=request.user, pk=pk, action="training.evaluation.submit"
    )
    if enrolment.evaluation_or_none is not None:
        messages.info(request, _("You have already evaluated this course. Thank you."))
        return redirect("training:delivery_detail", pk=enrolment.delivery_id)
    form = EvaluationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            data = services.EvaluationInput(
                **{name: form.cleaned_data.get(name) for name in EVALUATION_FIELDS}
            )
            services.evaluation_submit(
                actor=request.user, enrolment=enrolment, data=data, request=request
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Thank you for evaluating the course."))
            return redirect("training:delivery_detail", pk=enrolment.delivery_id)
    return render(request, "training/evaluation_form.html", {"enrolment": enrolment, "form": form})


@never_cache
@requires("training.followup.answer")
def followup_answer(request: HttpRequest, pk: int) -> HttpResponse:
    followup = selectors.followup_get(user=request.user, pk=pk)
    if followup.answered_at is not None:
        messages.info(request, _("You have already answered this follow-up. Thank you."))
        return redirect("training:my_training")
    form = FollowUpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.followup_answer(
                actor=request.user,
                followup=followup,
                applied=form.cleaned_data["applied"],
                example=form.cleaned_data["example"],
                request=request,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Thank you for your answer."))
            return redirect("training:my_training")
    return render(request, "training/followup_form.html", {"followup": followup, "form": form})


@requires("training.certificate.download")
def certificate_download(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = selectors.certificate_get(
        user=request.user, pk=pk, action="training.certificate.download"
    )
    if certificate.revoked_at is not None:
        return render(
            request, "training/certificate_revoked.html", {"certificate": certificate}, status=410
        )
    data = certificate_pdf(certificate, request=request)
    return pdf_response(data, f"certificate-{timezone.localdate():%Y%m%d}.pdf")


@require_POST
@requires("training.certificate.revoke")
def certificate_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = selectors.certificate_get(
        user=request.user, pk=pk, action="training.certificate.revoke"
    )
    form = RevokeForm(request.POST)
    if form.is_valid():
        try:
            services.certificate_revoke(
                actor=request.user,
                certificate=certificate,
                reason=form.cleaned_data["reason"],
                request=request,
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The certificate was revoked. It shows so at once."))
    else:
        messages.error(request, _("Say why the certificate is revoked."))
    return redirect("training:delivery_detail", pk=certificate.enrolment.delivery_id)
