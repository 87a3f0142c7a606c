"""Completion by the course's rule, certificates, and revocation."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access.policy import require

from ..models import Certificate, Delivery, Enrolment, EnrolmentStatus, TestKind
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


def delivery_completion_mark(*, actor, delivery: Delivery, request=None, now=None) -> dict:
    """Apply the course's completion rule to every trainee of an ended delivery and issue a
    certificate to each who completed. Trainees already certified are left as they are:
    withdrawing a certificate is an explicit, audited revocation."""
    require(actor, "training.delivery.manage", delivery)
    now = now or timezone.now()
    if delivery.end_date > timezone.localdate(now):
        raise ValidationError(_("Completion can be marked once the delivery has ended."))
    enrolments = list(
        Enrolment.objects.filter(delivery=delivery, status__in=SEAT_STATUSES)
        .select_related("person", "certificate")
        .prefetch_related("attendance", "submissions")
    )
    issuer = delivery.course.delivering_organisation.name
    counts = {"completed": 0, "not_completed": 0, "certificates": 0}
    with transaction.atomic():
        for enrolment in enrolments:
            if hasattr(enrolment, "certificate"):
                counts["completed"] += 1
                continue
            done, attendance, _post = meets_rule(enrolment, delivery)
            enrolment.attendance_percent = attendance
            enrolment.status = EnrolmentStatus.COMPLETED if done else EnrolmentStatus.NOT_COMPLETED
            enrolment.completed_at = now if done else None
            enrolment.save(update_fields=["attendance_percent", "status", "completed_at"])
            counts["completed" if done else "not_completed"] += 1
            if done:
                Certificate.objects.create(
                    enrolment=enrolment,
                    holder_name=enrolment.person.full_name,
                    course_title=delivery.course.title,
                    start_date=delivery.start_date,
                    end_date=delivery.end_date,
                    issuing_organisation=issuer,
                    issued_at=now,
                    issued_by=actor,
                )
                counts["certificates"] += 1
        delivery.completion_marked_at = now
        delivery.save(update_fields=["completion_marked_at"])
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
        certificate.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
        record(
            "training.certificate.revoke",
            actor=actor,
            obj=certificate,
            request=request,
            data={"reason": certificate.revocation_reason},
        )
    return certificate
