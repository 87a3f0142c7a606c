"""Emails go out in the recipient's language, whoever triggers them: the account's language,
else the directory entry's, else the site's. The tests read what the recipient reads: the
subject and every sentence of the message as the recipient's catalogue writes it, none of the
template's English sentences left, and the Content-Language the message declares."""

import re

import pytest
from django.core import mail as outbox
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy, ngettext

from protectnet.core import mail
from protectnet.core.models import OutboundEmail
from tests import factories as f

INVITATION = "accounts/email/invitation"
URL = "https://example.test/x"
CONTEXT = {"url": URL, "expires_at": None, "days": 7}
SUBJECT = "Your invitation to ProtectNet"
# A word of each subject ("invitation", "password"), written here by hand: a catalogue that is
# not loaded (gettext answering with the English on both sides of a comparison) cannot pass.
INVITATION_WORD = {"km": "ការអញ្ជើញ", "th": "คำเชิญ", "lo": "ຄຳເຊີນ"}
PASSWORD_WORD = {"km": "ពាក្យសម្ងាត់", "th": "รหัสผ่าน"}
SCRIPT = {"km": "[\u1780-\u17ff]", "th": "[\u0e00-\u0e7f]", "lo": "[\u0e80-\u0eff]"}
# What stays in Latin letters in every language: the product's name (links are removed first).
KEPT = {"ProtectNet"}


def _invitation_sentences() -> list[str]:
    """The invitation's sentences, as the active language writes them."""
    days = CONTEXT["days"]
    return [
        gettext("Hello,"),
        gettext(
            "You have been invited to ProtectNet, the platform of the regional "
            "child-protection network."
        ),
        gettext("Open this link to choose your password and create your account:"),
        ngettext(
            "The link works once and expires in %(days)s day.",
            "The link works once and expires in %(days)s days.",
            days,
        )
        % {"days": days},
        gettext("If you did not expect this invitation, ignore this message."),
    ]


def _reset_sentences() -> list[str]:
    return [
        gettext("Hello,"),
        gettext(
            "Someone asked to reset the password of your ProtectNet account. Open this link "
            "to choose a new one:"
        ),
        gettext(
            "The link works once and for a limited time. If you did not ask for this, ignore "
            "this message: your password stays as it is."
        ),
    ]


def _assert_written_in(language, subject, body, *, msgid, sentences, known) -> None:
    """The subject is the catalogue's translation of `msgid` (with the word `known[language]`),
    each sentence of the template is in the body as `language` writes it, and no English
    sentence or word of the template is."""
    with translation.override(language):
        expected_subject, translated = gettext(msgid), sentences()
    with translation.override("en"):
        english = sentences()
    assert subject == expected_subject, (language, subject)
    for mine, original in zip(translated, english, strict=True):
        assert mine in body, (language, mine, body)
        if language != "en":
            assert mine != original, f"{language} has no translation of {original!r}"
            assert original not in body, (language, original)
    if language == "en":
        return
    assert subject != msgid and known[language] in subject
    assert re.search(SCRIPT[language], subject) and re.search(SCRIPT[language], body)
    latin = set(re.findall(r"[A-Za-z]+", re.sub(r"https?://\S+", " ", subject + " " + body)))
    assert latin <= KEPT, f"English left in the {language} email: {sorted(latin - KEPT)}"


def _assert_invitation_in(language: str, subject: str, body: str) -> None:
    _assert_written_in(
        language,
        subject,
        body,
        msgid=SUBJECT,
        sentences=_invitation_sentences,
        known=INVITATION_WORD,
    )


def _send_invitation(to: list[str]) -> None:
    mail.send_templated_mail(
        to=to, subject=gettext_lazy(SUBJECT), template=INVITATION, context=CONTEXT
    )


@pytest.mark.parametrize("language", ["km", "th"])
def test_an_email_to_a_member_is_in_their_language_when_an_english_admin_sends_it(world, language):
    f.speaks(world.admin, "en")
    member = f.speaks(world.kh_member, language)
    with translation.override("en"):  # the admin's request
        _send_invitation([member.email.upper()])
        assert translation.get_language() == "en"  # the sender's language is left as it was
    email = OutboundEmail.objects.get()  # delivered at once in tests: its body is cleared
    assert (email.language, email.subject) == (language, outbox.outbox[0].subject)
    sent = outbox.outbox[0]
    assert sent.extra_headers["Content-Language"] == language
    _assert_invitation_in(language, sent.subject, sent.body)


def test_one_message_per_language_when_recipients_differ(world):
    f.speaks(world.kh_member, "km")
    f.speaks(world.th_member, "th")
    with translation.override("vi"):
        _send_invitation([world.kh_member.email, world.th_member.email, "nobody@example.test"])
    sent = {m.to[0]: m for m in outbox.outbox}
    assert len(outbox.outbox) == 3
    for address, language in (
        (world.kh_member.email, "km"),
        (world.th_member.email, "th"),
        ("nobody@example.test", "en"),  # unknown address: the site's language, not the sender's
    ):
        message = sent[address]
        assert message.extra_headers["Content-Language"] == language
        _assert_invitation_in(language, message.subject, message.body)


def test_a_directory_entry_without_an_account_gets_its_own_language(world, login):
    person = f.PersonFactory(email="Dara.Directory@example.test", language="lo")
    f.MembershipFactory(person=person, organisation=world.kh_ngo)
    admin = f.speaks(world.admin, "en")
    response = login(admin).post(
        "/accounts/invitations/new/", {"email": person.email, "person": person.pk}
    )
    assert response.status_code in (200, 302)
    email = OutboundEmail.objects.get()
    assert email.language == "lo"
    message = outbox.outbox[0]
    assert message.extra_headers["Content-Language"] == "lo"
    _assert_invitation_in("lo", message.subject, message.body)


def test_the_account_language_wins_over_the_directory_entry(world):
    member = f.speaks(world.th_member, "th", directory="km")
    _send_invitation([member.email])
    message = outbox.outbox[0]
    _assert_invitation_in("th", message.subject, message.body)
    assert not re.search(SCRIPT["km"], message.subject + message.body)


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


@pytest.mark.parametrize("language", ["km", "th"])
def test_a_password_reset_is_written_in_the_account_holders_language(world, client, language):
    member = f.speaks(world.kh_member, language)
    response = client.post(
        "/accounts/password-reset/",
        {"email": member.email},
        headers={"accept_language": "en"},  # asked for from an English browser
    )
    assert response.status_code == 302
    assert len(outbox.outbox) == 1
    message = outbox.outbox[0]
    _assert_written_in(
        language,
        message.subject,
        message.body,
        msgid="Reset your ProtectNet password",
        sentences=_reset_sentences,
        known=PASSWORD_WORD,
    )
