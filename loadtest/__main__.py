"""python -m loadtest [--servers 2 --workers 2] [--database-url URL] [--invitations 400 ...]

The database is dropped and created again: its name must contain "load". The default is
$LOADTEST_DATABASE_URL, else PostgreSQL on loopback (protectnet_load); DATABASE_URL is ignored,
so that a development database is never the target by accident. The servers share one Redis
database ($LOADTEST_CACHE_URL, else redis://127.0.0.1:6379/14), emptied before the run.
`--append FILE` adds the summary to a JSON-lines file; `--table FILE` prints such a file.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from cryptography.fernet import Fernet

from .client import table
from .run import LOCKOUT_LIMIT, Plan, check, fire, lockout_problems
from .server import servers
from .world import build

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/protectnet_load"
DEFAULT_CACHE = "redis://127.0.0.1:6379/14"


def fresh_database(url: str) -> str:
    """Drop and create the run's database, only one whose name says it is for load runs.
    Returns the URL the server must use (a SQLite path made absolute)."""
    parts = urlsplit(url)
    name = parts.path[1:]  # as django-environ reads it: sqlite:////abs, sqlite:///relative
    if "load" not in Path(name).name:
        raise SystemExit(f"Refusing to recreate {name!r}: its name must contain 'load'.")
    if parts.scheme.startswith("sqlite"):
        path = Path(name).resolve()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import psycopg

    admin = parts._replace(path="/postgres").geturl().replace("postgres://", "postgresql://", 1)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url


def main() -> int:
    plan = Plan()
    parser = argparse.ArgumentParser(prog="python -m loadtest", description=__doc__)
    for name, value in vars(plan).items():
        parser.add_argument(f"--{name.replace('_', '-')}", type=type(value), default=value)
    parser.add_argument(
        "--database-url", default=os.environ.get("LOADTEST_DATABASE_URL", DEFAULT_URL)
    )
    parser.add_argument("--cache-url", default=os.environ.get("LOADTEST_CACHE_URL", DEFAULT_CACHE))
    parser.add_argument("--servers", type=int, default=1, help="gunicorn servers (ports)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes per server")
    parser.add_argument("--threads", type=int, default=4, help="gunicorn threads per worker")
    parser.add_argument("--append", type=Path, help="add the summary to this JSON-lines file")
    parser.add_argument("--table", type=Path, help="print the runs of a JSON-lines file, exit")
    args = parser.parse_args()
    if args.table:
        print(curve_table([json.loads(line) for line in args.table.read_text().splitlines()]))
        return 0
    for name in vars(plan):
        setattr(plan, name, getattr(args, name))
    url = fresh_database(args.database_url)
    fresh_cache(args.cache_url)
    os.environ["DATABASE_URL"] = url
    # One key for the builder and gunicorn (production mode refuses encrypted fields without one).
    os.environ.setdefault("FIELD_ENCRYPTION_KEYS", Fernet.generate_key().decode())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "protectnet.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections

    # A fresh database needs a fresh heads file (the server is told to use the same one).
    settings.AUDIT_HEADS_FILE = str(settings.VAR_DIR / "loadtest-audit-heads.log")
    Path(settings.AUDIT_HEADS_FILE).unlink(missing_ok=True)

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    world = build(
        invitations=plan.invitations,
        seats=plan.seats,
        participants=plan.participants,
        staff=plan.staff,
        members=plan.members,
        resources=plan.resources,
        agencies=plan.agencies,
        alerts=plan.alerts,
        tag="load",
    )
    print(f"built the data in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    from protectnet.access.models import AuditEntry

    audited_before = AuditEntry.objects.count()
    last_entry = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    connections.close_all()
    env = {"CACHE_URL": args.cache_url, "LOGIN_IP_FAILURE_LIMIT": str(LOCKOUT_LIMIT)}
    options = {"workers": args.workers, "threads": args.threads, "extra_env": env}
    with servers(url, args.servers, **options) as base_urls:
        result = fire(base_urls, world, plan)
        lockout = lockout_problems(base_urls, world)
    audited = AuditEntry.objects.count() - audited_before
    problems = check(world, result, since_id=last_entry) + lockout
    print(table(result["rows"]))
    requests_made = sum(row["requests"] for row in result["rows"])
    summary = {
        "database": connections["default"].vendor,
        "servers": args.servers,
        "workers": args.workers,
        "threads": args.threads,
        "cpus": os.cpu_count(),
        "load_1min": round(os.getloadavg()[0], 1),
        "seconds": round(result["elapsed"], 1),
        "requests_per_second": round(requests_made / max(result["elapsed"], 0.001), 1),
        "p95_ms": {row["kind"]: row["p95_ms"] for row in result["rows"]},
        "registrations": result["registrations"],
        "seats": plan.seats,
        "checkins_sent": {str(k): v for k, v in result["checkins_sent"].items()},
        "server_errors": result["server_errors"],
        "amber_reads": result["amber_reads"],
        "acknowledged": result["acknowledged"],
        "lockout_shared": not lockout,
        "audited_actions": audited,
        "audited_actions_per_minute": round(audited / max(result["elapsed"], 0.001) * 60),
        "problems": problems,
    }
    print(json.dumps(summary, indent=2))
    if args.append:
        with args.append.open("a", encoding="utf-8") as out:
            out.write(json.dumps(summary) + "\n")
    return 1 if problems else 0


def fresh_cache(url: str) -> None:
    """Empty the run's Redis database: a lock-out left by the last run would refuse sign-ins."""
    import redis

    redis.Redis.from_url(url).flushdb()


def curve_table(runs: list[dict]) -> str:
    """Throughput by server and worker count: the figures README's "Scaling out" quotes."""
    head = (
        f"{'servers':>7}{'workers':>8}{'req/s':>8}{'audited/min':>12}"
        f"{'p95 reg ms':>11}{'p95 ack ms':>11}{'p95 search ms':>14}{'5xx':>5}  load  problems"
    )
    lines = [head, "-" * len(head)]
    for r in runs:
        p95 = r.get("p95_ms", {})
        lines.append(
            f"{r['servers']:>7}{r['workers']:>8}{r['requests_per_second']:>8}"
            f"{r['audited_actions_per_minute']:>12}{p95.get('registration post', '-'):>11}"
            f"{p95.get('alert acknowledge', '-'):>11}{p95.get('library search', '-'):>14}"
            f"{r['server_errors']:>5}  {r['load_1min']:>4}  {len(r['problems'])}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
