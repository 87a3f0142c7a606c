"""A network admin starts on an empty network: a new series, then its first workshop, through
the pages; other roles cannot create a series; bad names are explained and nothing is stored."""

import re

import pytest

from protectnet.access.models import AuditEntry
from protectnet.workshops.models import Series, Workshop

pytestmark = pytest.mark.django_db


def _workshop(world, series_id):
    return {
        "series": series_id,
        "edition": "",
        "title": "First regional workshop",
        "status": "draft",
        "host_country": world.kh.pk,
        "city": "Phnom Penh",
        "venue_name": "Test Hotel",
        "time_zone": "",
        "start_date": "2031-05-06",
        "end_date": "2031-05-07",
    }


def test_admin_starts_a_series_then_its_first_workshop_on_an_empty_network(world, login):
    assert not Series.objects.exists()
    client = login(world.admin)
    listing = client.get("/workshops/").content.decode()
    assert 'href="/workshops/series/new/"' in listing

    # The new-workshop form cannot be saved without a series: it says so and links onward.
    empty = client.get("/workshops/new/").content.decode()
    assert "there is no series yet" in empty and 'href="/workshops/series/new/"' in empty
    assert 'name="title"' not in empty

    created = client.post(
        "/workshops/series/new/", {"name": "Mekong Workshop", "description": "Yearly."}
    )
    series = Series.objects.get(name="Mekong Workshop")
    assert created.status_code == 302
    assert created["Location"] == f"/workshops/new/?series={series.pk}"
    assert AuditEntry.objects.filter(action="workshops.series.create").count() == 1

    form = client.get(created["Location"]).content.decode()
    chosen = re.search(r'<select[^>]*name="series".*?</select>', form, re.S).group(0)
    assert re.search(rf'<option value="{series.pk}"[^>]*selected', chosen)

    saved = client.post("/workshops/new/", _workshop(world, series.pk), follow=True)
    workshop = Workshop.objects.get()
    assert (workshop.series, workshop.edition) == (series, 1)
    assert "First regional workshop" in saved.content.decode()


@pytest.mark.parametrize(
    "role,status",
    [("kh_member", 403), ("kh_focal", 403), ("trainer", 403), ("guest", 403), (None, 302)],
)
def test_only_organisers_may_create_a_series(world, login, role, status):
    client = login(getattr(world, role) if role else None)
    assert client.get("/workshops/series/new/").status_code == status
    response = client.post("/workshops/series/new/", {"name": "Unwanted"})
    assert response.status_code == status
    assert not Series.objects.filter(name="Unwanted").exists()
    if role:
        assert 'href="/workshops/series/new/"' not in client.get("/workshops/").content.decode()


@pytest.mark.parametrize(
    "name,error",
    [
        ("", "This field is required."),
        ("Mekong Workshop", "A series of this name already exists."),
    ],
)
def test_bad_series_name_is_explained_and_nothing_is_stored(world, login, name, error):
    Series.objects.create(name="Mekong Workshop")
    response = login(world.admin).post("/workshops/series/new/", {"name": name})
    assert response.status_code == 200
    assert error in response.content.decode()
    assert list(Series.objects.values_list("name", flat=True)) == ["Mekong Workshop"]
    assert not AuditEntry.objects.filter(action="workshops.series.create").exists()
