"""The charts read on a 390 px phone and a desktop: the dashboard's trend chart, and those of the
alert statistics, the training capacity report and a workshop's report. Every label is drawn at
12 CSS px or more, none is clipped by its chart's edges, and the page still fits."""

import pytest

from protectnet.accounts.models import TOTPDevice
from protectnet.alerts import services as alert_services
from protectnet.training import services as training_services
from tests.alerts.conftest import alert_input
from tests.factories import PASSWORD
from tests.training.conftest import enrol, make_course, make_delivery
from tests.workshops.conftest import make_workshop

from .conftest import DEVICES, browser_sign_in
from .fit import misfits

# Each label as the reader sees it: its font size times the scale (and turn) the page and the
# chart's own transforms draw it at; and whether it passes an edge of the chart.
LABELS = """(selector) => [...document.querySelectorAll(selector)].flatMap(svg => {
  const chart = svg.getBoundingClientRect();
  return [...svg.querySelectorAll('text')].map(text => {
    const m = text.getScreenCTM();
    const box = text.getBoundingClientRect();
    const inside = box.left >= chart.left - 1 && box.right <= chart.right + 1
      && box.top >= chart.top - 1 && box.bottom <= chart.bottom + 1;
    const px = Math.hypot(m.a, m.b) * parseFloat(getComputedStyle(text).fontSize);
    const title = svg.getAttribute('aria-label');
    return {chart: title, text: text.textContent, px: Math.round(px * 10) / 10, inside};
  });
})"""


@pytest.mark.parametrize("device", list(DEVICES))
# An officer's chart has two series by month; a focal point's one series by quarter.
@pytest.mark.parametrize("role", ["kh_le", "kh_focal"])
def test_the_trend_chart_labels_are_legible(
    browser, live_server, transactional_db, world, role, device
):
    user = getattr(world, role)
    context = browser.new_context(base_url=live_server.url, **DEVICES[device])
    try:
        page = context.new_page()
        second = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        browser_sign_in(page, user.email, PASSWORD, totp_device=second)
        page.locator(".trend-chart svg").wait_for()
        labels = page.evaluate(LABELS, ".trend-chart svg")
        assert len(labels) >= 8  # the axis, the periods and the legend
        assert [label for label in labels if label["px"] < 12] == []
        assert [label for label in labels if not label["inside"]] == []
        assert misfits(page) == []
    finally:
        context.close()


@pytest.fixture
def reports(transactional_db, world):
    """Something for each chart to show: alerts sent, a delivery attended, a workshop."""
    for recipients in ([world.kh_police, world.th_police], [world.kh_police], [world.th_police]):
        alert_services.alert_create(actor=world.uk_le, data=alert_input(recipients), send=True)
    course = make_course(world)
    delivery = make_delivery(world, course)
    enrolment = enrol(world, delivery, world.guest, world.kh_ngo)
    for day in delivery.days:
        training_services.attendance_record(
            actor=world.trainer, delivery=delivery, day=day, present_ids={enrolment.pk}
        )
    return make_workshop(world)


@pytest.mark.parametrize("device", list(DEVICES))
def test_report_chart_labels_are_legible(browser, live_server, world, reports, device):
    pages = {
        world.uk_le: ["/alerts/statistics/"],
        world.admin: ["/training/capacity/", f"/workshops/{reports.pk}/report/"],
    }
    problems, charts = {}, 0
    for user, urls in pages.items():
        context = browser.new_context(base_url=live_server.url, **DEVICES[device])
        try:
            page = context.new_page()
            second = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            browser_sign_in(page, user.email, PASSWORD, totp_device=second)
            for url in urls:
                page.goto(url)
                labels = page.evaluate(LABELS, ".chart svg")
                charts += len({label["chart"] for label in labels})
                found = [label for label in labels if label["px"] < 12 or not label["inside"]]
                if found or misfits(page):
                    problems[url] = found + misfits(page)
        finally:
            context.close()
    # Alerts: type, origin, destination, month; training: four; the workshop: four.
    assert charts >= 10
    assert problems == {}
