"""The second factor: a TOTP authenticator plus single-use recovery codes (shown once)."""

import secrets
from base64 import b32encode

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from protectnet.access import audit
from protectnet.access.policy import require
from protectnet.access.principal import forget, principal_for
from protectnet.accounts.models import TOTPDevice

from ..security import normalise_code, recovery_code_digest

RECOVERY_CODE_COUNT = 10
RECOVERY_DEVICE_NAME = "recovery codes"


def verify_code(user, code: str):
    """The device that accepts this code (TOTP for digits, recovery code otherwise), or None.

    django-otp's throttling applies: each wrong code doubles the wait before the next try.
    """
    code = normalise_code(code)
    if not code or len(code) > 20:
        return None
    with transaction.atomic():
        if code.isdigit():
            devices = TOTPDevice.objects.filter(user=user, confirmed=True).select_for_update()
            token = code
        else:
            devices = StaticDevice.objects.filter(user=user, confirmed=True).select_for_update()
            token = recovery_code_digest(code)
        for device in devices:
            if device.verify_token(token):
                return device
    return None


def second_factor_start(*, actor) -> TOTPDevice:
    """The authenticator being set up (unconfirmed until a first code proves the phone has it)."""
    require(actor, "account.manage_own")
    device = TOTPDevice.objects.filter(user=actor, confirmed=False).order_by("-id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=actor, name="authenticator", confirmed=False)
    return device


def second_factor_confirm(*, actor, request, code: str) -> list[str]:
    """Confirm the new authenticator with a code from it; replaces any older one.

    Returns the new recovery codes, to be shown once and never again.
    """
    require(actor, "account.manage_own")
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=actor, confirmed=False)
            .order_by("-id")
            .first()
        )
        code = normalise_code(code)
        if device is None or not code.isdigit() or not device.verify_token(code):
            raise ValidationError(
                _("That code is not right. Check the clock of your phone and try the next code."),
                code="bad_code",
            )
        older = TOTPDevice.objects.filter(user=actor).exclude(pk=device.pk)
        replaced = older.filter(confirmed=True).exists()
        older.delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _new_recovery_codes(actor)
        action = "account.second_factor_replaced" if replaced else "account.second_factor_enabled"
        audit.record(action, actor=actor, obj=actor, request=request)
    otp_login(request, device)
    forget(actor)
    return codes


def second_factor_disable(*, actor, request, code: str) -> None:
    """Turn the second factor off, where the account's roles do not require it."""
    require(actor, "account.manage_own")
    if principal_for(actor).must_use_second_factor:
        raise PermissionDenied(_("Your role requires a second factor; it cannot be turned off."))
    if verify_code(actor, code) is None:
        raise ValidationError(_("That code is not right."), code="bad_code")
    with transaction.atomic():
        TOTPDevice.objects.filter(user=actor).delete()
        StaticDevice.objects.filter(user=actor).delete()
        audit.record("account.second_factor_disabled", actor=actor, obj=actor, request=request)
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
    forget(actor)


def recovery_codes_regenerate(*, actor, request) -> list[str]:
    """New recovery codes; the old ones stop working at once."""
    require(actor, "account.manage_own")
    if not TOTPDevice.objects.filter(user=actor, confirmed=True).exists():
        raise ValidationError(_("Set up an authenticator first."), code="no_device")
    with transaction.atomic():
        codes = _new_recovery_codes(actor)
        audit.record("account.recovery_codes_regenerated", actor=actor, obj=actor, request=request)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def _new_recovery_codes(user) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [_random_code() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=recovery_code_digest(code)) for code in codes
    )
    return codes


def _random_code() -> str:
    while True:
        raw = b32encode(secrets.token_bytes(10)).decode().lower()[:10]
        if not raw.isdigit():  # all-digit input is taken for an authenticator code
            return f"{raw[:5]}-{raw[5:]}"
