"""Every write of the training app: one transaction, one policy check, one audit entry each."""

from .assessment import (
    EvaluationInput,
    delivery_rescore,
    evaluation_submit,
    score_answers,
    test_submit,
)
from .catalogue import CourseInput, course_create, course_update
from .certificates import certificate_revoke, completion_settle, delivery_completion_mark
from .deliveries import (
    DeliveryInput,
    attendance_record,
    delivery_create,
    delivery_update,
    enrolment_create,
    enrolment_withdraw,
)
from .followups import followup_answer, followups_send
from .invitations import enrolment_invite
from .questions import question_create, question_delete, question_retire, question_update

__all__ = [
    "EvaluationInput",
    "DeliveryInput",
    "attendance_record",
    "certificate_revoke",
    "completion_settle",
    "CourseInput",
    "course_create",
    "course_update",
    "delivery_completion_mark",
    "delivery_create",
    "delivery_rescore",
    "delivery_update",
    "enrolment_create",
    "enrolment_invite",
    "enrolment_withdraw",
    "evaluation_submit",
    "followup_answer",
    "followups_send",
    "question_create",
    "question_delete",
    "question_retire",
    "question_update",
    "score_answers",
    "test_submit",
]
