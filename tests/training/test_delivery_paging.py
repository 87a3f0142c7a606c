"""GET /api/v1/deliveries counts seats only for the page it returns: the page, its order, its
seat counts and the total must still be those of the whole list the caller may see."""

import pytest

from protectnet.training.models import Enrolment
from tests import factories as f

from .conftest import make_course, make_delivery

pytestmark = pytest.mark.django_db


@pytest.fixture
def five(world):
    """Five deliveries, newest first; the delivery at index i holds i seats (plus a withdrawal)."""
    course = make_course(world)
    deliveries = [make_delivery(world, course, days_ago=2 + 10 * i) for i in range(5)]
    for seats, delivery in enumerate(deliveries):
        for status in ["enrolled", "completed", "not_completed", "enrolled"][:seats]:
            Enrolment.objects.create(
                delivery=delivery,
                person=f.PersonFactory(),
                organisation=world.kh_police,
                status=status,
            )
        Enrolment.objects.create(
            delivery=delivery,
            person=f.PersonFactory(),
            organisation=world.kh_police,
            status="withdrawn",
        )
    return deliveries


def test_a_middle_page_has_its_rows_seats_and_the_full_count(five, api, world):
    data = api(world.admin).get("/api/v1/deliveries?limit=2&offset=1").json()
    assert data["count"] == 5
    assert [(d["id"], d["seats_taken"]) for d in data["items"]] == [
        (five[1].pk, 1),
        (five[2].pk, 2),
    ]


def test_the_last_page_and_a_page_past_the_end(five, api, world):
    client = api(world.admin)
    last = client.get("/api/v1/deliveries?limit=2&offset=4").json()
    assert last["count"] == 5
    assert [(d["id"], d["seats_taken"]) for d in last["items"]] == [(five[4].pk, 4)]
    beyond = client.get("/api/v1/deliveries?limit=2&offset=10").json()
    assert beyond == {"count": 5, "items": []}


def test_a_guest_pages_through_only_their_own_deliveries(five, api, world):
    Enrolment.objects.create(
        delivery=five[3], person=world.guest.person, organisation=world.kh_ngo, status="enrolled"
    )
    data = api(world.guest).get("/api/v1/deliveries?limit=1").json()
    assert data["count"] == 1
    assert [(d["id"], d["seats_taken"]) for d in data["items"]] == [(five[3].pk, 4)]


def test_filtering_by_course_pages_within_that_course(five, api, world):
    other = make_course(world, title="Victim identification")
    make_delivery(world, other, days_ago=1)
    data = api(world.admin).get(f"/api/v1/deliveries?course={other.pk}").json()
    assert data["count"] == 1 and data["items"][0]["course_title"] == "Victim identification"
