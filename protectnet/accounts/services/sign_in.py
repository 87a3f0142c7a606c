"""Signing in and out: the password first, then the second factor where the account has one.

After a correct password, an account with a second factor is not signed in yet: the session only
remembers who is half-way (for a few minutes), so a stolen password alone opens nothing.
"""

import enum
import time
from datetime import timedelta

from django.conf import settings
from django.contrib import auth
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice

from protectnet.access import audit
from protectnet.access.audit import client_ip

from ..models import User
from ..security import count_failure, throttled
from .language import account_language_first
from .second_factor import verify_code

PENDING_KEY = "pn_pending_sign_in"
PENDING_SECONDS = 300
THROTTLE = "sign_in"


class SignInOutcome(enum.Enum):
    FAILED = "failed"
    SECOND_FACTOR = "second_factor"
    SIGNED_IN = "signed_in"


def _ip_blocked(request) -> bool:
    return throttled(THROTTLE, client_ip(request), settings.LOGIN_IP_FAILURE_LIMIT)


def password_sign_in(*, request, email: str, password: str) -> SignInOutcome:
    email = (email or "").strip()[:254]
    if _ip_blocked(request):
        audit.record("auth.sign_in_failed", request=request, data={"email": email, "reason": "ip"})
        return SignInOutcome.FAILED
    user = auth.authenticate(request, username=email, password=password)
    if user is None:
        _failure(request, email=email, reason="password")
        return SignInOutcome.FAILED
    if user_has_device(user):
        # A fresh session key, so a key planted before sign-in is worth nothing afterwards.
        request.session.cycle_key()
        request.session[PENDING_KEY] = {"user": user.pk, "at": time.time()}
        return SignInOutcome.SECOND_FACTOR
    _complete(request, user, method="none")
    return SignInOutcome.SIGNED_IN


def pending_user(request) -> User | None:
    """Who is half-way through signing in: password passed, second factor not yet."""
    user = request.user
    if user.is_authenticated and not user.is_verified() and user_has_device(user):
        return user
    data = request.session.get(PENDING_KEY)
    if not isinstance(data, dict) or time.time() - data.get("at", 0) > PENDING_SECONDS:
        return None
    return User.objects.filter(pk=data.get("user"), is_active=True).first()


def second_factor_sign_in(*, request, user: User, code: str) -> bool:
    if user.is_locked() or _ip_blocked(request):
        audit.record(
            "auth.sign_in_failed", obj=user, request=request, data={"reason": "locked_or_ip"}
        )
        return False
    device = verify_code(user, code)
    if device is None:
        _failure(request, email=user.email, reason="second_factor", user=user)
        return False
    method = "recovery_code" if isinstance(device, StaticDevice) else "totp"
    _complete(request, user, method=method, device=device)
    return True


def sign_out(*, request) -> None:
    if request.user.is_authenticated:
        audit.record("auth.sign_out", request=request)
    auth.logout(request)


def _complete(request, user: User, *, method: str, device=None) -> None:
    request.session.pop(PENDING_KEY, None)
    auth.login(request, user)  # cycles the session key again
    account_language_first(user=user, request=request)
    if device is not None:
        otp_login(request, device)
    User.objects.filter(pk=user.pk).update(failed_logins=0, locked_until=None)
    data = {"second_factor": method}
    if method == "recovery_code":
        data["recovery_left"] = device.token_set.count()
    audit.record("auth.sign_in", actor=user, request=request, data=data)


def _failure(request, *, email: str, reason: str, user: User | None = None) -> None:
    count_failure(THROTTLE, client_ip(request))
    target = user or User.objects.filter(email__iexact=email).first()
    locked = target is not None and _count_account_failure(target)
    # The account is the object, not the actor: whoever typed the password is unknown.
    audit.record(
        "auth.sign_in_failed", obj=target, request=request, data={"email": email, "reason": reason}
    )
    if locked:
        audit.record(
            "auth.account_locked",
            obj=target,
            request=request,
            data={"minutes": settings.LOGIN_LOCKOUT_MINUTES},
        )


def _count_account_failure(user: User) -> bool:
    """Count one failure; lock the account when the limit is reached. True when it locked."""
    with transaction.atomic():
        row = User.objects.select_for_update().get(pk=user.pk)
        if row.is_locked():
            return False  # failures while locked do not extend the lock
        row.failed_logins = F("failed_logins") + 1
        row.save(update_fields=["failed_logins"])
        row.refresh_from_db(fields=["failed_logins"])
        if row.failed_logins < settings.LOGIN_FAILURE_LIMIT:
            return False
        row.failed_logins = 0
        row.locked_until = timezone.now() + timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
        row.save(update_fields=["failed_logins", "locked_until"])
        return True
