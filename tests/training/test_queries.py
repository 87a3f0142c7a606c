"""List and detail pages cost a constant number of queries, whatever the number of rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from protectnet.training import services
from tests import factories as f

from .conftest import enrol, key, make_course, make_delivery, reload

pytestmark = pytest.mark.django_db


def _count(client, url) -> int:
    client.get(url)  # warm up: sessions and token stamps settle on the first request
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


class Grow:
    """Adds trainees (with attendance, tests and certificates) to one delivery, and courses
    with deliveries that one trainee is enrolled in."""

    def __init__(self, world):
        self.w = world
        self.course = make_course(world)
        self.delivery = make_delivery(world, self.course, capacity=100)
        self.n = 0

    def trainees(self, count: int):
        for _ in range(count):
            self.n += 1
            user = f.member_of(self.w.kh_police, f"q{self.n}@example.test")
            e = enrol(self.w, self.delivery, user, self.w.kh_police)
            services.test_submit(
                actor=user, enrolment=reload(e), kind="post", answers=key(self.course)
            )
        ids = set(self.delivery.enrolments.values_list("pk", flat=True))
        for day in self.delivery.days:
            services.attendance_record(
                actor=self.w.trainer, delivery=self.delivery, day=day, present_ids=ids
            )
        services.delivery_completion_mark(actor=self.w.trainer, delivery=self.delivery)

    def courses_for(self, user, count: int):
        for i in range(count):
            self.n += 1
            course = make_course(self.w, title=f"Course {self.n}")
            delivery = make_delivery(self.w, course)
            enrol(self.w, delivery, user, self.w.kh_police)
            if i % 2:
                services.test_submit(
                    actor=user,
                    enrolment=reload(delivery.enrolments.get()),
                    kind="pre",
                    answers=key(course),
                )


@pytest.fixture
def grow(world):
    return Grow(world)


@pytest.mark.queries("training:delivery_detail")
@pytest.mark.parametrize("who", ["trainer", "kh_focal", "admin"])
def test_delivery_page_is_constant_in_trainees(who, grow, login, world):
    client = login(getattr(world, who))
    url = f"/training/deliveries/{grow.delivery.pk}/"
    grow.trainees(2)
    small = _count(client, url)
    grow.trainees(18)
    assert _count(client, url) == small


@pytest.mark.queries("training:course_list", "training:my_training", "training:capacity")
@pytest.mark.parametrize(
    "url", ["/training/", "/training/mine/", "/training/capacity/", "/training/capacity/export.csv"]
)
def test_list_pages_are_constant_in_courses_and_enrolments(url, grow, login, world):
    client = login(world.kh_le if url == "/training/mine/" else world.admin)
    grow.courses_for(world.kh_le, 2)
    grow.trainees(2)
    small = _count(client, url)
    grow.courses_for(world.kh_le, 18)
    grow.trainees(18)
    assert _count(client, url) == small


@pytest.mark.queries("training:course_detail")
def test_course_page_is_constant_in_deliveries(grow, login, world):
    client = login(world.kh_member)
    url = f"/training/courses/{grow.course.pk}/"
    for _ in range(2):
        make_delivery(world, grow.course)
    small = _count(client, url)
    for _ in range(18):
        make_delivery(world, grow.course)
    assert _count(client, url) == small


@pytest.mark.queries(
    "api:training_course_list",
    "api:training_course_get",
    "api:training_delivery_list",
    "api:training_delivery_get",
    "api:training_enrolment_list",
    "api:training_result_list",
    "api:training_attendance_list",
    "api:training_certificate_list",
)
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/courses?limit=100",
        "/api/v1/courses/{c}",
        "/api/v1/deliveries/{d}",
        "/api/v1/deliveries?limit=100",
        "/api/v1/deliveries/{d}/enrolments",
        "/api/v1/deliveries/{d}/results",
        "/api/v1/deliveries/{d}/attendance",
        "/api/v1/certificates?limit=100",
    ],
)
def test_api_lists_are_constant(path, grow, api, world):
    client = api(world.admin)
    url = path.format(d=grow.delivery.pk, c=grow.course.pk)
    grow.courses_for(world.kh_le, 2)
    grow.trainees(2)
    small = _count(client, url)
    grow.courses_for(world.kh_le, 18)
    grow.trainees(18)
    assert _count(client, url) == small


def test_dashboard_cards_are_constant(grow, login, world):
    client = login(world.kh_le)
    grow.courses_for(world.kh_le, 2)
    small = _count(client, "/")
    grow.courses_for(world.kh_le, 18)
    assert _count(client, "/") == small


@pytest.mark.queries("training:question_list")
def test_question_bank_page_is_constant_in_questions(grow, login, world):
    client = login(world.trainer)
    url = f"/training/courses/{grow.course.pk}/questions/"
    small = _count(client, url)
    for i in range(17):
        services.question_create(
            actor=world.trainer,
            course=grow.course,
            text=f"Question {i}?",
            kind="multiple",
            choices=[("a", True), ("b", True), ("c", False)],
        )
    assert _count(client, url) == small


@pytest.mark.queries("training:delivery_detail")
def test_test_page_is_constant_in_questions(grow, login, world):
    e = enrol(world, grow.delivery, world.kh_le, world.kh_police)
    client = login(world.kh_le)
    url = f"/training/enrolments/{e.pk}/test/pre/"
    small = _count(client, url)
    for i in range(17):
        services.question_create(
            actor=world.trainer,
            course=grow.course,
            text=f"Question {i}?",
            kind="single",
            choices=[("a", True), ("b", False)],
        )
    assert _count(client, url) == small


@pytest.mark.queries("api:training_question_list")
def test_api_question_bank_is_constant_in_questions_and_answers(grow, api, world):
    client = api(world.trainer)
    url = f"/api/v1/courses/{grow.course.pk}/questions"
    e = enrol(world, grow.delivery, world.kh_le, world.kh_police)
    services.test_submit(
        actor=world.kh_le, enrolment=reload(e), kind="pre", answers=key(grow.course)
    )
    small = _count(client, url)
    for i in range(17):
        services.question_create(
            actor=world.trainer,
            course=grow.course,
            text=f"Question {i}?",
            kind="multiple",
            choices=[("a", True), ("b", True), ("c", False)],
        )
    grow.trainees(2)  # more stored answers for the lock check to read
    assert _count(client, url) == small


def _instances(client, url) -> dict[str, int]:
    """Model instances built while answering (Python's cost, which query counts do not show)."""
    from collections import Counter

    from django.db.models.signals import post_init

    built = Counter()

    def count(sender, **kwargs):
        built[sender._meta.label_lower] += 1

    client.get(url)
    post_init.connect(count, weak=False)
    try:
        assert client.get(url).status_code == 200
    finally:
        post_init.disconnect(count)
    return built


def test_delivery_page_builds_the_delivery_once_not_once_per_trainee(grow, login, world):
    """Each trainee row brings their person, attendance, tests and certificate; the delivery,
    its course and trainers are built once for the page, and each agency once (all twenty
    trainees here are of the Cambodian police)."""
    grow.trainees(20)
    built = _instances(login(world.trainer), f"/training/deliveries/{grow.delivery.pk}/")
    assert built["training.enrolment"] == 20, dict(built)
    for label in ("training.delivery", "training.course", "network.organisation"):
        assert built[label] <= 3, (label, built[label])
    per_trainee = sum(built.values()) / 20
    assert per_trainee <= 8, dict(built)  # enrolment, person, 3 days, a test, a certificate
