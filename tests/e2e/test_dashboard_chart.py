"""The dashboard's trend chart reads on a 390 px phone and a desktop: every label of it is drawn
at 12 CSS px or more, none is clipped by the chart's edges, and the page still fits."""

import pytest

from protectnet.accounts.models import TOTPDevice
from tests.factories import PASSWORD

from .conftest import DEVICES, browser_sign_in
from .fit import misfits

# Each label as the reader sees it: its font size times the scale (and turn) the page and the
# chart's own transforms draw it at; and whether it passes an edge of the chart.
LABELS = """() => {
  const chart = document.querySelector('.trend-chart svg').getBoundingClientRect();
  return [...document.querySelectorAll('.trend-chart svg text')].map(text => {
    const m = text.getScreenCTM();
    const box = text.getBoundingClientRect();
    const inside = box.left >= chart.left - 1 && box.right <= chart.right + 1
      && box.top >= chart.top - 1 && box.bottom <= chart.bottom + 1;
    const px = Math.hypot(m.a, m.b) * parseFloat(getComputedStyle(text).fontSize);
    return {text: text.textContent, px: Math.round(px * 10) / 10, inside};
  });
}"""


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
        labels = page.evaluate(LABELS)
        assert len(labels) >= 8  # the axis, the periods and the legend
        assert [label for label in labels if label["px"] < 12] == []
        assert [label for label in labels if not label["inside"]] == []
        assert misfits(page) == []
    finally:
        context.close()
