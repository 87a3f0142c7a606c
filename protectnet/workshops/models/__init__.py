from .attendance import CheckInMethod, DayAttendance, SessionAttendance
from .delegations import SEAT_HOLDING, Delegation, Nomination, NominationStatus
from .editions import Series, Session, SessionKind, Speaker, Workshop, WorkshopStatus
from .feedback import FeedbackReceipt, FeedbackResponse, SessionRating
from .outcomes import Outcome, OutcomeKind, OutcomeReminder, OutcomeStatus
from .registrations import (
    SENSITIVE_FIELDS,
    Invitation,
    Registration,
    RegistrationStatus,
    SessionChoice,
    hash_token,
)

__all__ = [
    "SEAT_HOLDING",
    "SENSITIVE_FIELDS",
    "CheckInMethod",
    "DayAttendance",
    "Delegation",
    "FeedbackReceipt",
    "FeedbackResponse",
    "Invitation",
    "Nomination",
    "NominationStatus",
    "Outcome",
    "OutcomeKind",
    "OutcomeReminder",
    "OutcomeStatus",
    "Registration",
    "RegistrationStatus",
    "Series",
    "Session",
    "SessionAttendance",
    "SessionChoice",
    "SessionKind",
    "SessionRating",
    "Speaker",
    "Workshop",
    "WorkshopStatus",
    "hash_token",
]
