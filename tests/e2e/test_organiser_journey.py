"""The organiser's journey (a network admin running a workshop) in a real browser, on a 1366x800
desktop and a 390x844 phone, like every other role's in test_journeys.py: through the
workshop's tabs (overview, agenda, delegations with an approval, registrations, check-in with
its live counter, outcomes, report), each page fitting the screen with axe finding nothing
serious or critical, screenshots under var/screenshots/organiser/. Every name is fictitious."""

from datetime import time

from playwright.sync_api import expect

from protectnet.workshops.models import DayAttendance, Delegation, Invitation, Outcome
from protectnet.workshops.services.delegations import nomination_create
from tests.e2e import test_journeys as journeys
from tests.workshops.conftest import START, add_session, make_workshop, person_in, register

journey = journeys.journey  # the fixture: a fresh browser context per viewport, screenshots


def _tab(j: journeys.Journey, name: str, step: str) -> None:
    """Open one of the workshop's tabs and check the page: the tab is marked as the current one."""
    tabs = j.page.get_by_role("navigation", name="Workshop")
    tabs.get_by_role("link", name=name, exact=True).click()
    current = j.page.get_by_role("navigation", name="Workshop").locator('[aria-current="page"]')
    current.filter(has_text=name).wait_for()
    j.check(step)


def test_organiser_approves_checks_in_and_reports_through_the_tabs(
    journey, transactional_db, world
):
    workshop = make_workshop(world, title="Regional workshop on online safety")
    add_session(workshop, "Opening plenary", START, time(9), time(10))
    delegation = Delegation.objects.create(workshop=workshop, country=world.kh, quota=3)
    nominee = person_in(world.kh_police, email="nominee@example.test", full_name="Sok Journey")
    nomination_create(actor=world.kh_focal, delegation=delegation, person=nominee)
    registered = person_in(world.kh_ngo, full_name="Chan Registered")
    journeys._nominated_and_invited(world, delegation, registered)
    register(Invitation.objects.get(workshop=workshop, person=registered))
    Outcome.objects.create(
        workshop=workshop,
        kind="initiative",
        title="Hotline for children",
        owner_organisation=world.kh_ngo,
        contact=registered,
        status="in_progress",
    )
    j = journey("organiser")
    journeys._sign_in(j, world.admin)
    page = j.page

    page.goto(f"/workshops/{workshop.pk}/")
    page.get_by_role("heading", name=workshop.title).wait_for()
    j.check("overview")
    _tab(j, "Agenda", "agenda")
    expect(page.get_by_text("Opening plenary").first).to_be_visible()

    _tab(j, "Delegations", "delegations")
    page.locator("main").get_by_role("link", name="Cambodia").click()
    page.get_by_role("button", name="Approve Sok Journey").click()
    j.text("Approved: the invitation was emailed.")
    j.check("approved")
    # The invitee registers through the emailed link (the guest's journey walks that part).
    register(Invitation.objects.get(workshop=workshop, person=nominee))

    _tab(j, "Registrations", "registrations")
    rows = page.locator("main table").inner_text()
    assert "Sok Journey" in rows and "Chan Registered" in rows

    _tab(j, "Check-in", "check-in")
    counts = page.locator("#checkin-counts")
    assert "0 of 2 checked in so far" in counts.inner_text()
    badge_code = Invitation.objects.get(person=nominee).registration.badge_code
    page.get_by_label("Badge code").fill(badge_code)
    page.get_by_role("button", name="Check in", exact=True).click()
    page.locator("[data-results] li.ok").first.wait_for()
    # The counter changes after the check-in, without reloading the page.
    page.locator("#checkin-counts", has_text="1 of 2 checked in so far").wait_for()
    j.check("checked-in")
    assert DayAttendance.objects.filter(registration__person=nominee).count() == 1

    _tab(j, "Outcomes", "outcomes")
    expect(page.locator(".badge-info", has_text="In progress").first).to_be_visible()
    _tab(j, "Report", "report")
    page.get_by_role("heading", name="Workshop report").wait_for()
    assert page.locator('[data-figure="attended"]').inner_text() == "1"
    j.done()
