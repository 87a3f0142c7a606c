"""Browser journey: a member pastes a text on "Check my text" and sees the language notes."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD

from .axe import serious_violations
from .conftest import browser_sign_in

TEXT = (
    "Field notes (fictitious): the hotel guest was a sex tourist who contacted a child online.\n"
    "Officers seized child pornog-\nraphy from his laptop."
)


@pytest.fixture
def axe_page(browser, live_server):
    # bypass_csp only so that the axe-core checker can be injected; the app sets the CSP.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


def test_member_checks_a_text_and_sees_each_finding_with_its_preferred_term(world, axe_page):
    page = axe_page
    browser_sign_in(page, world.kh_member.email, PASSWORD)
    # Signed in (the URL "**/" would match the sign-in page too).
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^Welcome"))
    page.goto("/terminology/")
    assert page.get_by_role("heading", level=1).inner_text() == "Check my text"
    page.get_by_label("Your text").fill(TEXT)
    page.get_by_role("button", name="Check").click()
    results = page.locator("#terminology-results")
    results.get_by_role("heading", name="2 language notes").wait_for()
    notes = results.locator("li.terminology-finding")
    assert notes.count() == 2
    assert "sex tourist" in notes.nth(0).inner_text()
    assert "travelling child sex offender (TCSO)" in notes.nth(0).inner_text()
    assert "child sexual abuse material (CSAM)" in notes.nth(1).inner_text()
    assert "Exceptions:" in notes.nth(1).inner_text()
    marks = results.locator("mark")
    assert marks.nth(0).inner_text() == "sex tourist"
    assert page.locator("#terminology-status").inner_text() == "2 language notes"
    assert serious_violations(page) == []

    # With JavaScript, typing re-checks after a pause, without pressing the button.
    page.get_by_label("Your text").press("End")
    page.keyboard.type(" Also a paedophile ring.")
    results.get_by_role("heading", name="3 language notes").wait_for()
    assert page.locator("#terminology-status").inner_text() == "3 language notes"

    # The list of terms behind the checker, readable by every member.
    page.get_by_role("link", name="See the whole list of terms").click()
    page.get_by_role("rowheader", name="child sex tourist", exact=True).wait_for()
    assert serious_violations(page) == []


def test_the_check_works_on_a_phone_without_javascript(browser, live_server, world):
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        browser_sign_in(page, world.kh_member.email, PASSWORD)
        page.goto("/terminology/")
        page.get_by_label("Your text").fill("Customers paid to abuse the girl.")
        page.get_by_role("button", name="Check").click()
        page.get_by_role("heading", name="1 language note").wait_for()
        assert "child sex offender" in page.locator("li.terminology-finding").inner_text()
    finally:
        context.close()
