"""A delivery never exceeds capacity, also when nominations for the last seats arrive at once.

Real threads, each with its own database connection, against SQLite (IMMEDIATE transactions)
and PostgreSQL (row lock on the delivery): run with DATABASE_URL pointing at either.
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from protectnet.training import services
from protectnet.training.models import Enrolment
from tests import factories as f

from .conftest import make_course, make_delivery

THREADS = 8
CAPACITY = 3


@pytest.fixture
def crowd(world):
    return [f.member_of(world.kh_police, f"officer{i}.kh@example.test") for i in range(THREADS)]


@pytest.mark.concurrency
def test_concurrent_nominations_never_exceed_capacity(transactional_db, world, crowd):
    course = make_course(world)
    delivery = make_delivery(world, course, capacity=CAPACITY)
    barrier = threading.Barrier(THREADS)
    results: list[str] = []
    lock = threading.Lock()

    def nominate(user):
        try:
            barrier.wait(timeout=10)
            services.enrolment_create(
                actor=world.kh_focal,
                delivery=delivery,
                person=user.person,
                organisation=world.kh_police,
            )
            outcome = "enrolled"
        except ValidationError as exc:
            outcome = "full" if "full" in " ".join(exc.messages) else repr(exc)
        except Exception as exc:  # noqa: BLE001 - reported in the assertion below
            outcome = repr(exc)
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=nominate, args=(u,)) for u in crowd]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(results) == sorted(["enrolled"] * CAPACITY + ["full"] * (THREADS - CAPACITY))
    assert Enrolment.objects.filter(delivery=delivery).count() == CAPACITY


def test_a_withdrawn_seat_can_be_taken_again(world, crowd):
    course = make_course(world)
    delivery = make_delivery(world, course, capacity=1)
    first = services.enrolment_create(
        actor=world.admin, delivery=delivery, person=crowd[0].person, organisation=world.kh_police
    )
    with pytest.raises(ValidationError, match="full"):
        services.enrolment_create(
            actor=world.admin,
            delivery=delivery,
            person=crowd[1].person,
            organisation=world.kh_police,
        )
    services.enrolment_withdraw(actor=world.kh_focal, enrolment=first)
    services.enrolment_create(
        actor=world.admin, delivery=delivery, person=crowd[1].person, organisation=world.kh_police
    )
    assert Enrolment.objects.filter(delivery=delivery, status="enrolled").count() == 1


def test_the_same_person_cannot_take_two_seats(world, crowd):
    course = make_course(world)
    delivery = make_delivery(world, course)
    services.enrolment_create(
        actor=world.admin, delivery=delivery, person=crowd[0].person, organisation=world.kh_police
    )
    with pytest.raises(ValidationError, match="already enrolled"):
        services.enrolment_create(
            actor=world.kh_focal,
            delivery=delivery,
            person=crowd[0].person,
            organisation=world.kh_police,
        )
