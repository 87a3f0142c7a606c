"""PDFs made by the worker are in the language of the person who asked for them: the task
carries it, and the same document in two languages is two documents."""

import json

import pytest
from django.utils import translation

from protectnet.core import documents
from protectnet.core.models import RenderedDocument

OVERVIEW = "/reports/network/export.pdf"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def rendered_in(monkeypatch):
    seen = []
    original = documents.render_pdf

    def spy(template, context, **kwargs):
        seen.append(translation.get_language())
        return original(template, context, **kwargs)

    monkeypatch.setattr(documents, "render_pdf", spy)
    return seen


def _speaks(user, language):
    user.language = language
    user.save(update_fields=["language"])
    return user


def test_a_pdf_task_carries_the_requesters_language(world, login, database_tasks, rendered_in):
    from django_tasks_db.models import DBTaskResult

    admin = _speaks(world.admin, "th")
    response = login(admin).get(OVERVIEW)
    assert response.status_code == 302
    task = DBTaskResult.objects.get(task_path="protectnet.core.tasks.document_render")
    args = task.args_kwargs["args"] + list(task.args_kwargs["kwargs"].values())
    assert "th" in json.loads(json.dumps(args))
    database_tasks.run()  # the worker has no request, and no language of its own
    assert rendered_in == ["th"]
    doc = RenderedDocument.objects.get()
    assert (doc.language, doc.status) == ("th", RenderedDocument.Status.DONE)


def test_the_same_document_in_another_language_is_another_file(world, login, rendered_in):
    from tests import factories as f

    other = f.make_admin("second.admin@example.test", org=world.uk_agency)
    _speaks(world.admin, "en")
    _speaks(other, "km")
    login(world.admin).get(OVERVIEW)
    login(other).get(OVERVIEW)
    login(world.admin).get(OVERVIEW)  # English again: the stored English file
    assert sorted(RenderedDocument.objects.values_list("language", flat=True)) == ["en", "km"]
    assert rendered_in == ["en", "km"]
