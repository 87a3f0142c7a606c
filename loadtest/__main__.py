"""python -m loadtest [--database-url URL] [--invitations 400 --seats 300 ...]

The database is dropped and created again: its name must contain "load". The default is
$LOADTEST_DATABASE_URL, else PostgreSQL on loopback (protectnet_load); DATABASE_URL is ignored,
so that a development database is never the target by accident.
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
from .run import Plan, check, fire
from .server import gunicorn
from .world import build

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/protectnet_load"


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
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="gunicorn threads per worker")
    args = parser.parse_args()
    for name in vars(plan):
        setattr(plan, name, getattr(args, name))
    url = fresh_database(args.database_url)
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
        tag="load",
    )
    print(f"built the data in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    from protectnet.access.models import AuditEntry

    audited_before = AuditEntry.objects.count()
    connections.close_all()
    with gunicorn(url, workers=args.workers, threads=args.threads) as base_url:
        result = fire(base_url, world, plan)
    audited = AuditEntry.objects.count() - audited_before
    problems = check(world, result)
    print(table(result["rows"]))
    summary = {
        "database": connections["default"].vendor,
        "seconds": round(result["elapsed"], 1),
        "registrations": result["registrations"],
        "seats": plan.seats,
        "checkins_sent": {str(k): v for k, v in result["checkins_sent"].items()},
        "server_errors": result["server_errors"],
        "workers": args.workers,
        "audited_actions": audited,
        "audited_actions_per_minute": round(audited / max(result["elapsed"], 0.001) * 60),
        "problems": problems,
    }
    print(json.dumps(summary, indent=2))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
