"""Readers see each text in their language, the original where it has none, and which other
languages it exists in; every block says its language, since one page mixes scripts."""

import re

from .conftest import KM_TITLE, TH_TITLE, reader


def _h1(html: str) -> str:
    return re.search(r"<h1[^>]*>.*?</h1>", html, re.S).group(0)


def test_a_khmer_reader_sees_the_khmer_title_marked_as_khmer(world, content, login):
    html = reader(login, world.kh_member, "km").get(f"/workshops/{content.workshop.pk}/")
    heading = _h1(html.content.decode())
    assert KM_TITLE in heading and 'lang="km"' in heading


def test_the_original_is_shown_where_no_khmer_version_exists(world, content, login):
    html = reader(login, world.kh_member, "km").get(f"/training/courses/{content.course.pk}/")
    heading = _h1(html.content.decode())
    assert "Online investigations for police" in heading and 'lang="en"' in heading


def test_an_english_reader_sees_the_original(world, content, login):
    html = reader(login, world.kh_member, "en").get(f"/workshops/{content.workshop.pk}/")
    assert "Regional workshop on child protection" in _h1(html.content.decode())


def test_also_in_lists_the_other_versions_in_their_own_script(world, content, login):
    html = reader(login, world.kh_member, "en").get(f"/workshops/{content.workshop.pk}/")
    line = re.search(r'<p class="also-in">.*?</p>', html.content.decode(), re.S).group(0)
    assert '<a href="?lang=km" lang="km" hreflang="km">ខ្មែរ</a>' in line
    assert '<a href="?lang=th" lang="th" hreflang="th">ไทย</a>' in line
    assert "?lang=en" not in line  # the version already shown


def test_a_khmer_reader_is_offered_the_english_original(world, content, login):
    html = reader(login, world.kh_member, "km").get(f"/workshops/{content.workshop.pk}/")
    line = re.search(r'<p class="also-in">.*?</p>', html.content.decode(), re.S).group(0)
    assert "?lang=en" in line and "?lang=km" not in line


def test_lang_switches_only_the_content_of_the_page(world, content, login):
    page = reader(login, world.kh_member, "en").get(f"/workshops/{content.workshop.pk}/?lang=th")
    html = page.content.decode()
    assert TH_TITLE in _h1(html) and 'lang="th"' in _h1(html)
    assert '<html lang="en"' in html  # the page itself stays in the reader's language


def test_an_unknown_lang_shows_the_readers_version(world, content, login):
    page = reader(login, world.kh_member, "en").get(f"/workshops/{content.workshop.pk}/?lang=xx")
    assert "Regional workshop on child protection" in _h1(page.content.decode())


def test_no_also_in_line_for_a_text_without_translations(world, content, login):
    html = reader(login, world.kh_member, "en").get(f"/library/{content.resource.pk}/")
    assert html.status_code == 200 and "also-in" not in html.content.decode()


def test_agenda_shows_session_titles_in_the_readers_language(world, content, login):
    html = reader(login, world.kh_member, "km").get(f"/workshops/{content.workshop.pk}/agenda/")
    assert '<span lang="km">ពិធីបើក</span>' in html.content.decode()


def test_lists_mark_each_title_with_its_language(world, content, login):
    html = reader(login, world.kh_member, "th").get("/training/").content.decode()
    assert 'lang="th">การสืบสวนออนไลน์สำหรับตำรวจ</a>' in html
