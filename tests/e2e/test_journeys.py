"""Every role's main journey in a real browser, on a 1366x800 desktop and a 390x844 phone.

Network admin (vets a person, appoints a focal point, creates a workshop), focal point
(nominates a delegation, sees who registered), member (learns how to take part, registers with
their nomination, opens My workshops with badge, visa letter, feedback and certificate, reads a
library item, verifies the certificate), guest (registers by the emailed link, then finds the
registration in My workshops and their course in My courses), trainer (opens a delivery, records
attendance and results), vetted officer (alert inbox, acknowledges, replies) and anonymous
visitor (front page, public library, certificate verification, sign-in). On every page: nothing
scrolls sideways, no visible link, button or field is cut off at the edge, axe finds nothing
serious or critical.
Screenshots go to var/screenshots/<role>/<viewport>-<step>.png (git-ignored) for a person to
look through. Every name here is fictitious.
"""

from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from protectnet.access.markings import Marking
from protectnet.accounts.models import TOTPDevice
from protectnet.library.models import Resource
from protectnet.network.models import FocalPoint, Vetting
from protectnet.training.models import Certificate
from protectnet.training.services.certificates import certificate_row
from protectnet.workshops.models import Delegation, Invitation, Nomination
from protectnet.workshops.services.delegations import nomination_create, nomination_decide
from tests import factories as f
from tests.e2e.axe import serious_violations
from tests.e2e.conftest import DEVICES, browser_sign_in
from tests.e2e.fit import misfits
from tests.training.conftest import enrol, make_course, make_delivery
from tests.workshops.conftest import invite, make_workshop, person_in, register

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"


class Journey:
    """One role's walk on one viewport: `check(step)` looks at the page it is on."""

    def __init__(self, page, role: str, viewport: str):
        self.page, self.role, self.viewport = page, role, viewport
        self.problems: dict[str, list[str]] = {}
        (SCREENSHOTS / role).mkdir(parents=True, exist_ok=True)

    def check(self, step: str) -> None:
        page = self.page
        page.wait_for_load_state("load")
        found = misfits(page) + serious_violations(page)
        page.screenshot(
            path=str(SCREENSHOTS / self.role / f"{self.viewport}-{step}.png"), full_page=True
        )
        if found:
            self.problems[f"{step} ({page.url})"] = found

    def done(self) -> None:
        problems = "\n".join(f"{where}: {found}" for where, found in self.problems.items())
        assert not self.problems, f"{self.role} on {self.viewport}:\n{problems}"

    def text(self, message: str) -> None:
        """Wait for a message; when it never comes, fail with what the page says instead."""
        from playwright.sync_api import TimeoutError as Timeout

        try:
            self.page.get_by_text(message).first.wait_for()
        except Timeout:
            said = self.page.locator("main").inner_text()[:1500]
            pytest.fail(f"{message!r} not shown at {self.page.url}; the page says:\n{said}")


@pytest.fixture(params=list(DEVICES))
def journey(request, browser, live_server):
    """journey(role) -> a Journey in a fresh browser context of the parametrised viewport."""
    contexts = []

    def start(role: str) -> Journey:
        # bypass_csp only so that the axe-core checker can be injected; the app sets the CSP.
        options = DEVICES[request.param]
        context = browser.new_context(base_url=live_server.url, bypass_csp=True, **options)
        contexts.append(context)
        tab = context.new_page()
        # Longer than the other browser tests: each step also runs axe on a shared machine.
        tab.set_default_timeout(20_000)
        return Journey(tab, role, request.param)

    yield start
    for context in contexts:
        context.close()


def _sign_in(j: Journey, user) -> None:
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    browser_sign_in(j.page, user.email, f.PASSWORD, totp_device=device)
    j.page.get_by_role("heading", level=1).first.wait_for()
    j.check("dashboard")


def _choose(j: Journey, name: str, typed: str, option: str) -> None:
    """Type into a searchable picker and click the option that appears."""
    j.page.get_by_role("combobox", name=name).fill(typed)
    j.page.get_by_role("option", name=option).click()


def test_network_admin_vets_appoints_and_creates_a_workshop(journey, transactional_db, world):
    bopha = person_in(world.th_ministry, email="bopha@example.test", full_name="Keo Bopha")
    f.SeriesFactory()  # the network's series of regional workshops, which a new one joins
    officer = world.kh_le_unvetted.person
    j = journey("admin")
    _sign_in(j, world.admin)
    page = j.page

    page.goto(f"/network/people/{officer.pk}/vetting/")
    j.check("vetting")
    page.get_by_label("Level").select_option("law_enforcement")
    today = timezone.localdate()
    page.get_by_label("Checked on").fill(today.isoformat())
    page.get_by_label("Expires on").fill((today + timedelta(days=365)).isoformat())
    page.get_by_role("button", name="Record").click()
    j.text("The vetting is recorded.")
    j.check("vetting-recorded")
    assert Vetting.objects.filter(person=officer).count() == 1

    page.goto("/network/countries/TH/")
    page.get_by_label("Name, job title or organisation").fill("bopha")
    page.get_by_role("button", name="Appoint Keo Bopha").click()
    j.text("The focal point is added.")
    j.check("focal-point-added")
    assert FocalPoint.objects.filter(country=world.th, person=bopha).exists()

    page.goto("/workshops/new/")
    j.check("workshop-new")
    page.get_by_label("Series").select_option(label="Regional workshops")
    page.get_by_label("Title", exact=False).first.fill("Regional workshop on online safety")
    page.get_by_label("Host country").select_option(label="Cambodia")
    page.get_by_label("City").fill("Siem Reap")
    page.get_by_label("Venue name").fill("Test Conference Centre")
    page.get_by_label("Start date").fill("2030-11-03")
    page.get_by_label("End date").fill("2030-11-05")
    page.get_by_role("button", name="Save").click()
    j.text("The workshop was saved.")
    j.check("workshop-saved")
    j.done()


def _nominated_and_invited(world, delegation, person) -> Nomination:
    """The focal point nominated the person and the organisers approved: an invitation sent."""
    nomination = nomination_create(actor=world.kh_focal, delegation=delegation, person=person)
    return nomination_decide(actor=world.admin, nomination=nomination, approve=True)


def test_focal_point_nominates_the_delegation_and_sees_registrations(
    journey, transactional_db, world
):
    workshop = make_workshop(world)
    delegation = Delegation.objects.create(workshop=workshop, country=world.kh, quota=3)
    person_in(world.kh_police, email="nominee@example.test", full_name="Sok Journey")
    registered = person_in(world.kh_ngo, full_name="Chan Registered")
    _nominated_and_invited(world, delegation, registered)
    register(Invitation.objects.get(workshop=workshop, person=registered))
    j = journey("focal")
    _sign_in(j, world.kh_focal)
    page = j.page

    page.goto(f"/workshops/{workshop.pk}/")
    j.check("workshop")
    page.goto(f"/workshops/delegations/{delegation.pk}/")
    j.check("delegation")
    _choose(j, "Person", "Sok", "Sok Journey (Cambodian Test Police)")
    page.get_by_role("button", name="Nominate").click()
    j.text("The nomination was sent to the organisers.")
    j.check("nominated")
    rows = page.locator("table").inner_text()
    assert "Sok Journey" in rows and "Chan Registered" in rows and "Registered" in rows
    j.done()


def _certificate(world, user) -> Certificate:
    """A completed course of the member's, with its certificate."""
    delivery = make_delivery(world, make_course(world), days_ago=3)
    enrolment = enrol(world, delivery, user, world.kh_ngo)
    enrolment.status = "completed"
    enrolment.save(update_fields=["status"])
    return certificate_row(enrolment, delivery, actor=world.admin, now=timezone.now())


PASSPORT = {
    "needs_visa_letter": True,
    "passport_full_name": "TEST MEMBER",
    "passport_number": "N7654321",
    "passport_nationality": "Cambodian",
    "passport_expiry": date(2033, 1, 1),
    "date_of_birth": date(1988, 4, 2),
}


def test_member_registers_with_a_nomination_and_finds_everything_in_my_workshops(
    journey, transactional_db, world
):
    member = world.kh_member
    upcoming = make_workshop(world, title="Regional workshop on online safety")
    delegation = Delegation.objects.create(workshop=upcoming, country=world.kh, quota=2)
    nomination = _nominated_and_invited(world, delegation, member.person)
    elsewhere = make_workshop(world, edition=6, title="Regional workshop on prevention")
    today = timezone.localdate()
    started = make_workshop(
        world,
        edition=4,
        title="Regional workshop on victim support",
        start_date=today - timedelta(days=1),
        end_date=today,
    )
    invite(world, started, member.person)
    register(Invitation.objects.get(workshop=started, person=member.person), **PASSPORT)
    certificate = _certificate(world, member)
    guide = Resource.objects.create(
        title="Preserving online evidence: a field guide",
        summary="Fictitious guide for the test.",
        resource_type="guide",
        owner_organisation=world.kh_police,
        marking=Marking.GREEN,
    )
    j = journey("member")
    _sign_in(j, member)
    page = j.page

    page.goto(f"/workshops/{elsewhere.pk}/")
    page.get_by_role("heading", name="How to take part").wait_for()
    j.check("how-to-take-part")
    page.goto(f"/workshops/{upcoming.pk}/")
    page.get_by_role("heading", name="Your invitation").wait_for()
    j.check("invitation")
    page.locator("main").get_by_role("button", name="Register").click()
    page.get_by_label("I agree to appear").check()
    j.check("registration-form")
    page.get_by_role("button", name="Register").click()
    j.text("Your registration was saved.")
    j.check("registered")

    page.goto("/workshops/mine/")
    page.get_by_role("heading", name="My workshops").wait_for()
    j.check("my-workshops")
    main = page.locator("main")
    for link in (
        "Badge (PDF)",
        "Visa invitation letter (PDF)",
        "Feedback form",
        "Download the certificate (PDF)",
    ):
        expect(main.get_by_role("link", name=link).first, link).to_be_visible()
    assert main.get_by_role("link", name="Badge (PDF)").count() == 2
    page.get_by_role("link", name="Feedback form").click()
    j.check("feedback-form")

    page.goto("/library/")
    j.check("library")
    page.get_by_role("link", name=guide.title).first.click()
    page.get_by_role("heading", name=guide.title).wait_for()
    j.check("library-item")

    page.goto("/workshops/mine/")
    page.get_by_role("link", name="Verification page").click()
    page.get_by_role("heading", name="Valid certificate").wait_for()
    j.check("certificate-verified")
    assert certificate.code in page.url
    assert Nomination.objects.get(pk=nomination.pk).invitation.registration.is_active
    j.done()


def test_guest_registers_by_the_emailed_link_and_finds_workshop_and_course(
    journey, transactional_db, world
):
    guest = world.guest  # invited, not a member of any organisation of the network
    workshop = make_workshop(world, title="Regional workshop on online safety")
    token = invite(world, workshop, guest.person)
    course = make_course(world)
    enrol(world, make_delivery(world, course), guest, world.kh_ngo)
    j = journey("guest")
    page = j.page

    page.goto(f"/workshops/register/{token}/")
    j.check("registration-form")
    page.get_by_label("I agree to appear").check()
    page.get_by_role("button", name="Register").click()
    j.text("Your registration was saved.")
    j.check("registered")

    _sign_in(j, guest)
    page.goto("/workshops/mine/")
    page.get_by_role("heading", name="My workshops").wait_for()
    j.check("my-workshops")
    main = page.locator("main")
    expect(main.get_by_text(workshop.title).first).to_be_visible()
    expect(main.get_by_role("link", name="Badge (PDF)").first).to_be_visible()
    page.goto("/training/mine/")
    j.check("my-courses")
    page.get_by_role("link", name=course.title).first.click()
    page.get_by_role("heading", name="Your participation").wait_for()
    j.check("course-delivery")
    j.done()


def test_trainer_opens_a_delivery_and_records_results(journey, transactional_db, world):
    course = make_course(world)
    delivery = make_delivery(world, course, days_ago=1)
    enrol(world, delivery, world.kh_member, world.kh_ngo)
    j = journey("trainer")
    _sign_in(j, world.trainer)
    page = j.page

    page.goto("/training/")
    j.check("training")
    page.goto(f"/training/deliveries/{delivery.pk}/")
    j.check("delivery")
    page.locator(".day-list a").first.click()
    j.check("attendance")
    page.get_by_label(world.kh_member.person.full_name, exact=False).first.check()
    page.get_by_role("button", name="Save attendance").click()
    j.text("Attendance was saved.")
    page.get_by_role("button", name="Apply the completion rule and issue certificates").click()
    j.text("certificates.")
    j.check("results-recorded")
    j.done()


def test_vetted_officer_acknowledges_and_replies_to_an_alert(journey, transactional_db, world):
    from protectnet.alerts import services as alerts
    from tests.alerts.conftest import alert_input

    alert = alerts.alert_create(actor=world.uk_le, data=alert_input([world.kh_police]), send=True)
    j = journey("officer")
    _sign_in(j, world.kh_le)
    page = j.page

    page.goto("/alerts/")
    j.check("inbox")
    page.locator(f'a[href="/alerts/{alert.pk}/"]').first.click()
    page.get_by_role("button", name="Acknowledge receipt").wait_for()
    j.check("alert")
    page.get_by_role("button", name="Acknowledge receipt").click()
    j.text("Acknowledged on behalf of your agency.")
    j.check("acknowledged")
    page.get_by_label("Reply").fill("Received. Immigration informed.")
    page.get_by_role("button", name="Add reply").click()
    j.text("Your reply was added.")
    j.check("replied")
    j.done()


def test_anonymous_visitor_reads_the_public_pages_verifies_and_signs_in(
    journey, transactional_db, world
):
    make_workshop(world, title="Regional workshop on online safety", public_page=True)
    leaflet = Resource.objects.create(
        title="Keeping children safe online: a leaflet for parents",
        summary="Fictitious leaflet for the test.",
        resource_type="guide",
        owner_organisation=world.kh_ngo,
        marking=Marking.CLEAR,
    )
    certificate = _certificate(world, world.kh_member)
    j = journey("anonymous")
    page = j.page

    page.goto("/")
    page.get_by_role("heading", name="A regional network protecting children").wait_for()
    expect(page.get_by_text("Regional workshop on online safety")).to_be_visible()
    j.check("front-page")
    page.get_by_role("link", name="Browse the public library").click()
    j.check("library")
    page.get_by_role("link", name=leaflet.title).first.click()
    page.get_by_role("heading", name=leaflet.title).wait_for()
    j.check("library-item")

    page.goto("/")
    page.get_by_role("link", name="Verify a training certificate").click()
    j.check("verify-form")
    page.get_by_label("Certificate code").fill(certificate.code)
    page.get_by_role("button", name="Verify").click()
    page.get_by_role("heading", name="Valid certificate").wait_for()
    j.check("verified")

    page.goto("/")
    page.locator("main").get_by_role("button", name="Sign in").click()
    j.check("sign-in")
    page.get_by_label("Email").fill(world.kh_member.email)
    page.get_by_label("Password").fill(f.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    # Signed in: the shell now has the navigation (folded into "Menu" on a phone).
    page.locator("details.nav-menu").wait_for(state="attached")
    assert urlsplit(page.url).path == "/"
    j.check("signed-in")
    j.done()
