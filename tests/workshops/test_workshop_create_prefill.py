"""Creating a workshop starts filled in: the series' next edition, the host country's time
zone; without JavaScript (initial values, or left empty and filled on saving) and with htmx."""

import re

import pytest

from protectnet.workshops.models import Workshop
from protectnet.workshops.zones import time_zone_for

from .conftest import make_workshop


def _value(html: str, name: str) -> str:
    found = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', html)
    return found.group(1) if found else ""


def _selected(html: str, name: str) -> str:
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    found = re.search(r'<option value="([^"]*)"[^>]*selected', select)
    return found.group(1) if found else ""


def test_new_workshop_starts_with_the_next_edition_of_the_latest_series(world, ws, login):
    make_workshop(world, edition=7, status="completed")
    html = login(world.admin).get("/workshops/new/").content.decode()
    assert _selected(html, "series") == str(ws.workshop.series_id)
    assert _value(html, "edition") == "8"


def test_host_country_asked_for_gives_its_time_zone(world, ws, login):
    html = login(world.admin).get(f"/workshops/new/?host_country={world.th.pk}").content.decode()
    assert _selected(html, "host_country") == str(world.th.pk)
    assert _selected(html, "time_zone") == "Asia/Bangkok"


def test_series_and_country_selects_refill_their_fields_with_htmx(world, ws, login):
    html = login(world.admin).get("/workshops/new/").content.decode()
    series = re.search(r'<select[^>]*name="series"[^>]*>', html).group(0)
    assert 'hx-get="/workshops/new/"' in series and 'hx-select="#id_edition"' in series
    country = re.search(r'<select[^>]*name="host_country"[^>]*>', html).group(0)
    assert 'hx-select="#id_time_zone"' in country


def test_edit_page_changes_nothing_by_itself(world, ws, login):
    html = login(world.admin).get(f"/workshops/{ws.workshop.pk}/edit/").content.decode()
    assert "hx-get" not in html and _value(html, "edition") == "5"


@pytest.mark.parametrize(
    "code,zone",
    [
        ("KH", "Asia/Phnom_Penh"),
        ("VN", "Asia/Ho_Chi_Minh"),
        ("LA", "Asia/Vientiane"),
        ("IN", "Asia/Kolkata"),
        ("MM", "Asia/Yangon"),
        ("GB", "Europe/London"),
        ("FR", ""),
    ],
)
def test_time_zone_of_the_networks_countries(code, zone):
    assert time_zone_for(code) == zone


def _post(world, **extra):
    data = {
        "series": "",
        "edition": "",
        "title": "Regional workshop in Bangkok",
        "status": "draft",
        "host_country": world.th.pk,
        "city": "Bangkok",
        "venue_name": "Test Hotel",
        "time_zone": "",
        "start_date": "2031-05-06",
        "end_date": "2031-05-07",
    }
    data.update(extra)
    return data


def test_left_empty_edition_and_time_zone_are_filled_on_saving(world, ws, login):
    client = login(world.admin)
    response = client.post("/workshops/new/", _post(world, series=ws.workshop.series_id))
    assert response.status_code == 302
    created = Workshop.objects.get(title="Regional workshop in Bangkok")
    assert created.edition == 6 and created.time_zone == "Asia/Bangkok"


def test_an_edition_typed_is_kept_and_a_taken_one_refused(world, ws, login):
    client = login(world.admin)
    taken = client.post("/workshops/new/", _post(world, series=ws.workshop.series_id, edition=5))
    assert taken.status_code == 200 and not Workshop.objects.filter(city="Bangkok").exists()
    kept = client.post("/workshops/new/", _post(world, series=ws.workshop.series_id, edition=9))
    assert kept.status_code == 302 and Workshop.objects.get(city="Bangkok").edition == 9
