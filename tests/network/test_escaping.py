"""Stored text in the directory comes back escaped on every directory page each role reaches.

(The site-wide crawl in tests/security writes one payload into every name; organisation names
are unique per country, so here each organisation gets the payload plus its id.)
"""

import pytest
from django.core.management import call_command
from django.test import Client

from protectnet.accounts.models import User
from protectnet.network.models import AdvisoryPanel, Organisation, PanelMeeting, Person
from tests.conftest import sign_in
from tests.security.crawl import crawl

PAYLOAD = '<script>alert("pn-xss")</script><img src=x onerror=alert(1)>'
MARKERS = ('<script>alert("pn-xss")', "<img src=x onerror=alert(1)>")


@pytest.fixture
def poisoned(db, settings):
    settings.DEBUG = True
    call_command("load_demo", force=True)
    for org in Organisation.objects.all():
        org.name = f"{PAYLOAD} {org.pk}"
        org.save(update_fields=["name"])
    Person.objects.update(
        full_name=PAYLOAD, preferred_name=PAYLOAD, job_title=PAYLOAD, expertise=[PAYLOAD]
    )
    AdvisoryPanel.objects.update(name=PAYLOAD, remit=PAYLOAD)
    PanelMeeting.objects.update(title=PAYLOAD, minutes=PAYLOAD)


@pytest.mark.slow
@pytest.mark.parametrize(
    "email", ["admin@protectnet.test", "focal.kh@protectnet.test", "member.kh@protectnet.test"]
)
def test_directory_pages_escape_stored_text_and_never_fail(poisoned, email):
    client = sign_in(Client(), User.objects.get(email=email))
    result = crawl(client, start="/network/", max_pages=80)
    assert result.failures() == []
    assert any(url.startswith("/network/people/") for url in result.visited)
    leaks = [url for url, html in result.bodies.items() if any(m in html for m in MARKERS)]
    assert leaks == []
