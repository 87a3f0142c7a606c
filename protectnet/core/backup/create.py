"""Making a backup: the database and the media, each checksummed (and encrypted when a key is
set) in a new 0700 folder, and a signed manifest listing exactly those two files."""

import json
import shutil
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

from . import keys, stream
from .database import dump_database
from .errors import BackupError
from .files import private_file, private_folder, sha256
from .media import archive_media

MANIFEST = "manifest.json"
FORMAT = 2
MEDIA_NAME = "media.tar.gz"


def _encrypted(plain: Path, key: bytes) -> Path:
    stored = plain.with_name(plain.name + ".enc")
    with private_file(stored) as handle:
        stream.encrypt_file(plain, handle, key, chunk=settings.BACKUP_CHUNK_BYTES)
    plain.unlink()
    return stored


def _write_files(target: Path, key: bytes | None) -> dict:
    database = dump_database(target)
    media = target / MEDIA_NAME
    with private_file(media) as handle:
        archive_media(handle)
    files = {}
    for role, plain in (("database", database), ("media", media)):
        stored = _encrypted(plain, key) if key else plain
        files[stored.name] = {
            "role": role,
            "sha256": sha256(stored),
            "bytes": stored.stat().st_size,
        }
    return files


def backup_create(directory: Path) -> Path:
    """Write a new backup folder under `directory` and return its path."""
    keys.signing_keys()  # refuse before writing anything
    encryption = keys.encryption_keys()
    key = encryption[0] if encryption else None
    directory = Path(directory)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    now = timezone.now()
    target = directory / f"protectnet-{now.strftime('%Y%m%dT%H%M%SZ')}"
    try:
        private_folder(target)
    except FileExistsError as exc:
        raise BackupError(f"{target} already exists; try again in a second.") from exc
    try:
        body = {
            "format": FORMAT,
            "created_at": now.isoformat(),
            "database": connection.vendor,
            "encryption": {"algorithm": "AES-256-GCM", "key_id": keys.key_id(key)} if key else None,
            "files": _write_files(target, key),
        }
        with private_file(target / MANIFEST) as handle:
            signed = {**body, "signature": keys.sign(body)}
            handle.write(json.dumps(signed, indent=2, sort_keys=True).encode())
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)  # no half backup that looks like a whole one
        raise
    return target
