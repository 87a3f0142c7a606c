"""Keyboard-only journeys: Tab, typing, Space and Enter; never a click. Every
element the keyboard reaches on the way must show where the focus is."""

import re

import pytest
from playwright.sync_api import expect

from protectnet.accounts.models import TOTPDevice
from protectnet.workshops.models import DayAttendance, Delegation, Invitation, Registration
from tests import factories as f
from tests.workshops.conftest import invite, make_workshop, person_in, register

# What has the focus, and whether a sighted keyboard user can see it: an outline, or a ring drawn
# with box-shadow (Pico's), either in a colour that is not transparent. Pico gives every button a
# transparent zero-size shadow, so "has a box-shadow" alone would prove nothing. Not
# `:focus-visible`: Chromium keeps the focus of a date field inside its shadow parts, where the
# host never matches it.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const seen = (colour) => Boolean(colour) && colour !== "transparent"
    && !/rgba\\([^)]*,\\s*0\\)/.test(colour);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
    && seen(style.outlineColor);
  const shadows = style.boxShadow === "none" ? [] : style.boxShadow.split(/,(?![^(]*\\))/);
  const ring = shadows.some((shadow) => {
    const colour = (shadow.match(/rgba?\\([^)]*\\)/) || [""])[0];
    const lengths = (shadow.match(/-?[\\d.]+px/g) || []).map(parseFloat);
    return seen(colour) && lengths.length === 4 && lengths[3] > 0;  // the spread
  });
  const label = el.labels && el.labels.length ? el.labels[0].innerText.trim() : "";
  return {
    tag: el.tagName, type: el.type || "", text: (el.innerText || el.value || "").trim(),
    label: label, ring: outline || ring,
  };
}"""


def tab_to(page, wanted: re.Pattern, *, limit: int = 120) -> dict:
    """Press Tab until the focused element's label or text matches; check each focus ring."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = page.evaluate(FOCUSED)
        if element is None:
            continue
        assert element["ring"], f"focus is not visible on {element}"
        if wanted.search(element["label"]) or wanted.search(element["text"]):
            return element
    raise AssertionError(f"Tab never reached {wanted.pattern!r}")


@pytest.fixture(autouse=True)
def _no_transitions(page):
    # Pico animates the focus ring in; with reduced motion it is drawn at once, so the style
    # read right after a key press is the one the user ends up seeing.
    page.emulate_media(reduced_motion="reduce")


@pytest.fixture
def keyboard_world(transactional_db, world):
    workshop = make_workshop(world)
    delegation = Delegation.objects.create(workshop=workshop, country=world.kh, quota=2)
    return workshop, delegation


def test_invitee_registers_with_the_keyboard_only(page, world, keyboard_world):
    workshop, delegation = keyboard_world
    person = person_in(world.kh_police, email="keys@example.test", full_name="Dara Keys")
    token = invite(world, workshop, person, delegation)

    page.goto(f"/workshops/register/{token}/")
    tab_to(page, re.compile(r"^Dietary needs"))
    page.keyboard.type("Vegetarian")
    tab_to(page, re.compile(r"^I agree to appear"))
    page.keyboard.press("Space")
    tab_to(page, re.compile(r"^Register$"))
    page.keyboard.press("Enter")

    page.get_by_text("Your registration was saved.").wait_for()
    # The status badge: its shape is hidden from screen readers, its words are "Registered".
    expect(page.locator(".badge", has_text=re.compile(r"^\W*Registered$"))).to_be_visible()
    registration = Registration.objects.get(person=person)
    assert registration.dietary_needs == "Vegetarian"
    assert registration.consent_participant_list is True


def test_staff_checks_a_participant_in_by_name_with_the_keyboard_only(page, world, keyboard_world):
    workshop, delegation = keyboard_world
    person = person_in(world.kh_police, email="seng@example.test", full_name="Seng Keyboard")
    invite(world, workshop, person, delegation)
    registration = register(Invitation.objects.get(workshop=workshop, person=person))
    device = TOTPDevice.objects.get(user=world.admin)

    page.goto("/accounts/login/")
    tab_to(page, re.compile(r"^Email"))
    page.keyboard.type(world.admin.email)
    tab_to(page, re.compile(r"^Password"))
    page.keyboard.type(f.PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"second-factor"))
    tab_to(page, re.compile(r"^Code"))
    page.keyboard.type(f.totp_code(device))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/$"))

    page.goto(f"/workshops/{workshop.pk}/check-in/")
    tab_to(page, re.compile(r"^Name$"))
    page.keyboard.type("Seng")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=Seng"))
    tab_to(page, re.compile(r"Check in\s+Seng Keyboard"))
    page.keyboard.press("Enter")

    page.get_by_text("Seng Keyboard (Cambodian Test Police) is checked in.").wait_for()
    assert DayAttendance.objects.filter(registration=registration).count() == 1
