"""Library fixtures: files under a temporary MEDIA_ROOT, and one resource per marking."""

from types import SimpleNamespace

import pytest
from django.db import connection

from protectnet.access.markings import Marking
from protectnet.library.models import (
    ExtractionStatus,
    Language,
    Resource,
    ResourceVersion,
    Topic,
    VersionFile,
)
from protectnet.library.search import index, postgres_index


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


SEARCH_INDEXES = ["rum", "gin"] if connection.vendor == "postgresql" else ["fts5"]


@pytest.fixture(params=SEARCH_INDEXES)
def search_index(request, db):
    """PostgreSQL: the test runs over the RUM index, and again over GIN alone, as on a server
    without the rum extension (RUM dropped and GIN made inside the test's transaction, which
    rolls both back). SQLite has one index, FTS5."""
    if request.param == "fts5":
        yield request.param
        return
    postgres_index.forget(connection)
    if request.param == "rum" and not postgres_index.rum_in_use(connection):
        pytest.skip("the rum extension is not installed on this PostgreSQL")
    if request.param == "gin":
        postgres_index.switch_to_gin(connection)
        assert not postgres_index.rum_in_use(connection)
    yield request.param
    postgres_index.forget(connection)


def make_resource(
    owner,
    marking=Marking.GREEN,
    *,
    title="Resource",
    summary="",
    text="",
    shared=(),
    named=(),
    listed=False,
    resource_type="guide",
    language="en",
    topic=None,
    country=None,
):
    """A resource with one current version whose single text file is already extracted."""
    r = Resource.objects.create(
        title=title,
        summary=summary,
        resource_type=resource_type,
        owner_organisation=owner,
        marking=marking,
        listed_when_restricted=listed,
    )
    r.shared_with.set(shared)
    r.named_people.set(named)
    r.languages.set(Language.objects.filter(code=language))
    if topic:
        r.topics.set(Topic.objects.filter(slug=topic))
    if country:
        r.countries.set([country])
    version = ResourceVersion.objects.create(resource=r, number=1)
    VersionFile.objects.create(
        version=version,
        stored_name=f"test/{r.pk}",
        original_name="notes.txt",
        kind="txt",
        content_type="text/plain; charset=utf-8",
        size=max(1, len(text.encode())),
        sha256="0" * 64,
        extraction_status=ExtractionStatus.DONE,
        extracted_text=text,
    )
    index.refresh_resource(r.pk)
    return r


@pytest.fixture
def lib(world):
    """One resource per marking, all owned by the Cambodian NGO, all containing "lantern".

    AMBER is shared with the Thai ministry; AMBER (listed) is restricted but listed; RED names
    the Cambodian member only.
    """
    w = world
    kh_member_person = w.kh_member.person
    res = SimpleNamespace(
        clear=make_resource(
            w.kh_ngo, Marking.CLEAR, title="Clear lantern guide", text="The clear lantern text."
        ),
        green=make_resource(
            w.kh_ngo, Marking.GREEN, title="Green lantern guide", text="The green lantern text."
        ),
        amber=make_resource(
            w.kh_ngo,
            Marking.AMBER,
            title="Amber lantern guide",
            text="The amber lantern secret paragraph.",
            shared=[w.th_ministry],
        ),
        listed=make_resource(
            w.kh_ngo,
            Marking.AMBER,
            title="Listed lantern report",
            text="The listed lantern hidden body zanzibar.",
            listed=True,
            resource_type="report",
        ),
        strict=make_resource(
            w.kh_ngo,
            Marking.AMBER_STRICT,
            title="Strict lantern guide",
            text="The strict lantern text.",
        ),
        red=make_resource(
            w.kh_ngo,
            Marking.RED,
            title="Red lantern dossier",
            text="The red lantern text.",
            named=[kh_member_person],
        ),
    )
    return SimpleNamespace(w=w, r=res)
