"""Browser journeys: sign in, see the dashboard, sign out; an admin passes TOTP; on a phone too."""

import re

import pytest
from playwright.sync_api import expect

from protectnet.accounts.models import TOTPDevice
from tests.factories import PASSWORD

from .axe import serious_violations
from .conftest import browser_sign_in
from .fit import misfits

# The dashboard's heading: waiting for the URL "**/" would match the sign-in page's own.
WELCOME = re.compile("^Welcome")


@pytest.fixture
def axe_page(browser, live_server):
    # bypass_csp only so that the axe-core checker can be injected; the app sets the CSP.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


def sign_out(tab) -> None:
    menu = tab.locator("details.nav-menu")
    if menu.is_visible() and not menu.evaluate("el => el.open"):
        menu.locator("summary").click()
    tab.get_by_role("button", name="Sign out").click()


def test_member_signs_in_sees_the_dashboard_and_signs_out(world, axe_page):
    page = axe_page
    page.goto("/")  # an anonymous visitor meets the network, with a way to sign in
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "A regional network protecting children"
    )
    assert serious_violations(page) == []
    page.get_by_role("link", name="Sign in").first.click()
    page.wait_for_url("**/accounts/login/")
    assert serious_violations(page) == []
    browser_sign_in(page, world.kh_member.email, PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text(WELCOME)
    assert serious_violations(page) == []
    sign_out(page)
    page.wait_for_url("**/accounts/login/")
    expect(page.get_by_text("You are signed out.")).to_be_visible()
    page.goto("/")
    expect(page.get_by_role("link", name="Sign in").first).to_be_visible()
    expect(page.get_by_role("heading", name="Needs you now")).not_to_be_visible()


def test_wrong_password_shows_a_message_that_reveals_nothing(world, page):
    browser_sign_in(page, world.kh_member.email, "not the right password")
    expect(page.get_by_role("alert")).to_have_text(re.compile("^Sign-in failed"))
    assert page.get_by_label("Email").input_value() == world.kh_member.email


def test_admin_passes_the_second_factor(world, page):
    browser_sign_in(page, world.admin.email, PASSWORD)
    page.wait_for_url("**/accounts/login/second-factor/**")
    expect(page.get_by_role("heading", name="Enter your code")).to_be_visible()
    from django_otp.oath import TOTP

    device = TOTPDevice.objects.get(user=world.admin)
    code = f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(WELCOME)
    # The later navigation entries sit under "More", which keeps the bar on one line.
    page.locator(".shell-more > summary").click()
    assert page.get_by_role("link", name="Audit log").count() == 1
    page.get_by_role("link", name="Audit log").click()
    expect(page.get_by_role("heading", name="Audit log")).to_be_visible()
    assert page.get_by_role("cell", name="auth.sign_in", exact=True).count() >= 1


def test_sign_in_and_out_on_a_phone(world, phone_page):
    page = phone_page
    browser_sign_in(page, world.kh_member.email, PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text(WELCOME)
    summary = page.locator("details.nav-menu > summary")
    expect(summary).to_be_visible()
    expect(page.get_by_role("button", name="Sign out")).not_to_be_visible()
    summary.click()
    expect(page.get_by_role("link", name="My account")).to_be_visible()
    assert misfits(page) == []  # nothing wider than the phone, nothing cut off
    sign_out(page)
    page.wait_for_url("**/accounts/login/")
