"""What the backup tests share: a site with rows and files, its state, and a forger's tools.

`write_manifest` signs like someone who holds the signing key would (HMAC-SHA256 of the manifest
without its signature, as JSON with sorted keys and no spaces): such edits must still be caught
by the checks that do not depend on the signature.
"""

import hashlib
import hmac
import json
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.db import connection, connections

SIGNING_KEY = "fictitious-signing-key-for-tests"
MANIFEST = "manifest.json"


def only_backup(folder: Path) -> Path:
    (backup,) = list(folder.iterdir())
    return backup


def read_manifest(backup: Path) -> dict:
    return json.loads((backup / MANIFEST).read_text())


def write_manifest(backup: Path, body: dict, *, key: str | None = SIGNING_KEY) -> None:
    body = {name: value for name, value in body.items() if name != "signature"}
    if key is not None:
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
        body["signature"] = hmac.new(key.encode(), canonical, hashlib.sha256).hexdigest()
    (backup / MANIFEST).write_text(json.dumps(body, indent=2))


def stored_file(backup: Path, role: str) -> Path:
    manifest = read_manifest(backup)
    (name,) = [name for name, entry in manifest["files"].items() if entry["role"] == role]
    return backup / name


def record_checksum(backup: Path, path: Path, *, resign: bool = True) -> None:
    """Put the file's new checksum and size in the manifest (re-signed, or keeping the old
    signature when `resign` is False)."""
    manifest = read_manifest(backup)
    entry = manifest["files"][path.name]
    entry["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    entry["bytes"] = path.stat().st_size
    if resign:
        write_manifest(backup, manifest)
    else:
        (backup / MANIFEST).write_text(json.dumps(manifest, indent=2))


def sqlite_file_bytes() -> bytes:
    """The SQLite database as a copy of it holds it, page by page, free pages included: SQLite's
    backup API writes the copy, as `manage.py backup` does.

    Never read the live file with open(): closing any handle on it drops every lock this
    process's connections hold on it (POSIX locks belong to the process), a connection left open
    by another thread included (the browser tests' live server leaves some). The next process
    to close its last connection then takes itself for the last one and deletes the -wal and
    -shm files, and from then on this process no longer sees what other processes write: a
    killed worker's claim read back as READY, later connections failed with "disk I/O error"."""
    connection.ensure_connection()
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "copy.sqlite3"
        destination = sqlite3.connect(copy)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
        return copy.read_bytes()


def database_state() -> str:
    """SQLite: the bytes of the database file. PostgreSQL: a plain dump of schema and rows."""
    if connection.vendor == "sqlite":
        return hashlib.sha256(sqlite_file_bytes()).hexdigest()
    connections.close_all()
    dump = subprocess.run(_pg_dump(), check=True, capture_output=True, text=True).stdout  # noqa: S603
    # pg_dump brackets its output with a random \restrict token: the one line that differs.
    return "\n".join(
        line for line in dump.splitlines() if not line.startswith(("\\restrict", "\\unrestrict"))
    )


def _pg_dump(*options: str) -> list[str]:
    settings = connection.settings_dict
    cmd = ["pg_dump", "--host", settings["HOST"] or "127.0.0.1", "--port", str(settings["PORT"])]
    return [*cmd, "--username", settings["USER"], "--dbname", settings["NAME"], *options]


def pg_dump_to(path: Path, *options: str) -> None:
    connections.close_all()
    subprocess.run(_pg_dump("--file", str(path), *options), check=True)  # noqa: S603


def skip_without_postgresql_client() -> None:
    if connection.vendor != "sqlite" and not all(
        shutil.which(tool) for tool in ("pg_dump", "pg_restore", "psql")
    ):
        pytest.skip("PostgreSQL backups need pg_dump, pg_restore and psql (postgresql-client)")


def media_state(media: Path) -> dict:
    """Every file and folder under the media root and beside it, with contents."""
    state = {}
    for path in sorted(media.parent.rglob("*")):
        relative = str(path.relative_to(media.parent))
        state[relative] = path.read_bytes() if path.is_file() else "folder"
    return state


def leftovers_beside_database() -> list[str]:
    if connection.vendor != "sqlite":
        return []
    folder = Path(connection.settings_dict["NAME"]).parent
    return [path.name for path in folder.iterdir() if "restore" in path.name]
