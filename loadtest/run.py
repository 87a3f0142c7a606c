"""Fire the three kinds of traffic at once, then check what the database holds."""

import itertools
import queue
import threading
import time
from dataclasses import dataclass

from .client import Client, Stats
from .world import World, totp_now

SEARCHES = ["protection", "online investigation", "dieu tra", "training", "xylophone", "ai"]


@dataclass
class Plan:
    """The size of a run: 20-60 s with the defaults on two cores, or it stops at max_seconds."""

    invitations: int = 400
    seats: int = 300
    participants: int = 200
    staff: int = 4
    members: int = 4
    resources: int = 2000
    registration_threads: int = 12
    max_seconds: float = 120


def _drain(jobs: queue.Queue):
    while True:
        try:
            yield jobs.get_nowait()
        except queue.Empty:
            return


def _registrant(base_url: str, stats: Stats, jobs: queue.Queue, outcome: dict) -> None:
    """Each invitee: open the personal link, post the form (a fresh visitor each time)."""
    for token in _drain(jobs):
        client = Client(base_url, stats)
        path = f"/workshops/register/{token}/"
        try:
            csrf = client.form_token("registration form", path)
            response = client.post(
                "registration post",
                path,
                data={"csrfmiddlewaretoken": csrf, "consent_participant_list": "on"},
            )
        except Exception as exc:  # noqa: BLE001 - counted as a failure of the run
            stats.fail("registration", repr(exc))
            continue
        key = {302: "registered", 422: "refused"}.get(response.status_code, "other")
        with stats.lock:
            outcome[key] += 1


def _checker(client: Client, world: World, stats: Stats, jobs: queue.Queue, sent: dict) -> None:
    """One staff member at the door: check-ins through the JSON endpoint of the scanner."""
    path = f"/workshops/{world.checkin_workshop_id}/check-in/"
    try:
        csrf = client.form_token("check-in page", path)
    except Exception as exc:  # noqa: BLE001 - the other staff members take its share
        stats.fail("check-in page", repr(exc))
        return
    for day, code in _drain(jobs):
        with stats.lock:
            sent[day] += 1
        try:
            response = client.post(
                "check-in",
                path + "record/",
                json={"day": day.isoformat(), "code": code},
                headers={"X-CSRFToken": csrf, "Accept": "application/json"},
            )
            created = response.status_code == 200 and response.json().get("created") is True
        except Exception as exc:  # noqa: BLE001 - counted as a failure of the run
            stats.fail("check-in", f"{code} {day}: {exc!r}")
            continue
        if not created:
            stats.fail("check-in", f"{code} {day}: HTTP {response.status_code}")


def _searcher(client: Client, stats: Stats, until: threading.Event) -> None:
    for q in itertools.cycle(SEARCHES):
        if until.is_set():
            return
        try:
            response = client.get("library search", "/library/search/", params={"q": q})
        except Exception as exc:  # noqa: BLE001 - counted as a failure of the run
            stats.fail("library search", repr(exc))
            return
        if response.status_code != 200:
            stats.fail("library search", f"{q!r}: HTTP {response.status_code}")


def _signed_in(base_url: str, stats: Stats, world: World) -> tuple[list, list]:
    staff = []
    for email in world.staff:
        client = Client(base_url, stats)
        client.sign_in(email, world.password, code_for=lambda e=email: totp_now(world.devices[e]))
        staff.append(client)
    members = []
    for email in world.members:
        client = Client(base_url, stats)
        client.sign_in(email, world.password)
        members.append(client)
    return staff, members


def fire(base_url: str, world: World, plan: Plan) -> dict:
    stats = Stats()
    staff, members = _signed_in(base_url, stats, world)
    stats.latencies.pop("sign-in", None)  # set-up, not load
    tokens, checkins = queue.Queue(), queue.Queue()
    for token in world.tokens:
        tokens.put(token)
    for day, code in itertools.product(world.days, world.badges):
        checkins.put((day, code))
    outcome = {"registered": 0, "refused": 0, "other": 0}
    sent = dict.fromkeys(world.days, 0)
    stop_searches = threading.Event()
    workers = [
        threading.Thread(target=_registrant, args=(base_url, stats, tokens, outcome))
        for _ in range(plan.registration_threads)
    ] + [threading.Thread(target=_checker, args=(c, world, stats, checkins, sent)) for c in staff]
    searchers = [
        threading.Thread(target=_searcher, args=(c, stats, stop_searches)) for c in members
    ]
    started = time.perf_counter()
    for thread in workers + searchers:
        thread.start()
    deadline = started + plan.max_seconds
    for thread in workers:
        thread.join(timeout=max(0.1, deadline - time.perf_counter()))
    # Out of time: hand out no more jobs, but let the requests under way finish, or the server
    # would be stopped under them and a request it never finished would count as lost.
    unfinished = len(list(_drain(tokens))) + len(list(_drain(checkins)))
    for thread in workers:
        thread.join()
    stop_searches.set()
    for thread in searchers:
        thread.join()
    elapsed = time.perf_counter() - started
    return {
        "elapsed": elapsed,
        "rows": stats.rows(elapsed),
        "server_errors": stats.server_errors(),
        "failures": stats.failures,
        "registrations": outcome,
        "checkins_sent": sent,
        "unfinished": unfinished,
    }


def check(world: World, result: dict) -> list[str]:
    """What the database holds after the run; returns the problems found (none is a pass)."""
    from protectnet.access.audit import verify
    from protectnet.workshops.models import DayAttendance, Delegation, Registration

    problems = []
    if result["server_errors"]:
        problems.append(f"{result['server_errors']} responses were 5xx")
    if result["unfinished"]:
        problems.append(f"{result['unfinished']} jobs not started in time (--max-seconds)")
    if result["failures"]:
        problems.append(f"{len(result['failures'])} requests failed, first ones below")
        problems += result["failures"][:10]
    if result["registrations"]["other"]:
        problems.append(f"{result['registrations']['other']} registrations neither saved nor full")
    delegation = Delegation.objects.get(pk=world.delegation_id)
    stored = Registration.objects.filter(delegation=delegation, status="registered").count()
    expected = min(len(world.tokens), world.seats)
    if stored != expected or result["registrations"]["registered"] != expected:
        problems.append(
            f"registrations: {stored} stored, {result['registrations']} answered,"
            f" {expected} expected"
        )
    if delegation.seats_registered != stored:
        problems.append(f"seat counter {delegation.seats_registered} != {stored} rows")
    for day, count in result["checkins_sent"].items():
        kept = DayAttendance.objects.filter(
            registration__workshop_id=world.checkin_workshop_id, day=day
        ).count()
        if kept != count:
            problems.append(f"check-ins on {day}: {count} sent, {kept} stored")
    for broken in verify().problems[:10]:
        problems.append(f"audit log broken at #{broken.seq}: {broken.reason}")
    return problems
