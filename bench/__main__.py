"""python -m bench --scale small|medium|large [--database-url URL] [--keep] [--runs N]
[--pages PATTERN ...] [--out-dir DIR]

Builds a synthetic network with bulk inserts in its own database (never the development one),
then measures every main page and API endpoint for several roles, the framework's floor (a
trivial view), and throughput figures. Writes a table to stdout and JSON under var/bench/.

Measuring a fix in minutes:

- `--keep` keeps the database; when it already holds a built network the build is skipped
  (migrations still run, then ANALYZE), and only the pages are measured: the throughput figures
  write rows (imported people, registrations) that would change the network between runs.
- `--pages PATTERN` (repeatable) measures only the pages whose name matches one of the regular
  expressions (searched in the name, e.g. `--pages alert_overdue --pages "api /alerts/overdue"`,
  or `--pages '^network:organisation_detail$'`); the throughput figures are left out too.
- `--out-dir DIR` writes the JSON (and the audit log's heads file) there instead of var/bench/,
  so that a private pair of small and medium runs is compared with each other only.

Without these options the full run is unchanged. For example, a private small and medium pair:

    python -m bench --scale small --database-url sqlite:///tmp/s.sqlite3 --keep --pages X \
        --out-dir /tmp/out
    python -m bench --scale medium --database-url sqlite:///tmp/m.sqlite3 --keep --pages X \
        --out-dir /tmp/out

The medium table then shows each page's growth from the small run (`x small`, `cpu x`).
"""

import argparse
import json
import logging
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--scale", default="small", choices=["tiny", "small", "medium", "large"])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", ""))
    parser.add_argument("--runs", type=int, default=0, help="requests per page (default by scale)")
    parser.add_argument("--keep", action="store_true", help="reuse the database if already built")
    parser.add_argument(
        "--pages",
        action="append",
        default=[],
        metavar="PATTERN",
        type=_pattern,
        help="measure only the pages whose name matches this regular expression (repeatable)",
    )
    parser.add_argument("--out-dir", type=Path, default=ROOT / "var" / "bench")
    return parser.parse_args(argv)


def _pattern(text: str) -> re.Pattern:
    try:
        return re.compile(text)
    except re.error as exc:
        raise argparse.ArgumentTypeError(f"{text!r}: {exc}") from exc


def prepare_database(args) -> str:
    url = args.database_url or f"sqlite:///{ROOT / 'var' / f'bench-{args.scale}.sqlite3'}"
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "protectnet.settings")
    os.environ.setdefault("DEBUG", "1")
    # Emails the built history causes (follow-ups, reminders) are kept in memory, not printed:
    # a medium network's first follow-ups are thousands of messages.
    os.environ.setdefault("EMAIL_URL", "memorymail://")
    # The bench's audit log is sealed into a heads file of its own, one per scale and database:
    # sharing one (the development one, or a SQLite and a PostgreSQL run side by side) makes
    # each fail verification, since it holds heads the other's log never had.
    kind = "sqlite" if url.startswith("sqlite") else "postgresql"
    heads = args.out_dir / f"audit-heads-{args.scale}-{kind}.log"
    heads.parent.mkdir(parents=True, exist_ok=True)
    os.environ["AUDIT_HEADS_FILE"] = str(heads)
    if not args.keep:
        heads.unlink(missing_ok=True)
    if url.startswith("sqlite:///") and not args.keep:
        for suffix in ("", "-wal", "-shm"):
            Path(url.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
    if url.startswith("postgres"):
        create_postgres_database(url)
    return url


def create_postgres_database(url: str) -> bool:
    """Create the bench database when it does not exist yet (connecting to `postgres` for it)."""
    from urllib.parse import urlsplit, urlunsplit

    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    print(f"created the bench database {name}")
    return True


def main(argv=None) -> int:
    args = parse_args(argv or sys.argv[1:])
    url = prepare_database(args)
    import django

    django.setup()
    # Refusals (403/404) are measured on purpose; their log lines would bury the table.
    logging.getLogger("django.request").setLevel(logging.ERROR)
    from django.core.management import call_command

    from . import report, suite

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    if not args.keep:
        call_command("flush", interactive=False, verbosity=0)
    results = suite.run(args.scale, runs=args.runs, pages=args.pages, reuse=args.keep)
    results["database"] = "postgresql" if url.startswith("postgres") else "sqlite"
    results["cpus"] = os.cpu_count()
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    out_dir = args.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{args.scale}-{results['database']}.json"
    path.write_text(json.dumps(results, indent=2, default=str))
    report.print_table(results, out_dir)
    print(f"\nJSON: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
