"""The accounts app's part of a person's data: the account, invitations, API tokens (metadata
only) and whether a second factor is set up. Never a secret: no password hash, token hash,
device key or recovery code. Found by `core.providers("personal_data")`."""

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django_otp.plugins.otp_static.models import StaticDevice

from protectnet.core.exports import iso

from .models import ApiToken, Invitation, TOTPDevice, User

LABEL = "account"

MODELS = {
    "accounts.user": "exported (address, name, dates); erased: the account is disabled, its "
    "address replaced by a placeholder and its password made unusable (network's person_erase)",
    "accounts.apitoken": "exported by name, hint and dates (never the hash); erased: names "
    "cleared and every token revoked",
    "accounts.invitation": "invitations to the address exported; erased: deleted",
    "accounts.totpdevice": "exported as 'second factor set up: yes/no' (never the seed); "
    "erased: deleted",
    "otp_static.staticdevice": "recovery codes: only their number is exported; erased: deleted",
    "admin.logentry": "Django admin changes made by the account exported (time, kind, action); "
    "erased: entries about the account or the person keep no name",
}

EXEMPT = {
    "auth.group": "group names, not people's",
    "auth.permission": "permission names",
    "contenttypes.contenttype": "model names",
}

ERASED_REPR = "Erased account"


def _invitations(user, person) -> Q:
    q = Q(email__iexact=user.email) if user is not None else Q(pk__in=[])
    return q | Q(person_id=person.pk) if person is not None else q


def export(*, person, user) -> dict:
    if user is None:
        return {}
    tokens = ApiToken.objects.filter(user=user)
    invitations = Invitation.objects.filter(_invitations(user, person))
    admin_log = LogEntry.objects.filter(user=user).select_related("content_type")
    return {
        "email": user.email,
        "display_name": user.display_name,
        "date_joined": iso(user.date_joined),
        "last_login": iso(user.last_login),
        "second_factor": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
        "recovery_code_sets": StaticDevice.objects.filter(user=user).count(),
        "api_tokens": [
            {
                "name": t.name,
                "starts_with": t.hint,
                "created_at": iso(t.created_at),
                "last_used_at": iso(t.last_used_at),
                "revoked_at": iso(t.revoked_at),
            }
            for t in tokens
        ],
        "invitations": [
            {
                "email": i.email,
                "created_at": iso(i.created_at),
                "expires_at": iso(i.expires_at),
                "accepted_at": iso(i.accepted_at),
            }
            for i in invitations
        ],
        "admin_changes": [
            {
                "at": iso(e.action_time),
                "kind": e.content_type.model if e.content_type else "",
                "action": e.get_action_flag_display(),
            }
            for e in admin_log
        ],
    }


def erase(*, person, user, actor) -> None:
    # Called while user.email is still the real address (see the contract).
    Invitation.objects.filter(_invitations(user, person)).delete()
    if user is None:
        return
    ApiToken.objects.filter(user=user).update(name="")
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
    ).update(object_repr=ERASED_REPR, change_message="")
