"""The personal-data PDF is made by a worker with its progress shown, like the other long PDFs;
only the person (or an admin the policy allows) gets it, and it does not linger: it is deleted
once downloaded, an hour after it was made, or when the person is erased."""

import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from protectnet.access import audit
from protectnet.access.models import AuditEntry
from protectnet.core import documents
from protectnet.core.models import RenderedDocument
from protectnet.network import documents as network_documents
from protectnet.network.services import person_erase

from .conftest import NAME, PASSPORT

MINE = "/network/me/data.pdf"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _token(response) -> str:
    assert response.status_code == 302
    return re.fullmatch(r"/documents/([\w-]+)/", response["Location"]).group(1)


def _text(response) -> str:
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(response.content)).pages
    return "\n".join(page.extract_text() for page in pages)


def _theirs(planted) -> str:
    return f"/network/people/{planted.person.pk}/data.pdf"


@pytest.mark.parametrize("by_admin", [False, True])
def test_queued_shown_in_progress_then_downloaded(world, planted, login, database_tasks, by_admin):
    client = login(world.admin if by_admin else planted.user)
    token = _token(client.get(_theirs(planted) if by_admin else MINE))
    assert database_tasks.queued() == ["protectnet.core.tasks.document_render"]
    assert "Waiting for a worker" in client.get(f"/documents/{token}/").content.decode()
    database_tasks.run()
    page = client.get(f"/documents/{token}/").content.decode()
    assert "Ready" in page and "deleted once you download it" in page
    text = _text(client.get(f"/documents/{token}/file/"))
    assert NAME in text and PASSPORT in text


@pytest.mark.parametrize("who", ["admin", "kh_focal", "kh_member", "guest"])
def test_nobody_else_gets_the_persons_document(world, planted, login, database_tasks, who):
    token = _token(login(planted.user).get(MINE))
    database_tasks.run()
    other = login(getattr(world, who))
    for url in (f"/documents/{token}/", f"/documents/{token}/file/"):
        response = other.get(url)
        assert response.status_code == 404
        assert NAME not in response.content.decode(errors="replace")
    assert RenderedDocument.objects.get(token=token).stored_name


def test_the_person_does_not_get_the_document_an_admin_made_of_them(
    world, planted, login, database_tasks
):
    token = _token(login(world.admin).get(_theirs(planted)))
    database_tasks.run()
    assert login(planted.user).get(f"/documents/{token}/file/").status_code == 404
    assert login(world.kh_focal).get(f"/documents/{token}/file/").status_code == 404


def test_the_document_is_deleted_once_downloaded(planted, login, database_tasks):
    client = login(planted.user)
    token = _token(client.get(MINE))
    database_tasks.run()
    name = RenderedDocument.objects.get(token=token).stored_name
    assert NAME in _text(client.get(f"/documents/{token}/file/"))
    assert not RenderedDocument.objects.exists()
    assert not documents.FILES.exists(name)
    assert client.get(f"/documents/{token}/file/").status_code == 404


def test_an_unfetched_document_is_deleted_after_an_hour(world, planted, login, database_tasks):
    token = _token(login(planted.user).get(MINE))
    database_tasks.run()
    name = RenderedDocument.objects.get(token=token).stored_name
    badges = RenderedDocument.objects.create(
        kind="workshops.badges", key="1", version="v", requested_by=world.admin
    )
    RenderedDocument.objects.update(created_at=timezone.now() - timedelta(minutes=90))
    documents.purge_old()
    assert list(RenderedDocument.objects.all()) == [badges]  # other PDFs stay their day
    assert not documents.FILES.exists(name)


def test_erasing_the_person_deletes_the_documents_made_of_them(
    world, planted, login, database_tasks
):
    _token(login(world.admin).get(_theirs(planted)))
    _token(login(planted.user).get(MINE))
    database_tasks.run()
    person_erase(actor=world.admin, person=planted.person)
    assert not RenderedDocument.objects.exists()


def test_asking_is_audited(world, planted, login, database_tasks):
    login(planted.user).get(MINE)
    login(world.admin).get(_theirs(planted))
    own = AuditEntry.objects.get(action="network.personal_data.downloaded")
    assert own.actor == planted.user and own.data == {"format": "pdf"}
    admins = AuditEntry.objects.get(action="network.person.data_exported")
    assert admins.actor == world.admin and admins.data == {"format": "pdf"}


def test_long_histories_are_made_in_parts_with_every_entry(
    planted, login, database_tasks, monkeypatch
):
    monkeypatch.setattr(network_documents, "RECORDS_PER_PART", 5)
    for i in range(12):
        audit.record("network.person.updated", actor=planted.user, object_repr=f"entry-{i:02}")
    client = login(planted.user)
    token = _token(client.get(MINE))
    database_tasks.run()
    doc = RenderedDocument.objects.get(token=token)
    assert doc.parts_total > 3 and doc.parts_done == doc.parts_total
    text = _text(client.get(f"/documents/{token}/file/"))
    assert all(f"entry-{i:02}" in text for i in range(12))
    assert NAME in text and "Everything ProtectNet stores about you" in text


def _count(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 302
    return len(ctx.captured_queries)


@pytest.mark.queries("network:my_data_pdf")
def test_asking_costs_the_same_queries_for_2_and_40_audit_entries(
    planted, login, database_tasks, django_assert_num_queries
):
    client = login(planted.user)
    client.get(MINE)  # warm the session
    expected = _count(client, MINE)
    for i in range(38):
        audit.record("network.person.updated", actor=planted.user, object_repr=f"entry-{i}")
    with django_assert_num_queries(expected):
        client.get(MINE)
