"""The media archive: written as a gzipped tar, checked member by member while it is extracted
into a staging folder beside MEDIA_ROOT, then swapped in with two renames.

With an object store (MEDIA_STORAGE=s3) the archive holds every object of the bucket under the
same names, and a restore writes them back through the storage API. The archive has one format
for both stores, so a backup of a folder site restores into a bucket and back.
"""

import io
import posixpath
import secrets
import shutil
import tarfile
import time
import zlib
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from django.conf import settings

from protectnet.core import files

from .errors import BackupError

TOP = "media"


def archive_media(target: BinaryIO) -> None:
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(fileobj=target, mode="w:gz") as tar:
        if files.served_by_store():
            _add_objects(tar)
        elif media.exists():
            tar.add(media, arcname=TOP)


def _add_objects(tar: tarfile.TarFile) -> None:
    for name in files.all_names():
        with files.store().open(name, "rb") as handle:
            data = handle.read()
        member = tarfile.TarInfo(f"{TOP}/{name}")
        member.size, member.mode, member.mtime = len(data), 0o600, int(time.time())
        tar.addfile(member, io.BytesIO(data))


def _inside(path: str) -> bool:
    normal = posixpath.normpath(path)
    return normal == TOP or normal.startswith(TOP + "/")


def _unsafe(member: tarfile.TarInfo) -> str | None:
    name = member.name
    if name.startswith("/") or ".." in PurePosixPath(name).parts or not _inside(name):
        return f"an entry outside the media folder ({name!r})"
    if member.issym() or member.islnk():
        base = posixpath.dirname(name) if member.issym() else ""
        target = posixpath.join(base, member.linkname)
        if member.linkname.startswith("/") or not _inside(target):
            return f"a link leading outside the media folder ({name!r} -> {member.linkname!r})"
    elif not (member.isfile() or member.isdir()):
        return f"a device, pipe or other special file ({name!r})"
    return None


def _checked(member: tarfile.TarInfo, destination: str) -> tarfile.TarInfo:
    problem = _unsafe(member)
    if problem:
        raise BackupError(f"The media archive holds {problem}; nothing was restored.")
    return tarfile.data_filter(member, destination)


def extract_media(archive: Path, staging: Path) -> Path:
    """Extract into `staging` and return the extracted media folder; refuse a hostile archive."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(staging, filter=_checked)  # noqa: S202 - each member checked, then data_filter
    except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
        raise BackupError(
            f"The media archive is not a readable tar file ({exc}); nothing was restored."
        ) from exc
    extracted = staging / TOP
    extracted.mkdir(exist_ok=True)
    return extracted


def _archived(extracted: Path) -> list[tuple[str, Path]]:
    paths = sorted(p for p in extracted.rglob("*") if p.is_file())
    return [(p.relative_to(extracted).as_posix(), p) for p in paths]


def upload_media(extracted: Path) -> None:
    """Object store: write every archived file under its name, before the database is replaced
    (a failure here leaves the current rows with files of the same names and content)."""
    if not files.served_by_store():
        return
    for name, path in _archived(extracted):
        with path.open("rb") as handle:
            files.put(name, handle)


def swap_media(extracted: Path) -> None:
    """Put the extracted folder in place of MEDIA_ROOT; the old one is removed afterwards. With an
    object store, remove instead the objects the backup does not hold (uploaded already)."""
    if files.served_by_store():
        kept = {name for name, _path in _archived(extracted)}
        for name in [n for n in files.all_names() if n not in kept]:
            files.store().delete(name)
        return
    media = Path(settings.MEDIA_ROOT)
    old = media.with_name(f".{media.name}.replaced-{secrets.token_hex(4)}")
    if media.exists():
        media.rename(old)
    extracted.rename(media)
    shutil.rmtree(old, ignore_errors=True)
