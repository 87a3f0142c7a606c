"""Pre- and post-tests (scored automatically, stored whole) and the course evaluation."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access.policy import require
from protectnet.core import versions

from ..models import (
    Delivery,
    Enrolment,
    EnrolmentStatus,
    Evaluation,
    Question,
    QuestionKind,
    TestKind,
    TestSubmission,
)
from .certificates import certificate_changes, completion_settle
from .common import record

RATINGS = ("overall", "relevance", "trainers", "materials")
MAX_COMMENT = 4000


def _bank(course_id: int, question_ids=None) -> list[Question]:
    qs = Question.objects.filter(course_id=course_id).prefetch_related("choices")
    if question_ids is None:
        qs = qs.filter(active=True)
    else:
        qs = qs.filter(pk__in=question_ids)
    return list(qs.order_by("position", "pk"))


def score_answers(questions: list[Question], answers: dict[str, list[int]]) -> int:
    """One point per question whose selection is exactly the set of correct answers."""
    score = 0
    for q in questions:
        correct = {c.pk for c in q.choices.all() if c.is_correct}
        if set(answers.get(str(q.pk), [])) == correct:
            score += 1
    return score


def _clean_answers(questions: list[Question], answers: dict) -> dict[str, list[int]]:
    """Keep only answers to this test's questions, with choices of that question; every
    question must be answered, a single-choice one with exactly one answer."""
    cleaned, missing = {}, []
    for q in questions:
        given = answers.get(q.pk, answers.get(str(q.pk))) or []
        if isinstance(given, int | str):
            given = [given]
        try:
            chosen = sorted({int(c) for c in given})
        except (TypeError, ValueError) as exc:
            raise ValidationError(_("The answers are not valid.")) from exc
        allowed = {c.pk for c in q.choices.all()}
        if not set(chosen) <= allowed:
            raise ValidationError(_("The answers are not valid."))
        if not chosen or (q.kind == QuestionKind.SINGLE and len(chosen) != 1):
            missing.append(q.position)
        cleaned[str(q.pk)] = chosen
    if missing:
        raise ValidationError(_("Answer every question before submitting."))
    return cleaned


def test_submit(
    *, actor, enrolment: Enrolment, kind: str, answers: dict, request=None, now=None
) -> TestSubmission:
    require(actor, "training.test.take", enrolment)
    if kind not in TestKind.values:
        raise ValidationError(_("Unknown test."))
    if enrolment.status == EnrolmentStatus.WITHDRAWN:
        raise ValidationError(_("This enrolment was withdrawn."))
    if not enrolment.delivery.window_open(kind, now or timezone.now()):
        raise ValidationError(_("This test is not open at the moment."))
    questions = _bank(enrolment.delivery.course_id)
    if not questions:
        raise ValidationError(_("This course has no questions yet."))
    cleaned = _clean_answers(questions, answers)
    submission = TestSubmission(
        enrolment=enrolment,
        kind=kind,
        answers=cleaned,
        score=score_answers(questions, cleaned),
        max_score=len(questions),
    )
    try:
        with transaction.atomic():
            # Lock the enrolment: a double click or a second tab cannot submit twice.
            Enrolment.objects.select_for_update().filter(pk=enrolment.pk).first()
            if TestSubmission.objects.filter(enrolment=enrolment, kind=kind).exists():
                raise ValidationError(_("You have already submitted this test."))
            submission.save()
            record(
                "training.test.submit",
                actor=actor,
                obj=submission,
                request=request,
                data={"kind": kind, "score": submission.score, "max": submission.max_score},
            )
            # A post-test sent after completion was marked counts: nobody issues by hand.
            completion_settle(
                delivery=enrolment.delivery, enrolment_ids=[enrolment.pk], request=request
            )
    except IntegrityError as exc:
        raise ValidationError(_("You have already submitted this test.")) from exc
    return submission


def delivery_rescore(*, actor, delivery: Delivery, request=None) -> int:
    """Recompute every stored submission of a delivery against the current answer key (after a
    key was corrected). Each submission keeps its own question set. Once completion is marked,
    certificates follow the new scores."""
    require(actor, "training.delivery.manage", delivery)
    submissions = list(TestSubmission.objects.filter(enrolment__delivery=delivery))
    ids = {int(qid) for s in submissions for qid in s.answers}
    questions = {q.pk: q for q in _bank(delivery.course_id, question_ids=ids)}
    changed = []
    for s in submissions:
        own = [questions[int(qid)] for qid in s.answers if int(qid) in questions]
        score = score_answers(own, s.answers)
        if score != s.score:
            s.score = score
            changed.append(s)
    with transaction.atomic():
        TestSubmission.objects.bulk_update(changed, ["score"])
        versions.touched(TestSubmission)
        settled = completion_settle(delivery=delivery, actor=actor, request=request)
        record(
            "training.test.rescore",
            actor=actor,
            obj=delivery,
            request=request,
            data={
                "submissions": len(submissions),
                "changed": len(changed),
                **certificate_changes(settled),
            },
        )
    return len(changed)


@dataclass(frozen=True)
class EvaluationInput:
    """A trainee's four ratings (1 to 5) and optional comments."""

    overall: int
    relevance: int
    trainers: int
    materials: int
    comments: str = ""


def evaluation_submit(
    *, actor, enrolment: Enrolment, data: EvaluationInput, request=None
) -> Evaluation:
    require(actor, "training.evaluation.submit", enrolment)
    if enrolment.delivery.start_date > timezone.localdate():
        raise ValidationError(_("The course evaluation opens when the course starts."))
    evaluation = Evaluation(enrolment=enrolment, comments=(data.comments or "").strip())
    for name in RATINGS:
        value = getattr(data, name)
        if not isinstance(value, int) or not 1 <= value <= 5:
            raise ValidationError({name: _("Choose a rating from 1 to 5.")})
        setattr(evaluation, name, value)
    if len(evaluation.comments) > MAX_COMMENT:
        raise ValidationError({"comments": _("The comments are too long.")})
    try:
        with transaction.atomic():
            evaluation.save()
            record("training.evaluation.submit", actor=actor, obj=evaluation, request=request)
    except IntegrityError as exc:
        raise ValidationError(_("You have already evaluated this course.")) from exc
    return evaluation
