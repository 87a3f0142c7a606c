"""Chunked AES-256-GCM for backup files: constant memory whatever the size of the database.

Layout: MAGIC (8 bytes), key id (8), salt (16), chunk size (4), then one sealed record per chunk
(ciphertext + 16-byte tag). Each file gets its own key (HKDF of the backup key and the salt), so
the chunk index can serve as nonce. A record's associated data is the header, its index and a
"last" flag: records cannot be swapped, dropped, or cut off at the end without failing the check.
"""

import os
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .errors import BackupError
from .keys import key_id

MAGIC = b"PNBKENC1"
HEADER = 36
TAG = 16
MAX_CHUNK = 64 * 1024 * 1024


def _cipher(key: bytes, salt: bytes) -> AESGCM:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"protectnet backup file")
    return AESGCM(hkdf.derive(key))


def _nonce(index: int) -> bytes:
    return index.to_bytes(12, "big")


def _aad(header: bytes, index: int, last: bool) -> bytes:
    return header + index.to_bytes(8, "big") + (b"\x01" if last else b"\x00")


def _records(handle: BinaryIO, size: int):
    """Yield (index, block, last): reading one block ahead tells which one is the last."""
    block, index = handle.read(size), 0
    while True:
        following = handle.read(size) if len(block) == size else b""
        yield index, block, not following
        if not following:
            return
        block, index = following, index + 1


def encrypt_file(source: Path, target: BinaryIO, key: bytes, *, chunk: int) -> None:
    salt = os.urandom(16)
    header = MAGIC + bytes.fromhex(key_id(key)) + salt + chunk.to_bytes(4, "big")
    cipher = _cipher(key, salt)
    target.write(header)
    with source.open("rb") as handle:
        for index, block, last in _records(handle, chunk):
            target.write(cipher.encrypt(_nonce(index), block, _aad(header, index, last)))


def decrypt_file(source: Path, target: BinaryIO, keys: list[bytes]) -> None:
    with source.open("rb") as handle:
        header = handle.read(HEADER)
        chunk = int.from_bytes(header[32:36], "big")
        if len(header) != HEADER or not header.startswith(MAGIC) or not 0 < chunk <= MAX_CHUNK:
            raise BackupError(
                f"{source.name} is not an encrypted backup file; nothing was restored."
            )
        key = next((k for k in keys if key_id(k) == header[8:16].hex()), None)
        if key is None:
            raise BackupError(
                f"{source.name} was encrypted with another key than BACKUP_ENCRYPTION_KEY;"
                " nothing was restored."
            )
        cipher = _cipher(key, header[16:32])
        for index, record, last in _records(handle, chunk + TAG):
            try:
                target.write(cipher.decrypt(_nonce(index), record, _aad(header, index, last)))
            except InvalidTag:
                raise BackupError(
                    f"{source.name} does not decrypt with BACKUP_ENCRYPTION_KEY: altered or cut"
                    " short; nothing was restored."
                ) from None
