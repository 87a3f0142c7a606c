"""Browser journey: a UK officer sends a travel notification; a Cambodian officer acknowledges,
replies, records the outcome and closes; the sender sees all of it. Two signed-in browsers."""

from datetime import timedelta

import pytest
from django.utils import timezone

from protectnet.accounts.models import TOTPDevice
from tests.factories import PASSWORD

from .axe import serious_violations
from .conftest import PHONE, browser_sign_in
from .fit import misfits

KEY = "oJ8x1Qm3cQ2k6q0Yw7mW3lq3nq2d3yQpJ0x9zB9w2aY="
SUBJECT = "Gareth Allan Sampleton"


@pytest.fixture
def officers(world, settings, browser, live_server):
    # The suite key stays listed: it opens the authenticator seeds of the world.
    settings.FIELD_ENCRYPTION_KEYS = [KEY, *settings.FIELD_ENCRYPTION_KEYS]
    contexts = []

    def signed_in(user):
        # bypass_csp only so that the axe-core checker can be injected; the app sets the CSP.
        context = browser.new_context(base_url=live_server.url, bypass_csp=True)
        contexts.append(context)
        tab = context.new_page()
        tab.set_default_timeout(10_000)
        tab.on("dialog", lambda dialog: dialog.accept())  # data-confirm on "Close"
        browser_sign_in(tab, user.email, PASSWORD, TOTPDevice.objects.get(user=user))
        return tab

    yield signed_in
    for context in contexts:
        context.close()


def test_send_acknowledge_reply_close(officers, world):
    sender = officers(world.uk_le)
    sender.goto("/alerts/new/")
    sender.get_by_role("link", name="Travel notification").click()
    assert serious_violations(sender) == []
    sender.get_by_role("combobox", name="Recipient agencies").fill("Cambodian")
    sender.get_by_role("option", name="Cambodian Test Police (Cambodia)").click()
    sender.get_by_label("Priority").select_option("high")
    deadline = timezone.now() + timedelta(days=2)
    sender.get_by_label("Acknowledge by (UTC)").fill(deadline.strftime("%Y-%m-%dT%H:%M"))
    sender.get_by_label("Full name (as in the travel document)").fill(SUBJECT)
    sender.get_by_label("Date of birth").fill("1968-05-14")
    sender.get_by_label("Nationality").select_option("GB")
    sender.get_by_label("Travel document (type and number)").fill("Passport 900000001")
    departure = timezone.localdate() + timedelta(days=5)
    sender.get_by_label("Departure date").fill(departure.isoformat())
    sender.get_by_label("Travel route (flights, transit points)").fill("London – Phnom Penh")
    sender.get_by_label("Grounds for the alert").select_option("conviction")
    sender.get_by_label("Risk summary").fill("Convicted of contact offences (fictitious).")
    sender.get_by_label("Summary and what you ask of the recipients").fill(
        "Please consider refusing entry."
    )
    sender.get_by_role("button", name="Review before sending").click()
    sender.get_by_role("heading", name="Review before sending").wait_for()
    assert "Cambodian Test Police (Cambodia)" in sender.locator("main").inner_text()
    assert serious_violations(sender) == []
    sender.get_by_role("button", name="Send", exact=True).click()
    sender.get_by_text("The alert was sent to the recipient agencies.").wait_for()
    alert_url = sender.url

    recipient = officers(world.kh_le)
    recipient.goto("/alerts/")
    assert serious_violations(recipient) == []
    recipient.locator("table a").first.click()
    recipient.get_by_text(SUBJECT).wait_for()
    assert serious_violations(recipient) == []
    recipient.get_by_role("button", name="Acknowledge receipt").click()
    recipient.get_by_text("Acknowledged on behalf of your agency.").wait_for()
    recipient.get_by_label("Reply").fill("Received. Immigration informed.")
    recipient.get_by_role("button", name="Add reply").click()
    recipient.get_by_text("Your reply was added.").wait_for()
    recipient.get_by_label("Outcome").select_option("entry_refused")
    recipient.get_by_role("button", name="Record outcome").click()
    recipient.get_by_text("The outcome was recorded.").wait_for()
    recipient.get_by_role("button", name="Close for my agency").click()
    recipient.get_by_text("Closed.", exact=True).wait_for()

    sender.goto(alert_url)
    body = sender.locator("main").inner_text()
    assert "Received. Immigration informed." in body
    assert "Entry refused" in body
    # The read log and the acknowledgement name the officer and agency, never the address.
    assert f"{world.kh_le.person.full_name} (Cambodian Test Police)" in body
    assert "le.kh@example.test" not in body
    assert "Closed" in body


def test_recipient_reads_and_acknowledges_on_a_phone(world, settings, browser, live_server):
    from protectnet.alerts import services
    from tests.alerts.conftest import alert_input

    # The suite key stays listed: it opens the authenticator seeds of the world.
    settings.FIELD_ENCRYPTION_KEYS = [KEY, *settings.FIELD_ENCRYPTION_KEYS]
    alert = services.alert_create(actor=world.uk_le, data=alert_input([world.kh_police]), send=True)
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, is_mobile=True, has_touch=True
    )
    try:
        phone = context.new_page()
        phone.set_default_timeout(10_000)
        browser_sign_in(
            phone, world.kh_le.email, PASSWORD, TOTPDevice.objects.get(user=world.kh_le)
        )
        phone.goto(f"/alerts/{alert.pk}/")
        phone.get_by_text(SUBJECT).wait_for()
        assert misfits(phone) == []
        phone.get_by_role("button", name="Acknowledge receipt").click()
        phone.get_by_text("Acknowledged on behalf of your agency.").wait_for()
    finally:
        context.close()
