"""Restoring: the manifest's signature, its two entries and every checksum are checked, then the
files are decrypted into staging folders beside their destinations and checked again (SQLite
integrity check or a full read of the PostgreSQL dump, a tar extracted member by member). Only
then is the database replaced (one rename, or one transaction) and the media folder renamed in.
"""

import json
import shutil
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection

from . import keys, stream
from .create import FORMAT, MANIFEST
from .database import (
    POSTGRES_NAME,
    SQLITE_NAME,
    check_postgres,
    check_sqlite,
    replace_postgres,
    replace_sqlite,
    sqlite_path,
)
from .errors import BackupError
from .files import private_file, sha256, staging_folder
from .media import extract_media, swap_media, upload_media

ROLES = {"database": "database", "media": "media archive"}
NOT_RESTORED = "nothing was restored."


def _refuse(reason: str) -> BackupError:
    return BackupError(f"{reason}; {NOT_RESTORED}")


def _read_manifest(source: Path) -> dict:
    path = source / MANIFEST
    if not path.is_file():
        raise _refuse(f"{source} has no {MANIFEST}: not a ProtectNet backup")
    try:
        body = json.loads(path.read_text()) if path.stat().st_size < 1_000_000 else None
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise _refuse(f"{MANIFEST} is not a backup manifest")
    signature = body.pop("signature", None)
    if not isinstance(signature, str) or not signature:
        raise _refuse("The manifest is not signed")
    if not keys.signature_valid(body, signature):
        raise _refuse(
            "The manifest's signature does not match BACKUP_SIGNING_KEY: it was edited after"
            " signing, or signed with another key"
        )
    if body.get("format") != FORMAT or not isinstance(body.get("files"), dict):
        raise _refuse("The manifest is of an unknown format")
    return body


def _names_by_role(files: dict) -> dict[str, str]:
    names = {}
    for name, entry in files.items():
        role = entry.get("role") if isinstance(entry, dict) else None
        plain = "/" not in name and "\\" not in name and not name.startswith(".")
        if not plain or name == MANIFEST or role not in ROLES or role in names:
            raise _refuse(f"The manifest lists an unexpected entry ({name!r})")
        names[role] = name
    for role, label in ROLES.items():
        if role not in names:
            raise _refuse(f"The manifest lists no {label}")
    return names


def _check_files(source: Path, files: dict) -> None:
    present = {path.name for path in source.iterdir()}
    for name in sorted(present - set(files) - {MANIFEST}):
        raise _refuse(f"{name} is in the backup folder but not in the manifest")
    for name, entry in files.items():
        path = source / name
        if name not in present or path.is_symlink() or not path.is_file():
            raise _refuse(f"{name} is listed in the manifest but missing")
        if path.stat().st_size != entry.get("bytes") or sha256(path) != entry.get("sha256"):
            raise _refuse(f"{name} is damaged (its size or checksum differs from the manifest)")


def _decryption_keys(body: dict) -> list[bytes] | None:
    encryption = body.get("encryption")
    if encryption is None:
        return None
    available = keys.encryption_keys()
    if not available:
        raise _refuse(
            "This backup is encrypted: set BACKUP_ENCRYPTION_KEY to the key it was made with"
        )
    if not isinstance(encryption, dict) or encryption.get("key_id") not in {
        keys.key_id(key) for key in available
    }:
        raise _refuse(
            "This backup was encrypted with another key than BACKUP_ENCRYPTION_KEY (key ids:"
            f" backup {encryption.get('key_id')}, configured"
            f" {', '.join(keys.key_id(key) for key in available)})"
        )
    return available


def _plain(stored: Path, target: Path, decrypt: list[bytes] | None, *, copy: bool) -> Path:
    """The file in clear: decrypted (or copied) to `target`, or the stored file itself."""
    if not decrypt and not copy:
        return stored
    with private_file(target) as handle:
        if decrypt:
            stream.decrypt_file(stored, handle, decrypt)
        else:
            with stored.open("rb") as origin:
                shutil.copyfileobj(origin, handle, 1 << 20)
    return target


def _restore_database(stored: Path, decrypt: list[bytes] | None, staging: Path) -> None:
    if connection.vendor == "sqlite":
        with staging_folder(sqlite_path().parent, ".protectnet-restore-") as folder:
            staged = _plain(stored, folder / SQLITE_NAME, decrypt, copy=True)
            check_sqlite(staged)
            replace_sqlite(staged)
        return
    dump = _plain(stored, staging / POSTGRES_NAME, decrypt, copy=False)
    sql = staging / "database.sql"
    check_postgres(dump, sql)
    replace_postgres(sql)


def backup_restore(source: Path) -> dict:
    """Replace the database and media with the backup's, once every check has passed."""
    source = Path(source)
    keys.signing_keys()
    body = _read_manifest(source)
    names = _names_by_role(body["files"])
    if body.get("database") != connection.vendor:
        raise _refuse(
            f"The backup is of {body.get('database')}, this site runs {connection.vendor}"
        )
    _check_files(source, body["files"])
    decrypt = _decryption_keys(body)
    media_root = Path(settings.MEDIA_ROOT)
    with staging_folder(media_root.parent, f".{media_root.name}.restore-") as staging:
        archive = _plain(source / names["media"], staging / "media.tar.gz", decrypt, copy=False)
        extracted = extract_media(archive, staging)
        upload_media(extracted)
        _restore_database(source / names["database"], decrypt, staging)
        swap_media(extracted)
    # Cached results, throttles and lock-outs describe the data that was replaced.
    cache.clear()
    return body
