"""Browser journey: an admin finds a person of the country as they type and appoints them."""

import pytest

from protectnet.accounts.models import TOTPDevice
from protectnet.network.models import FocalPoint
from tests import factories as f

from .conftest import browser_sign_in


@pytest.fixture
def bopha(world):
    person = f.PersonFactory(full_name="Keo Bopha", email="bopha@example.test")
    f.MembershipFactory(person=person, organisation=world.kh_ngo)
    return person


def test_admin_types_a_name_and_appoints_the_person_found(world, page, bopha):
    browser_sign_in(
        page, world.admin.email, f.PASSWORD, totp_device=TOTPDevice.objects.get(user=world.admin)
    )
    page.goto("/network/countries/KH/")
    page.get_by_label("Name, job title or organisation").fill("bopha")
    # htmx fills the results in place: no page load, the country page stays.
    appoint = page.get_by_role("button", name="Appoint Keo Bopha")
    appoint.wait_for()
    assert page.url.endswith("/network/countries/KH/")
    appoint.click()
    page.get_by_text("The focal point is added.").wait_for()
    focal = page.locator("section[aria-labelledby=focal-heading] ul")
    assert "Keo Bopha" in focal.inner_text()
    assert FocalPoint.objects.filter(country=world.kh, person=bopha).exists()


@pytest.fixture
def axe_tab(browser, live_server):
    # bypass_csp only so that the axe-core checker can be injected; the app sets the CSP.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


def test_focal_point_search_pages_have_no_serious_accessibility_violations(world, axe_tab, bopha):
    from .axe import serious_violations

    device = TOTPDevice.objects.get(user=world.admin)
    browser_sign_in(axe_tab, world.admin.email, f.PASSWORD, totp_device=device)
    problems = {}
    for url in [
        "/network/countries/KH/",
        "/network/countries/KH/focal-points/new/?q=bopha",
        "/network/countries/KH/focal-points/new/?q=b",
    ]:
        axe_tab.goto(url)
        found = serious_violations(axe_tab)
        if found:
            problems[url] = found
    assert problems == {}
