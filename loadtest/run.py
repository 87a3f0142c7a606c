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
    agencies: int = 4
    alerts: int = 25
    registration_threads: int = 12
    max_seconds: float = 120


def _drain(jobs: queue.Queue):
    while True:
        try:
            yield jobs.get_nowait()
        except queue.Empty:
            return


def _registrant(base_urls: list, stats: Stats, jobs: queue.Queue, outcome: dict) -> None:
    """Each invitee: open the personal link, post the form (a fresh visitor each time, on the
    servers in turn, as a load balancer would spread them)."""
    for n, token in enumerate(_drain(jobs)):
        client = Client(base_urls[n % len(base_urls)], stats)
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


def _searcher(client: Client, stats: Stats, until: threading.Event, reads: list, amber: list):
    """A member searching the library and opening AMBER resources (each read audited)."""
    pages = itertools.cycle(amber or [None])
    for q in itertools.cycle(SEARCHES):
        if until.is_set():
            return
        try:
            response = client.get("library search", "/library/search/", params={"q": q})
            if response.status_code != 200:
                stats.fail("library search", f"{q!r}: HTTP {response.status_code}")
            pk = next(pages)
            if pk is not None:
                read = client.get("library AMBER read", f"/library/{pk}/")
                if read.status_code == 200:
                    with stats.lock:
                        reads.append(pk)
                else:
                    stats.fail("library AMBER read", f"{pk}: HTTP {read.status_code}")
        except Exception as exc:  # noqa: BLE001 - counted as a failure of the run
            stats.fail("library", repr(exc))
            return


def _officer(client: Client, world: World, stats: Stats, acknowledged: list) -> None:
    """A vetted officer reads each alert sent to their agency and acknowledges it."""
    for pk in world.alert_ids:
        try:
            csrf = client.form_token("alert read", f"/alerts/{pk}/")
            response = client.post(
                "alert acknowledge",
                f"/alerts/{pk}/acknowledge/",
                data={"csrfmiddlewaretoken": csrf},
            )
        except Exception as exc:  # noqa: BLE001 - counted as a failure of the run
            stats.fail("alert acknowledge", f"{pk}: {exc!r}")
            continue
        if response.status_code == 302:
            with stats.lock:
                acknowledged.append(pk)
        else:
            stats.fail("alert acknowledge", f"{pk}: HTTP {response.status_code}")


def _signed_in(base_urls: list, stats: Stats, emails: list, world: World, *, otp: bool) -> list:
    """One client per account, the accounts spread over the servers in turn."""
    clients = []
    for n, email in enumerate(emails):
        client = Client(base_urls[n % len(base_urls)], stats)
        code = (lambda e=email: totp_now(world.devices[e])) if otp else None
        client.sign_in(email, world.password, code_for=code)
        clients.append(client)
    return clients


def fire(base_urls: list[str], world: World, plan: Plan) -> dict:
    """Every kind of traffic at once, spread over `base_urls` (one or more app servers)."""
    stats = Stats()
    staff = _signed_in(base_urls, stats, world.staff, world, otp=True)
    members = _signed_in(base_urls, stats, world.members, world, otp=False)
    officers = _signed_in(base_urls, stats, world.officers, world, otp=True)
    stats.latencies.pop("sign-in", None)  # set-up, not load
    stats.statuses.pop("sign-in", None)
    tokens, checkins = queue.Queue(), queue.Queue()
    for token in world.tokens:
        tokens.put(token)
    for day, code in itertools.product(world.days, world.badges):
        checkins.put((day, code))
    outcome = {"registered": 0, "refused": 0, "other": 0}
    sent = dict.fromkeys(world.days, 0)
    reads, acknowledged = [], []
    stop_searches = threading.Event()
    workers = (
        [
            threading.Thread(target=_registrant, args=(base_urls, stats, tokens, outcome))
            for _ in range(plan.registration_threads)
        ]
        + [threading.Thread(target=_checker, args=(c, world, stats, checkins, sent)) for c in staff]
        + [
            threading.Thread(target=_officer, args=(c, world, stats, acknowledged))
            for c in officers
        ]
    )
    searchers = [
        threading.Thread(target=_searcher, args=(c, stats, stop_searches, reads, world.amber_ids))
        for c in members
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
        "amber_reads": len(reads),
        "acknowledged": len(acknowledged),
        "unfinished": unfinished,
        "servers": len(base_urls),
    }


def _check_alerts_and_reads(world: World, result: dict, since_id: int) -> list[str]:
    from protectnet.access.models import AuditEntry
    from protectnet.alerts.models import AlertRecipient

    problems = []
    expected = len(world.alert_ids) * len(world.officers)
    rows = AlertRecipient.objects.filter(alert_id__in=world.alert_ids)
    kept = rows.filter(acknowledged_at__isnull=False).count()
    if not (kept == result["acknowledged"] == expected):
        problems.append(
            f"acknowledgements: {kept} stored, {result['acknowledged']} answered, {expected} sent"
        )
    audit = AuditEntry.objects.filter(id__gt=since_id)
    for action, want in (
        ("alerts.alert.acknowledge", expected),
        ("library.resource.read", result["amber_reads"]),
    ):
        logged = audit.filter(action=action).count()
        if logged != want:
            problems.append(f"audit log: {logged} {action} entries for {want} actions")
    return problems


def sign_in_status(base_url: str, email: str, password: str) -> int:
    """A fresh visitor's password sign-in: 302 when accepted, 400 when refused or locked out."""
    client = Client(base_url, Stats())
    token = client.form_token("sign-in", "/accounts/login/")
    data = {"csrfmiddlewaretoken": token, "email": email, "password": password}
    return client.post("sign-in", "/accounts/login/", data=data).status_code


LOCKOUT_LIMIT = 5  # the servers run with LOGIN_IP_FAILURE_LIMIT at this value


def lockout_problems(base_urls: list[str], world: World) -> list[str]:
    """After the traffic: failed sign-ins on the first server lock this address out of the last
    one too (the counters live in the shared cache, not in each server's memory)."""
    for n in range(LOCKOUT_LIMIT):
        sign_in_status(base_urls[0], f"nobody-{n}@example.test", "wrong")
    status = sign_in_status(base_urls[-1], world.members[0], world.password)
    if status != 400:
        return [f"lock-out not shared: the right password on the other server gave {status}"]
    return []


def check(world: World, result: dict, *, since_id: int = 0) -> list[str]:
    """What the database holds after the run; returns the problems found (none is a pass).
    `since_id`: the last audit entry before the run."""
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
    problems += _check_alerts_and_reads(world, result, since_id)
    for broken in verify().problems[:10]:
        problems.append(f"audit log broken at #{broken.seq}: {broken.reason}")
    return problems
