"""Browser journey: a trainee takes the post-test on a phone and downloads the certificate; a
stranger verifies it through the public page the QR code opens, and sees a revocation at once."""

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from protectnet.training import services
from protectnet.training.models import Certificate
from tests.factories import PASSWORD
from tests.training.conftest import enrol, make_course, make_delivery, reload

from .axe import serious_violations
from .conftest import DEVICES, browser_sign_in
from .fit import misfits


@pytest.fixture
def cohort(transactional_db, world):
    course = make_course(world)
    delivery = make_delivery(world, course)
    enrolment = enrol(world, delivery, world.guest, world.kh_ngo)
    for day in delivery.days:
        services.attendance_record(
            actor=world.trainer, delivery=delivery, day=day, present_ids={enrolment.pk}
        )
    return course, delivery, enrolment


def test_trainee_takes_the_post_test_on_a_phone_and_a_stranger_verifies(
    cohort, world, phone_page, page
):
    course, delivery, enrolment = cohort
    phone = phone_page
    browser_sign_in(phone, world.guest.email, PASSWORD)
    phone.goto("/training/mine/")
    phone.get_by_role("link", name=course.title).click()
    phone.get_by_role("link", name="Post-test").click()
    expect(phone.get_by_role("heading", name="Post-test")).to_be_visible()
    assert misfits(phone) == []
    assert phone.locator("text=✓").count() == 0  # no answer key before submitting
    phone.get_by_label("No: isolate it and document it").check()
    phone.get_by_label("Record URL and time").check()
    phone.get_by_label("Hash the files").check()
    phone.get_by_label("CSAM").check()
    phone.get_by_role("button", name="Submit my answers").click()
    expect(phone.get_by_text("Your score: 3 of 3 (100.0%).")).to_be_visible()
    assert phone.locator("text=✓ correct").count() == 4

    services.delivery_completion_mark(actor=world.trainer, delivery=delivery)
    phone.goto("/training/mine/")
    with phone.expect_download() as download_info:
        phone.get_by_role("link", name="Download (PDF)").click()
    pdf = download_info.value
    data = open(pdf.path(), "rb").read()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert world.guest.person.full_name in text and course.title in text

    # A stranger (not signed in) opens the address the QR code carries.
    cert = Certificate.objects.get(enrolment=enrolment)
    page.goto(f"/training/verify/{cert.code}/")
    expect(page.get_by_role("heading", name="Valid certificate")).to_be_visible()
    expect(page.get_by_text(world.guest.person.full_name)).to_be_visible()
    assert page.get_by_text(world.guest.email).count() == 0

    services.certificate_revoke(
        actor=world.trainer, certificate=reload(enrolment).certificate, reason="Issued in error"
    )
    page.reload()
    expect(page.get_by_role("heading", name="This certificate was revoked")).to_be_visible()

    # Typing the code into the form works too, without JavaScript-only controls.
    page.goto("/training/verify/")
    page.get_by_label("Certificate code").fill(cert.code)
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("heading", name="This certificate was revoked")).to_be_visible()


def test_training_pages_have_no_serious_accessibility_violations(
    cohort, world, browser, live_server
):
    course, delivery, enrolment = cohort
    pages = {
        world.trainer: [
            "/training/",
            f"/training/courses/{course.pk}/",
            f"/training/courses/{course.pk}/questions/",
            f"/training/courses/{course.pk}/edit/",
            f"/training/deliveries/{delivery.pk}/",
            f"/training/deliveries/{delivery.pk}/attendance/{delivery.start_date.isoformat()}/",
            "/training/capacity/",
        ],
        world.guest: [
            "/training/mine/",
            f"/training/enrolments/{enrolment.pk}/test/pre/",
            f"/training/enrolments/{enrolment.pk}/evaluation/",
        ],
        None: ["/training/verify/", "/training/verify/no-such-code/"],
    }
    problems = {}
    for user, urls in pages.items():
        # bypass_csp only so that axe-core can be injected; the app sets the CSP.
        context = browser.new_context(base_url=live_server.url, bypass_csp=True)
        tab = context.new_page()
        if user is not None:
            browser_sign_in(tab, user.email, PASSWORD)
        for url in urls:
            tab.goto(url)
            found = serious_violations(tab)
            if found:
                problems[url] = found
        context.close()
    assert problems == {}


# Each row of action buttons in the page's main part: the box of every target in it, and where
# the next block starts (the row must leave room before the heading under it).
ACTION_ROWS = """() => [...document.querySelectorAll('main .actions')]
  .filter(row => row.getClientRects().length)
  .map(row => ({
    targets: [...row.querySelectorAll('a[href], button')].map(el => {
      const box = el.getBoundingClientRect();
      const name = el.innerText.trim().split('\\n')[0];
      return {name, left: box.left, right: box.right, top: box.top, bottom: box.bottom};
    }),
    next: row.nextElementSibling && row.nextElementSibling.getBoundingClientRect().top,
  }))"""


def _overlap(a: dict, b: dict) -> bool:
    return min(a["right"], b["right"]) - max(a["left"], b["left"]) > 0.5 and (
        min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 0.5
    )


def _row_problems(row: dict) -> list[str]:
    """WCAG 2.2 target size (24 by 24 CSS px), no target over another, and room under the row."""
    targets = row["targets"]
    found = [
        f'"{t["name"]}" is {t["right"] - t["left"]:.0f}x{t["bottom"] - t["top"]:.0f} px'
        for t in targets
        if t["right"] - t["left"] < 24 or t["bottom"] - t["top"] < 24
    ]
    found += [
        f'"{a["name"]}" overlaps "{b["name"]}"'
        for i, a in enumerate(targets)
        for b in targets[i + 1 :]
        if _overlap(a, b)
    ]
    # Pico's block spacing is 16 px or more; a row touching the heading under it reads as one.
    if row["next"] is not None and row["next"] - max(t["bottom"] for t in targets) < 8:
        found.append("no room between the row and the block under it")
    return found


@pytest.mark.parametrize("device", list(DEVICES))
def test_trainer_action_buttons_keep_apart_and_large_enough(
    cohort, world, browser, live_server, device
):
    course, delivery, _enrolment = cohort
    context = browser.new_context(base_url=live_server.url, **DEVICES[device])
    tab = context.new_page()
    browser_sign_in(tab, world.trainer.email, PASSWORD)
    problems, rows = {}, 0
    for url in (
        "/training/",
        f"/training/courses/{course.pk}/",
        f"/training/courses/{course.pk}/questions/",
        f"/training/deliveries/{delivery.pk}/",
    ):
        tab.goto(url)
        for row in tab.evaluate(ACTION_ROWS):
            rows += 1
            if found := _row_problems(row):
                problems.setdefault(url, []).extend(found)
    context.close()
    assert rows >= 6  # the catalogue, the course, three questions, the delivery's manage row
    assert problems == {}


# The question bank's row under each question: the Edit link and the Retire and Delete buttons.
QUESTION_ACTIONS = """() => [...document.querySelectorAll('main li .actions')].map(row =>
  [...row.querySelectorAll('a[href], button')].map(el => {
    const box = el.getBoundingClientRect();
    return {name: el.innerText.trim().split('\\n')[0], height: box.height};
  }))"""


@pytest.mark.parametrize("device", list(DEVICES))
def test_question_bank_actions_are_one_size_and_large_enough_to_touch(
    cohort, world, browser, live_server, device
):
    course, _delivery, _enrolment = cohort
    context = browser.new_context(base_url=live_server.url, **DEVICES[device])
    tab = context.new_page()
    browser_sign_in(tab, world.trainer.email, PASSWORD)
    tab.goto(f"/training/courses/{course.pk}/questions/")
    rows = tab.evaluate(QUESTION_ACTIONS)
    context.close()
    assert rows and all([t["name"] for t in row] == ["Edit", "Retire", "Delete"] for row in rows)
    for row in rows:
        heights = [t["height"] for t in row]
        assert min(heights) >= 44, row  # design.md: 44 px targets on touch
        assert max(heights) - min(heights) <= 1, row
