"""Deliveries, enrolment (never beyond capacity) and attendance."""

from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access.policy import can, require
from protectnet.access.principal import principal_for
from protectnet.network.models import Country, Membership, Organisation, Person

from ..models import AttendanceDay, Course, Delivery, Enrolment, EnrolmentStatus
from ..models.deliveries import SEAT_STATUSES
from .certificates import certificate_changes, completion_settle
from .common import record


@dataclass
class DeliveryInput:
    """A delivery's dates, place and size: the page's form and the API both produce one. Test
    windows left empty get the defaults (see _default_windows)."""

    start_date: date
    end_date: date
    host_country: Country
    capacity: int
    language: str
    mode: str = "in_person"
    place: str = ""
    pre_test_opens_at: datetime | None = None
    pre_test_closes_at: datetime | None = None
    post_test_opens_at: datetime | None = None
    post_test_closes_at: datetime | None = None


DELIVERY_FIELDS = tuple(f.name for f in fields(DeliveryInput))


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _default_windows(delivery: Delivery) -> None:
    """Pre-test: the two weeks before and the first day; post-test: last day to a week after."""
    if delivery.start_date and not delivery.pre_test_opens_at:
        delivery.pre_test_opens_at = _at(delivery.start_date - timedelta(days=14), 0)
    if delivery.start_date and not delivery.pre_test_closes_at:
        delivery.pre_test_closes_at = _at(delivery.start_date + timedelta(days=1), 0)
    if delivery.end_date and not delivery.post_test_opens_at:
        delivery.post_test_opens_at = _at(delivery.end_date, 0)
    if delivery.end_date and not delivery.post_test_closes_at:
        delivery.post_test_closes_at = _at(delivery.end_date + timedelta(days=8), 0)


def _trainers_with_actor(actor, trainers) -> list[Person]:
    """A trainer who schedules a delivery trains it: otherwise they could not manage it."""
    trainers = list(trainers or [])
    p = principal_for(actor)
    if not p.is_admin and p.person_id and p.person_id not in {t.pk for t in trainers}:
        trainers.append(Person.objects.get(pk=p.person_id))
    return trainers


def delivery_create(
    *, actor, course: Course, data: DeliveryInput, trainers=(), request=None
) -> Delivery:
    require(actor, "training.delivery.create", course)
    delivery = Delivery(course=course, created_by=actor)
    for name in DELIVERY_FIELDS:
        setattr(delivery, name, getattr(data, name))
    _default_windows(delivery)
    delivery.full_clean()
    with transaction.atomic():
        delivery.save()
        delivery.trainers.set(_trainers_with_actor(actor, trainers))
        record("training.delivery.create", actor=actor, obj=delivery, request=request)
    return delivery


def delivery_update(*, actor, delivery: Delivery, data: DeliveryInput, trainers=None, request=None):
    require(actor, "training.delivery.manage", delivery)
    changed = [n for n in DELIVERY_FIELDS if getattr(delivery, n) != getattr(data, n)]
    for name in changed:
        setattr(delivery, name, getattr(data, name))
    delivery.full_clean()
    with transaction.atomic():
        if changed:
            delivery.save(update_fields=changed)
        if trainers is not None:
            delivery.trainers.set(_trainers_with_actor(actor, trainers))
            changed.append("trainers")
        record(
            "training.delivery.update",
            actor=actor,
            obj=delivery,
            request=request,
            data={"fields": changed},
        )
    return delivery


def enrolment_create(
    *, actor, delivery: Delivery, person: Person, organisation: Organisation, request=None
) -> Enrolment:
    """Enrol a nominated trainee. The delivery row is locked (SQLite: the IMMEDIATE transaction
    holds the write lock) before seats are counted, so two nominations for the last seat cannot
    both succeed."""
    is_member = Membership.objects.filter(
        Membership.current_q(), person=person, organisation=organisation
    ).exists()
    try:
        with transaction.atomic():
            locked = Delivery.objects.select_for_update().get(pk=delivery.pk)
            enrolment = Enrolment.objects.filter(delivery=locked, person=person).first()
            if enrolment is None:
                enrolment = Enrolment(delivery=locked, person=person)
            elif enrolment.holds_seat:
                raise ValidationError(_("This person is already enrolled."))
            enrolment.organisation = organisation
            require(actor, "training.enrolment.nominate", enrolment)
            if locked.has_ended:
                raise ValidationError(
                    _("This delivery has ended: trainees can no longer be enrolled in it.")
                )
            # Focal points nominate members of their country's agencies; the delivery's trainers
            # and admins may also enrol a guest (no current membership) under an agency.
            if not is_member and not can(actor, "training.delivery.manage", locked):
                raise ValidationError(
                    _("This person is not a current member of that organisation.")
                )
            taken = Enrolment.objects.filter(delivery=locked, status__in=SEAT_STATUSES).count()
            if taken >= locked.capacity:
                raise ValidationError(_("This delivery is full."))
            enrolment.status = EnrolmentStatus.ENROLLED
            enrolment.nominated_by = actor
            enrolment.save()
            record(
                "training.enrolment.create",
                actor=actor,
                obj=enrolment,
                request=request,
                data={"delivery": locked.pk, "organisation": organisation.pk},
            )
    except IntegrityError as exc:  # the same person enrolled by someone else at this moment
        raise ValidationError(_("This person is already enrolled.")) from exc
    return enrolment


def enrolment_withdraw(*, actor, enrolment: Enrolment, request=None) -> Enrolment:
    require(actor, "training.enrolment.nominate", enrolment)
    if enrolment.status != EnrolmentStatus.ENROLLED:
        raise ValidationError(_("Only a current enrolment can be withdrawn."))
    with transaction.atomic():
        enrolment.status = EnrolmentStatus.WITHDRAWN
        enrolment.save(update_fields=["status"])
        record("training.enrolment.withdraw", actor=actor, obj=enrolment, request=request)
    return enrolment


def attendance_record(
    *, actor, delivery: Delivery, day: date, present_ids: set[int], request=None
) -> int:
    """Record one day for every trainee holding a seat: ticked present, others absent."""
    require(actor, "training.delivery.manage", delivery)
    if day not in delivery.days:
        raise ValidationError(_("That day is not a day of this delivery."))
    enrolments = list(
        Enrolment.objects.filter(delivery=delivery, status__in=SEAT_STATUSES).only("pk")
    )
    unknown = set(present_ids) - {e.pk for e in enrolments}
    if unknown:
        raise ValidationError(_("Some of the trainees are not enrolled in this delivery."))
    now = timezone.now()
    rows = [
        AttendanceDay(
            enrolment=e, day=day, present=e.pk in present_ids, recorded_by=actor, recorded_at=now
        )
        for e in enrolments
    ]
    with transaction.atomic():
        AttendanceDay.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["enrolment", "day"],
            update_fields=["present", "recorded_by", "recorded_at"],
        )
        # A correction after completion was marked moves certificates with it.
        settled = completion_settle(delivery=delivery, actor=actor, request=request)
        record(
            "training.attendance.record",
            actor=actor,
            obj=delivery,
            request=request,
            data={"day": day.isoformat(), "present": len(present_ids), "total": len(rows)}
            | certificate_changes(settled),
        )
    return len(rows)
