"""Password reset by email and password change: throttled and audited.

Django's views send the reset mail and check the reset link; what changes an account here
happens in these services.
"""

from django.conf import settings
from django.db import transaction

from protectnet.access import audit
from protectnet.access.audit import client_ip

from ..models import User
from ..security import count_failure, throttled

THROTTLE = "password_reset"


def password_reset_request(*, email: str, request) -> bool:
    """Count and record a reset request; True when this address asked too often (no mail)."""
    ip = client_ip(request)
    email = email[:254]
    # Every request counts, so one address cannot flood inboxes; the page looks the same.
    blocked = throttled(THROTTLE, ip, settings.PASSWORD_RESET_IP_LIMIT)
    count_failure(THROTTLE, ip)
    audit.record(
        "auth.password_reset_requested",
        request=request,
        data={"email": email, "throttled": blocked},
    )
    return blocked


def password_reset_complete(*, user: User, request=None) -> None:
    """After a new password from the reset link: the mailbox owner proved control, so a
    lock-out on the account is lifted."""
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(failed_logins=0, locked_until=None)
        audit.record("auth.password_reset_completed", obj=user, request=request)


def password_change(*, user: User, new_password: str, request=None) -> None:
    """The signed-in user's new password (already validated by the form)."""
    with transaction.atomic():
        user.set_password(new_password)
        user.save(update_fields=["password"])
        audit.record("account.password_changed", obj=user, request=request)
