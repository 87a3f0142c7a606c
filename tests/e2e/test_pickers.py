"""Browser proof of the searchable pickers: a keyboard alone finds and chooses a person and
several funders, the picker passes axe, fits a 390 px phone, and the plain select still serves
when JavaScript is off."""

import pytest

from protectnet.accounts.models import TOTPDevice
from protectnet.workshops.models import Delegation, Nomination
from tests import factories as f
from tests.e2e.conftest import PHONE, browser_sign_in
from tests.e2e.fit import misfits
from tests.workshops.conftest import make_workshop, person_in


@pytest.fixture
def delegation(transactional_db, world):
    workshop = make_workshop(world)
    person_in(world.kh_police, full_name="Sok Picker")
    person_in(world.kh_ngo, full_name="Sok Other")
    person_in(world.th_police, full_name="Sok Thai")  # another country: never offered
    return Delegation.objects.create(workshop=workshop, country=world.kh, quota=2)


def _tab(browser, live_server, **options):
    # bypass_csp only so that axe-core can be injected; the app sets the CSP.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, **options)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    return context, tab


def _type_and_choose(tab, name: str, typed: str, wanted: str) -> None:
    """Type into the combobox, then walk the list with the arrow keys until `wanted` is active
    and press Enter: no mouse anywhere."""
    box = tab.get_by_role("combobox", name=name)
    box.focus()
    tab.keyboard.type(typed)
    tab.get_by_role("option", name=wanted).wait_for()
    for _ in range(10):
        tab.keyboard.press("ArrowDown")
        active = tab.locator(f"#{box.get_attribute('aria-activedescendant')}")
        if active.inner_text().startswith(wanted):
            break
    tab.keyboard.press("Enter")


def test_focal_point_nominates_with_the_keyboard_only(browser, live_server, world, delegation):
    context, tab = _tab(browser, live_server)
    browser_sign_in(tab, world.kh_focal.email, f.PASSWORD)
    tab.goto(f"/workshops/delegations/{delegation.pk}/")
    box = tab.get_by_role("combobox", name="Person")
    assert box.get_attribute("aria-expanded") == "false"
    tab.get_by_role("combobox", name="Person").focus()
    tab.keyboard.type("Sok")
    tab.get_by_role("option", name="Sok Picker (Cambodian Test Police)").wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    options = tab.get_by_role("option").all_inner_texts()
    assert not any("Sok Thai" in o for o in options)
    assert serious_violations_of(tab) == []
    _type_and_choose(tab, "Person", "", "Sok Picker (Cambodian Test Police)")
    assert box.input_value() == "Sok Picker (Cambodian Test Police)"
    assert box.get_attribute("aria-expanded") == "false"
    tab.keyboard.press("Tab")  # the note
    tab.keyboard.press("Tab")  # the Nominate button
    tab.keyboard.press("Enter")
    tab.get_by_text("The nomination was sent to the organisers.").wait_for()
    assert Nomination.objects.filter(delegation=delegation, person__full_name="Sok Picker").exists()
    context.close()


def serious_violations_of(tab) -> list[str]:
    from tests.e2e.axe import serious_violations

    return serious_violations(tab)


def test_escape_closes_the_list_and_keeps_the_page(browser, live_server, world, delegation):
    context, tab = _tab(browser, live_server)
    browser_sign_in(tab, world.kh_focal.email, f.PASSWORD)
    tab.goto(f"/workshops/delegations/{delegation.pk}/")
    box = tab.get_by_role("combobox", name="Person")
    box.focus()
    tab.keyboard.type("Sok")
    tab.get_by_role("option").first.wait_for()
    tab.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert tab.url.endswith(f"/workshops/delegations/{delegation.pk}/")
    context.close()


def test_organiser_chooses_two_funders_with_the_keyboard(browser, live_server, world, delegation):
    context, tab = _tab(browser, live_server)
    device = TOTPDevice.objects.get(user=world.admin)
    browser_sign_in(tab, world.admin.email, f.PASSWORD, totp_device=device)
    workshop = delegation.workshop
    tab.goto(f"/workshops/{workshop.pk}/edit/")
    _type_and_choose(tab, "Funders", "Thai Test M", "Thai Test Ministry")
    _type_and_choose(tab, "Funders", "UK Test", "UK Test Agency")
    chosen = tab.locator(".picker-chosen").first
    assert "Thai Test Ministry" in chosen.inner_text() and "UK Test Agency" in chosen.inner_text()
    tab.get_by_role("button", name="Remove UK Test Agency").click()
    assert "UK Test Agency" not in chosen.inner_text()
    tab.get_by_role("button", name="Save", exact=True).click()
    tab.get_by_text("The workshop was saved.").wait_for()
    workshop.refresh_from_db()
    assert [o.name for o in workshop.funders.all()] == ["Thai Test Ministry"]
    context.close()


def test_picker_fits_a_phone_with_its_list_open(browser, live_server, world, delegation):
    context, tab = _tab(browser, live_server, viewport=PHONE, is_mobile=True, has_touch=True)
    browser_sign_in(tab, world.kh_focal.email, f.PASSWORD)
    tab.goto(f"/workshops/delegations/{delegation.pk}/")
    tab.get_by_role("combobox", name="Person").fill("Sok")
    tab.get_by_role("option").first.wait_for()
    assert misfits(tab) == []
    box = tab.get_by_role("listbox").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    context.close()


def test_without_javascript_the_plain_select_nominates(browser, live_server, world, delegation):
    context, tab = _tab(browser, live_server, java_script_enabled=False)
    browser_sign_in(tab, world.kh_focal.email, f.PASSWORD)
    tab.goto(f"/workshops/delegations/{delegation.pk}/")
    assert tab.get_by_role("combobox", name="Person").evaluate("el => el.tagName") == "SELECT"
    tab.get_by_role("combobox", name="Person").select_option(label="Sok Other (Cambodian Test NGO)")
    tab.get_by_role("button", name="Nominate").click()
    tab.get_by_text("The nomination was sent to the organisers.").wait_for()
    assert Nomination.objects.filter(delegation=delegation, person__full_name="Sok Other").exists()
    context.close()
