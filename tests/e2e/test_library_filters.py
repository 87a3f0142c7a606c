"""Library search on a phone shows the results first: the filters start closed behind one
"Filters" line (design.md, Filters), so the first result is on the first screen and the first
link one reaches in the results area is a result's, not a filter's. On a desktop protectnet.js
opens the filters beside the results. Every title here is fictitious."""

import pytest
from playwright.sync_api import expect

from protectnet.access.markings import Marking
from protectnet.library.models import Resource
from tests import factories as f
from tests.e2e.conftest import DEVICES, browser_sign_in

TITLES = ("Referral pathways for frontline staff", "Interviewing children: a field guide")


@pytest.fixture(params=list(DEVICES))
def library_page(request, browser, live_server, transactional_db, world):
    for title in TITLES:
        Resource.objects.create(
            title=title,
            summary="Fictitious guide for the test.",
            resource_type="guide",
            owner_organisation=world.kh_police,
            marking=Marking.GREEN,
        )
    context = browser.new_context(base_url=live_server.url, **DEVICES[request.param])
    page = context.new_page()
    page.set_default_timeout(10_000)
    browser_sign_in(page, world.kh_member.email, f.PASSWORD)
    page.goto("/library/")
    page.locator("article.hit").first.wait_for()
    yield request.param, page
    context.close()


def _first_link(page) -> str:
    """The text of the first visible link in the library's filters-and-results area."""
    return page.evaluate(
        """() => {
          const links = document.querySelectorAll('.library-layout a[href]');
          const seen = [...links].find(a => a.checkVisibility());
          return seen ? seen.innerText.trim() : '';
        }"""
    )


def test_a_phone_shows_the_results_before_the_filters_and_a_desktop_both(library_page):
    device, page = library_page
    filters = page.locator("details.filters-disclosure")
    facet_links = page.locator("#facet-list a")
    assert facet_links.count() > 0  # there are filters to show: types, years...
    first_hit = page.locator("article.hit").first
    hit = first_hit.bounding_box()
    if device == "phone":
        assert filters.evaluate("d => d.open") is False
        expect(facet_links.first).not_to_be_visible()
        # The first result is on the first screen, below only the one closed "Filters" line.
        assert hit["y"] < page.viewport_size["height"], hit
        assert _first_link(page) in TITLES
    else:
        assert filters.evaluate("d => d.open") is True
        expect(facet_links.first).to_be_visible()
        # The filters sit in a column beside the results, not above them.
        column = page.locator("aside.facets").bounding_box()
        assert column["x"] + column["width"] <= hit["x"] and column["y"] <= hit["y"] + 1
