"""Completion by the course's rule, certificates, and revocation."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access.policy import require
from protectnet.core import languages, multilingual

from ..models import (
    Certificate,
    Delivery,
    Enrolment,
    EnrolmentStatus,
    RevocationCause,
    TestKind,
)
from ..models.deliveries import SEAT_STATUSES
from .common import record


def attendance_percent(enrolment: Enrolment, days: int) -> int:
    """Days present over days of the delivery (uses prefetched attendance)."""
    present = sum(1 for a in enrolment.attendance.all() if a.present)
    return round(100 * present / days) if days else 0


def post_percent(enrolment: Enrolment) -> float | None:
    post = next((s for s in enrolment.submissions.all() if s.kind == TestKind.POST), None)
    return post.percent if post else None


def meets_rule(enrolment: Enrolment, delivery: Delivery) -> tuple[bool, int, float | None]:
    course = delivery.course
    attendance = attendance_percent(enrolment, len(delivery.days))
    post = post_percent(enrolment)
    passed = attendance >= course.attendance_threshold and post is not None
    return passed and post >= course.pass_mark, attendance, post


def holder_language(person) -> str:
    """The language a trainee reads: their account's choice (their latest word), else the one
    their directory entry gives, else the original's."""
    account = person.user.language if person.user_id else ""
    return (
        languages.supported(account)
        or languages.supported(person.language)
        or multilingual.ORIGINAL
    )


def certificate_row(enrolment: Enrolment, delivery: Delivery, *, actor, now) -> Certificate:
    """The certificate freezes names and dates as they were at completion. The course title is
    the holder's (the one they took the course under and will show), never that of whoever
    happened to record the results; the public page shows it as printed."""
    course, lang = delivery.course, holder_language(enrolment.person)
    return Certificate.objects.create(
        enrolment=enrolment,
        holder_name=enrolment.person.full_name,
        course_title=multilingual.read_in(course, "title", lang),
        course_title_lang=multilingual.shown_language(course, "title", lang),
        start_date=delivery.start_date,
        end_date=delivery.end_date,
        issuing_organisation=delivery.course.delivering_organisation.name,
        issued_at=now,
        issued_by=actor,
    )


def _certificate_follow(enrolment, delivery, done: bool, *, actor, now, request) -> str | None:
    """Make the certificate agree with the rule. A certificate withdrawn because of results is
    reinstated (same code, so the printed QR works again); a manual revocation is never undone."""
    cert = enrolment.certificate_or_none
    if done and cert is None:
        cert, change = certificate_row(enrolment, delivery, actor=actor, now=now), "issue"
    elif done and cert.revocation_cause == RevocationCause.RESULTS:
        cert.revoked_at, cert.revoked_by, cert.revocation_reason = None, None, ""
        cert.revocation_cause, change = "", "reinstate"
    elif not done and cert is not None and cert.is_valid:
        cert.revoked_at, cert.revoked_by = now, actor
        cert.revocation_cause = RevocationCause.RESULTS
        cert.revocation_reason = str(RevocationCause.RESULTS.label)[:255]
        change = "withdraw"
    else:
        return None
    if change != "issue":
        fields = ["revoked_at", "revoked_by", "revocation_reason", "revocation_cause"]
        cert.save(update_fields=fields)
    record(f"training.certificate.{change}", actor=actor, obj=cert, request=request)
    return change


def _settle_one(enrolment, delivery, *, actor, now, request) -> tuple[bool, str | None]:
    done, attendance, _post = meets_rule(enrolment, delivery)
    status = EnrolmentStatus.COMPLETED if done else EnrolmentStatus.NOT_COMPLETED
    if (enrolment.status, enrolment.attendance_percent) != (status, attendance):
        enrolment.attendance_percent = attendance
        if enrolment.status != status:
            enrolment.completed_at = now if done else None
        enrolment.status = status
        enrolment.save(update_fields=["attendance_percent", "status", "completed_at"])
    change = _certificate_follow(enrolment, delivery, done, actor=actor, now=now, request=request)
    return done, change


def completion_settle(
    *, delivery: Delivery, actor=None, enrolment_ids=None, request=None, now=None
) -> dict:
    """The one place where the completion rule is applied: when completion is marked, and again
    whenever results change afterwards (rescored tests, corrected attendance, a late post-test).
    Callers hold the policy check and the transaction; before completion is marked it does
    nothing, so corrections during the course issue nothing early."""
    counts = {"completed": 0, "not_completed": 0, "issue": 0, "withdraw": 0, "reinstate": 0}
    # Read from the database: the caller's copy may predate the marking.
    marked = Delivery.objects.filter(pk=delivery.pk).values_list("completion_marked_at", flat=True)
    if marked.first() is None:
        return counts
    now = now or timezone.now()
    qs = Enrolment.objects.filter(delivery=delivery, status__in=SEAT_STATUSES)
    if enrolment_ids is not None:
        qs = qs.filter(pk__in=enrolment_ids)
    enrolments = qs.select_related("person__user", "certificate").prefetch_related(
        "attendance", "submissions"
    )
    for enrolment in enrolments:
        done, change = _settle_one(enrolment, delivery, actor=actor, now=now, request=request)
        counts["completed" if done else "not_completed"] += 1
        if change:
            counts[change] += 1
    return counts


def certificate_changes(settled: dict) -> dict:
    """What completion_settle changed, for the caller's audit entry."""
    return {f"certificates_{k}": settled[k] for k in ("issue", "withdraw", "reinstate")}


def delivery_completion_mark(*, actor, delivery: Delivery, request=None, now=None) -> dict:
    """Apply the course's completion rule to every trainee of an ended delivery, issuing or
    withdrawing certificates so that they agree with it."""
    require(actor, "training.delivery.manage", delivery)
    now = now or timezone.now()
    if delivery.end_date > timezone.localdate(now):
        raise ValidationError(_("Completion can be marked once the delivery has ended."))
    with transaction.atomic():
        delivery.completion_marked_at = now
        delivery.save(update_fields=["completion_marked_at"])
        settled = completion_settle(delivery=delivery, actor=actor, request=request, now=now)
        counts = {
            "completed": settled["completed"],
            "not_completed": settled["not_completed"],
            "certificates": settled["issue"],
        }
        record("training.completion.mark", actor=actor, obj=delivery, request=request, data=counts)
    return counts


def certificate_revoke(*, actor, certificate: Certificate, reason: str, request=None):
    """Effective at once: the public verification page reads the row on every request."""
    require(actor, "training.certificate.revoke", certificate)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the certificate is revoked.")})
    if certificate.revoked_at is not None:
        raise ValidationError(_("This certificate is already revoked."))
    with transaction.atomic():
        certificate.revoked_at = timezone.now()
        certificate.revoked_by = actor
        certificate.revocation_reason = reason[:255]
        certificate.revocation_cause = RevocationCause.MANUAL
        fields = ["revoked_at", "revoked_by", "revocation_reason", "revocation_cause"]
        certificate.save(update_fields=fields)
        record(
            "training.certificate.revoke",
            actor=actor,
            obj=certificate,
            request=request,
            data={"reason": certificate.revocation_reason},
        )
    return certificate
