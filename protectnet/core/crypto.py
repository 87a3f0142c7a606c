"""Encryption at rest, the one helper: Fernet tokens under keys from the environment.

Used by the alerts (their ciphertext columns) and by the encrypted model fields (core.fields).
FIELD_ENCRYPTION_KEYS holds comma-separated Fernet keys, newest first. New content is encrypted
with the first key; any listed key decrypts, so a key can be rotated in without downtime and
`manage.py rotate_keys` then re-encrypts everything under the newest one.

Without a configured key a development install (DEBUG=1) derives one from SECRET_KEY and says so
in a system check; a production install (DEBUG=0) refuses to store encrypted content at all.
"""

import base64
import hashlib
import json
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class EncryptionUnavailable(ImproperlyConfigured):
    """No key: encrypted content cannot be stored (production without FIELD_ENCRYPTION_KEYS)."""


class UndecryptableContent(ImproperlyConfigured):
    """A stored token that none of the configured keys opens (a key was removed too early)."""


def development_key() -> bytes:
    # The label predates the shared helper; changing it would strand every development token.
    digest = hashlib.sha256(b"protectnet.alerts.dev-key:" + settings.SECRET_KEY.encode()).digest()
    return base64.urlsafe_b64encode(digest)


def configured_keys() -> tuple[str, ...]:
    return tuple(k.strip() for k in settings.FIELD_ENCRYPTION_KEYS if k and k.strip())


def using_development_key() -> bool:
    return not configured_keys() and settings.DEBUG


@lru_cache(maxsize=8)
def _multi(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(k) for k in keys])
    except (ValueError, TypeError) as exc:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEYS must hold Fernet keys (Fernet.generate_key())."
        ) from exc


def fernet() -> MultiFernet:
    keys = configured_keys()
    if keys:
        return _multi(keys)
    if settings.DEBUG:
        return _multi((development_key().decode(),))
    raise EncryptionUnavailable(
        "FIELD_ENCRYPTION_KEYS is not set: encrypted content cannot be stored without a key."
    )


def encrypt_bytes(data: bytes) -> bytes:
    return fernet().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    if not token:
        return b""
    try:
        return fernet().decrypt(bytes(token))
    except InvalidToken as exc:
        raise UndecryptableContent("Stored encrypted content cannot be decrypted.") from exc


def encrypt_text(text: str) -> str:
    """Empty text stays empty (nothing to hide, and purged rows stay recognisably empty)."""
    return encrypt_bytes(text.encode()).decode() if text else ""


def decrypt_text(token: str) -> str:
    return decrypt_bytes(token.encode()).decode() if token else ""


def encrypt_json(value: dict) -> str:
    return encrypt_text(json.dumps(value, sort_keys=True)) if value else ""


def decrypt_json(token: str) -> dict:
    return json.loads(decrypt_text(token)) if token else {}


@lru_cache(maxsize=8)
def _single(key: str) -> Fernet:
    return Fernet(key)


def newest_fernet() -> Fernet:
    fernet()  # the same refusal as for writing when no key may be used
    keys = configured_keys() or (development_key().decode(),)
    return _single(keys[0])


def is_current(token: bytes | str) -> bool:
    """Whether the newest key opens this token: rotation leaves such a token alone."""
    if not token:
        return True
    raw = token.encode() if isinstance(token, str) else bytes(token)
    try:
        newest_fernet().decrypt(raw)
    except InvalidToken:
        return False
    return True


def rotate_bytes(token: bytes) -> bytes:
    if not token:
        return b""
    try:
        return fernet().rotate(bytes(token))
    except InvalidToken as exc:
        raise UndecryptableContent("No key in FIELD_ENCRYPTION_KEYS opens a stored token.") from exc


def rotate_text(token: str) -> str:
    return rotate_bytes(token.encode()).decode() if token else ""
