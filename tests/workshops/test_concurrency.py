"""Many people registering at the same moment: never more than the quota or the capacity.

Real threads, each with its own database connection, on SQLite and PostgreSQL alike."""

import threading

import pytest
from django.db import close_old_connections, connection

from protectnet.workshops.models import Delegation, Invitation, Registration, Session
from protectnet.workshops.services.registrations import (
    SeatsFull,
    acting_for,
    session_choose,
)

from .conftest import invite, person_in, register

THREADS = 8


def _race(jobs):
    barrier = threading.Barrier(len(jobs))
    outcomes, errors = [], []

    def run(job):
        try:
            barrier.wait()
            job()
            outcomes.append("ok")
        except SeatsFull:
            outcomes.append("full")
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(repr(exc))
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return outcomes, errors


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_exceed_the_quota(world, ws):
    quota = 3
    Delegation.objects.filter(pk=ws.kh_del.pk).update(quota=quota)
    people = [person_in(world.kh_police) for _ in range(THREADS)]
    for person in people:
        invite(world, ws.workshop, person, ws.kh_del)
    invitations = list(Invitation.objects.filter(workshop=ws.workshop))

    outcomes, errors = _race([lambda inv=inv: register(inv) for inv in invitations])

    assert errors == []
    assert outcomes.count("ok") == quota
    assert outcomes.count("full") == THREADS - quota
    delegation = Delegation.objects.get(pk=ws.kh_del.pk)
    assert delegation.seats_registered == quota
    assert Registration.objects.filter(delegation=delegation, status="registered").count() == quota


@pytest.mark.django_db(transaction=True)
def test_concurrent_breakout_choices_never_exceed_the_capacity(world, ws):
    capacity = 2
    Session.objects.filter(pk=ws.breakout_c.pk).update(capacity=capacity)
    registrations = []
    for _ in range(THREADS):
        person = person_in(world.kh_ngo)
        invite(world, ws.workshop, person)
        registrations.append(register(Invitation.objects.get(person=person)))

    def job(registration):
        session = Session.objects.get(pk=ws.breakout_c.pk)
        session_choose(
            actor=acting_for(None, registration.invitation),
            registration=registration,
            session=session,
        )

    outcomes, errors = _race([lambda r=r: job(r) for r in registrations])

    assert errors == []
    assert outcomes.count("ok") == capacity
    session = Session.objects.get(pk=ws.breakout_c.pk)
    assert session.seats_taken == capacity
    assert session.choices.count() == capacity


@pytest.mark.django_db(transaction=True)
def test_the_database_refuses_overbooking_even_without_the_lock(world, ws):
    """The last line: the check constraint, whatever the code path."""
    from django.db import IntegrityError, transaction
    from django.db.models import F

    Delegation.objects.filter(pk=ws.th_del.pk).update(seats_registered=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Delegation.objects.filter(pk=ws.th_del.pk).update(
            seats_registered=F("seats_registered") + 1
        )
    Session.objects.filter(pk=ws.breakout_a.pk).update(seats_taken=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.filter(pk=ws.breakout_a.pk).update(seats_taken=F("seats_taken") + 1)
