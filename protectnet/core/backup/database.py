"""The database part of a backup: dump, check a staged copy, and swap it in.

SQLite: the online backup API copies a consistent snapshot while the site runs; restore checks a
private copy (read-only, `PRAGMA integrity_check`) and renames it over the database file.
PostgreSQL: `pg_dump` custom format; restore reads the whole dump into SQL first (`pg_restore
--list`, then `pg_restore --file`), then runs it with psql in ONE transaction that empties the
public schema, recreates everything and checks the result: any error rolls it all back.
"""

import os
import sqlite3
import subprocess  # noqa: S404 - pg_dump/pg_restore/psql are called with argument lists, no shell
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

from .errors import BackupError
from .files import private_file

SQLITE_NAME = "database.sqlite3"
POSTGRES_NAME = "database.dump"
# Runs last inside the restore transaction: a dump of something else must not be committed.
POSTGRES_CHECK = (
    "DO $$ BEGIN"
    " IF to_regclass('public.django_migrations') IS NULL"
    " THEN RAISE EXCEPTION 'the dump holds no ProtectNet database'; END IF;"
    " IF NOT EXISTS (SELECT FROM public.django_migrations)"
    " THEN RAISE EXCEPTION 'the dump holds no ProtectNet database'; END IF;"
    " END $$"
)


def _pg_env() -> dict:
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def _pg_args() -> list[str]:
    db = connection.settings_dict
    args = ["--host", db.get("HOST") or "127.0.0.1", "--port", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    return args + ["--dbname", db["NAME"]]


def _run(cmd: list[str], failure: str) -> None:
    try:
        result = subprocess.run(cmd, env=_pg_env(), capture_output=True, text=True)  # noqa: S603
    except FileNotFoundError as exc:
        raise BackupError(f"{cmd[0]} is not installed (Debian: postgresql-client).") from exc
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines() or [f"exit code {result.returncode}"]
        detail = next((line for line in lines if "error" in line.lower()), lines[-1])
        raise BackupError(f"{failure} ({detail.strip()}); nothing was restored.")


def dump_database(target: Path) -> Path:
    if connection.vendor == "sqlite":
        out = target / SQLITE_NAME
        with private_file(out):
            pass  # SQLite writes into the existing 0600 file
        connection.ensure_connection()
        destination = sqlite3.connect(out)
        try:
            connection.connection.backup(destination)
            # A self-contained file: no -wal beside it when it is opened later.
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
        return out
    out = target / POSTGRES_NAME
    with private_file(out):
        pass  # pg_dump truncates the file and keeps its mode
    cmd = ["pg_dump", "--format=custom", "--no-owner", "--file", str(out), *_pg_args()]
    _run(cmd, "pg_dump failed")
    return out


def sqlite_path() -> Path:
    return Path(connection.settings_dict["NAME"])


def check_sqlite(path: Path) -> None:
    """`path` is a private staged copy: read-only and immutable, so nothing is written beside it."""
    try:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            problems = [row[0] for row in db.execute("PRAGMA integrity_check")]
            ours = (
                problems == ["ok"]
                and db.execute(
                    "SELECT count(*) FROM sqlite_schema WHERE name = 'django_migrations'"
                ).fetchone()[0]
            )
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(
            f"The database copy fails SQLite's integrity check ({exc}); nothing was restored."
        ) from exc
    if problems != ["ok"]:
        raise BackupError(
            f"The database copy fails SQLite's integrity check ({problems[0]}); nothing was"
            " restored."
        )
    if not ours:
        raise BackupError("The database copy holds no ProtectNet database; nothing was restored.")


def replace_sqlite(staged: Path) -> None:
    """Rename the checked copy over the database file, after folding the WAL into the old one
    and closing every connection, so that no old -wal frame is replayed onto the new file."""
    live = sqlite_path()
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connections.close_all()
    if live.exists():
        staged.chmod(live.stat().st_mode & 0o777)
    os.replace(staged, live)
    for suffix in ("-wal", "-shm"):
        live.with_name(live.name + suffix).unlink(missing_ok=True)


def check_postgres(dump: Path, sql: Path) -> None:
    """The whole dump must read back: its table of contents, then every row, into `sql`."""
    _run(["pg_restore", "--list", str(dump)], "The database dump is not a readable pg_dump file")
    cmd = ["pg_restore", "--no-owner", "--file", str(sql), str(dump)]
    _run(cmd, "The database dump is damaged or cut short")


def replace_postgres(sql: Path) -> None:
    connections.close_all()
    cmd = ["psql", "--no-psqlrc", "--quiet", "--set", "ON_ERROR_STOP=1", "--single-transaction"]
    cmd += ["--output", os.devnull, *_pg_args()]
    cmd += ["--command", "SET client_min_messages = warning"]
    cmd += [
        "--command",
        "DROP SCHEMA IF EXISTS public CASCADE",
        "--command",
        "CREATE SCHEMA public",
    ]
    cmd += ["--file", str(sql), "--command", POSTGRES_CHECK]
    _run(cmd, "The database dump could not be restored, the transaction was rolled back")
