"""The directory's detail pages start with the shared page header: breadcrumbs back through the
directory, the heading, and the line under it; a meeting's day in the language's date format."""

import re

from django.utils import translation
from django.utils.formats import date_format


def _crumbs(html: str) -> list[str]:
    nav = re.search(r'<nav class="breadcrumbs"[^>]*>(.*?)</nav>', html, re.S).group(1)
    return [re.sub(r"<[^>]+>", "", li).strip() for li in re.findall(r"<li>(.*?)</li>", nav, re.S)]


def _page(client, url: str) -> str:
    html = client.get(url).content.decode()
    assert 'class="breadcrumb"' not in html and "<hgroup>" not in html  # the old markup
    assert '<header class="page-header">' in html
    return html


def test_person_organisation_and_country_pages(d, login):
    client = login(d.admin)
    html = _page(client, f"/network/people/{d.shared.pk}/")
    assert _crumbs(html) == ["Directory", "Sok Sreymom"]
    html = _page(client, f"/network/organisations/{d.kh_ngo.pk}/")
    assert _crumbs(html) == ["Directory", "Organisations", str(d.kh_ngo)]
    assert "Cambodia</a>" in html  # the line under the heading links the country
    html = _page(client, f"/network/countries/{d.kh.code}/")
    assert _crumbs(html) == ["Directory", "Countries", "Cambodia"]


def test_panel_and_meeting_pages(d, login):
    client = login(d.admin)
    html = _page(client, f"/network/panels/{d.panel.pk}/")
    assert _crumbs(html) == ["Directory", "Countries", "Cambodia", "Cambodia advisory panel"]
    html = _page(client, f"/network/meetings/{d.green.pk}/")
    assert _crumbs(html)[-2:] == ["Cambodia advisory panel", "Open meeting"]
    with translation.override("en"):
        assert date_format(d.green.held_on, "DATE_FORMAT") in html
