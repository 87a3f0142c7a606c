"""Files only their owner can read, whatever the umask, and their checksums."""

import hashlib
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def private_file(path: Path):
    """A new file, mode 0600 from its creation (chmod too: a umask can only take bits away)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "wb") as handle:
        yield handle


def private_folder(path: Path) -> Path:
    path.mkdir(mode=0o700)
    path.chmod(0o700)
    return path


@contextmanager
def staging_folder(beside: Path, prefix: str):
    """A 0700 temporary folder on the same file system as `beside`, so renames are atomic."""
    beside.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=beside))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
