"""Every read the training pages and API need, always through the access policy's scope."""

from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from protectnet.access.policy import get_visible_or_404, require, visible
from protectnet.access.principal import principal_for
from protectnet.access.roles import Role
from protectnet.core import multilingual
from protectnet.network.models import Membership, Organisation, Person
from protectnet.network.selectors import labelled

from .models import (
    AttendanceDay,
    Certificate,
    Choice,
    Course,
    Delivery,
    Enrolment,
    Evaluation,
    FollowUp,
    Question,
    TestSubmission,
)
from .models.deliveries import SEAT_STATUSES

CERTIFICATE_PUBLIC_FIELDS = (
    "code",
    "holder_name",
    "course_title",
    "course_title_lang",
    "start_date",
    "end_date",
    "issuing_organisation",
    "revoked_at",
    "revocation_cause",
)


def course_list(*, user) -> QuerySet:
    # No delivery count here: grouping every delivery of every course for each page grew with
    # the network's history; course_delivery_counts() counts the page's courses only.
    return (
        visible(user, Course.objects.all())
        .select_related("delivering_organisation__country")
        .order_by(multilingual.ordering("title"), "pk")
    )


def course_delivery_counts(courses) -> list[Course]:
    """The courses as a list, each with `delivery_count`: one query for the page's courses."""
    courses = list(courses)
    counts = dict(
        Delivery.objects.filter(course_id__in=[c.pk for c in courses])
        .order_by()
        .values_list("course_id")
        .annotate(n=Count("id"))
    )
    for course in courses:
        course.delivery_count = counts.get(course.pk, 0)
    return courses


def course_get(*, user, pk, action: str | None = None) -> Course:
    """One course; `action` also demands that right (edit pages refuse before showing a form)."""
    qs = Course.objects.select_related("delivering_organisation__country")
    course = get_visible_or_404(user, qs, pk=pk)
    if action:
        require(user, action, course)
    return course


def _questions(qs: QuerySet) -> QuerySet:
    return qs.prefetch_related(Prefetch("choices", queryset=Choice.objects.order_by("position")))


def question_list(*, user, course: Course, active_only: bool = True) -> QuerySet:
    qs = visible(user, Question.objects.filter(course=course))
    if active_only:
        qs = qs.filter(active=True)
    return _questions(qs).order_by("position", "pk")


def question_get(*, user, course: Course, pk) -> Question:
    return get_visible_or_404(user, _questions(Question.objects.filter(course=course)), pk=pk)


def _course_submissions(course_id: int) -> QuerySet:
    return TestSubmission.objects.filter(enrolment__delivery__course_id=course_id)


def question_locked_ids(*, course: Course, now=None) -> set[int]:
    """Ids of the questions answered in a test whose window is open now (ids only: for the
    bank's managers, who already passed the policy). One query."""
    now = now or timezone.now()
    d = "enrolment__delivery__"
    open_now = Q()
    for kind in ("pre", "post"):
        open_now |= Q(
            kind=kind,
            **{f"{d}{kind}_test_opens_at__lte": now, f"{d}{kind}_test_closes_at__gt": now},
        )
    rows = _course_submissions(course.pk).filter(open_now).values_list("answers", flat=True)
    return {int(qid) for answers in rows for qid in answers}


def _answers_to(question: Question) -> QuerySet:
    return _course_submissions(question.course_id).filter(answers__has_key=str(question.pk))


def question_is_answered(*, question: Question) -> bool:
    return _answers_to(question).exists()


def question_chosen_choice_ids(*, question: Question) -> set[int]:
    """The answers of this question that some trainee chose in a stored submission."""
    key = str(question.pk)
    rows = _answers_to(question).values_list("answers", flat=True)
    return {int(c) for answers in rows for c in answers.get(key, [])}


def _deliveries(qs: QuerySet) -> QuerySet:
    # A subquery per delivery, not a join and GROUP BY over every enrolment, so that count()
    # leaves it out and delivery_page() counts the seats of the page's rows only.
    taken = (
        Enrolment.objects.filter(delivery=OuterRef("pk"), status__in=SEAT_STATUSES)
        .order_by()
        .values("delivery")
        .annotate(n=Count("pk"))
        .values("n")
    )
    seats = Coalesce(Subquery(taken), 0)
    return (
        qs.select_related("course__delivering_organisation", "host_country")
        .prefetch_related("trainers")
        .annotate(seats_taken=seats)
    )


def delivery_list(*, user, course: Course | None = None, upcoming: bool = False) -> QuerySet:
    qs = visible(user, Delivery.objects.all())
    if course is not None:
        qs = qs.filter(course=course)
    if upcoming:
        qs = qs.filter(end_date__gte=timezone.localdate())
    return _deliveries(qs).order_by("-start_date", "pk")


def delivery_page(
    *, user, offset: int, limit: int, course: Course | None = None
) -> tuple[int, list[Delivery]]:
    """The number of deliveries the user sees and one page of them."""
    qs = delivery_list(user=user, course=course)
    # SQLite computes selected subqueries for every row before sorting; choosing the page's
    # ids first keeps the seat counts to the rows returned.
    page_ids = qs.values("pk")[offset : offset + limit]
    return qs.count(), list(qs.filter(pk__in=page_ids))


def delivery_get(*, user, pk, action: str | None = None) -> Delivery:
    # The trainers' memberships name each trainer with their organisation (Person.label).
    trainers = Prefetch(
        "trainers__memberships", queryset=Membership.objects.select_related("organisation")
    )
    qs = _deliveries(Delivery.objects.all()).prefetch_related(trainers)
    delivery = get_visible_or_404(user, qs, pk=pk)
    if action:
        require(user, action, delivery)
    return delivery


DELIVERY_PARTS = ("delivery__course__delivering_organisation", "delivery__host_country")


def _enrolments(qs: QuerySet, user, *, delivery_known: bool = False) -> QuerySet:
    """Enrolments with what each reader may see of them: results go through their own scope,
    so a focal point sees who completed but not the trainees' answers or comments."""
    # Agencies are prefetched, not joined: a delivery's trainees come from a few agencies, and
    # each is then built once rather than once per trainee.
    qs = qs.select_related("person")
    if not delivery_known:
        qs = qs.select_related(*DELIVERY_PARTS)
    return qs.prefetch_related(
        "organisation__country",
        Prefetch("attendance", queryset=visible(user, AttendanceDay.objects.order_by("day"))),
        Prefetch("submissions", queryset=visible(user, TestSubmission.objects.order_by("kind"))),
        Prefetch("certificate", queryset=visible(user, Certificate.objects.all())),
        Prefetch("evaluation", queryset=visible(user, Evaluation.objects.all())),
        "delivery__trainers",
    )


def enrolment_list(*, user, delivery: Delivery | None = None) -> QuerySet:
    if delivery is None:
        qs = _enrolments(visible(user, Enrolment.objects.all()), user)
    else:
        # Through the delivery's own manager every row points at that one delivery (with its
        # course, host country and trainers) instead of building a copy of it per trainee.
        qs = _enrolments(visible(user, delivery.enrolments.all()), user, delivery_known=True)
    return qs.order_by("person__full_name", "pk")


def my_enrolments(*, user) -> QuerySet:
    person_id = principal_for(user).person_id
    qs = visible(user, Enrolment.objects.filter(person_id=person_id)) if person_id else None
    if qs is None:
        return Enrolment.objects.none()
    followups = Prefetch("followups", queryset=visible(user, FollowUp.objects.all()))
    return _enrolments(qs, user).prefetch_related(followups).order_by("-delivery__start_date", "pk")


def enrolment_get(*, user, pk, action: str | None = None) -> Enrolment:
    enrolment = get_visible_or_404(user, _enrolments(Enrolment.objects.all(), user), pk=pk)
    if action:
        require(user, action, enrolment)
    return enrolment


def nomination_candidates(*, user, delivery: Delivery) -> QuerySet:
    """Current memberships (person at agency) the user may nominate for this delivery.

    Focal points: people of their own countries; the delivery's trainers and admins: anyone in
    the directory. People already holding a seat are left out.
    """
    p = principal_for(user)
    qs = Membership.objects.filter(Membership.current_q(), person__erased_at__isnull=True)
    if not p.is_admin and not (p.person_id and p.person_id in delivery.trainer_person_ids()):
        qs = qs.filter(organisation__country_id__in=list(p.focal_country_ids))
    taken = Enrolment.objects.filter(delivery=delivery, status__in=SEAT_STATUSES)
    return (
        qs.exclude(person_id__in=taken.values("person_id"))
        .select_related("person", "organisation__country")
        .order_by("person__full_name", "organisation__name")
    )


def certificate_list(*, user) -> QuerySet:
    return (
        visible(user, Certificate.objects.all())
        .select_related("enrolment__delivery__course", "enrolment__person")
        .order_by("-issued_at", "pk")
    )


def my_certificates(*, user) -> QuerySet:
    """The person's own certificates, newest first: a trainer or an admin, who may read other
    people's, sees only their own here."""
    person_id = principal_for(user).person_id
    if person_id is None:
        return Certificate.objects.none()
    own = Certificate.objects.filter(enrolment__person_id=person_id)
    return visible(user, own).order_by("-issued_at", "pk")


def certificate_get(*, user, pk, action: str | None = None) -> Certificate:
    qs = Certificate.objects.select_related(
        "enrolment__delivery__course", "enrolment__person"
    ).prefetch_related("enrolment__delivery__trainers")
    certificate = get_visible_or_404(user, qs, pk=pk)
    if action:
        require(user, action, certificate)
    return certificate


def certificate_public(*, code: str) -> Certificate | None:
    """The public verification read: by exact code, and only the fields the page may show.

    Deliberately outside the per-user scope (anyone holding the code may verify it); it can
    reach nothing but the copied holder name, course, dates, issuer and revocation (its cause,
    never the staff's free-text reason). Once the
    holder is erased from the directory, the name is no longer shown.
    """
    if not code or len(code) > 64:
        return None
    return (
        Certificate.objects.only(*CERTIFICATE_PUBLIC_FIELDS)
        .annotate(holder_erased_at=F("enrolment__person__erased_at"))
        .filter(code=code)
        .first()
    )


def followup_get(*, user, pk) -> FollowUp:
    qs = FollowUp.objects.select_related("enrolment__delivery__course", "enrolment__person")
    return get_visible_or_404(user, qs, pk=pk)


def pending_followups(*, user) -> QuerySet:
    person_id = principal_for(user).person_id
    if not person_id:
        return FollowUp.objects.none()
    qs = visible(user, FollowUp.objects.filter(enrolment__person_id=person_id))
    return qs.filter(answered_at__isnull=True).select_related("enrolment__delivery__course")


def trainer_choices(*, user) -> QuerySet:
    """People the user may see who hold the trainer role: the delivery form's trainer picker."""
    people = visible(user, Person.objects.filter(erased_at__isnull=True))
    trainers = people.filter(user__role_grants__role=Role.TRAINER).order_by("full_name").distinct()
    return labelled(trainers)  # chosen and listed by Person.label


def organisation_choices(*, user) -> QuerySet:
    """Organisations the user may see, for the course form's delivering organisation."""
    return visible(user, Organisation.objects.select_related("country")).order_by("name")
