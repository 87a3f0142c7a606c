"""Sign-in journeys: password, TOTP, recovery code, lock-out, sign-out and session expiry."""

from datetime import timedelta

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from protectnet.access.models import AuditEntry
from protectnet.accounts.models import TOTPDevice, User
from protectnet.accounts.services.second_factor import _new_recovery_codes
from tests import factories as f

LOGIN = "/accounts/login/"
VERIFY = "/accounts/login/second-factor/"
FAILED_TEXT = b"Sign-in failed"


def post_password(client, email, password=f.PASSWORD, **extra):
    return client.post(LOGIN, {"email": email, "password": password, **extra})


def actions(*names):
    return list(AuditEntry.objects.filter(action__in=names).values_list("action", flat=True))


def test_member_signs_in_with_password_and_sees_the_dashboard(world, client):
    response = post_password(client, "MEMBER.kh@example.test")
    assert response.status_code == 302 and response["Location"] == "/"
    dashboard = client.get("/")
    assert dashboard.status_code == 200 and b"Welcome" in dashboard.content
    entry = AuditEntry.objects.get(action="auth.sign_in")
    assert entry.actor == world.kh_member and entry.data == {"second_factor": "none"}
    assert entry.ip == "127.0.0.1"


def test_wrong_password_and_unknown_email_get_the_same_answer(world, client):
    wrong = post_password(client, "member.kh@example.test", "not the password at all")
    unknown = post_password(Client(), "nobody@example.test", "not the password at all")
    assert wrong.status_code == unknown.status_code == 400
    assert FAILED_TEXT in wrong.content and FAILED_TEXT in unknown.content
    assert b"nobody@example.test" not in unknown.content.replace(b'value="nobody', b"")
    assert "_auth_user_id" not in client.session
    assert actions("auth.sign_in_failed") == ["auth.sign_in_failed", "auth.sign_in_failed"]


def test_admin_with_totp_passes_password_then_code(world, client):
    response = post_password(client, "admin@example.test")
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    # Half-way is not signed in: nothing opens yet.
    assert "_auth_user_id" not in client.session
    assert client.get("/accounts/profile/").status_code == 302
    device = TOTPDevice.objects.get(user=world.admin)
    response = client.post(VERIFY + "?next=/audit/", {"code": f.totp_code(device)})
    assert response.status_code == 302 and response["Location"] == "/audit/"
    assert client.get("/audit/").status_code == 200
    assert AuditEntry.objects.filter(action="auth.sign_in").get().data == {"second_factor": "totp"}


def test_wrong_code_keeps_the_visitor_out_and_is_audited(world, client):
    post_password(client, "admin@example.test")
    response = client.post(VERIFY, {"code": "000000"})
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session
    failure = AuditEntry.objects.get(action="auth.sign_in_failed")
    assert failure.data["reason"] == "second_factor" and failure.object_id == str(world.admin.pk)


def test_second_factor_page_without_a_password_step_sends_back_to_sign_in(world, client):
    assert client.get(VERIFY)["Location"] == LOGIN
    assert client.post(VERIFY, {"code": "123456"})["Location"] == LOGIN


def test_half_way_sign_in_expires(world, client, monkeypatch):
    post_password(client, "admin@example.test")
    import time as time_module

    later = time_module.time() + 301
    monkeypatch.setattr("protectnet.accounts.services.sign_in.time.time", lambda: later)
    assert client.get(VERIFY)["Location"] == LOGIN


def test_recovery_code_signs_in_once(world, client):
    codes = _new_recovery_codes(world.admin)
    post_password(client, "admin@example.test")
    response = client.post(VERIFY, {"code": codes[0].upper()})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="auth.sign_in")
    assert entry.data == {"second_factor": "recovery_code", "recovery_left": 9}
    again = Client()
    post_password(again, "admin@example.test")
    assert again.post(VERIFY, {"code": codes[0]}).status_code == 400


def test_recovery_codes_are_not_stored_in_clear(world):
    from django_otp.plugins.otp_static.models import StaticToken

    codes = _new_recovery_codes(world.admin)
    stored = set(StaticToken.objects.values_list("token", flat=True))
    assert len(stored) == 10
    assert not stored & {c.replace("-", "") for c in codes}


@override_settings(LOGIN_FAILURE_LIMIT=3, LOGIN_LOCKOUT_MINUTES=15)
def test_account_locks_after_repeated_failures_without_revealing_it(world, client):
    for _ in range(3):
        post_password(client, "member.kh@example.test", "wrong password guess")
    user = User.objects.get(pk=world.kh_member.pk)
    assert user.is_locked()
    # Even the right password is refused while locked, with the same message as a wrong one.
    response = post_password(Client(), "member.kh@example.test")
    assert response.status_code == 400 and FAILED_TEXT in response.content
    assert actions("auth.account_locked") == ["auth.account_locked"]
    # Failures while locked do not extend the lock.
    assert User.objects.get(pk=user.pk).locked_until == user.locked_until


@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_lock_expires_and_success_resets_the_count(world, client):
    User.objects.filter(pk=world.kh_member.pk).update(
        locked_until=timezone.now() - timedelta(seconds=1), failed_logins=2
    )
    assert post_password(client, "member.kh@example.test").status_code == 302
    user = User.objects.get(pk=world.kh_member.pk)
    assert user.failed_logins == 0 and user.locked_until is None


@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_wrong_codes_count_towards_the_lock(world, client):
    post_password(client, "admin@example.test")
    for _ in range(3):
        client.post(VERIFY, {"code": "000000"})
    assert User.objects.get(pk=world.admin.pk).is_locked()


@override_settings(LOGIN_IP_FAILURE_LIMIT=4, LOGIN_FAILURE_LIMIT=100)
def test_one_address_guessing_many_accounts_is_throttled(world, client):
    for n in range(4):
        post_password(client, f"guess{n}@example.test", "wrong password guess")
    response = post_password(client, "member.kh@example.test")
    assert response.status_code == 400 and FAILED_TEXT in response.content
    assert AuditEntry.objects.filter(action="auth.sign_in_failed", data__reason="ip").exists()


def test_inactive_account_cannot_sign_in(world, client):
    User.objects.filter(pk=world.kh_member.pk).update(is_active=False)
    assert post_password(client, "member.kh@example.test").status_code == 400


def test_next_must_stay_on_this_site(world, client):
    response = post_password(client, "member.kh@example.test", next="https://evil.example/")
    assert response["Location"] == "/"
    other = Client()
    response = post_password(other, "member.kh@example.test", next="/accounts/profile/")
    assert response["Location"] == "/accounts/profile/"


def test_sign_out_needs_post_and_ends_the_session(world, login):
    client = login(world.kh_member)
    assert client.get("/accounts/logout/").status_code == 405
    response = client.post("/accounts/logout/")
    assert response.status_code == 302 and response["Location"] == LOGIN
    assert client.get("/accounts/profile/")["Location"].startswith(LOGIN)
    assert actions("auth.sign_out") == ["auth.sign_out"]


def test_expired_session_is_signed_out(world, login):
    client = login(world.kh_member)
    session = client.session
    session.set_expiry(-1)
    session.save()
    assert client.get("/accounts/profile/")["Location"].startswith(LOGIN)


def test_sessions_expire_after_the_configured_age(settings):
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_COOKIE_HTTPONLY is True


def test_passwords_are_hashed_with_argon2(world):
    assert User.objects.get(pk=world.kh_member.pk).password.startswith("argon2")


@pytest.mark.parametrize("path", [LOGIN, VERIFY])
def test_sign_in_pages_are_not_cached(db, client, path):
    response = client.get(path, follow=True)
    assert "no-cache" in response.get("Cache-Control", "") or response.redirect_chain


def test_a_device_provisioned_from_a_printed_secret_passes(world, client):
    """The demo loader prints a base32 TOTP secret; a code computed from it must be accepted."""
    import base64

    from django_otp.oath import TOTP

    TOTPDevice.objects.filter(user=world.admin).delete()
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # fictitious demo secret
    TOTPDevice.objects.create(
        user=world.admin, name="demo", confirmed=True, key=base64.b32decode(secret).hex()
    )
    code = f"{TOTP(base64.b32decode(secret)).token():06d}"
    post_password(client, "admin@example.test")
    assert client.post(VERIFY, {"code": code})["Location"] == "/"
