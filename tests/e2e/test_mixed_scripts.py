"""Khmer inside a page in another language: a course title and summary given in Khmer, read on an
English page (`?lang=km`), get the same room between lines as on a Khmer page (design.css gives
every element marked lang="km" or lang="my" the taller line height, not only a Khmer page),
while the English page's own headings keep their look."""

import pytest

from tests import factories as f
from tests.e2e.conftest import browser_sign_in
from tests.training.conftest import make_course

pytestmark = pytest.mark.django_db(transaction=True)

KHMER_TITLE = "ការស៊ើបអង្កេតតាមអ៊ីនធឺណិតសម្រាប់ប៉ូលីស"
KHMER_SUMMARY = "របៀបដែលជនល្មើសប្រើបច្ចេកវិទ្យាដើម្បីរំលោភបំពានលើកុមារ"
# Line height over font size of the first visible element matching the selector.
RATIO = """(selector) => {
  const el = [...document.querySelectorAll(selector)].find(e => e.checkVisibility());
  const style = getComputedStyle(el);
  return parseFloat(style.lineHeight) / parseFloat(style.fontSize);
}"""


def _ratios(page, url: str) -> dict[str, float]:
    page.goto(url)
    page.locator("main h1").first.wait_for()
    return {
        "title": page.evaluate(RATIO, "main h1"),
        # The summary: the only paragraph of the page marked with its language.
        "summary": page.evaluate(RATIO, "main p[lang]"),
    }


def test_khmer_on_an_english_page_gets_the_khmer_pages_line_height(page, world):
    course = make_course(world)
    course.title_km, course.summary_km = KHMER_TITLE, KHMER_SUMMARY
    course.save(update_fields=["title_km", "summary_km"])
    member = world.kh_member
    browser_sign_in(page, member.email, f.PASSWORD)
    url = f"/training/courses/{course.pk}/"

    english = _ratios(page, url)
    assert page.evaluate("document.documentElement.lang") == "en"
    # "Also in: ខ្មែរ" on the English page: an inline Khmer word in an English paragraph.
    also_in = page.evaluate(RATIO, '.also-in a[lang="km"]')
    in_khmer = _ratios(page, f"{url}?lang=km")
    assert page.locator("main h1").get_attribute("lang") == "km"
    assert page.locator("main h1").inner_text() == KHMER_TITLE

    member.language = "km"
    member.save(update_fields=["language"])
    khmer = _ratios(page, url)
    assert page.evaluate("document.documentElement.lang") == "km"

    assert in_khmer["title"] >= khmer["title"] - 0.01, (in_khmer, khmer)
    assert in_khmer["summary"] >= khmer["summary"] - 0.01, (in_khmer, khmer)
    assert also_in >= khmer["summary"] - 0.01, (also_in, khmer)
    # The English page's own heading keeps Pico's tight line height.
    assert english["title"] == pytest.approx(1.125, abs=0.01)
