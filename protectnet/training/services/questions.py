"""The question bank: admins and trainers add, edit, retire and delete questions.

Stored answers are lists of choice ids, so they stay recomputable as long as the questions and
answers they point to exist. Hence: a question answered in a test whose window is still open
cannot be changed at all (the cohort must answer the same question); an answer some trainee
chose cannot be removed (mark it not correct instead); and a question with stored answers is
retired, never deleted. Editing texts and the key in place is allowed otherwise: "Recompute
scores" then applies a corrected key to the stored answers.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from protectnet.access.policy import require

from .. import selectors
from ..models import Choice, Course, Question, QuestionKind
from .common import record

MANAGE = "training.course.manage"
LOCKED = gettext_lazy(
    "Trainees have already submitted answers to this question in a test that is still open. "
    "It can be changed once that test has closed, so that everyone in the cohort answers the "
    "same question."
)


def _check_choices(kind: str, choices: list[tuple]) -> None:
    correct = sum(1 for *_rest, ok in choices if ok)
    if kind not in QuestionKind.values:
        raise ValidationError({"kind": _("Choose single or multiple choice.")})
    if len(choices) < 2:
        raise ValidationError(_("Give at least two answers."))
    if kind == QuestionKind.SINGLE and correct != 1:
        raise ValidationError(_("A single-choice question needs exactly one correct answer."))
    if kind == QuestionKind.MULTIPLE and correct < 1:
        raise ValidationError(_("Mark at least one answer as correct."))


def _refuse_if_locked(question: Question, now=None) -> None:
    if selectors.question_locked_ids(course=question.course, now=now) & {question.pk}:
        raise ValidationError(str(LOCKED), code="locked")


def question_create(
    *, actor, course: Course, text: str, kind: str, choices: list[tuple[str, bool]], request=None
) -> Question:
    """A question with its answers; single choice needs exactly one correct answer."""
    require(actor, MANAGE, course)
    choices = [(t.strip(), bool(ok)) for t, ok in choices if t and t.strip()]
    _check_choices(kind, choices)
    position = course.questions.count() + 1
    question = Question(course=course, text=(text or "").strip(), kind=kind, position=position)
    question.full_clean()
    with transaction.atomic():
        question.save()
        Choice.objects.bulk_create(
            Choice(question=question, text=t, is_correct=ok, position=i)
            for i, (t, ok) in enumerate(choices, start=1)
        )
        record("training.question.create", actor=actor, obj=question, request=request)
    return question


def _normalise(question: Question, choices: list[tuple]) -> list[tuple[int | None, str, bool]]:
    """Blank answers dropped; ids must be this question's (never trust an id from a request)."""
    existing = {c.pk for c in question.choices.all()}
    out = []
    for pk, text, ok in choices:
        if pk is not None and pk not in existing:
            raise ValidationError(_("An answer does not belong to this question."))
        if text and text.strip():
            out.append((pk, text.strip(), bool(ok)))
    return out


def _refuse_removing_chosen(question: Question, removed: set[int]) -> None:
    chosen = selectors.question_chosen_choice_ids(question=question)
    for choice in question.choices.all():
        if choice.pk in removed and choice.pk in chosen:
            raise ValidationError(
                _(
                    "Trainees chose “%(answer)s” in a submitted test: mark it as not correct "
                    "instead of removing it, so that their answers can still be scored."
                )
                % {"answer": choice.text}
            )


def _save_choices(question: Question, choices: list, removed: set[int]) -> list[str]:
    existing = {c.pk: c for c in question.choices.all()}
    changed, new = [], []
    for position, (pk, text, ok) in enumerate(choices, start=1):
        if pk is None:
            new.append(Choice(question=question, text=text, is_correct=ok, position=position))
            continue
        c = existing[pk]
        if c.is_correct != ok:
            changed.append("key")
        if (c.text, c.position) != (text, position):
            changed.append("answers")
        c.text, c.is_correct, c.position = text, ok, position
    Choice.objects.filter(question=question, pk__in=removed).delete()
    kept = [c for pk, c in existing.items() if pk not in removed]
    Choice.objects.bulk_update(kept, ["text", "is_correct", "position"])
    Choice.objects.bulk_create(new)
    return changed + (["answers"] if new or removed else [])


def question_update(
    *,
    actor,
    question: Question,
    text: str,
    kind: str,
    choices: list[tuple[int | None, str, bool]],
    request=None,
    now=None,
) -> Question:
    """Edit a question and its answers in place. `choices`: (existing id or None, text,
    correct) in order; an existing answer left out or left blank is removed."""
    require(actor, MANAGE, question.course)
    _refuse_if_locked(question, now)
    choices = _normalise(question, choices)
    _check_choices(kind, [(t, ok) for _pk, t, ok in choices])
    removed = {c.pk for c in question.choices.all()} - {pk for pk, _t, _ok in choices}
    _refuse_removing_chosen(question, removed)
    text = (text or "").strip()
    edited = [n for n, v in (("text", text), ("kind", kind)) if getattr(question, n) != v]
    question.text, question.kind = text, kind
    question.full_clean()
    with transaction.atomic():
        question.save(update_fields=["text", "kind"])
        changed = sorted({*edited, *_save_choices(question, choices, removed)})
        record(
            "training.question.update",
            actor=actor,
            obj=question,
            request=request,
            data={"changed": changed, "removed": len(removed)},
        )
    return question


def question_retire(*, actor, question: Question, request=None, now=None) -> Question:
    """Retire rather than delete, so submitted answers can still be recomputed."""
    require(actor, MANAGE, question.course)
    _refuse_if_locked(question, now)
    with transaction.atomic():
        question.active = False
        question.save(update_fields=["active"])
        record("training.question.retire", actor=actor, obj=question, request=request)
    return question


def question_delete(*, actor, question: Question, request=None, now=None) -> str:
    """Delete a question nobody has answered; one with stored answers is retired instead, so
    those answers keep their score. Returns "deleted" or "retired"."""
    require(actor, MANAGE, question.course)
    _refuse_if_locked(question, now)
    if selectors.question_is_answered(question=question):
        question_retire(actor=actor, question=question, request=request, now=now)
        return "retired"
    with transaction.atomic():
        # Recorded before the row goes, while it still has its id.
        record("training.question.delete", actor=actor, obj=question, request=request)
        question.delete()
    return "deleted"
