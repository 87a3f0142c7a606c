"""Accounts' rules: one's own account (profile, password, second factor, API tokens) and
invitations to the platform, with the scopes of tokens and invitations."""

from protectnet.access.roles import Role
from protectnet.access.rule import ADMINS, SIGNED_IN, Rule, admin_or_focal_of

RULES: dict[str, Rule] = {
    "account.manage_own": Rule(
        SIGNED_IN, description="Own profile, password, second factor, tokens"
    ),
    "account.invite": Rule(ADMINS | {Role.FOCAL_POINT}, check=admin_or_focal_of),
}


def _own_tokens(p, qs):
    return qs.filter(user_id=p.user_id) if p.user_id else qs.none()


def _sent_invitations(p, qs):
    """Admins see every invitation; others the ones they sent."""
    if p.is_admin:
        return qs
    return qs.filter(invited_by_id=p.user_id) if p.user_id else qs.none()


SCOPES = {
    "accounts.apitoken": _own_tokens,
    "accounts.invitation": _sent_invitations,
}
