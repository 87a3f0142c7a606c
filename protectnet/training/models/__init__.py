"""Training: the course catalogue, deliveries (cohorts), trainees, tests, certificates."""

from .catalogue import Choice, Course, Question, QuestionKind
from .deliveries import AttendanceDay, Delivery, DeliveryMode, Enrolment, EnrolmentStatus
from .results import (
    Applied,
    Certificate,
    Evaluation,
    FollowUp,
    RevocationCause,
    TestKind,
    TestSubmission,
    new_certificate_code,
)

__all__ = [
    "Applied",
    "AttendanceDay",
    "Certificate",
    "Choice",
    "Course",
    "Delivery",
    "DeliveryMode",
    "Enrolment",
    "EnrolmentStatus",
    "Evaluation",
    "FollowUp",
    "Question",
    "QuestionKind",
    "RevocationCause",
    "TestKind",
    "TestSubmission",
    "new_certificate_code",
]
