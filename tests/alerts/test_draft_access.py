"""Who may edit, discard or change the attachments of an alert: its author, while it is a draft.

Everyone else gets 404 from every new page and API operation (other members of the sending
agency, recipients, non-vetted members, admins, members, guests, anonymous visitors), and nothing
stored changes. No alert content reaches an email or a log line on the way.
"""

import logging

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from protectnet.access.markings import Marking
from protectnet.alerts import services
from protectnet.alerts.models import Alert

from .conftest import PDF_BYTES, SUBJECT_NAME, SUMMARY
from .test_drafts import NEW_NAME, NEW_SUMMARY, edit_form

# Not the author: vetted colleague, recipient (vetted and not), vetted outsider, everyone else.
OTHERS = [
    "uk_le2",
    "kh_le",
    "kh_le_unvetted",
    "th_le",
    "admin",
    "kh_member",
    "kh_focal",
    "guest",
    None,
]


def _pdf():
    return SimpleUploadedFile("extra.pdf", PDF_BYTES, content_type="application/pdf")


def _page_requests(client, alert, form):
    return [
        ("GET edit", client.get(f"/alerts/{alert.pk}/edit/")),
        ("POST edit", client.post(f"/alerts/{alert.pk}/edit/", form)),
        ("GET discard", client.get(f"/alerts/{alert.pk}/discard/")),
        ("POST discard", client.post(f"/alerts/{alert.pk}/discard/")),
    ]


def _api_requests(client, alert, attachment_id):
    base = f"/api/v1/alerts/{alert.pk}"
    change = {"summary": NEW_SUMMARY}
    return [
        ("PATCH", client.patch(base, change, content_type="application/json")),
        ("DELETE", client.delete(base)),
        ("POST attachments", client.post(f"{base}/attachments", {"files": [_pdf()]})),
        ("DELETE attachment", client.delete(f"{base}/attachments/{attachment_id}")),
    ]


def _unchanged(alert, attachments: int = 1) -> None:
    stored = Alert.objects.get(pk=alert.pk)
    assert stored.summary == SUMMARY and stored.subject["full_name"] == SUBJECT_NAME
    assert stored.attachments.count() == attachments


@pytest.fixture(params=["draft", "awaiting_approval"])
def unsent(request, w, send, pdf_file):
    """An AMBER draft, or a RED alert waiting for a colleague's approval (both changeable)."""
    if request.param == "draft":
        return send(send=False, files=[pdf_file])
    return send(marking=Marking.RED, named_person_ids=[w.kh_le.person.pk], files=[pdf_file])


@pytest.mark.parametrize("who", OTHERS)
def test_only_the_author_reaches_the_draft_pages(who, w, unsent, login):
    client = login(getattr(w, who) if who else None)
    form = edit_form(w, unsent, summary=NEW_SUMMARY, full_name=NEW_NAME)
    for label, response in _page_requests(client, unsent, form):
        assert response.status_code == 404, label
        assert SUBJECT_NAME not in response.content.decode(), label
    _unchanged(unsent)


@pytest.mark.parametrize("who", OTHERS)
def test_only_the_author_reaches_the_draft_api(who, w, unsent, api):
    attachment_id = unsent.attachments.get().pk
    for label, response in _api_requests(
        api(getattr(w, who) if who else None), unsent, attachment_id
    ):
        expected = (401, 404) if who is None else (404,)
        assert response.status_code in expected, label
        assert SUBJECT_NAME not in response.content.decode(), label
    _unchanged(unsent)


@pytest.mark.parametrize("who", ["uk_le2", "kh_le"])
def test_readers_of_a_sent_alert_cannot_change_it(who, w, send, pdf_file, login, api):
    """They may read it, so 404 hides nothing from them; still, only the author's drafts change."""
    alert = send(files=[pdf_file])
    attachment_id = alert.attachments.get().pk
    form = edit_form(w, alert, summary=NEW_SUMMARY)
    for label, response in _page_requests(login(getattr(w, who)), alert, form):
        assert response.status_code == 404, label
    for label, response in _api_requests(api(getattr(w, who)), alert, attachment_id):
        assert response.status_code == 404, label
    _unchanged(alert)


def test_the_author_can_do_each_action(w, unsent, login, api):
    client = login(w.uk_le)
    assert client.get(f"/alerts/{unsent.pk}/edit/").status_code == 200
    assert client.get(f"/alerts/{unsent.pk}/discard/").status_code == 200
    token = api(w.uk_le)
    base = f"/api/v1/alerts/{unsent.pk}"
    assert token.post(f"{base}/attachments", {"files": [_pdf()]}).status_code == 201
    attachment_id = unsent.attachments.order_by("pk").first().pk
    assert token.delete(f"{base}/attachments/{attachment_id}").status_code == 200
    patch = token.patch(base, {"summary": NEW_SUMMARY}, content_type="application/json")
    assert patch.status_code == 200
    assert token.delete(base).status_code == 204


def test_no_alert_content_reaches_any_email_or_log_line(
    w, send, login, api, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        _draft_life(w, send, login, api)
    assert len(mail.outbox) >= 2
    mails = repr([(m.subject, m.body, m.alternatives) for m in mail.outbox])
    logs = "\n".join(r.getMessage() + repr(r.args) for r in caplog.records)
    for secret in (SUBJECT_NAME, NEW_NAME, SUMMARY, NEW_SUMMARY, "extra.pdf", "x" * 500):
        assert secret not in mails, secret
        assert secret not in logs, secret


def _draft_life(w, send, login, api) -> None:
    draft = send(send=False, marking=Marking.RED, named_person_ids=[w.kh_le.person.pk])
    client, token = login(w.uk_le), api(w.uk_le)
    token.post(f"/api/v1/alerts/{draft.pk}/send")  # approvers are told something is waiting
    token.post(f"/api/v1/alerts/{draft.pk}/attachments", {"files": [_pdf()]})
    form = {**edit_form(w, draft, full_name=NEW_NAME, summary=NEW_SUMMARY), "send": "1"}
    client.post(f"/alerts/{draft.pk}/edit/", form)  # a draft again: the review page
    client.post(f"/alerts/{draft.pk}/send/")  # the author confirms: approvers are told
    login(w.uk_le2).post(f"/alerts/{draft.pk}/approve/")  # recipients are told it is waiting
    assert Alert.objects.get(pk=draft.pk).status == "sent"
    discarded = send(send=False)
    token.patch(
        f"/api/v1/alerts/{discarded.pk}",
        {"subject": {"full_name": "x" * 500}},  # a refused edit: its error is not logged either
        content_type="application/json",
    )
    services.alert_discard(actor=w.uk_le, alert=discarded)
