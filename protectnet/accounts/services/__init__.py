"""Every write of the accounts app: `from protectnet.accounts.services import ...`."""

from .invitations import InvitationState, invitation_accept, invitation_create, invitation_state
from .language import account_language_first, account_language_set
from .passwords import password_change, password_reset_complete, password_reset_request
from .second_factor import (
    recovery_codes_regenerate,
    second_factor_confirm,
    second_factor_disable,
    second_factor_start,
)
from .sign_in import (
    SignInOutcome,
    password_sign_in,
    pending_user,
    second_factor_sign_in,
    sign_out,
)
from .tokens import TokenThrottled, token_authenticate, token_create, token_revoke

__all__ = [
    "account_language_first",
    "account_language_set",
    "TokenThrottled",
    "token_authenticate",
    "InvitationState",
    "SignInOutcome",
    "invitation_accept",
    "invitation_create",
    "invitation_state",
    "password_change",
    "password_reset_complete",
    "password_reset_request",
    "password_sign_in",
    "pending_user",
    "recovery_codes_regenerate",
    "second_factor_confirm",
    "second_factor_disable",
    "second_factor_sign_in",
    "second_factor_start",
    "sign_out",
    "token_create",
    "token_revoke",
]
