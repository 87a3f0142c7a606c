"""Who may do what in training: the catalogue, deliveries, enrolments, tests and certificates.

Guests see only the courses and deliveries they are enrolled in; results (scores, attendance,
evaluations, certificates, follow-ups) are for the trainee, the delivery's trainers and admins.
"""

from django.db.models import Q

from protectnet.access.principal import Principal
from protectnet.access.roles import Role
from protectnet.access.rule import ADMINS, EVERYONE, SIGNED_IN, Rule

from .models import Delivery, Enrolment, Question

R = Role


def _is_staff(p: Principal) -> bool:
    return p.is_admin or p.has(R.TRAINER)


def trains(p: Principal, delivery) -> bool:
    """Admins; trainers for the deliveries they train (trainers prefetched by the selectors)."""
    if p.is_admin:
        return True
    return p.has(R.TRAINER) and p.person_id in delivery.trainer_person_ids()


def can_nominate(p: Principal, enrolment) -> bool:
    """obj: the (unsaved) enrolment with its delivery, person and nominating organisation."""
    if trains(p, enrolment.delivery):
        return True
    return enrolment.organisation.country_id in p.focal_country_ids


def own(p: Principal, enrolment) -> bool:
    return p.person_id is not None and enrolment.person_id == p.person_id


def results_reader(p: Principal, enrolment) -> bool:
    return own(p, enrolment) or trains(p, enrolment.delivery)


def _my_course_ids(p: Principal):
    enrolments = Enrolment.objects.filter(person_id=p.person_id)
    return enrolments.values("delivery__course_id")


def course_scope(p: Principal, qs):
    """Members, trainers and admins see the catalogue; guests the courses they are enrolled in."""
    if p.is_member or _is_staff(p):
        return qs
    if not p.person_id:
        return qs.none()
    return qs.filter(pk__in=_my_course_ids(p))


def question_scope(p: Principal, qs):
    """The bank (with its key) for admins and trainers; trainees reach their courses' questions
    through the test pages, which never show the key before submission."""
    if _is_staff(p):
        return qs
    if not p.person_id:
        return qs.none()
    return qs.filter(course_id__in=_my_course_ids(p))


def delivery_scope(p: Principal, qs):
    if p.is_member or _is_staff(p):
        return qs
    if not p.person_id:
        return qs.none()
    mine = Enrolment.objects.filter(person_id=p.person_id).values("delivery_id")
    return qs.filter(pk__in=mine)


def _enrolment_q(p: Principal, *, focal: bool, prefix: str = "") -> Q | None:
    if p.is_admin:
        return Q()
    if not p.person_id:
        return None
    q = Q(**{f"{prefix}person_id": p.person_id})
    if p.has(R.TRAINER):
        # The ids as a list (one indexed query), not a subquery: inside OR, PostgreSQL plans a
        # subquery as a hashed set built again for every row of an index lookup, so a trainer's
        # prefetched attendance and scores read every enrolment instead (59 ms for 144 rows at
        # 1,000,000 enrolments; 0.5 ms with the list).
        through = Delivery.trainers.through.objects
        trained = list(through.filter(person_id=p.person_id).values_list("delivery_id", flat=True))
        q |= Q(**{f"{prefix}delivery_id__in": trained})
    if focal and p.focal_country_ids:
        q |= Q(**{f"{prefix}organisation__country_id__in": list(p.focal_country_ids)})
    return q


def enrolment_scope(p: Principal, qs):
    """The trainee, the delivery's trainers, admins, and focal points for their country."""
    q = _enrolment_q(p, focal=True)
    return qs.none() if q is None else qs.filter(q)


def results_scope(p: Principal, qs):
    """Scores, attendance, evaluations, certificates, follow-ups: the trainee, the delivery's
    trainers and admins (focal points see who completed, not the answers)."""
    q = _enrolment_q(p, focal=False, prefix="enrolment__")
    return qs.none() if q is None else qs.filter(q)


RULES: dict[str, Rule] = {
    # Catalogue and schedule: signed-in users; the scopes narrow guests to their own courses.
    "training.course.view": Rule(SIGNED_IN),
    "training.course.manage": Rule(ADMINS | {R.TRAINER}),
    "training.delivery.create": Rule(ADMINS | {R.TRAINER}),
    # A trainer manages the deliveries they train; admins all of them.
    "training.delivery.manage": Rule(ADMINS | {R.TRAINER}, check=trains),
    # Focal points nominate people of their country; trainers of the delivery and admins anyone.
    "training.enrolment.nominate": Rule(ADMINS | {R.TRAINER, R.FOCAL_POINT}, check=can_nominate),
    "training.test.take": Rule(SIGNED_IN, check=own),
    "training.evaluation.submit": Rule(SIGNED_IN, check=own),
    "training.followup.answer": Rule(SIGNED_IN, check=lambda p, f: own(p, f.enrolment)),
    "training.certificate.download": Rule(
        SIGNED_IN, check=lambda p, c: results_reader(p, c.enrolment)
    ),
    "training.certificate.revoke": Rule(
        ADMINS | {R.TRAINER}, check=lambda p, c: trains(p, c.enrolment.delivery)
    ),
    "training.certificate.verify": Rule(EVERYONE, description="Public certificate verification"),
    "training.capacity.view": Rule(
        ADMINS | {R.TRAINER, R.FOCAL_POINT}, description="Aggregates only, no names"
    ),
}

SCOPES = {
    "training.course": course_scope,
    "training.question": question_scope,
    "training.choice": lambda p, qs: qs.filter(
        question__in=question_scope(p, Question.objects.all())
    ),
    "training.delivery": delivery_scope,
    "training.enrolment": enrolment_scope,
    "training.attendanceday": results_scope,
    "training.testsubmission": results_scope,
    "training.evaluation": results_scope,
    "training.certificate": results_scope,
    "training.followup": results_scope,
}
