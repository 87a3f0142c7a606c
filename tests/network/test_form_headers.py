"""The directory's form and task pages (edit, vetting, erase, invite, import, duplicates, merge,
panels and meetings, focal points) start with the shared page header, as its detail pages do:
breadcrumbs back through the directory ending on the page itself, then the heading."""

import re

import pytest

from .conftest import person_in
from .test_detail_headers import _crumbs, _page
from .test_import import GOOD, HEADER, _batch_id, _upload

PERSON = "/network/people/{shared}/"


def _current(html: str) -> str:
    return re.search(r'<span aria-current="page">(.*?)</span>', html).group(1)


@pytest.mark.parametrize(
    ("url", "crumbs"),
    [
        ("/network/people/new/", ["Directory", "Add a person"]),
        (PERSON + "edit/", ["Directory", "Sok Sreymom", "Edit Sok Sreymom"]),
        (PERSON + "memberships/new/", ["Directory", "Sok Sreymom", "Add a membership for"]),
        (PERSON + "invite/", ["Directory", "Sok Sreymom", "Invite Sok Sreymom to an account"]),
        (PERSON + "erase/", ["Directory", "Sok Sreymom", "Erase personal data"]),
        (PERSON + "vetting/", ["Directory", "Sok Sreymom", "Vetting"]),
        ("/network/organisations/new/", ["Directory", "Organisations", "Add an organisation"]),
        ("/network/organisations/{org}/edit/", ["Directory", "Organisations", "Edit "]),
        ("/network/panels/{panel}/edit/", ["Directory", "Countries", "Cambodia", "Edit "]),
        ("/network/panels/{panel}/members/new/", ["Directory", "Countries", "Cambodia", "", ""]),
        ("/network/panels/{panel}/meetings/new/", ["Directory", "Countries", "Cambodia", "", ""]),
        ("/network/meetings/{meeting}/edit/", ["Directory", "Countries", "Cambodia", "", ""]),
        ("/network/countries/KH/focal-points/new/", ["Directory", "Countries", "Cambodia", ""]),
        ("/network/import/", ["Directory", "Import organisations or people"]),
        ("/network/people/duplicates/", ["Directory", "Possible duplicates"]),
    ],
)
def test_directory_task_pages_lead_back_through_the_directory(d, login, url, crumbs):
    path = url.format(shared=d.shared.pk, org=d.kh_ngo.pk, panel=d.panel.pk, meeting=d.green.pk)
    html = _page(login(d.admin), path)
    shown = _crumbs(html)
    assert len(shown) == len(crumbs), shown
    assert all(s.startswith(c) for s, c in zip(shown, crumbs, strict=True)), shown
    # The last crumb is the page itself, marked as current; every other one links back.
    assert shown[-1] == _current(html).replace("&#x27;", "'")
    assert html.count("<li><a href=") >= len(crumbs) - 1


def test_import_preview_and_a_line_to_fix_lead_back_through_the_import(d, login):
    client = login(d.kh_focal)
    batch = _batch_id(_upload(client, HEADER + GOOD + "No Country,nc@example.test,,X,XX,,,\n"))
    html = _page(client, f"/network/import/{batch}/")
    assert _crumbs(html) == ["Directory", "Import a file", "Import preview"]
    assert '<p class="lead">people.csv · People</p>' in html
    html = _page(client, f"/network/import/{batch}/rows/1/")
    assert _crumbs(html) == ["Directory", "Import a file", "Import preview", "Fix line 3"]


def test_the_merge_page_leads_back_through_the_possible_duplicates(d, login):
    twin = person_in(d.kh_ngo, "Sok Sreymom")
    html = _page(login(d.admin), f"/network/people/{twin.pk}/merge/?into={d.shared.pk}")
    assert _crumbs(html) == ["Directory", "Possible duplicates", "Merge two entries"]
    assert re.search(r"<h1>Merge into Sok Sreymom", html)
