"""Workshop benchmarks (not timed tests): registration under contention, and the long agenda.

    DATABASE_URL=sqlite:///var/bench-workshops.sqlite3 \
        python -m protectnet.demo.bench.workshops --attempts 3000 --seats 2500 --workers 4

`bench_registration()` fills the last seats of one delegation from several worker processes (or
threads) through the real service (policy check, row lock, constraint, audit entry) and checks
that nothing is overbooked; `bench_agenda()` renders a five-day agenda of 300 sessions and 500
speakers. Both return their figures so that `make bench` can call them. They refuse to run on the
development database.
"""

import argparse
import os
import statistics
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from datetime import date, timedelta
from datetime import time as clock
from multiprocessing import get_context

from protectnet.demo.bench import guard


def _build(attempts: int, seats: int, tag: str):
    from protectnet.network.models import Country, Membership, Organisation, Person
    from protectnet.workshops.models import Delegation, Invitation, Series, Workshop
    from protectnet.workshops.models.registrations import hash_token

    country, _ = Country.objects.get_or_create(code="KH")
    org, _ = Organisation.objects.get_or_create(
        name="Bench organisation (workshops)", country=country, defaults={"sector": "ngo"}
    )
    series, _ = Series.objects.get_or_create(name="Bench series")
    edition = (Workshop.objects.filter(series=series).count() or 0) + 1
    workshop = Workshop.objects.create(
        series=series,
        edition=edition,
        title=f"Bench workshop {tag}",
        host_country=country,
        city="Phnom Penh",
        venue_name="Bench venue",
        time_zone="Asia/Phnom_Penh",
        start_date=date(2031, 3, 3),
        end_date=date(2031, 3, 4),
        status="registration_open",
    )
    delegation = Delegation.objects.create(workshop=workshop, country=country, quota=seats)
    people = Person.objects.bulk_create(
        Person(full_name=f"Bench person {tag}-{i}", email=f"bench-{tag}-{i}@example.test")
        for i in range(attempts)
    )
    Membership.objects.bulk_create(Membership(person=p, organisation=org) for p in people)
    Invitation.objects.bulk_create(
        Invitation(
            workshop=workshop,
            person=p,
            delegation=delegation,
            token_hash=hash_token(f"bench-{tag}-{p.pk}"),
        )
        for p in people
    )
    ids = list(Invitation.objects.filter(workshop=workshop).values_list("pk", flat=True))
    return workshop, delegation, ids


def _register_many(invitation_ids: list[int]) -> tuple[int, int, int]:
    """One worker: register each invitation; returns (registered, refused as full, errors)."""
    import django
    from django.db import connection

    if not django.apps.apps.ready:
        django.setup()
    from protectnet.workshops.models import Invitation
    from protectnet.workshops.services.registrations import (
        RegistrationInput,
        SeatsFull,
        acting_for,
        registration_submit,
    )

    data = RegistrationInput(consent_participant_list=True, dietary_needs="Bench")
    ok = full = errors = 0
    for pk in invitation_ids:
        invitation = Invitation.objects.select_related("workshop", "person", "delegation").get(
            pk=pk
        )
        try:
            registration_submit(
                actor=acting_for(None, invitation), invitation=invitation, data=data
            )
            ok += 1
        except SeatsFull:
            full += 1
        except Exception:  # noqa: BLE001 - counted and reported, never hidden
            errors += 1
    connection.close()
    return ok, full, errors


def bench_registration(
    *, attempts: int = 3000, seats: int = 2500, workers: int = 4, mode: str = "processes"
) -> dict:
    """Registrations per minute into the last seats of one workshop, and the overbooking check."""
    from django.db import connection, connections

    from protectnet.workshops.models import Delegation, Registration

    guard()
    tag = f"{int(time.time() * 1000)}"
    workshop, delegation, ids = _build(attempts, seats, tag)
    chunks = [ids[i::workers] for i in range(workers)]
    connections.close_all()  # no connection may cross a fork
    pool = (
        ProcessPoolExecutor(workers, mp_context=get_context("fork"))
        if mode == "processes"
        else ThreadPoolExecutor(workers)
    )
    started = time.perf_counter()
    with pool:
        results = list(pool.map(_register_many, chunks))
    elapsed = time.perf_counter() - started
    ok, full, errors = (sum(r[i] for r in results) for i in range(3))
    delegation = Delegation.objects.get(pk=delegation.pk)
    stored = Registration.objects.filter(delegation=delegation, status="registered").count()
    return {
        "database": connection.vendor,
        "mode": mode,
        "workers": workers,
        "attempts": attempts,
        "seats": seats,
        "registered": ok,
        "refused_full": full,
        "errors": errors,
        "seconds": round(elapsed, 2),
        "registrations_per_minute": round(ok / elapsed * 60),
        "attempts_per_minute": round(attempts / elapsed * 60),
        "overbooked": max(0, stored - seats),
        "counter_matches_rows": delegation.seats_registered == stored,
    }


def bench_agenda(*, sessions: int = 300, speakers: int = 500, runs: int = 5) -> dict:
    """Render the agenda page of a five-day workshop: queries and time per render."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from protectnet.access.models import RoleGrant
    from protectnet.accounts.models import User
    from protectnet.workshops.models import Session, Speaker
    from protectnet.workshops.services.editions import to_utc

    guard()
    tag = f"agenda-{int(time.time() * 1000)}"
    workshop, _delegation, _ids = _build(0, 0, tag)
    workshop.start_date, workshop.end_date = date(2031, 6, 2), date(2031, 6, 6)
    workshop.save(update_fields=["start_date", "end_date"])
    people = Speaker.objects.bulk_create(Speaker(name=f"Speaker {i}") for i in range(speakers))
    rows = Session.objects.bulk_create(
        Session(
            workshop=workshop,
            title=f"Session {i}",
            kind="panel",
            room=f"Room {i % 6}",
            starts_at=to_utc(
                workshop, workshop.start_date + timedelta(days=i % 5), clock(8 + (i // 5) % 10)
            ),
            ends_at=to_utc(
                workshop, workshop.start_date + timedelta(days=i % 5), clock(9 + (i // 5) % 10)
            ),
        )
        for i in range(sessions)
    )
    through = Session.speakers.through
    through.objects.bulk_create(
        through(session_id=s.pk, speaker_id=people[(2 * i + k) % speakers].pk)
        for i, s in enumerate(rows)
        for k in range(2)
    )
    user, _ = User.objects.get_or_create(email="bench-workshops-admin@example.test")
    RoleGrant.objects.get_or_create(user=user, role="network_admin")
    client = Client()
    client.force_login(user)
    from django_otp import DEVICE_ID_SESSION_KEY

    from protectnet.accounts.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    url = f"/workshops/{workshop.pk}/agenda/"
    timings, queries = [], []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"agenda answered {response.status_code}")
        queries.append(len(ctx.captured_queries))
    return {
        "sessions": sessions,
        "speakers": speakers,
        "queries": queries[-1],
        "median_ms": round(statistics.median(timings)),
        "max_ms": round(max(timings)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m protectnet.demo.bench.workshops")
    parser.add_argument("--attempts", type=int, default=3000)
    parser.add_argument("--seats", type=int, default=2500)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--mode", choices=["processes", "threads"], default="processes")
    parser.add_argument("--agenda", action="store_true", help="also time the long agenda")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "protectnet.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print(
        bench_registration(
            attempts=args.attempts, seats=args.seats, workers=args.workers, mode=args.mode
        )
    )
    if args.agenda:
        print(bench_agenda())


if __name__ == "__main__":
    main()
