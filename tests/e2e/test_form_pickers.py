"""Browser proof of the pickers in the alert and delivery forms: a UK officer chooses a partner
agency and names a vetted Cambodian officer with the keyboard alone; the open list passes axe
and fits a 390 px phone; a trainer adds a co-trainer; with JavaScript off the plain selects
still save the draft."""

from datetime import timedelta

import pytest
from django.utils import timezone

from protectnet.accounts.models import TOTPDevice
from protectnet.alerts.models import Alert
from protectnet.training.models import Delivery
from tests import factories as f

from .axe import serious_violations
from .conftest import PHONE, browser_sign_in
from .fit import misfits
from .test_pickers import _tab, _type_and_choose

KEY = "oJ8x1Qm3cQ2k6q0Yw7mW3lq3nq2d3yQpJ0x9zB9w2aY="
NEW_ALERT = "/alerts/new/travel_notification/"


@pytest.fixture
def officers(world, settings):
    # The suite key stays listed: it opens the authenticator seeds of the world.
    settings.FIELD_ENCRYPTION_KEYS = [KEY, *settings.FIELD_ENCRYPTION_KEYS]
    f.rename(world.kh_le.person, "Dara Vetted")
    return world


def _signed_in(browser, live_server, user, **options):
    context, tab = _tab(browser, live_server, **options)
    browser_sign_in(tab, user.email, f.PASSWORD, TOTPDevice.objects.get(user=user))
    return context, tab


def _fill_the_rest(tab) -> None:
    tab.get_by_label("Priority").select_option("high")
    deadline = timezone.now() + timedelta(days=2)
    tab.get_by_label("Acknowledge by (UTC)").fill(deadline.strftime("%Y-%m-%dT%H:%M"))
    tab.get_by_label("Full name (as in the travel document)").fill("Gareth Allan Sampleton")
    tab.get_by_label("Date of birth").fill("1968-05-14")
    tab.get_by_label("Nationality").select_option("GB")
    tab.get_by_label("Travel document (type and number)").fill("Passport 900000001")
    departure = timezone.localdate() + timedelta(days=5)
    tab.get_by_label("Departure date").fill(departure.isoformat())
    tab.get_by_label("Travel route (flights, transit points)").fill("London – Phnom Penh")
    tab.get_by_label("Grounds for the alert").select_option("conviction")
    tab.get_by_label("Risk summary").fill("Convicted of contact offences (fictitious).")
    tab.get_by_label("Summary and what you ask of the recipients").fill("Please act.")


def test_officer_picks_an_agency_and_names_an_officer_with_the_keyboard(
    browser, live_server, officers
):
    context, tab = _signed_in(browser, live_server, officers.uk_le)
    tab.goto(NEW_ALERT)
    _type_and_choose(tab, "Recipient agencies", "Cambodian", "Cambodian Test Police (Cambodia)")
    tab.get_by_role("radio", name="TLP:RED").check()
    named = "Named recipients (TLP:RED only)"
    tab.get_by_role("combobox", name=named).focus()
    tab.keyboard.type("Dara")
    tab.get_by_role("option", name="Dara Vetted (Cambodian Test Police)").wait_for()
    assert serious_violations(tab) == []
    _type_and_choose(tab, named, "", "Dara Vetted (Cambodian Test Police)")
    _fill_the_rest(tab)
    tab.get_by_role("button", name="Save as draft").click()
    tab.wait_for_url("**/alerts/*/")
    alert = Alert.objects.get()
    assert [r.organisation for r in alert.recipients.all()] == [officers.kh_police]
    assert [p.full_name for p in alert.named_people.all()] == ["Dara Vetted"]
    context.close()


def test_the_alert_pickers_fit_a_phone_with_the_list_open(browser, live_server, officers):
    phone = {"viewport": PHONE, "is_mobile": True, "has_touch": True}
    context, tab = _signed_in(browser, live_server, officers.uk_le, **phone)
    tab.goto(NEW_ALERT)
    tab.get_by_role("combobox", name="Recipient agencies").fill("Test")
    tab.get_by_role("option").first.wait_for()
    assert misfits(tab) == []
    box = tab.get_by_role("listbox").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    context.close()


def test_without_javascript_the_plain_selects_save_the_draft(browser, live_server, officers):
    context, tab = _signed_in(browser, live_server, officers.uk_le, java_script_enabled=False)
    tab.goto(NEW_ALERT)
    agencies = tab.get_by_label("Recipient agencies")
    assert agencies.evaluate("el => el.tagName") == "SELECT"
    agencies.select_option(label="Thai Test Police (Thailand)")
    _fill_the_rest(tab)
    tab.get_by_role("button", name="Save as draft").click()
    tab.wait_for_url("**/alerts/*/")
    assert [r.organisation for r in Alert.objects.get().recipients.all()] == [officers.th_police]
    context.close()


def test_trainer_adds_a_co_trainer_with_the_keyboard(browser, live_server, world):
    from tests.training.conftest import make_course

    course = make_course(world)
    f.rename(f.make_trainer("sok.trainer@example.test", org=world.kh_ngo).person, "Sok Trainer")
    context, tab = _tab(browser, live_server)
    browser_sign_in(tab, world.trainer.email, f.PASSWORD)
    tab.goto(f"/training/courses/{course.pk}/deliveries/new/")
    start = timezone.localdate() + timedelta(days=30)
    tab.get_by_label("First day").fill(start.isoformat())
    tab.get_by_label("Last day").fill((start + timedelta(days=2)).isoformat())
    tab.get_by_label("Host country").select_option(label="Thailand")
    tab.locator("#id_language").fill("th")  # the page also has the site's language switcher
    tab.get_by_label("Capacity").fill("12")
    _type_and_choose(tab, "Trainers", "Sok", "Sok Trainer (Cambodian Test NGO)")
    assert "Sok Trainer" in tab.locator(".picker-chosen").inner_text()
    assert serious_violations(tab) == []
    tab.get_by_role("button", name="Save", exact=True).click()
    tab.get_by_text("The delivery was saved.").wait_for()
    delivery = Delivery.objects.latest("pk")
    assert {p.full_name for p in delivery.trainers.all()} >= {"Sok Trainer"}
    context.close()
