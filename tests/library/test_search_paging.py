"""Pages of ranked hits follow one order, best first and newest first among equals, however the
ranking reads its candidates (batches of growing size; on RUM, read again from the best each
time): no hit is skipped or repeated from one page to the next."""

import pytest

from protectnet.library.search import backends, search

from .conftest import make_resource

pytestmark = pytest.mark.usefixtures("search_index")


def test_pages_of_tied_hits_keep_one_order(world, monkeypatch):
    # Batches smaller than the runs of equal scores, so that batches end inside a run.
    monkeypatch.setattr(backends, "RANK_BATCH", 4)
    monkeypatch.setattr(backends, "MAX_RANK_BATCH", 8)

    def three(title, text):
        return [make_resource(world.kh_ngo, title=title, text=text).pk for _ in range(3)]

    in_title = three("Pathways notes", "alpha beta gamma delta")
    twice = three("Annual notes", "pathways alpha pathways beta")
    once = three("Annual notes", "pathways alpha gamma beta")
    expected = [pk for run in (in_title, twice, once) for pk in reversed(run)]

    pages = [
        [h.resource.pk for h in search(world.kh_member, "pathways", page=n, per_page=2).hits]
        for n in range(1, 7)
    ]
    assert [pk for page in pages for pk in page] == expected
