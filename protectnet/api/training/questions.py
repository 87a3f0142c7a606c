"""API operations on a course's question bank and on rescoring a delivery against it. Stored
answers stay recomputable: see training/services/questions.py."""

from typing import Literal

from ninja import Field, Router, Schema

from protectnet.access.routes import requires
from protectnet.training import selectors, services

# Mounted under the tagged training router, these operations carry the tag twice in the
# published document; clients see it unchanged.
router = Router(tags=["training"])


class RescoreOut(Schema):
    changed: int


class ChoiceOut(Schema):
    id: int
    text: str
    correct: bool


class QuestionOut(Schema):
    id: int
    text: str
    kind: str
    position: int
    locked: bool = Field(..., description="Answered in a test that is still open: not editable")
    choices: list[ChoiceOut]


class ChoiceIn(Schema):
    id: int | None = Field(None, ge=1, description="An existing answer's id; none for a new one")
    text: str = Field(..., max_length=500)
    correct: bool = False


class QuestionIn(Schema):
    text: str = Field(..., min_length=1, max_length=5000)
    kind: Literal["single", "multiple"]
    choices: list[ChoiceIn] = Field(
        ..., min_length=2, max_length=12, description="Existing answers left out are removed"
    )


class QuestionDeleted(Schema):
    outcome: Literal["deleted", "retired"]


def _question_out(q, locked: set[int]) -> dict:
    return {
        "id": q.pk,
        "text": q.text,
        "kind": q.kind,
        "position": q.position,
        "locked": q.pk in locked,
        "choices": [{"id": c.pk, "text": c.text, "correct": c.is_correct} for c in q.choices.all()],
    }


def _managed_question(request, course_id: int, question_id: int):
    course = selectors.course_get(user=request.user, pk=course_id, action="training.course.manage")
    return course, selectors.question_get(user=request.user, course=course, pk=question_id)


@router.get(
    "/courses/{course_id}/questions",
    response=list[QuestionOut],
    summary="The active question bank, with its key (trainers and admins)",
)
@requires("training.course.manage")
def training_question_list(request, course_id: int):
    course = selectors.course_get(user=request.user, pk=course_id, action="training.course.manage")
    locked = selectors.question_locked_ids(course=course)
    return [
        _question_out(q, locked) for q in selectors.question_list(user=request.user, course=course)
    ]


@router.put(
    "/courses/{course_id}/questions/{question_id}",
    response=QuestionOut,
    summary="Edit a question and its answers (refused while a test using it is open)",
)
@requires("training.course.manage")
def training_question_update(request, course_id: int, question_id: int, payload: QuestionIn):
    course, question = _managed_question(request, course_id, question_id)
    services.question_update(
        actor=request.user,
        question=question,
        text=payload.text,
        kind=payload.kind,
        choices=[(c.id, c.text, c.correct) for c in payload.choices],
        request=request,
    )
    fresh = selectors.question_get(user=request.user, course=course, pk=question.pk)
    return _question_out(fresh, set())


@router.delete(
    "/courses/{course_id}/questions/{question_id}",
    response=QuestionDeleted,
    summary="Delete a question (retired instead once trainees have answered it)",
)
@requires("training.course.manage")
def training_question_delete(request, course_id: int, question_id: int):
    _course, question = _managed_question(request, course_id, question_id)
    outcome = services.question_delete(actor=request.user, question=question, request=request)
    return {"outcome": outcome}


@router.post(
    "/deliveries/{delivery_id}/rescore",
    response=RescoreOut,
    summary="Recompute stored scores against the current key; certificates follow the rule",
)
@requires("training.delivery.manage")
def training_delivery_rescore(request, delivery_id: int):
    delivery = selectors.delivery_get(
        user=request.user, pk=delivery_id, action="training.delivery.manage"
    )
    changed = services.delivery_rescore(actor=request.user, delivery=delivery, request=request)
    return {"changed": changed}
