"""A workshop's pages give each date in the reader's language's one format (docs/design.md,
"Dates"): English "4 Mar 2030", Thai "4 มีนาคม 2030", never a format of the page's own such as
"Monday 4 March 2030". The audit log keeps its seconds, in the language's format too."""

from datetime import date

import pytest
from django.utils import translation
from django.utils.formats import date_format

from protectnet.access import audit
from protectnet.access.models import AuditEntry
from protectnet.workshops.models import Outcome

from .conftest import START

DUE = date(2030, 9, 15)


@pytest.fixture
def outcome(world, ws):
    return Outcome.objects.create(
        workshop=ws.workshop,
        kind="initiative",
        title="Hotline",
        owner_organisation=world.kh_ngo,
        contact=world.kh_member.person,
        due_on=DUE,
    )


def _pages(ws) -> list[str]:
    w = f"/workshops/{ws.workshop.pk}/"
    return ["/workshops/", w, f"{w}agenda/", f"{w}outcomes/", f"{w}report/"]


def _shown(value, language: str) -> str:
    with translation.override(language):
        return date_format(value, "DATE_FORMAT")


@pytest.mark.parametrize("language", ["en", "th"])
def test_workshop_pages_show_dates_in_the_language_format(world, ws, outcome, login, language):
    client = login(world.admin)
    start = f'<time datetime="{START.isoformat()}">{_shown(START, language)}</time>'
    for url in _pages(ws):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert start in html or url.endswith("outcomes/"), url
        # The forms the pages spelled themselves: "4 Mar 2030" in Thai, "Monday 4 March 2030".
        assert "March 2030" not in html, url
        if language != "en":
            assert "4 Mar 2030" not in html, url
    outcomes = client.get(_pages(ws)[3], HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f'<time datetime="{DUE.isoformat()}">{_shown(DUE, language)}</time>' in outcomes


def test_the_thai_format_names_the_month_in_thai(world, ws, login):
    html = login(world.admin).get(f"/workshops/{ws.workshop.pk}/", HTTP_ACCEPT_LANGUAGE="th")
    assert "4 มีนาคม 2030" in html.content.decode()


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_audit_log_gives_its_seconds_in_the_language_format(world, login, language):
    audit.record("test.event", actor=world.kh_member)
    entry = AuditEntry.objects.latest("pk")
    client = login(world.admin)
    html = client.get("/audit/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    with translation.override(language):
        shown = date_format(entry.created_at, "DATE_FORMAT")
    seconds = entry.created_at.strftime("%H:%M:%S")
    assert f'<time datetime="{entry.created_at.isoformat(timespec="seconds")}">' in html
    assert f"{shown}, {seconds}</time>" in html
    assert entry.created_at.strftime("%Y-%m-%d %H:%M:%S") not in html
