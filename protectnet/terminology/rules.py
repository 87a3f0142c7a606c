"""Terminology's rules: writers of every app check their text against the list of discouraged
terms and read the list for reference; admins edit it."""

from protectnet.access.principal import Principal
from protectnet.access.roles import Role
from protectnet.access.rule import ADMINS, Rule

R = Role
WRITERS = frozenset({R.MEMBER, R.NETWORK_ADMIN, R.FOCAL_POINT, R.LE_VETTED, R.TRAINER})

RULES: dict[str, Rule] = {
    "terminology.check": Rule(
        WRITERS, description="Check a text for discouraged terms (nothing is stored)"
    ),
    "terminology.term.view": Rule(WRITERS),
    "terminology.term.manage": Rule(ADMINS, description="Add and edit terms (audited)"),
}


def term_scope(p: Principal, qs):
    """Admins see every term, inactive ones included; other writers the active list."""
    if p.is_admin:
        return qs
    if p.has(R.MEMBER, R.FOCAL_POINT, R.LE_VETTED, R.TRAINER):
        return qs.filter(active=True)
    return qs.none()


SCOPES = {
    "terminology.term": term_scope,
}
