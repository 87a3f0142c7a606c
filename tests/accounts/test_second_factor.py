"""Second factor: setup with a QR code, confirmation, recovery codes, disabling where allowed."""

import pytest
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken

from protectnet.access.models import AuditEntry
from protectnet.accounts.models import TOTPDevice
from tests import factories as f

SETUP = "/accounts/second-factor/"
QR = "/accounts/second-factor/qr.svg"
DISABLE = "/accounts/second-factor/disable/"
CODES = "/accounts/second-factor/recovery-codes/"


def pending_device(user) -> TOTPDevice:
    return TOTPDevice.objects.get(user=user, confirmed=False)


def test_member_sets_up_totp_and_sees_recovery_codes_once(world, login):
    client = login(world.kh_member)
    page = client.get(SETUP)
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert b'src="/accounts/second-factor/qr.svg"' in page.content
    device = pending_device(world.kh_member)
    response = client.post(SETUP, {"code": f.totp_code(device)})
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert response.content.count(b"<li><code>") == 10
    device.refresh_from_db()
    assert device.confirmed
    assert StaticToken.objects.filter(device__user=world.kh_member).count() == 10
    assert AuditEntry.objects.filter(
        action="account.second_factor_enabled", actor=world.kh_member
    ).exists()
    # The session that set it up counts as verified.
    assert client.get("/accounts/profile/").status_code == 200


def test_qr_code_is_an_svg_drawn_here(world, login):
    client = login(world.kh_member)
    response = client.get(QR)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.lstrip().startswith(b"<svg")
    assert b"http" not in response.content.replace(b"http://www.w3.org/2000/svg", b"")


def test_the_same_pending_key_is_shown_until_confirmed(world, login):
    client = login(world.kh_member)
    client.get(SETUP)
    client.get(QR)
    assert TOTPDevice.objects.filter(user=world.kh_member, confirmed=False).count() == 1


def test_wrong_setup_code_confirms_nothing(world, login):
    client = login(world.kh_member)
    client.get(SETUP)
    response = client.post(SETUP, {"code": "12345x"})
    assert response.status_code == 400
    assert not TOTPDevice.objects.filter(user=world.kh_member, confirmed=True).exists()


def test_admin_without_device_is_sent_to_set_one_up(world, client):
    TOTPDevice.objects.filter(user=world.admin).delete()
    client.force_login(world.admin)
    assert client.get("/")["Location"] == SETUP
    assert client.get("/accounts/profile/")["Location"] == SETUP
    assert client.get(SETUP).status_code == 200


def test_enrolled_but_unverified_session_cannot_touch_the_second_factor(world, client):
    client.force_login(world.admin)  # password only: the device was not passed
    for path in (SETUP, QR, CODES):
        response = client.get(path)
        assert response.status_code == 302 and "second-factor" in response["Location"]
    assert client.post(CODES).status_code == 302
    assert not StaticToken.objects.filter(device__user=world.admin).exists()


def test_replacing_the_authenticator_keeps_one_device(world, login):
    client = login(world.admin)
    client.get(SETUP)
    new = pending_device(world.admin)
    assert client.post(SETUP, {"code": f.totp_code(new)}).status_code == 200
    assert list(TOTPDevice.objects.filter(user=world.admin).values_list("pk", flat=True)) == [
        new.pk
    ]
    assert AuditEntry.objects.filter(action="account.second_factor_replaced").exists()


@pytest.mark.parametrize("who", ["admin", "kh_le"])
def test_disabling_is_refused_where_the_role_requires_it(world, login, who):
    user = getattr(world, who)
    client = login(user)
    device = TOTPDevice.objects.get(user=user)
    response = client.post(DISABLE, {"code": f.totp_code(device)})
    assert response.status_code == 400
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    assert not AuditEntry.objects.filter(action="account.second_factor_disabled").exists()


def test_turning_it_off_needs_a_current_code(world, login):
    f.confirmed_device(world.kh_member)
    response = login(world.kh_member).post(DISABLE, {"code": "000000"})
    assert response.status_code == 400
    assert TOTPDevice.objects.filter(user=world.kh_member).exists()


def test_member_can_turn_it_off_with_a_current_code(world, login):
    device = f.confirmed_device(world.kh_member)
    client = login(world.kh_member)
    response = client.post(DISABLE, {"code": f.totp_code(device)})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=world.kh_member).exists()
    assert AuditEntry.objects.filter(action="account.second_factor_disabled").exists()


def test_new_recovery_codes_replace_the_old(world, login):
    from protectnet.accounts.services.second_factor import _new_recovery_codes

    old = _new_recovery_codes(world.admin)
    client = login(world.admin)
    response = client.post(CODES)
    assert response.status_code == 200 and response.content.count(b"<li><code>") == 10
    assert AuditEntry.objects.filter(action="account.recovery_codes_regenerated").exists()
    signer = Client()
    signer.post("/accounts/login/", {"email": "admin@example.test", "password": f.PASSWORD})
    assert signer.post("/accounts/login/second-factor/", {"code": old[0]}).status_code == 400


def test_recovery_codes_page_counts_the_unused(world, login):
    from protectnet.accounts.services.second_factor import _new_recovery_codes

    _new_recovery_codes(world.admin)
    response = login(world.admin).get(CODES)
    assert b"10 unused recovery codes" in response.content


def test_admin_site_lists_authenticators_without_their_seed_and_can_remove_one(world, login):
    admin = world.admin
    admin.is_staff = admin.is_superuser = True
    admin.save(update_fields=["is_staff", "is_superuser"])
    client = login(admin)
    device = TOTPDevice.objects.get(user=world.kh_le)
    listing = client.get("/admin/accounts/totpdevice/")
    assert listing.status_code == 200 and world.kh_le.email.encode() in listing.content
    detail = client.get(f"/admin/accounts/totpdevice/{device.pk}/change/")
    assert detail.status_code == 200 and device.key.encode() not in detail.content
    assert client.get("/admin/accounts/totpdevice/add/").status_code == 403
    response = client.post(f"/admin/accounts/totpdevice/{device.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
