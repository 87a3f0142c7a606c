"""Backups: a consistent copy of the database plus var/media, and the way back.

SQLite: the online backup API copies a consistent snapshot while the site runs (WAL mode).
PostgreSQL: pg_dump in custom format; restore with pg_restore --clean. A manifest records the
SHA-256 of every file so a damaged backup is refused before anything is overwritten.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - pg_dump/pg_restore are called with argument lists, no shell
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection, connections
from django.utils import timezone

MANIFEST = "manifest.json"


class BackupError(RuntimeError):
    pass


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _pg_env() -> dict:
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def _pg_args() -> list[str]:
    db = settings.DATABASES["default"]
    args = ["--host", db.get("HOST") or "127.0.0.1", "--port", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    return args + ["--dbname", connection.settings_dict["NAME"]]


def _dump_database(target: Path) -> Path:
    if connection.vendor == "sqlite":
        out = target / "database.sqlite3"
        connection.ensure_connection()
        destination = sqlite3.connect(out)
        with destination:
            connection.connection.backup(destination)
        destination.close()
        return out
    out = target / "database.dump"
    cmd = ["pg_dump", "--format=custom", "--no-owner", "--file", str(out), *_pg_args()]
    subprocess.run(cmd, check=True, env=_pg_env(), capture_output=True)  # noqa: S603
    return out


def _archive_media(target: Path) -> Path:
    out = target / "media.tar.gz"
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(out, "w:gz") as tar:
        if media.exists():
            tar.add(media, arcname="media")
    return out


def backup_create(directory: Path) -> Path:
    """Write a new backup folder under `directory` and return its path."""
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    target = Path(directory) / f"protectnet-{stamp}"
    target.mkdir(parents=True, exist_ok=False)
    files = [_dump_database(target), _archive_media(target)]
    manifest = {
        "created_at": timezone.now().isoformat(),
        "database": connection.vendor,
        "files": {f.name: _sha256(f) for f in files},
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2))
    return target


def _verify(source: Path) -> dict:
    manifest_path = source / MANIFEST
    if not manifest_path.exists():
        raise BackupError(f"{source} has no {MANIFEST}: not a ProtectNet backup.")
    manifest = json.loads(manifest_path.read_text())
    for name, expected in manifest["files"].items():
        path = source / name
        if not path.exists() or _sha256(path) != expected:
            raise BackupError(f"{name} is missing or damaged; nothing was restored.")
    if manifest["database"] != connection.vendor:
        raise BackupError(
            f"backup is of {manifest['database']}, this site runs {connection.vendor}."
        )
    return manifest


def _restore_sqlite(source: Path) -> None:
    connection.ensure_connection()
    origin = sqlite3.connect(source / "database.sqlite3")
    with origin:
        origin.backup(connection.connection)
    origin.close()


def _restore_postgres(source: Path) -> None:
    connections.close_all()
    cmd = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction"]
    cmd += [*_pg_args(), str(source / "database.dump")]
    subprocess.run(cmd, check=True, env=_pg_env(), capture_output=True)  # noqa: S603


def _restore_media(source: Path) -> None:
    media = Path(settings.MEDIA_ROOT)
    staging = media.with_name(media.name + ".restoring")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    with tarfile.open(source / "media.tar.gz", "r:gz") as tar:
        tar.extractall(staging, filter="data")
    restored = staging / "media"
    shutil.rmtree(media, ignore_errors=True)
    if restored.exists():
        restored.rename(media)
    else:
        media.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(staging, ignore_errors=True)


def backup_restore(source: Path) -> dict:
    """Replace the database and media with the backup's, after checking every checksum."""
    source = Path(source)
    manifest = _verify(source)
    if connection.vendor == "sqlite":
        _restore_sqlite(source)
    else:
        _restore_postgres(source)
    _restore_media(source)
    return manifest
