"""The design page in a real browser, on a desktop and a phone: every component fits, axe finds
nothing serious among the status badges' colours, and its person picker searches the directory
like the real forms' pickers. Every name here is fictitious."""

from playwright.sync_api import expect

from tests.e2e import test_journeys as journeys
from tests.workshops.conftest import person_in

journey = journeys.journey  # the fixture: a fresh browser context per viewport, screenshots


def test_admin_sees_every_component_fit_and_picks_a_person(journey, transactional_db, world):
    person_in(world.kh_ngo, full_name="Sok Design")
    j = journey("design")
    journeys._sign_in(j, world.admin)
    page = j.page

    page.goto("/design/")
    page.get_by_role("heading", name="Status badges").wait_for()
    expect(page.locator(".badge-success", has_text="Registered")).to_be_visible()
    expect(page.locator(".badge-danger", has_text="Withdrawn")).to_be_visible()
    j.check("design")

    # The organisations picker lists what is chosen, each with its Remove button.
    expect(page.get_by_role("button", name="Remove Harbour Light NGO")).to_be_visible()
    journeys._choose(j, "Person", "Sok D", "Sok Design (Cambodian Test NGO)")
    assert page.get_by_role("combobox", name="Person").input_value() == (
        "Sok Design (Cambodian Test NGO)"
    )
    j.check("picker-chosen")
    j.done()
