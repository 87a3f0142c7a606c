"""The design system: the shell's navigation split, one date format per language, breadcrumbs and
tabs, link text from a URL's site, and the /design/ page for network admins only."""

import re
from datetime import UTC, date, datetime

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from protectnet.core.templatetags import ui
from tests.core.test_pages_and_headers import assert_no_inline_code


def _bar_and_more(html: str) -> tuple[str, str]:
    """The one-line bar of wide screens, and what it holds under "More"."""
    bar = html[html.index('<ul class="shell-wide">') : html.index('<details class="nav-menu">')]
    more = bar[bar.index("shell-more") :] if "shell-more" in bar else ""
    return bar[: len(bar) - len(more)], more


def test_a_vetted_officer_finds_alerts_on_the_bar_and_the_language_check_beside_it(world, login):
    bar, more = _bar_and_more(login(world.kh_le).get("/library/").content.decode())
    assert 'href="/alerts/"' in bar
    assert 'href="/terminology/' in bar + more
    assert 'href="/" class="brand"' in login(world.kh_le).get("/library/").content.decode()


def test_an_admin_finds_reports_and_the_audit_log_under_more_and_is_told_where_the_page_is(
    world, login
):
    client = login(world.admin)
    bar, more = _bar_and_more(client.get("/library/").content.decode())
    assert 'href="/reports/"' in more and "/audit/" in more
    assert 'href="/library/" aria-current="page"' in bar
    _, more_on_reports = _bar_and_more(client.get("/reports/").content.decode())
    assert "the current page is in here" in more_on_reports


def test_the_phone_menu_lists_every_entry_of_the_bar_and_its_more_without_a_more(world, login):
    html = login(world.admin).get("/library/").content.decode()
    bar, more = _bar_and_more(html)
    menu = html[html.index('<details class="nav-menu">') : html.index("</nav>")]
    links = re.findall(r'href="([^"]+)"', bar + more)
    # The dashboard, reached through the site's name on the bar, is an entry of its own here.
    assert links and re.findall(r'href="([^"]+)"', menu) == ["/", *links]
    assert "shell-more" not in menu and 'href="/library/" aria-current="page"' in menu
    assert "Sign out" in menu and "My account" in menu


@pytest.mark.parametrize(
    ("language", "shown"),
    [("en", "4 Mar 2025"), ("th", "4 มีนาคม 2025")],
)
def test_a_day_has_one_format_per_language_and_a_machine_date(language, shown):
    with translation.override(language):
        html = ui.day(date(2025, 3, 4))
    assert html == f'<time datetime="2025-03-04">{shown}</time>'


def test_a_moment_shows_date_and_time_and_keeps_the_offset():
    with translation.override("en"):
        html = ui.moment(datetime(2025, 3, 4, 9, 5, tzinfo=UTC))
    assert html == '<time datetime="2025-03-04T09:05+00:00">4 Mar 2025, 09:05</time>'


def test_no_date_renders_nothing_so_a_default_can_follow():
    rendered = Template('{% load ui %}{{ none|moment|default:"—" }}').render(Context({}))
    assert rendered == "—"


def test_breadcrumbs_end_on_the_current_page_and_tabs_know_theirs():
    request = RequestFactory().get("/b/")
    html = Template(
        "{% load ui %}{% crumbs 'Home' '/' 'Here' as trail %}{% tabs 'A' '/a/' 'B' '/b/' as t %}"
        '{% include "components/page_header.html" with title="Here" breadcrumbs=trail tabs=t %}'
    ).render(Context({"request": request}))
    assert '<nav class="breadcrumbs" aria-label="Breadcrumb">' in html
    assert '<span aria-current="page">Here</span>' in html
    assert '<a href="/b/" aria-current="page">B</a>' in html
    assert '<a href="/a/">A</a>' in html


def test_link_text_names_the_site_not_the_raw_address():
    assert ui.host("https://www.example.org/guide?x=1") == "example.org"
    assert ui.host("/library/12/") == "ProtectNet"


def test_a_badge_says_its_meaning_in_words_with_a_hidden_shape():
    html = Template(
        '{% include "components/badge.html" with label="Overdue" tone="danger" %}'
    ).render(Context({}))
    assert 'class="badge badge-danger"' in html and "Overdue" in html
    assert 'aria-hidden="true"' in html


def test_the_design_page_shows_every_component_to_an_admin(world, login):
    response = login(world.admin).get("/design/")
    assert response.status_code == 200
    content = response.content.decode()
    for part in ('aria-label="Breadcrumb"', 'class="tabs"', "badge-warning", "empty-state"):
        assert part in content
    assert '<table class="stack">' in content and 'data-label="Status"' in content
    assert '<time datetime="2025-03-04">4 Mar 2025</time>' in content
    assert_no_inline_code(response.content)


def test_the_design_page_shows_the_searchable_pickers_the_real_forms_use(world, login):
    content = login(world.admin).get("/design/").content.decode()
    # One person and several organisations, searched like the real forms' (core/picker.py);
    # without JavaScript each is the plain select of its choices.
    person = re.search(r'<div class="picker" data-picker data-picker-url="/pick/person/">', content)
    partners = re.search(
        r'<div class="picker" data-picker data-picker-url="/pick/organisation/" '
        r"data-picker-multiple>",
        content,
    )
    assert person and partners
    picker = content[person.start() : content.index("</div>", person.start())]
    assert '<select name="person"' in picker and "Dara Sok (Harbour Light NGO)" in picker
    assert '<label for="id_person">Person' in content


def test_the_design_page_shows_every_status_in_the_tone_its_app_declared(world, login):
    content = login(world.admin).get("/design/").content.decode()
    section = content[content.index('id="statuses-heading"') :]
    for tone, words in [
        ("success", "Registered"),
        ("danger", "Cancelled"),
        ("warning", "Nominated (awaiting approval)"),
        ("success", "Checked in"),
        ("danger", "Not done"),
    ]:
        assert re.search(
            rf'class="badge badge-{tone}"><span[^>]*>[^<]+</span>{re.escape(words)}<', section
        ), words
    for title in ("Workshops", "Nominations", "Registrations", "Outcomes"):
        assert f"<h3>{title}</h3>" in section


@pytest.mark.parametrize("role", ["kh_focal", "kh_member", "guest"])
def test_the_design_page_is_refused_to_everyone_else(world, login, role):
    assert login(getattr(world, role)).get("/design/").status_code == 403


def test_every_page_links_the_favicon(world, login):
    assert b'rel="icon" href="/static/img/favicon.svg"' in login(world.kh_member).get("/").content
