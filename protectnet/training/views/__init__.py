"""Training pages: thin views over the selectors and services."""

from .capacity import capacity, capacity_export
from .catalogue import (
    course_create,
    course_detail,
    course_edit,
    course_list,
    question_delete,
    question_edit,
    question_list,
    question_retire,
)
from .deliveries import (
    attendance_record,
    delivery_complete,
    delivery_create,
    delivery_detail,
    delivery_edit,
    delivery_rescore,
    delivery_results_export,
    enrolment_create,
    enrolment_withdraw,
)
from .public import certificate_verify, certificate_verify_form
from .trainee import (
    certificate_download,
    certificate_revoke,
    evaluation_submit,
    followup_answer,
    my_training,
    test_take,
)

__all__ = [
    "attendance_record",
    "capacity",
    "capacity_export",
    "certificate_download",
    "certificate_revoke",
    "certificate_verify",
    "certificate_verify_form",
    "course_create",
    "course_detail",
    "course_edit",
    "course_list",
    "delivery_complete",
    "delivery_create",
    "delivery_detail",
    "delivery_edit",
    "delivery_rescore",
    "delivery_results_export",
    "enrolment_create",
    "enrolment_withdraw",
    "evaluation_submit",
    "followup_answer",
    "my_training",
    "question_delete",
    "question_edit",
    "question_list",
    "question_retire",
    "test_take",
]
