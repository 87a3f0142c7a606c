"""Accounts: a user signs in with an email address; API tokens, invitations and the TOTP
authenticator (its seed encrypted at rest) belong here."""

import hashlib
import secrets
import time
from base64 import b32encode
from binascii import unhexlify
from urllib.parse import quote, urlencode

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, ThrottlingMixin, TimestampMixin
from django_otp.oath import TOTP
from django_otp.util import hex_validator, random_hex

from protectnet.core.fields import EncryptedTextField


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("email address"), max_length=254, unique=True)
    display_name = models.CharField(_("display name"), max_length=200, blank=True)
    # A code of settings.LANGUAGES; empty until the first sign-in, which takes the browser's.
    # Pages, emails and PDFs for this person are in it (accounts/middleware.py, core/mail.py).
    language = models.CharField(_("language"), max_length=12, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    failed_logins = models.PositiveIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.display_name or self.email

    def is_locked(self) -> bool:
        return bool(self.locked_until and self.locked_until > timezone.now())


def hash_secret(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token: only its SHA-256 is stored; the raw value is shown once."""

    PREFIX = "pn_"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    hint = models.CharField(max_length=12, help_text=_("The first characters, to recognise it."))
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @classmethod
    def new_raw_key(cls) -> str:
        return cls.PREFIX + secrets.token_urlsafe(32)

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class Invitation(models.Model):
    """An invitation to create an account; the link carries a random token, stored hashed."""

    email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    person_id = models.BigIntegerField(
        null=True, blank=True, help_text=_("Directory entry to link.")
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.email

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


def default_totp_key() -> str:
    return random_hex(20)


def totp_key_validator(value) -> None:
    hex_validator()(value)


class TOTPDevice(TimestampMixin, ThrottlingMixin, Device):
    """An authenticator app (RFC 6238), as django-otp's TOTPDevice but with the seed encrypted.

    django-otp stores the seed in plain hex and has no hook to change that, so this device
    replaces its `otp_totp` plugin. django-otp finds it like any other device (it subclasses
    `Device`), so `match_token`, `verify_token`, `user_has_device` and the OTP middleware work
    unchanged. `key` is the hex seed in Python and a Fernet token in the database.
    """

    key = EncryptedTextField(
        max_length=80,
        validators=[totp_key_validator],
        default=default_totp_key,
        help_text=_("A hex-encoded secret key of up to 40 bytes (stored encrypted)."),
    )
    step = models.PositiveSmallIntegerField(default=30)
    t0 = models.BigIntegerField(default=0)
    digits = models.PositiveSmallIntegerField(choices=[(6, 6), (8, 8)], default=6)
    tolerance = models.PositiveSmallIntegerField(default=1)
    drift = models.SmallIntegerField(default=0)
    last_t = models.BigIntegerField(default=-1)

    class Meta(Device.Meta):
        verbose_name = _("TOTP device")

    @property
    def bin_key(self) -> bytes:
        return unhexlify(self.key.encode())

    def verify_token(self, token) -> bool:
        allowed, _reason = self.verify_is_allowed()
        if not allowed:
            return False
        try:
            token = int(token)
        except (TypeError, ValueError):
            self.throttle_increment(commit=True)
            return False
        totp = TOTP(self.bin_key, self.step, self.t0, self.digits, self.drift)
        totp.time = time.time()
        # Tokens at or before the last accepted step are refused: a code works only once.
        if not totp.verify(token, self.tolerance, self.last_t + 1):
            self.throttle_increment(commit=True)
            return False
        self.last_t = totp.t()
        if getattr(settings, "OTP_TOTP_SYNC", True):
            self.drift = totp.drift
        self.throttle_reset(commit=False)
        self.set_last_used_timestamp(commit=False)
        self.save(
            update_fields=[
                "last_t",
                "drift",
                "throttling_failure_timestamp",
                "throttling_failure_count",
                "last_used_at",
            ]
        )
        return True

    def get_throttle_factor(self) -> int:
        return getattr(settings, "OTP_TOTP_THROTTLE_FACTOR", 1)

    @property
    def config_url(self) -> str:
        """The otpauth:// URL an authenticator app reads from the QR code."""
        issuer = str(getattr(settings, "OTP_TOTP_ISSUER", "") or "").replace(":", "")
        label = f"{issuer}:{self.user.get_username()}" if issuer else self.user.get_username()
        params = {
            "secret": b32encode(self.bin_key).decode(),
            "algorithm": "SHA1",
            "digits": self.digits,
            "period": self.step,
        }
        query = urlencode(params) + (f"&issuer={quote(issuer)}" if issuer else "")
        return f"otpauth://totp/{quote(label)}?{query}"
