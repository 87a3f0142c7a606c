"""Build the synthetic network, then measure every page for every role it serves."""

import io
import random
import time

from . import build_alerts, build_network, build_training, build_workshops, extras, picks
from .measure import machine_load, time_request
from .pages import PAGES
from .scales import SCALES
from .users import bearer_for, client_for, existing_users, make_users

DEFAULT_RUNS = {"tiny": 2, "small": 15, "medium": 10, "large": 7}


def analyze() -> None:
    """Fresh planner statistics after bulk inserts: without them PostgreSQL plans every query as
    if the tables were empty, and the figures say nothing about a real installation."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def run_schedule_once() -> None:
    from django.core import mail
    from django.core.management import call_command

    call_command("run_worker", "--once", stdout=io.StringIO())
    mail.outbox = []  # kept in memory only so that nothing is printed; nobody reads them


def _timed(build_seconds: dict, name: str, fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    build_seconds[name] = round(time.perf_counter() - start, 1)
    return result


def run(scale_name: str, *, runs: int = 0, pages: list | None = None, reuse: bool = False) -> dict:
    """Build (unless `reuse` finds a built network), then measure the pages matching `pages`
    (every page when empty). Throughput figures write rows, so they run only in a full run."""
    scale = SCALES[scale_name]
    runs = runs or DEFAULT_RUNS[scale_name]
    build_seconds: dict[str, float] = {}
    users = existing_users() if reuse else None
    full = users is None and not pages
    if users is None:
        built, users, picked = _build(scale, build_seconds)
    else:
        # The picks write the bench users into the built objects the same way again.
        built, picked = {"reused": True}, picks.pick(users)
        _timed(build_seconds, "statistics (ANALYZE)", analyze)
    ctx = extras.context(users, picked)
    throughput = {}
    if full:
        # Documents cut into words, stemmed and written to the search index per second.
        rate = built.pop("library documents indexed per second")
        throughput = {"library documents indexed per second": rate, **_throughput(scale)}
    ctx["users"] = users
    chosen = [p for p in PAGES if not pages or any(pat.search(p.name) for pat in pages)]
    load_start = machine_load()
    floor = time_request(
        client_for(None), "floor (healthz)", "anonymous", "/healthz", runs=runs * 2
    )
    figures = _measure(chosen, ctx, users, runs, floor.median_ms)
    if full:
        throughput.update(_batch_figures(scale, users, runs))
    return {
        "scale": scale_name,
        "load_at_start": load_start,
        "rows": scale.__dict__,
        "runs": runs,
        "build_seconds": build_seconds,
        "built": built,
        "floor_ms": floor.median_ms,
        "pages": figures,
        "throughput": throughput,
        "skipped": [p.name for p in chosen if p.resolve(ctx) is None],
    }


def _build(scale, build_seconds: dict) -> tuple[dict, dict, dict]:
    rng = random.Random(2014)
    _timed(build_seconds, "network", build_network.build, scale, rng)
    from protectnet.demo.bench import library as library_bench

    library = _timed(build_seconds, "library resources", library_bench.build, scale.resources)
    built = {
        "workshops": _timed(build_seconds, "workshops", build_workshops.build, scale),
        "training": _timed(build_seconds, "training", build_training.build, scale),
        "alerts": _timed(build_seconds, "alerts", build_alerts.build, scale),
        "library documents indexed per second": library["indexed_per_second"],
    }
    users = make_users()
    picked = picks.pick(users)
    # The periodic jobs' first run over the built history (follow-ups of years of courses,
    # reminders, retention) belongs to the build: left to the first PDF page's worker run, it
    # would be timed as that page's document.
    _timed(build_seconds, "periodic jobs' first run", run_schedule_once)
    _timed(build_seconds, "statistics (ANALYZE)", analyze)
    return built, users, picked


def _throughput(scale) -> dict:
    from protectnet.demo.bench.audit import bench_audit_curve
    from protectnet.demo.bench.workshops import bench_registration

    # Registrations into the last seats of one more workshop, through the real service.
    attempts = min(3000, max(300, scale.registrations // 10))
    throughput = {
        "registrations": bench_registration(attempts=attempts, seats=attempts * 5 // 6, workers=2),
        # The audit log takes no installation-wide lock: the curve over processes shows it.
        "registrations_4_processes": bench_registration(
            attempts=attempts, seats=attempts * 5 // 6, workers=4
        ),
    }
    throughput["audited_actions"] = bench_audit_curve(actions=min(2000, attempts))
    return throughput


def _measure(pages: list, ctx: dict, users: dict, runs: int, floor_ms: float) -> list[dict]:
    clients = {role: client_for(user) for role, user in users.items()}
    tokens = {role: bearer_for(user) for role, user in users.items()}
    figures = []
    for page in pages:
        url = page.resolve(ctx)
        if url is None:
            continue
        for role in page.roles:
            if page.api:
                headers = {"HTTP_AUTHORIZATION": f"Bearer {tokens[role]}"}
                fig = time_request(client_for(None), page.name, role, url, runs=runs, **headers)
            else:
                headers = dict(page.headers)
                fig = time_request(clients[role], page.name, role, url, runs=runs, **headers)
            fig.ratio_to_floor = round(fig.median_ms / max(floor_ms, 0.01), 1)
            figures.append(fig.as_dict())
    return figures


def _batch_figures(scale, users, runs: int) -> dict:
    from protectnet.demo.bench import library as library_bench

    figures = {"import": extras.import_throughput(users["admin"], min(10_000, scale.people))}
    searches = library_bench.measure(runs=runs)
    figures["search"] = {f"{s['role']} {s['query']}": _search_line(s) for s in searches}
    return figures


def _search_line(s: dict) -> str:
    """Hits as first shown; then, for a search too large to count at once, its filters."""
    line = f"{s['median_ms']} / {s['p95_ms']} ms, {s['matches']} matches"
    if "filters_median_ms" in s:
        line += f"; filters {s['filters_median_ms']} / {s['filters_p95_ms']} ms"
    return line
