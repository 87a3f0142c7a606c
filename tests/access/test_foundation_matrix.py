"""The foundation rules as a matrix: every role against every foundation action."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser

from protectnet.access.policy import can
from protectnet.access.principal import principal_for
from protectnet.access.roles import Role

ROLES = [
    "admin", "kh_focal", "th_focal", "kh_member", "kh_le", "kh_le_unvetted", "trainer", "guest",
    "anonymous",
]  # fmt: skip
SIGNED_IN = set(ROLES) - {"anonymous"}
ADMIN = {"admin"}

EXPECTED = {
    "public.view": set(ROLES),
    "dashboard.view": SIGNED_IN,
    "account.manage_own": SIGNED_IN,
    "account.invite": {"admin", "kh_focal", "th_focal"},
    "access.grant_role": ADMIN,
    "audit.view": ADMIN,
    "admin_site.use": ADMIN,
    "api.me": SIGNED_IN,
}


def user_for(world, who):
    return AnonymousUser() if who == "anonymous" else getattr(world, who)


@pytest.mark.parametrize("action", sorted(EXPECTED))
@pytest.mark.parametrize("who", ROLES)
def test_foundation_role_gate(world, who, action):
    assert can(user_for(world, who), action) is (who in EXPECTED[action])


@pytest.mark.parametrize(
    ("who", "country", "allowed"),
    [
        ("admin", "kh", True),
        ("admin", "th", True),
        ("admin", None, True),
        ("kh_focal", "kh", True),
        ("kh_focal", "th", False),
        ("kh_focal", None, False),
        ("th_focal", "th", True),
        ("th_focal", "kh", False),
        ("kh_member", "kh", False),
        ("guest", "kh", False),
        ("anonymous", "kh", False),
    ],
)
def test_invite_object_check_follows_the_country(world, who, country, allowed):
    target = SimpleNamespace(country_id=getattr(world, country).pk if country else None)
    assert can(user_for(world, who), "account.invite", target) is allowed


def test_unknown_action_is_denied_even_for_admins(world):
    assert can(world.admin, "no.such.action") is False


def test_roles_are_derived_as_documented(world):
    assert principal_for(world.admin).roles >= {Role.NETWORK_ADMIN, Role.MEMBER}
    assert Role.FOCAL_POINT in principal_for(world.kh_focal).roles
    assert Role.LE_VETTED in principal_for(world.kh_le).roles
    assert Role.LE_VETTED not in principal_for(world.kh_le_unvetted).roles
    assert principal_for(world.guest).roles == {Role.GUEST}
    assert principal_for(AnonymousUser()).roles == {Role.ANONYMOUS}


def test_vetted_member_without_a_second_factor_is_not_le_vetted(world):
    from protectnet.accounts.models import TOTPDevice

    TOTPDevice.objects.filter(user=world.kh_le).delete()
    world.kh_le.refresh_from_db()
    principal = principal_for(world.kh_le)
    assert Role.LE_VETTED not in principal.roles and principal.must_use_second_factor


@pytest.mark.parametrize(
    ("who", "path", "status"),
    [
        ("anonymous", "/audit/", 302),
        ("guest", "/audit/", 403),
        ("kh_member", "/audit/", 403),
        ("kh_focal", "/audit/", 403),
        ("kh_le", "/audit/", 403),
        ("trainer", "/audit/", 403),
        ("admin", "/audit/", 200),
        ("kh_member", "/audit/export.csv", 403),
        ("admin", "/audit/export.csv", 200),
        ("kh_member", "/admin/", 403),
        ("anonymous", "/admin/", 302),
        ("kh_member", "/accounts/invitations/new/", 403),
        ("kh_focal", "/accounts/invitations/new/", 200),
    ],
)
def test_foundation_pages_follow_the_rules(world, login, who, path, status):
    user = None if who == "anonymous" else getattr(world, who)
    assert login(user).get(path).status_code == status


def test_denied_page_is_audited(world, login):
    from protectnet.access.models import AuditEntry

    login(world.kh_member).get("/audit/")
    entry = AuditEntry.objects.get(action="access.denied")
    assert entry.actor == world.kh_member and entry.data["route"] == "access:audit_list"
