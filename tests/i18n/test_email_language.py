"""Emails go out in the recipient's language, whoever triggers them: the account's language,
else the directory entry's, else the site's. The catalogues are not written yet, so the tests
look at the language active while the message is rendered and at its Content-Language."""

import pytest
from django.core import mail as outbox
from django.utils import translation
from django.utils.functional import lazy

from protectnet.core import mail
from protectnet.core.models import OutboundEmail
from tests import factories as f

# A "subject" that is the language active when the mail service turns it into text.
language_now = lazy(lambda: translation.get_language(), str)


@pytest.fixture
def rendered_in(monkeypatch):
    """The language active each time an email template is rendered."""
    seen = []
    original = mail.render_to_string

    def spy(template, context):
        seen.append(translation.get_language())
        return original(template, context)

    monkeypatch.setattr(mail, "render_to_string", spy)
    return seen


def _speaks(user, language):
    user.language = language
    user.save(update_fields=["language"])
    return user


def test_an_email_to_a_khmer_speaking_member_is_in_khmer_when_an_english_admin_sends_it(
    world, rendered_in
):
    _speaks(world.admin, "en")
    member = _speaks(world.kh_member, "km")
    with translation.override("en"):  # the admin's request
        mail.send_templated_mail(
            to=[member.email.upper()],
            subject=language_now(),
            template="accounts/email/invitation",
            context={"url": "https://example.test/x", "expires_at": None, "days": 7},
        )
        assert translation.get_language() == "en"  # the sender's language is left as it was
    assert set(rendered_in) == {"km"}
    email = OutboundEmail.objects.get()
    assert (email.subject, email.language) == ("km", "km")
    assert outbox.outbox[0].extra_headers["Content-Language"] == "km"


def test_one_message_per_language_when_recipients_differ(world, rendered_in):
    _speaks(world.kh_member, "km")
    _speaks(world.th_member, "th")
    with translation.override("vi"):
        mail.send_templated_mail(
            to=[world.kh_member.email, world.th_member.email, "nobody@example.test"],
            subject=language_now(),
            template="accounts/email/invitation",
            context={"url": "https://example.test/x", "expires_at": None, "days": 7},
        )
    sent = {m.to[0]: m.subject for m in outbox.outbox}
    assert sent == {
        world.kh_member.email: "km",
        world.th_member.email: "th",
        "nobody@example.test": "en",  # unknown address: the site's language, not the sender's
    }


def test_a_directory_entry_without_an_account_gets_its_own_language(world, login):
    person = f.PersonFactory(email="Dara.Directory@example.test", language="lo")
    f.MembershipFactory(person=person, organisation=world.kh_ngo)
    admin = _speaks(world.admin, "en")
    response = login(admin).post(
        "/accounts/invitations/new/", {"email": person.email, "person": person.pk}
    )
    assert response.status_code in (200, 302)
    email = OutboundEmail.objects.get()
    assert email.language == "lo"
    assert outbox.outbox[0].extra_headers["Content-Language"] == "lo"


def test_the_account_language_wins_over_the_directory_entry(world, rendered_in):
    member = _speaks(world.th_member, "th")
    member.person.language = "km"
    member.person.save(update_fields=["language"])
    mail.send_templated_mail(
        to=[member.email],
        subject=language_now(),
        template="accounts/email/invitation",
        context={"url": "https://example.test/x", "expires_at": None, "days": 7},
    )
    assert outbox.outbox[0].subject == "th"


def test_a_focal_point_sets_the_email_language_of_an_entry_without_an_account(world, login):
    person = f.PersonFactory(full_name="Chanthavy Example", email="chanthavy@example.test")
    f.MembershipFactory(person=person, organisation=world.kh_ngo)
    client = login(world.kh_focal)
    form = client.get(f"/network/people/{person.pk}/edit/").content.decode()
    assert 'name="language"' in form and ">ລາວ</option>" in form
    response = client.post(
        f"/network/people/{person.pk}/edit/",
        {"full_name": person.full_name, "email": person.email, "language": "lo"},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.language == "lo"
    refused = client.post(
        f"/network/people/{person.pk}/edit/",
        {"full_name": person.full_name, "email": person.email, "language": "de"},
    )
    assert "Select a valid choice" in refused.content.decode()  # the form again, with why
    person.refresh_from_db()
    assert person.language == "lo"


def test_a_password_reset_is_written_in_the_account_holders_language(world, client, monkeypatch):
    from django.contrib.auth import forms as auth_forms

    seen = []
    original = auth_forms.PasswordResetForm.send_mail

    def spy(self, *args, **kwargs):
        seen.append(translation.get_language())
        return original(self, *args, **kwargs)

    monkeypatch.setattr(auth_forms.PasswordResetForm, "send_mail", spy)
    _speaks(world.kh_member, "km")
    response = client.post(
        "/accounts/password-reset/",
        {"email": world.kh_member.email},
        headers={"accept_language": "en"},
    )
    assert response.status_code == 302
    assert seen == ["km"] and len(outbox.outbox) == 1
