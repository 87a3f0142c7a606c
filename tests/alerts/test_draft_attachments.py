"""Attachments of a draft can be added and removed (page and API) with the upload checks of
creation, encrypted as at creation; once the alert has left the agency they are frozen."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from protectnet.access.markings import Marking
from protectnet.access.models import AuditEntry
from protectnet.alerts.attachments import MAX_FILES, CheckedFile
from protectnet.alerts.models import Alert, AlertAttachment, Status

from .conftest import PDF_BYTES
from .test_drafts import edit_form

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
SECRET_FILE_NAME = "Sampleton-conviction-record.pdf"


def _pdf(name: str = SECRET_FILE_NAME) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def _add(api, user, alert, *files):
    return api(user).post(f"/api/v1/alerts/{alert.pk}/attachments", {"files": list(files)})


def test_author_adds_an_attachment_to_a_draft_through_the_api(w, send, api, login):
    draft = send(send=False)
    response = _add(api, w.uk_le, draft, _pdf())
    assert response.status_code == 201, response.content
    [attachment] = response.json()["attachments"]
    assert (
        attachment["name"] == SECRET_FILE_NAME and attachment["content_type"] == "application/pdf"
    )
    # Stored encrypted: neither the name nor the bytes are in the raw row.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name_ciphertext, content_ciphertext FROM alerts_alertattachment WHERE id = %s",
            [attachment["id"]],
        )
        name_token, content_token = cursor.fetchone()
    assert "Sampleton" not in name_token and b"%PDF" not in bytes(content_token)
    # Downloads work as before, through the policy and audited.
    download = login(w.uk_le).get(f"/alerts/{draft.pk}/attachments/{attachment['id']}/")
    assert download.status_code == 200 and download.content == PDF_BYTES
    actions = AuditEntry.objects.filter(object_id=str(draft.pk)).values_list("action", flat=True)
    assert {"alerts.attachment.add", "alerts.attachment.download"} <= set(actions)
    added = AuditEntry.objects.get(object_id=str(draft.pk), action="alerts.attachment.add")
    assert added.data["count"] == 1 and "Sampleton" not in repr(added.data)


def test_author_removes_an_attachment_from_a_draft_through_the_api(w, send, api, pdf_file):
    draft = send(send=False, files=[pdf_file])
    attachment = draft.attachments.get()
    response = api(w.uk_le).delete(f"/api/v1/alerts/{draft.pk}/attachments/{attachment.pk}")
    assert response.status_code == 200 and response.json()["attachments"] == []
    assert not AlertAttachment.objects.filter(pk=attachment.pk).exists()
    entry = AuditEntry.objects.get(object_id=str(draft.pk), action="alerts.attachment.remove")
    assert entry.data["attachment"] == attachment.pk
    again = api(w.uk_le).delete(f"/api/v1/alerts/{draft.pk}/attachments/{attachment.pk}")
    assert again.status_code == 404


def test_attachment_of_another_alert_is_not_found_through_this_one(w, send, api, pdf_file):
    draft = send(send=False)
    other = send(send=False, files=[pdf_file])
    attachment = other.attachments.get()
    response = api(w.uk_le).delete(f"/api/v1/alerts/{draft.pk}/attachments/{attachment.pk}")
    assert response.status_code == 404
    assert AlertAttachment.objects.filter(pk=attachment.pk).exists()


def test_unsafe_uploads_are_refused_as_at_creation(w, send, api):
    draft = send(send=False)
    cases = [
        SimpleUploadedFile("photo.png", PNG, content_type="image/png"),  # images: never
        SimpleUploadedFile("notice.txt", PDF_BYTES, content_type="text/plain"),  # disguised
        SimpleUploadedFile("empty.pdf", b"", content_type="application/pdf"),
        SimpleUploadedFile("run.exe", b"MZ\x90\x00" + b"\x00" * 60),
    ]
    for upload in cases:
        response = _add(api, w.uk_le, draft, upload)
        assert response.status_code == 422, upload.name
    assert not AlertAttachment.objects.filter(alert=draft).exists()


def test_no_more_than_the_limit_of_attachments_per_alert(w, send, api, pdf_file):
    draft = send(send=False, files=[pdf_file] * (MAX_FILES - 1))
    response = _add(api, w.uk_le, draft, _pdf("a.pdf"), _pdf("b.pdf"))
    assert response.status_code == 422
    assert "At most" in response.json()["errors"][0]["attachments"][0]
    assert draft.attachments.count() == MAX_FILES - 1
    assert _add(api, w.uk_le, draft, _pdf("a.pdf")).status_code == 201


def test_attachments_are_frozen_once_the_alert_is_sent(w, send, api, login, pdf_file):
    alert = send(files=[pdf_file])
    attachment = alert.attachments.get()
    assert _add(api, w.uk_le, alert, _pdf()).status_code == 422
    response = api(w.uk_le).delete(f"/api/v1/alerts/{alert.pk}/attachments/{attachment.pk}")
    assert response.status_code == 422
    assert "can no longer be changed" in response.json()["errors"][0]["__all__"][0]
    # A recipient may read it but never change it: not found.
    assert _add(api, w.kh_le, alert, _pdf()).status_code == 404
    assert alert.attachments.count() == 1


def test_changing_attachments_withdraws_a_pending_approval(w, send, api):
    alert = send(marking=Marking.RED, named_person_ids=[w.kh_le.person.pk])
    assert _add(api, w.uk_le, alert, _pdf()).json()["status"] == "draft"
    assert Alert.objects.get(pk=alert.pk).status == Status.DRAFT


def test_the_edit_page_adds_and_removes_attachments(w, send, login, pdf_file):
    keep = CheckedFile(name="keep.pdf", content_type="application/pdf", data=PDF_BYTES)
    draft = send(send=False, files=[pdf_file, keep])
    gone, kept = draft.attachments.order_by("pk")
    client = login(w.uk_le)
    page = client.get(f"/alerts/{draft.pk}/edit/").content.decode()
    assert "Remove attachments" in page and "notice.pdf" in page
    data = edit_form(w, draft, remove_attachments=[gone.pk], attachments=[_pdf("new.txt")])
    response = client.post(f"/alerts/{draft.pk}/edit/", data)
    assert response.status_code == 200  # the .pdf-looking .txt is refused; nothing changes
    assert "does not match its file extension" in response.content.decode()
    assert draft.attachments.count() == 2
    data["attachments"] = [_pdf("added.pdf")]
    assert client.post(f"/alerts/{draft.pk}/edit/", data).status_code == 302
    names = sorted(a.name for a in Alert.objects.get(pk=draft.pk).attachments.all())
    assert names == ["added.pdf", "keep.pdf"]
    entry = AuditEntry.objects.get(object_id=str(draft.pk), action="alerts.alert.update")
    assert (entry.data["attachments_added"], entry.data["attachments_removed"]) == (1, 1)
