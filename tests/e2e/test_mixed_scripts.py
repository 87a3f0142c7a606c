"""Khmer inside a page in another language: a course title and summary given in Khmer, read on an
English page (`?lang=km`), get the same room between lines as on a Khmer page (design.css gives
every element marked lang="km" or lang="my" the taller line height, not only a Khmer page),
while the English page's own headings keep their look. Hong Kong Chinese, on a zh-hant page or
marked zh-hant on an English one, is drawn in the Traditional CJK faces (Hong Kong's first),
checked against the fonts chromium really used."""

import pytest
from playwright.sync_api import expect

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


HONG_KONG_TITLE = "網上兒童性剝削調查課程"
# The faces that give Chinese characters their Traditional (Hong Kong, then Taiwan) shapes.
TRADITIONAL_FACES = ('"Noto Sans CJK HK"', '"Noto Sans CJK TC"')


def _used_fonts(page, selector: str) -> set[str]:
    """The fonts chromium really drew the element's own text with (not the CSS list asked for)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    cdp.detach()
    return {font["familyName"] for font in fonts}


def _font_family(page, selector: str) -> str:
    return page.evaluate("(s) => getComputedStyle(document.querySelector(s)).fontFamily", selector)


def test_hong_kong_chinese_is_set_in_the_traditional_faces(page, world):
    course = make_course(world)
    course.title_zh_hant = HONG_KONG_TITLE
    course.save(update_fields=["title_zh_hant"])
    member = world.kh_member
    browser_sign_in(page, member.email, f.PASSWORD)
    url = f"/training/courses/{course.pk}/"

    # An English page: its own text keeps Pico's faces; the "Also in: 繁體中文" link, marked
    # zh-hant, is set in the Hong Kong face.
    page.goto(url)
    page.locator("main h1").first.wait_for()
    assert page.evaluate("document.documentElement.lang") == "en"
    assert _font_family(page, "main h1").startswith("system-ui")
    assert _font_family(page, '.also-in a[lang="zh-hant"]').startswith(TRADITIONAL_FACES)
    assert _used_fonts(page, '.also-in a[lang="zh-hant"]') == {"Noto Sans CJK HK"}

    # The page in Hong Kong Chinese: the html element says zh-hant, and the title and the
    # page's own words are drawn in the Hong Kong face, not the Simplified one.
    member.language = "zh-hant"
    member.save(update_fields=["language"])
    page.goto(url)
    expect(page.locator("main h1")).to_have_text(HONG_KONG_TITLE)
    assert page.evaluate("document.documentElement.lang") == "zh-hant"
    for selector in ("body", "main h1", "main dt", ".also-in"):
        assert _font_family(page, selector).startswith(TRADITIONAL_FACES), selector
    # The title, and "主辦機構" ("Delivered by"), a text of the page's own.
    assert _used_fonts(page, "main h1") == {"Noto Sans CJK HK"}
    assert _used_fonts(page, "main dt") == {"Noto Sans CJK HK"}
    # The English original's name in that line stays marked English, in Pico's faces.
    assert _font_family(page, '.also-in a[lang="en"]').startswith("system-ui")
