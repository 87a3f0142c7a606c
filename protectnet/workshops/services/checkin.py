"""Badge tokens and check-in. A badge's QR carries a signed token bound to one registration and
one workshop; check-in is idempotent per registration and day, so a replayed scan (an offline
queue sent twice) changes nothing."""

from dataclasses import dataclass
from datetime import date

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access import audit
from protectnet.access.policy import require

from ..models import (
    CheckInMethod,
    DayAttendance,
    Registration,
    RegistrationStatus,
    Session,
    SessionAttendance,
    Workshop,
)

SALT = "protectnet.workshops.badge"


class _IssuedSigner(signing.TimestampSigner):
    """Stamps the registration's creation time instead of the clock: the same registration always
    gets the same code, so a reprinted badge is identical and the stored badges PDF can be used
    again (core.documents). Check-in never reads the time, and the format is signing.dumps'."""

    def __init__(self, issued: int):
        super().__init__(salt=SALT)
        self.issued = issued

    def timestamp(self) -> str:
        return signing.b62_encode(self.issued)


def badge_token(registration: Registration) -> str:
    signer = _IssuedSigner(int(registration.created_at.timestamp()))
    return signer.sign_object({"r": registration.pk, "w": registration.workshop_id})


@dataclass(frozen=True)
class CheckInResult:
    registration: Registration
    day: date
    created: bool
    session: Session | None = None


def _resolve(workshop: Workshop, code: str) -> tuple[Registration, str]:
    code = (code or "").strip()
    if not code or len(code) > 300:
        raise ValidationError(_("No badge code was given."))
    qs = Registration.objects.select_related("person").filter(workshop=workshop)
    if ":" in code:
        try:
            data = signing.loads(code, salt=SALT)
        except signing.BadSignature as exc:
            raise ValidationError(_("This badge code is not valid.")) from exc
        if not isinstance(data, dict) or data.get("w") != workshop.pk:
            raise ValidationError(_("This badge belongs to another workshop."))
        registration = qs.filter(pk=data.get("r")).first()
        method = CheckInMethod.SCAN
    else:
        registration = qs.filter(badge_code=code.upper()).first()
        method = CheckInMethod.CODE
    if registration is None:
        raise ValidationError(_("This badge code is not valid."))
    return registration, method


def checkin_record(
    *,
    actor,
    workshop: Workshop,
    day: date,
    code: str = "",
    registration_id: int | None = None,
    session: Session | None = None,
) -> CheckInResult:
    """Check a person in for one day (and optionally one session), by badge token, badge code
    or (after a name search) registration id."""
    require(actor, "workshops.checkin", workshop)
    if day not in workshop.days:
        raise ValidationError(_("That day is not a day of this workshop."))
    if session is not None and (
        session.workshop_id != workshop.pk
        or timezone.localtime(session.starts_at, workshop.tz).date() != day
    ):
        raise ValidationError(_("That session is not on this day of this workshop."))
    if code:
        registration, method = _resolve(workshop, code)
        if registration_id is not None and registration_id != registration.pk:
            raise ValidationError(_("This badge belongs to someone else."))
    else:
        registration = (
            Registration.objects.select_related("person")
            .filter(workshop=workshop, pk=registration_id)
            .first()
        )
        method = CheckInMethod.SEARCH
        if registration is None:
            raise ValidationError(_("No such participant."))
    if registration.status != RegistrationStatus.REGISTERED:
        raise ValidationError(_("This registration was cancelled."))
    with transaction.atomic():
        try:
            with transaction.atomic():
                _row, created = DayAttendance.objects.get_or_create(
                    registration=registration,
                    day=day,
                    defaults={"method": method, "checked_in_by": actor},
                )
        except IntegrityError:  # a concurrent duplicate scan: the first one won
            created = False
        if session is not None:
            SessionAttendance.objects.get_or_create(registration=registration, session=session)
        if created:
            audit.record(
                "workshops.checkin",
                actor=actor,
                obj=registration,
                data={"day": day.isoformat(), "method": method},
            )
    return CheckInResult(registration=registration, day=day, created=created, session=session)
