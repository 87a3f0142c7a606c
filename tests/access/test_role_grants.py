"""Role grants: admins only, never to oneself, audited; and admin-site changes reach the log."""

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError

from protectnet.access.models import AuditEntry, RoleGrant
from protectnet.access.principal import principal_for
from protectnet.access.roles import Role
from protectnet.access.services import role_grant, role_revoke


def test_admin_grants_and_revokes_trainer(world):
    role_grant(actor=world.admin, user=world.kh_member, role=Role.TRAINER)
    assert Role.TRAINER in principal_for(world.kh_member).roles
    role_revoke(actor=world.admin, user=world.kh_member, role=Role.TRAINER)
    assert Role.TRAINER not in principal_for(world.kh_member).roles
    assert [e.action for e in AuditEntry.objects.order_by("id")] == [
        "access.role_granted",
        "access.role_revoked",
    ]


@pytest.mark.parametrize("who", ["kh_focal", "kh_member", "kh_le", "trainer", "guest"])
def test_only_admins_grant_roles(world, who):
    with pytest.raises(PermissionDenied):
        role_grant(actor=getattr(world, who), user=world.kh_member, role=Role.TRAINER)
    assert not RoleGrant.objects.filter(user=world.kh_member).exists()


@pytest.mark.parametrize("who", ["admin", "trainer", "kh_member"])
def test_nobody_raises_their_own_role(world, who):
    user = getattr(world, who)
    before = set(RoleGrant.objects.filter(user=user).values_list("role", flat=True))
    with pytest.raises(PermissionDenied):
        role_grant(actor=user, user=user, role=Role.NETWORK_ADMIN)
    assert set(RoleGrant.objects.filter(user=user).values_list("role", flat=True)) == before


def test_admin_cannot_revoke_their_own_role(world):
    with pytest.raises(PermissionDenied):
        role_revoke(actor=world.admin, user=world.admin, role=Role.NETWORK_ADMIN)


def test_derived_roles_cannot_be_granted(world):
    with pytest.raises(ValidationError):
        role_grant(actor=world.admin, user=world.kh_member, role=Role.LE_VETTED)


def test_admin_site_changes_are_audited(world):
    LogEntry.objects.log_actions(
        user_id=world.admin.pk,
        queryset=[world.kh_ngo],
        action_flag=ADDITION,
        change_message="[]",
    )
    entry = AuditEntry.objects.get(action="admin.add")
    assert entry.actor == world.admin and entry.data["model"] == "network.organisation"
    assert ContentType.objects.get_for_model(world.kh_ngo)


def test_staff_user_cannot_make_themself_superuser_in_the_admin(world, login):
    admin = world.admin
    admin.is_staff = True
    admin.is_superuser = True
    admin.save(update_fields=["is_staff", "is_superuser"])
    client = login(admin)
    page = client.get(f"/admin/accounts/user/{admin.pk}/change/")
    assert page.status_code == 200
    assert b'name="is_superuser"' not in page.content and b'name="is_staff"' not in page.content
    other = client.get(f"/admin/accounts/user/{world.kh_member.pk}/change/")
    assert b'name="is_superuser"' in other.content


def test_role_grant_through_the_admin_site_refuses_oneself(world, login):
    admin = world.admin
    admin.is_staff = True
    admin.is_superuser = True
    admin.save(update_fields=["is_staff", "is_superuser"])
    client = login(admin)
    response = client.post("/admin/access/rolegrant/add/", {"user": admin.pk, "role": Role.TRAINER})
    assert response.status_code == 200 and b"own roles" in response.content
    assert not RoleGrant.objects.filter(user=admin, role=Role.TRAINER).exists()
    ok = client.post(
        "/admin/access/rolegrant/add/", {"user": world.kh_member.pk, "role": Role.TRAINER}
    )
    assert ok.status_code == 302
    assert AuditEntry.objects.filter(action="access.role_granted").exists()
    assert AuditEntry.objects.filter(action="admin.add").exists()
