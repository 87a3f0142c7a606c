"""The network overview and training capacity PDFs are made by a worker with progress shown,
kept while their figures are unchanged, and asked for through the same policy as their pages."""

import io
import re

import pytest
from pypdf import PdfReader

from protectnet.core import documents
from protectnet.core.models import RenderedDocument
from tests import factories as f
from tests.training.conftest import enrol, make_course, make_delivery

OVERVIEW = "/reports/network/export.pdf"
CAPACITY = "/training/capacity/export.pdf"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _text(response) -> str:
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    data = b"".join(response.streaming_content)
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _token(response) -> str:
    assert response.status_code == 302
    return re.fullmatch(r"/documents/([\w-]+)/", response["Location"]).group(1)


@pytest.mark.parametrize(
    ("url", "title"), [(OVERVIEW, "Network overview"), (CAPACITY, "Capacity built")]
)
def test_queued_shown_in_progress_then_downloaded(world, login, database_tasks, url, title):
    client = login(world.admin)
    token = _token(client.get(url))
    assert database_tasks.queued() == ["protectnet.core.tasks.document_render"]
    assert "Waiting for a worker" in client.get(f"/documents/{token}/").content.decode()
    database_tasks.run()
    assert "Ready" in client.get(f"/documents/{token}/").content.decode()
    assert title in _text(client.get(f"/documents/{token}/file/"))


@pytest.mark.parametrize("url", [OVERVIEW, CAPACITY + "?dimension=country"])
def test_unchanged_figures_are_served_at_once(world, login, monkeypatch, url):
    client = login(world.admin)
    _text(client.get(url))

    def no_rendering(*args, **kwargs):
        raise AssertionError("rendered again although nothing changed")

    monkeypatch.setattr(documents, "render_pdf", no_rendering)
    assert _text(client.get(url))
    assert RenderedDocument.objects.count() == 1


def test_a_new_member_makes_a_new_overview(world, login):
    client = login(world.kh_member)
    _text(client.get(OVERVIEW))
    f.MembershipFactory(organisation=world.kh_ngo)
    _text(client.get(OVERVIEW))
    assert RenderedDocument.objects.filter(kind="reports.network_overview").count() == 2


def test_capacity_filter_is_the_documents_key(world, login):
    client = login(world.admin)
    course = make_course(world)
    enrol(world, make_delivery(world, course), world.kh_le, world.kh_police)
    _text(client.get(CAPACITY + "?dimension=agency&by=quarter"))
    _text(client.get(CAPACITY + "?by=quarter&dimension=agency"))  # the same filter
    _text(client.get(CAPACITY + "?dimension=nonsense"))  # what the page shows: by country
    _text(client.get(CAPACITY))
    keys = sorted(RenderedDocument.objects.values_list("key", flat=True))
    assert keys == [
        "dimension=agency&start=&end=&by=quarter",
        "dimension=country&start=&end=&by=year",
    ]


def test_a_focal_point_gets_their_own_figures_not_an_admins(world, login):
    delivery = make_delivery(world, make_course(world))
    enrol(world, delivery, world.kh_le, world.kh_police)
    enrol(world, delivery, world.th_le, world.th_police)
    assert "Thailand" in _text(login(world.admin).get(CAPACITY))
    assert "Thailand" not in _text(login(world.kh_focal).get(CAPACITY))
    assert RenderedDocument.objects.filter(kind="training.capacity").count() == 2


@pytest.mark.parametrize(
    ("url", "role"), [(OVERVIEW, "guest"), (CAPACITY, "kh_member"), (CAPACITY, "guest")]
)
def test_readers_the_page_refuses_get_no_document(world, login, url, role):
    response = login(getattr(world, role)).get(url)
    assert response.status_code in (403, 404)
    assert not RenderedDocument.objects.exists()
