"""Every member in their own language (issue 13): a member whose account is in Khmer or in
Thai walks the main journey in a real browser and meets no English, also where they write:
they register for a workshop they are invited to (first with travel dates the wrong way round
and a visa letter without a passport, refused, then right) and change their password (first
with a wrong current password). The refusals, each field's error and the confirmation shown
after saving are in their language too.

On each page the test reads every text of the page (text nodes, the texts of whole elements, and
the placeholder, title, aria-label, alt and button-value attributes, and the window title) and
fails on any that is a message of the site's English catalogue (the msgids of the Khmer
catalogue: each template or Python text the site can show), and on common English words of the
interface. The test's own data is written in the member's language, so that nothing written by
a user can pass for English; what is marked as being in another language (lang="...": the
language switcher, a resource's language names) is that language's and not looked at.

The second test saves a screenshot of the dashboard in each of the site's languages, desktop
(1366x800) and phone (390x844), under var/screenshots/i18n/ (git-ignored), and fails when the
page scrolls sideways or cuts off an element at an edge (fit.misfits) or a text is clipped (the
tall glyphs of Khmer and Burmese cut by a line height or a fixed height).
"""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from protectnet.access.markings import Marking
from protectnet.library.models import Resource
from protectnet.library.search.index import refresh_resource
from protectnet.workshops.models import Invitation, Registration
from tests import factories as f
from tests.e2e.conftest import browser_sign_in
from tests.e2e.fit import misfits
from tests.workshops.conftest import START, invite, make_workshop, register

LOCALE = Path(settings.BASE_DIR) / "protectnet" / "locale"
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots" / "i18n"
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1366, "height": 800}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}

# The test's data in each language: nothing here can be mistaken for the site's English.
DATA = {
    "km": {
        "person": "សុខ ចន្ទា",
        "organisation": "អង្គការការពារកុមារ សាកល្បង",
        "lead": "ទីភ្នាក់ងារ សាកល្បង",
        "workshop": "សិក្ខាសាលាតំបន់ ស្តីពីសុវត្ថិភាពតាមអនឡាញ",
        "other_workshop": "សិក្ខាសាលាតំបន់ ស្តីពីការបង្ការ",
        "invited_workshop": "សិក្ខាសាលាតំបន់ ស្តីពីការគាំទ្រជនរងគ្រោះ",
        "city": "ភ្នំពេញ",
        "venue": "សណ្ឋាគារ សាកល្បង",
        "address": "ផ្លូវ សាកល្បង លេខ ១",
        "resource": "ការថែរក្សា ភស្តុតាង តាមអនឡាញ",
        "summary": "សៀវភៅណែនាំ សម្រាប់ការសាកល្បង។",
        "word": "ភស្តុតាង",
        "series": "សិក្ខាសាលាថ្នាក់តំបន់ សាកល្បង",
    },
    "th": {
        "person": "สมชาย ใจดี",
        "organisation": "มูลนิธิคุ้มครองเด็ก ทดสอบ",
        "lead": "หน่วยงาน ทดสอบ",
        "workshop": "การประชุมเชิงปฏิบัติการระดับภูมิภาค ความปลอดภัยออนไลน์",
        "other_workshop": "การประชุมเชิงปฏิบัติการระดับภูมิภาค การป้องกัน",
        "invited_workshop": "การประชุมเชิงปฏิบัติการระดับภูมิภาค การช่วยเหลือผู้เสียหาย",
        "city": "พนมเปญ",
        "venue": "โรงแรม ทดสอบ",
        "address": "ถนน ทดสอบ เลขที่ 1",
        "resource": "การเก็บรักษา หลักฐาน ออนไลน์",
        "summary": "คู่มือ สำหรับการทดสอบ",
        "word": "หลักฐาน",
        "series": "ชุดการประชุมระดับภูมิภาค ทดสอบ",
    },
}

# Words of the interface that no translated page shows (matched as whole Latin words).
ENGLISH_WORDS = {
    "a", "about", "account", "add", "all", "and", "are", "at", "back", "by", "cancel", "change",
    "close", "dashboard", "date", "delete", "download", "edit", "email", "find", "for", "from",
    "help", "here", "home", "in", "is", "language", "library", "menu", "more", "my", "name", "new",
    "next", "no", "not", "of", "on", "open", "or", "passport", "password", "phone", "previous",
    "profile", "register", "registered", "resource", "resources", "save", "search", "see", "show",
    "sign", "the", "this", "to", "until", "valid", "view", "with", "workshop", "workshops", "you",
    "your",
}  # fmt: skip
# Kept as they are in every language: the product's name, file formats, the TLP labels.
# Codes (a badge's, a certificate's) are data: any word with a digit in it.
KEPT = re.compile(r"ProtectNet|PDF|CSV|ICS|TLP:[A-Z+]+|[\w.+-]+@[\w.-]+|https?://\S+|\b\w*\d\w*\b")

# Everything the page says to a person, with the language each text is marked in.
PAGE_TEXTS = """() => {
  const texts = [];
  const lang = el => (el.closest('[lang]') || document.documentElement).lang;
  const skip = el => el.closest('script, style, template, noscript');
  const clean = t => (t || '').replace(/\\s+/g, ' ').trim();
  // An element's text in its own language: what its descendants mark as another is theirs.
  const own = el => {
    const mine = lang(el);
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let text = '';
    for (let node; (node = walker.nextNode());) {
      const parent = node.parentElement;
      if (parent && !skip(parent) && lang(parent) === mine) text += node.nodeValue;
    }
    return clean(text);
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode());) {
    const el = node.parentElement;
    const text = clean(node.nodeValue);
    if (text && el && !skip(el)) texts.push([text, lang(el), el.tagName.toLowerCase(), true]);
  }
  for (const el of document.body.querySelectorAll('*')) {
    if (skip(el)) continue;
    const whole = own(el);
    if (whole && whole.length < 400) texts.push([whole, lang(el), el.tagName.toLowerCase(), false]);
    for (const name of ['placeholder', 'title', 'aria-label', 'alt', 'aria-description']) {
      const value = clean(el.getAttribute(name));
      if (value) texts.push([value, lang(el), `${el.tagName.toLowerCase()}[${name}]`, true]);
    }
    if (el.matches('input[type=submit], input[type=button], input[type=reset]')) {
      texts.push([clean(el.value), lang(el), 'input[value]', true]);
    }
  }
  texts.push([clean(document.title), document.documentElement.lang, 'title', true]);
  return texts;
}"""


def _entries(po: Path) -> dict[str, str]:
    """msgid -> msgstr of a catalogue (contexts and plurals: the singular and its first form)."""
    entries, key, field, value = {}, None, None, {}
    for line in [*po.read_text(encoding="utf-8").splitlines(), ""]:
        match = re.match(
            r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[0\])?|msgstr\[\d+\]) "(.*)"$', line
        )
        if match:
            field = match.group(1)
            value[field] = value.get(field, "") + _unquote(match.group(2))
        elif line.startswith('"') and field:
            value[field] += _unquote(line[1:-1])
        elif not line.strip() and value:
            key = value.get("msgid")
            if key:
                entries[key] = value.get("msgstr", value.get("msgstr[0]", ""))
                if value.get("msgid_plural"):
                    entries[value["msgid_plural"]] = value.get("msgstr[1]", entries[key])
            value, field = {}, None
    return entries


def _unquote(text: str) -> str:
    return text.replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def _english(language: str):
    """The English messages a page in `language` must not show: every msgid whose translation
    differs from it (a name kept as it is, like TLP:GREEN, is the same in both), as exact texts
    and, for those with a placeholder, as patterns."""
    exact, patterns = set(), []
    english = _entries(LOCALE / "km" / "LC_MESSAGES" / "django.po")
    translated = _entries(LOCALE / language / "LC_MESSAGES" / "django.po")
    for msgid in english:
        if translated.get(msgid, "") == msgid:
            continue
        text = " ".join(re.sub(r"<[^>]+>", "", msgid).split())
        if not re.search(r"[A-Za-z]{2}", PLACEHOLDER.sub("", text)):
            continue
        if PLACEHOLDER.search(text):
            parts = [re.escape(p) for p in PLACEHOLDER.split(text)]
            patterns.append(re.compile(".+?".join(parts)))
        else:
            exact.add(text)
    return exact, patterns


def _english_found(page, language: str, english) -> list[str]:
    exact, patterns = english
    found = set()
    for text, lang, where, single in page.evaluate(PAGE_TEXTS):
        if lang.split("-")[0] != language.split("-")[0]:
            continue  # marked as another language's: a language's own name, a fallback title
        if text in exact or any(p.fullmatch(text) for p in patterns):
            found.add(f"{where}: {text!r}")
            continue
        if not single:
            continue  # an element's whole text: its words are in its text nodes
        words = set(re.findall(r"[A-Za-z]+", KEPT.sub(" ", text)))
        if english_words := sorted(w for w in words if w.lower() in ENGLISH_WORDS):
            found.add(f"{where}: {text[:80]!r} has {', '.join(english_words)}")
    return sorted(found)


def _in_language(world, language: str):
    """The member's account in `language`, with a workshop they registered for, another open
    one, a third they are invited to and have not registered for yet, and a library resource:
    every name and title written in that language."""
    data = DATA[language]
    member = world.kh_member
    member.language = language
    member.save(update_fields=["language"])
    f.rename(member.person, data["person"])
    for organisation, name in (
        (world.kh_ngo, data["organisation"]),
        (world.uk_agency, data["lead"]),
    ):
        organisation.name = name
        organisation.save(update_fields=["name"])
    series = f.SeriesFactory(name=data["series"])
    place = {
        "series": series,
        "city": data["city"],
        "venue_name": data["venue"],
        "venue_address": data["address"],
    }
    workshop = make_workshop(world, title=data["workshop"], **place)
    other = make_workshop(world, edition=6, title=data["other_workshop"], **place)
    invited = make_workshop(world, edition=7, title=data["invited_workshop"], **place)
    invite(world, workshop, member.person)
    register(Invitation.objects.get(workshop=workshop, person=member.person))
    invite(world, invited, member.person)
    # Two resources, the second without the word the journey searches for.
    resource, unsought = (
        Resource.objects.create(
            title=title,
            summary=data["summary"],
            resource_type="guide",
            owner_organisation=world.kh_ngo,
            marking=Marking.GREEN,
        )
        for title in (data["resource"], data["series"])
    )
    refresh_resource(resource.pk)  # indexed as the library's services do
    refresh_resource(unsought.pk)
    return member, workshop, other, invited, resource


def _translated(language: str, *messages: str) -> list[str]:
    """The catalogue's `language` version of each English message, none left in English."""
    with translation.override(language):
        shown = [gettext(message) for message in messages]
    untranslated = [m for m, t in zip(messages, shown, strict=True) if m == t]
    assert not untranslated, f"no {language} translation of {untranslated}"
    return shown


@pytest.mark.parametrize("language", ["km", "th"])
def test_member_journey_shows_no_english(language, page, transactional_db, world):
    member, workshop, other, invited, resource = _in_language(world, language)
    data = DATA[language]
    english = _english(language)
    # The check itself: the sign-in page, in English until the account is known, is found out.
    page.goto("/accounts/login/")
    assert any("'Sign in'" in found for found in _english_found(page, "en", english))
    browser_sign_in(page, member.email, f.PASSWORD)
    problems = {}

    def look(step: str) -> None:
        page.wait_for_load_state("load")
        assert page.evaluate("document.documentElement.lang") == language, step
        if found := _english_found(page, language, english):
            problems[f"{step} ({page.url})"] = found

    page.locator("main h1").first.wait_for()
    look("dashboard")
    page.goto("/workshops/")
    page.get_by_role("link", name=data["other_workshop"]).first.wait_for()
    look("workshops")
    page.goto(f"/workshops/{other.pk}/")
    page.get_by_role("heading", name=data["other_workshop"]).first.wait_for()
    look("workshop")
    page.goto(f"/workshops/{workshop.pk}/")
    page.get_by_role("heading", name=data["workshop"]).first.wait_for()
    look("workshop-registered")
    page.goto("/workshops/mine/")
    page.locator("main").get_by_text(data["workshop"]).first.wait_for()
    look("my-workshops")
    page.goto("/library/")
    look("library")
    page.locator("main input[type=search]").first.fill(data["word"])
    page.locator("main input[type=search]").first.press("Enter")
    page.wait_for_url(re.compile(r"[?&]q="))
    # The results of the search, not the list the page opened with (which names both).
    results = page.locator("#results")
    expect(results.get_by_role("link", name=data["series"])).to_have_count(0)
    expect(results.get_by_role("link", name=data["resource"]).first).to_be_visible()
    look("library-search")
    page.goto(f"/library/{resource.pk}/")
    page.get_by_role("heading", name=data["resource"]).wait_for()
    look("resource")
    page.goto("/accounts/profile/")
    page.locator("input[name=language]:checked").wait_for(state="attached")
    look("profile")

    # Writing: registering for the workshop they are invited to. Refused first: departure before
    # arrival, and a visa letter asked for without the passport's details.
    corrections, before_arrival, visa_needs, saved = _translated(
        language,
        "Please correct the errors below.",
        "Departure cannot be before arrival.",
        "Needed for the visa invitation letter.",
        "Your registration was saved.",
    )
    page.goto(f"/workshops/{invited.pk}/me/")
    form = page.locator("main form").first
    expect(form.locator("input[name=arrival_on]")).to_be_visible()
    look("registration-form")
    form.locator("input[name=consent_participant_list]").check()
    form.locator("input[name=needs_visa_letter]").check()
    form.locator("input[name=arrival_on]").fill((START - timedelta(days=1)).isoformat())
    form.locator("input[name=departure_on]").fill((START - timedelta(days=3)).isoformat())
    form.locator("button[type=submit]").click()
    expect(page.locator("main .form-errors")).to_have_text(corrections)
    expect(page.locator("#id_departure_on_error")).to_have_text(before_arrival)
    expect(page.locator("#id_passport_number_error")).to_have_text(visa_needs)
    look("registration-refused")
    assert not Registration.objects.filter(workshop=invited).exists()
    # Then right: no visa letter, departure after the workshop.
    form = page.locator("main form").first
    form.locator("input[name=needs_visa_letter]").uncheck()
    form.locator("input[name=departure_on]").fill((START + timedelta(days=3)).isoformat())
    form.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_have_text(saved)
    look("registration-saved")
    assert Registration.objects.get(workshop=invited, person=member.person).is_active

    # The account: a new password, refused with a wrong current one, then saved.
    wrong_password, password_changed = _translated(
        language,
        "Your old password was entered incorrectly. Please enter it again.",
        "Your password has been changed.",
    )
    new_password = "lantern-harbour-sesame-71"
    page.goto("/accounts/password/")
    form = page.locator("main form").first
    expect(form.locator("input[name=old_password]")).to_be_visible()
    look("password-form")
    form.locator("input[name=old_password]").fill("not-the-password-0")
    form.locator("input[name=new_password1]").fill(new_password)
    form.locator("input[name=new_password2]").fill(new_password)
    form.locator("button[type=submit]").click()
    expect(page.locator("#id_old_password_error")).to_have_text(wrong_password)
    look("password-refused")
    form = page.locator("main form").first
    form.locator("input[name=old_password]").fill(f.PASSWORD)
    form.locator("input[name=new_password1]").fill(new_password)
    form.locator("input[name=new_password2]").fill(new_password)
    form.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_have_text(password_changed)
    look("password-changed")
    member.refresh_from_db()
    assert member.check_password(new_password)

    report = "\n".join(f"{step}:\n  " + "\n  ".join(found) for step, found in problems.items())
    assert not problems, f"English on the {language} pages:\n{report}"


# Text cut by an ancestor that hides its overflow: each text's own boxes (the font's full height,
# tall Khmer and Burmese glyphs included) against the box of every such ancestor.
CLIPPED = """() => {
  const found = [];
  const hides = v => v === 'hidden' || v === 'clip';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode());) {
    const text = node.nodeValue.trim();
    const el = node.parentElement;
    if (!text || !el || el.closest('script, style, template')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
    for (let up = el; up && up !== document.body; up = up.parentElement) {
      const style = getComputedStyle(up);
      const [x, y] = [hides(style.overflowX), hides(style.overflowY)];
      if (!x && !y) continue;
      const box = up.getBoundingClientRect();
      if (box.width <= 2 || box.height <= 2) break;  // visually hidden, for screen readers
      const inner = {
        top: box.top + up.clientTop, left: box.left + up.clientLeft,
        bottom: box.top + up.clientTop + up.clientHeight,
        right: box.left + up.clientLeft + up.clientWidth,
      };
      const cut = rects.some(r =>
        (y && (r.top < inner.top - 1 || r.bottom > inner.bottom + 1)) ||
        (x && (r.left < inner.left - 1 || r.right > inner.right + 1)));
      if (cut) {
        found.push(`"${text.slice(0, 40)}" cut by ${up.tagName.toLowerCase()}.${up.className}`);
        break;
      }
    }
  }
  return found;
}"""
# Lines too close for scripts with marks above and below the line (Khmer, Burmese): visible
# headings, paragraphs, links and buttons whose line height is under 1.4 times their font size.
TIGHT = """() => {
  const found = new Set();
  for (const el of document.querySelectorAll('h1, h2, h3, h4, p, li, a, button, label, dd, td')) {
    if (!el.checkVisibility() || !el.textContent.trim()) continue;
    const style = getComputedStyle(el);
    const ratio = parseFloat(style.lineHeight) / parseFloat(style.fontSize);
    if (ratio < 1.4) found.add(`${el.tagName.toLowerCase()} line height ${ratio.toFixed(2)}`);
  }
  return [...found];
}"""
TALL_SCRIPTS = {"km", "my"}
# The site header's entries past the right edge of its container (a bar too long for one line).
HEADER_OUT = """() => {
  const nav = document.querySelector('.site-header nav');
  const edge = nav.getBoundingClientRect().right - parseFloat(getComputedStyle(nav).paddingRight);
  return [...nav.querySelectorAll('a, button, summary')]
    .filter(el => el.checkVisibility() && el.getBoundingClientRect().right > edge + 1)
    .map(el => `header entry "${el.textContent.trim().slice(0, 30)}" passes the container`);
}"""


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_dashboard_in_every_language_fits_and_clips_no_text(
    viewport, browser, live_server, transactional_db, world
):
    member = world.kh_member
    context = browser.new_context(base_url=live_server.url, **VIEWPORTS[viewport])
    page = context.new_page()
    page.set_default_timeout(20_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems = {}
    try:
        browser_sign_in(page, member.email, f.PASSWORD)
        for code, _name in settings.LANGUAGES:
            member.language = code
            member.save(update_fields=["language"])
            page.goto("/")
            page.locator("main h1").first.wait_for()
            assert page.evaluate("document.documentElement.lang") == code
            found = page.evaluate(CLIPPED) + page.evaluate(HEADER_OUT)
            if code in TALL_SCRIPTS:
                found += page.evaluate(TIGHT)
            found += misfits(page)
            page.screenshot(path=str(SCREENSHOTS / f"{viewport}-{code}.png"), full_page=True)
            if found:
                problems[code] = found
    finally:
        context.close()
    report = "\n".join(f"{code}: {found}" for code, found in problems.items())
    assert not problems, f"the dashboard on {viewport}:\n{report}"
