"""The backup keys: one signs every manifest, the optional other encrypts the files."""

import base64
import binascii
import hashlib
import hmac
import json

from django.conf import settings

from .errors import BackupError

KEY_HELP = (
    "BACKUP_ENCRYPTION_KEY must be 32 random bytes in URL-safe base64, e.g. "
    '`python3 -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"`.'
)


def signing_keys() -> list[bytes]:
    keys = [key.encode() for key in settings.BACKUP_SIGNING_KEYS if key]
    if not keys:
        raise BackupError(
            "Set BACKUP_SIGNING_KEY: in production (DEBUG=0) backups are neither made nor restored"
            " without the key that signs their manifest. Keep it apart from the backups."
        )
    return keys


def _canonical(body: dict) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode()


def sign(body: dict) -> str:
    return hmac.new(signing_keys()[0], _canonical(body), hashlib.sha256).hexdigest()


def signature_valid(body: dict, signature: str) -> bool:
    message = _canonical(body)
    return any(
        hmac.compare_digest(hmac.new(key, message, hashlib.sha256).hexdigest(), signature)
        for key in signing_keys()
    )


def encryption_keys() -> list[bytes]:
    keys = []
    for text in settings.BACKUP_ENCRYPTION_KEYS:
        try:
            key = base64.b64decode(text.strip(), altchars=b"-_", validate=True)
        except (binascii.Error, ValueError):
            key = b""
        if len(key) != 32:
            raise BackupError(KEY_HELP)
        keys.append(key)
    return keys


def key_id(key: bytes) -> str:
    """Names a key without revealing it, so a wrong key is reported as such."""
    return hmac.new(key, b"protectnet backup key id", hashlib.sha256).hexdigest()[:16]
