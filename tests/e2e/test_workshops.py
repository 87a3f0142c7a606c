"""Browser journeys: a focal point nominates, the organiser approves, the invitee registers by
the emailed link, staff check people in by badge code (also offline), the organiser opens the
report."""

import re

import pytest
from django.core import mail

from protectnet.accounts.models import TOTPDevice
from protectnet.workshops.models import DayAttendance, Registration
from tests import factories as f
from tests.e2e.conftest import browser_sign_in
from tests.e2e.fit import misfits
from tests.workshops.conftest import make_workshop, person_in


@pytest.fixture
def journey(transactional_db, world):
    from protectnet.workshops.models import Delegation

    workshop = make_workshop(world)
    delegation = Delegation.objects.create(workshop=workshop, country=world.kh, quota=2)
    nominee = person_in(world.kh_police, email="nominee@example.test", full_name="Sok Journey")
    return workshop, delegation, nominee


def _context(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


def test_nominate_approve_register_check_in_and_report(browser, live_server, world, journey):
    workshop, delegation, nominee = journey

    # 1. The focal point nominates someone of their country.
    context, page = _context(browser, live_server)
    browser_sign_in(page, world.kh_focal.email, f.PASSWORD)
    page.goto(f"/workshops/delegations/{delegation.pk}/")
    page.get_by_role("combobox", name="Person").fill("Sok Jou")
    page.get_by_role("option", name="Sok Journey (Cambodian Test Police)").click()
    page.get_by_role("button", name="Nominate").click()
    page.get_by_text("The nomination was sent to the organisers.").wait_for()
    assert "1 of 2 seats held" in page.locator("#seats").inner_text()
    context.close()

    # 2. The organiser approves: the invitation is emailed.
    context, page = _context(browser, live_server)
    device = TOTPDevice.objects.get(user=world.admin)
    browser_sign_in(page, world.admin.email, f.PASSWORD, totp_device=device)
    page.goto(f"/workshops/delegations/{delegation.pk}/")
    page.get_by_role("button", name="Approve Sok Journey").click()
    page.get_by_text("Approved: the invitation was emailed.").wait_for()
    link = re.search(r"/workshops/register/[\w-]+/", mail.outbox[-1].body).group(0)

    # 3. The invitee registers through the personal link (no account needed).
    guest_context, guest = _context(browser, live_server)
    guest.goto(link)
    guest.get_by_label("Dietary needs").fill("Vegetarian")
    guest.get_by_label("I agree to appear").check()
    guest.get_by_role("button", name="Register").click()
    guest.get_by_text("Your registration was saved.").wait_for()
    registration = Registration.objects.get(person=nominee)
    assert registration.dietary_needs == "Vegetarian"
    guest_context.close()

    # 4. Staff check in by typing the badge code; a second scan while offline is queued.
    page.goto(f"/workshops/{workshop.pk}/check-in/")
    assert "0 of 1 checked in so far" in page.locator("#checkin-counts").inner_text()
    page.get_by_label("Badge code").fill(registration.badge_code)
    page.get_by_role("button", name="Check in", exact=True).click()
    page.locator("[data-results] li.ok").first.wait_for()
    # The counter refreshes after the check-in, without reloading the page.
    page.locator("#checkin-counts", has_text="1 of 1 checked in so far").wait_for()
    assert (
        "Sok Journey (Cambodian Test Police) is checked in."
        in page.locator("[data-results]").inner_text()
    )
    assert DayAttendance.objects.filter(registration=registration).count() == 1

    context.set_offline(True)
    page.get_by_label("Badge code").fill(registration.badge_code)
    page.get_by_role("button", name="Check in", exact=True).click()
    page.locator("[data-results] li.queued").first.wait_for()
    assert "waiting to be sent" in page.locator("[data-queue-status]").inner_text()
    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.get_by_text("Sok Journey (Cambodian Test Police) was already checked in.").wait_for()
    assert DayAttendance.objects.filter(registration=registration).count() == 1

    # 5. The organiser opens the report from the workshop's tabs.
    page.goto(f"/workshops/{workshop.pk}/")
    tabs = page.get_by_role("navigation", name="Workshop")
    assert tabs.get_by_role("link", name="Overview").get_attribute("aria-current") == "page"
    tabs.get_by_role("link", name="Report", exact=True).click()
    page.get_by_role("heading", name="Workshop report").wait_for()
    assert page.locator('[data-figure="registered"]').inner_text() == "1"
    assert page.locator('[data-figure="attended"]').inner_text() == "1"
    assert page.locator(".chart svg").count() >= 3
    context.close()


def test_check_in_page_works_on_a_phone(phone_page, world, journey):
    workshop, _delegation, _nominee = journey
    device = TOTPDevice.objects.get(user=world.admin)
    browser_sign_in(phone_page, world.admin.email, f.PASSWORD, totp_device=device)
    phone_page.goto(f"/workshops/{workshop.pk}/check-in/")
    phone_page.get_by_label("Badge code").fill("NOTACODE")
    phone_page.get_by_role("button", name="Check in", exact=True).click()
    phone_page.get_by_text("This badge code is not valid.").wait_for()


def test_workshop_tabs_wrap_on_a_phone(phone_page, world, journey):
    workshop, _delegation, _nominee = journey
    device = TOTPDevice.objects.get(user=world.admin)
    browser_sign_in(phone_page, world.admin.email, f.PASSWORD, totp_device=device)
    phone_page.goto(f"/workshops/{workshop.pk}/check-in/")
    tabs = phone_page.get_by_role("navigation", name="Workshop")
    current = tabs.get_by_role("link", name="Check-in")
    assert current.get_attribute("aria-current") == "page"
    # Every tab is on screen (wrapped onto more lines), none pushed off to the side.
    width = phone_page.viewport_size["width"]
    for link in tabs.get_by_role("link").all():
        box = link.bounding_box()
        span = f"{box['x']:.0f}..{box['x'] + box['width']:.0f}"
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{link.inner_text()}: {span}"
    assert misfits(phone_page) == []


def test_member_is_told_how_to_take_part(page, world, journey):
    workshop, _delegation, _nominee = journey
    browser_sign_in(page, world.kh_member.email, f.PASSWORD)
    page.goto(f"/workshops/{workshop.pk}/")
    page.get_by_role("heading", name="How to take part").wait_for()
    page.get_by_role("link", name="My workshops").first.click()
    page.get_by_role("heading", name="My workshops").wait_for()
