"""Badges and reports are made by a worker with progress shown, and kept while nothing changes."""

import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from protectnet.access.models import AuditEntry
from protectnet.core import documents
from protectnet.core.models import RenderedDocument
from protectnet.core.tasks import documents_purge
from protectnet.network.services.erasure import person_erase
from protectnet.workshops.models import Invitation
from tests import factories as f

from .conftest import invite, person_in, register

Status = RenderedDocument.Status


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def crowd(world, ws):
    """Twenty registered people: two parts of sixteen badges or fewer."""
    people = []
    for i in range(20):
        person = person_in(world.kh_ngo, full_name=f"Delegate Number{i:02d}")
        invite(world, ws.workshop, person)
        people.append(register(Invitation.objects.get(person=person)))
    return people


def _pdf_text(response) -> str:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    data = b"".join(response.streaming_content)
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _token(response) -> str:
    assert response.status_code == 302
    return re.fullmatch(r"/documents/([\w-]+)/", response["Location"]).group(1)


def test_badges_are_queued_shown_in_progress_then_downloaded(
    world, ws, crowd, login, database_tasks
):
    client = login(world.admin)
    token = _token(client.get(f"/workshops/{ws.workshop.pk}/badges.pdf"))
    assert database_tasks.queued() == ["protectnet.core.tasks.document_render"]

    page = client.get(f"/documents/{token}/").content.decode()
    assert "Waiting for a worker" in page and "0 of 2 parts made." in page
    assert '<meta http-equiv="refresh" content="3">' in page  # without JavaScript
    partial = client.get(f"/documents/{token}/", headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 1s"' in partial and "<html" not in partial

    database_tasks.run()

    page = client.get(f"/documents/{token}/").content.decode()
    assert "Ready" in page and 'http-equiv="refresh"' not in page
    assert f"/documents/{token}/file/" in page
    text = _pdf_text(client.get(f"/documents/{token}/file/"))
    for registration in crowd:
        assert registration.badge_code in text
    doc = RenderedDocument.objects.get()
    assert (doc.parts_done, doc.parts_total, doc.status) == (2, 2, Status.DONE)


def test_unchanged_badges_are_served_at_once_without_rendering(
    world, ws, crowd, login, monkeypatch
):
    client = login(world.admin)
    first = client.get(f"/workshops/{ws.workshop.pk}/badges.pdf")  # rendered in the request
    assert "Number00" in _pdf_text(first)

    def no_rendering(*args, **kwargs):
        raise AssertionError("rendered again although nothing changed")

    monkeypatch.setattr(documents, "render_pdf", no_rendering)
    again = client.get(f"/workshops/{ws.workshop.pk}/badges.pdf")
    assert "Number19" in _pdf_text(again)
    # Another organiser gets the same stored file: it is the same data, and they may see it.
    other = f.make_admin("second.admin@example.test", org=world.uk_agency)
    assert _pdf_text(login(other).get(f"/workshops/{ws.workshop.pk}/badges.pdf"))
    assert RenderedDocument.objects.count() == 1
    # Every request is still an audited badge print.
    assert AuditEntry.objects.filter(action="workshops.badges.print").count() == 3


def test_a_changed_name_makes_new_badges(world, ws, crowd, login):
    client = login(world.admin)
    client.get(f"/workshops/{ws.workshop.pk}/badges.pdf")
    person = crowd[0].person
    person.full_name = "Corrected Spelling"
    person.save()
    text = _pdf_text(client.get(f"/workshops/{ws.workshop.pk}/badges.pdf"))
    assert "Corrected" in text and "Number00" not in text
    assert RenderedDocument.objects.count() == 2


def test_a_new_registration_makes_a_new_report(world, ws, crowd, login):
    client = login(world.admin)
    client.get(f"/workshops/{ws.workshop.pk}/report.pdf")
    client.get(f"/workshops/{ws.workshop.pk}/report.pdf")
    assert RenderedDocument.objects.filter(kind="workshops.report").count() == 1
    late = person_in(world.th_police, full_name="Late Registrant")
    invite(world, ws.workshop, late)
    register(Invitation.objects.get(person=late))
    client.get(f"/workshops/{ws.workshop.pk}/report.pdf")
    assert RenderedDocument.objects.filter(kind="workshops.report").count() == 2


@pytest.mark.parametrize("role", ["kh_focal", "kh_member", "guest"])
def test_no_one_else_sees_the_progress_or_the_file(world, ws, crowd, login, database_tasks, role):
    token = _token(login(world.admin).get(f"/workshops/{ws.workshop.pk}/badges.pdf"))
    database_tasks.run()
    other = login(getattr(world, role))
    assert other.get(f"/documents/{token}/").status_code == 404
    assert other.get(f"/documents/{token}/file/").status_code == 404
    assert other.get(f"/workshops/{ws.workshop.pk}/badges.pdf").status_code == 403


def test_a_forged_token_is_not_found(world, login):
    assert login(world.admin).get("/documents/not-a-real-token/").status_code == 404


def test_the_worker_asks_the_policy_again(world, ws, crowd, login, database_tasks):
    other = f.make_admin("leaving.admin@example.test", org=world.uk_agency)
    client = login(other)
    token = _token(client.get(f"/workshops/{ws.workshop.pk}/badges.pdf"))
    other.role_grants.all().delete()
    other.is_superuser = False
    other.save()
    database_tasks.run()
    doc = RenderedDocument.objects.get(token=token)
    assert doc.status == Status.FAILED and not doc.stored_name
    assert "no longer" in doc.error


def test_a_failed_rendering_says_so(world, ws, crowd, login, database_tasks, monkeypatch):
    client = login(world.admin)
    token = _token(client.get(f"/workshops/{ws.workshop.pk}/badges.pdf"))

    def broken(*args, **kwargs):
        raise OSError("fonts missing")

    monkeypatch.setattr(documents, "render_pdf", broken)
    database_tasks.run()
    page = client.get(f"/documents/{token}/").content.decode()
    assert "Failed" in page and "could not be made" in page and 'role="alert"' in page


def test_rendered_pdfs_go_after_a_day_and_with_anyones_erasure(world, ws, crowd, login, settings):
    client = login(world.admin)
    client.get(f"/workshops/{ws.workshop.pk}/badges.pdf")
    client.get(f"/workshops/{ws.workshop.pk}/report.pdf")
    files = list((settings.MEDIA_ROOT / "rendered").rglob("*.pdf"))
    assert len(files) == 2
    RenderedDocument.objects.filter(kind="workshops.report").update(
        created_at=timezone.now() - timedelta(days=2)
    )
    assert documents_purge.enqueue().return_value == 1  # hourly, in the workers' schedule
    assert RenderedDocument.objects.get().kind == "workshops.badges"

    person_erase(actor=world.admin, person=crowd[0].person)
    assert RenderedDocument.objects.count() == 0
    assert not list((settings.MEDIA_ROOT / "rendered").rglob("*.pdf"))
