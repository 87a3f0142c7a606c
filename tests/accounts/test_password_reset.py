"""Password reset by email: never reveals whether an account exists; audited; throttled."""

import re
from datetime import timedelta

from django.core import mail
from django.test import Client, override_settings
from django.utils import timezone

from protectnet.access.models import AuditEntry
from protectnet.accounts.models import User

RESET = "/accounts/password-reset/"
NEW_PASSWORD = "another long passphrase 73"


def test_known_and_unknown_addresses_get_the_same_page(world, client):
    known = client.post(RESET, {"email": "member.kh@example.test"})
    unknown = Client().post(RESET, {"email": "nobody@example.test"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/accounts/password-reset/sent/"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["member.kh@example.test"]
    assert AuditEntry.objects.filter(action="auth.password_reset_requested").count() == 2


def test_reset_link_sets_a_new_password_once_and_lifts_a_lock(world, client):
    User.objects.filter(pk=world.kh_member.pk).update(
        locked_until=timezone.now() + timedelta(minutes=10), failed_logins=3
    )
    client.post(RESET, {"email": "member.kh@example.test"})
    link = re.search(r"https?://[^/\s]+(/accounts/password-reset/\S+/)", mail.outbox[0].body)
    page = client.get(link.group(1), follow=True)
    assert page.status_code == 200
    form_url = page.redirect_chain[-1][0]
    done = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302 and done["Location"] == "/accounts/password-reset/complete/"
    user = User.objects.get(pk=world.kh_member.pk)
    assert user.check_password(NEW_PASSWORD) and not user.is_locked()
    assert AuditEntry.objects.filter(action="auth.password_reset_completed").exists()
    again = Client().get(link.group(1), follow=True)
    assert b"no longer works" in again.content


def test_weak_new_password_is_refused(world, client):
    client.post(RESET, {"email": "member.kh@example.test"})
    link = re.search(r"https?://[^/\s]+(/accounts/password-reset/\S+/)", mail.outbox[0].body)
    page = client.get(link.group(1), follow=True)
    response = client.post(
        page.redirect_chain[-1][0], {"new_password1": "12345678", "new_password2": "12345678"}
    )
    assert response.status_code == 200 and b"error" in response.content
    assert User.objects.get(pk=world.kh_member.pk).check_password("correct horse battery staple")


@override_settings(PASSWORD_RESET_IP_LIMIT=2)
def test_reset_requests_from_one_address_are_throttled(world, client):
    for _ in range(4):
        client.post(RESET, {"email": "member.kh@example.test"})
    assert len(mail.outbox) == 2


def test_reset_email_uses_the_configured_site_address(world, client, settings):
    settings.SITE_URL = "https://protectnet.example.org"
    client.post(RESET, {"email": "member.kh@example.test"}, HTTP_HOST="localhost")
    assert "https://protectnet.example.org/accounts/password-reset/" in mail.outbox[0].body
