"""The course catalogue and question bank: admins and trainers."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from protectnet.access.policy import require

from ..models import Choice, Course, Question, QuestionKind
from .common import record

COURSE_FIELDS = (
    "title",
    "summary",
    "learning_objectives",
    "audience_sectors",
    "audience_roles",
    "duration_hours",
    "modules",
    "languages",
    "delivering_organisation",
    "library_links",
    "attendance_threshold",
    "pass_mark",
)


def _apply(course: Course, data: dict, *, new: bool = False) -> list[str]:
    changed = []
    for name in COURSE_FIELDS:
        if name in data and (new or getattr(course, name) != data[name]):
            setattr(course, name, data[name])
            changed.append(name)
    return changed


def course_create(*, actor, data: dict, request=None) -> Course:
    require(actor, "training.course.manage")
    course = Course(created_by=actor)
    _apply(course, data, new=True)
    course.full_clean()
    with transaction.atomic():
        course.save()
        record("training.course.create", actor=actor, obj=course, request=request)
    return course


def course_update(*, actor, course: Course, data: dict, request=None) -> Course:
    require(actor, "training.course.manage", course)
    changed = _apply(course, data)
    if not changed:
        return course
    course.full_clean()
    with transaction.atomic():
        course.save(update_fields=[*changed, "updated_at"])
        record(
            "training.course.update",
            actor=actor,
            obj=course,
            request=request,
            data={"fields": changed},
        )
    return course


def question_create(
    *, actor, course: Course, text: str, kind: str, choices: list[tuple[str, bool]], request=None
) -> Question:
    """A question with its answers; single choice needs exactly one correct answer."""
    require(actor, "training.course.manage", course)
    choices = [(t.strip(), bool(ok)) for t, ok in choices if t and t.strip()]
    correct = sum(1 for _t, ok in choices if ok)
    if len(choices) < 2:
        raise ValidationError(_("Give at least two answers."))
    if kind == QuestionKind.SINGLE and correct != 1:
        raise ValidationError(_("A single-choice question needs exactly one correct answer."))
    if kind == QuestionKind.MULTIPLE and correct < 1:
        raise ValidationError(_("Mark at least one answer as correct."))
    position = course.questions.count() + 1
    question = Question(course=course, text=text.strip(), kind=kind, position=position)
    question.full_clean()
    with transaction.atomic():
        question.save()
        Choice.objects.bulk_create(
            Choice(question=question, text=t, is_correct=ok, position=i)
            for i, (t, ok) in enumerate(choices, start=1)
        )
        record("training.question.create", actor=actor, obj=question, request=request)
    return question


def question_retire(*, actor, question: Question, request=None) -> Question:
    """Retire rather than delete, so submitted answers can still be recomputed."""
    require(actor, "training.course.manage", question.course)
    with transaction.atomic():
        question.active = False
        question.save(update_fields=["active"])
        record("training.question.retire", actor=actor, obj=question, request=request)
    return question
