"""The certificates list pages by cursor, newest first, ties on the same instant included."""

from datetime import timedelta
from urllib.parse import unquote

import pytest

from protectnet.training.models import Certificate

from .test_queries import Grow

pytestmark = pytest.mark.django_db


def test_following_the_link_header_gives_each_certificate_once_newest_first(world, api):
    grow = Grow(world)
    grow.trainees(5)  # one completion: five certificates issued at the same instant
    older = Certificate.objects.order_by("pk").first()
    Certificate.objects.filter(pk=older.pk).update(issued_at=older.issued_at - timedelta(days=3))
    client = api(world.admin)
    url, seen = "/api/v1/certificates?limit=2", []
    while url:
        response = client.get(url)
        assert response.status_code == 200
        seen += [c["id"] for c in response.json()]
        link = response.headers.get("Link")
        url = unquote(link[1 : link.index(">")]).removeprefix("http://testserver") if link else None
    expected = list(Certificate.objects.order_by("-issued_at", "pk").values_list("pk", flat=True))
    assert seen == expected and len(expected) == 5 and seen[-1] == older.pk


def test_a_forged_certificate_cursor_is_refused(world, api):
    response = api(world.admin).get("/api/v1/certificates?after=nonsense")
    assert response.status_code == 422 and response.json()["errors"][0]["after"]
