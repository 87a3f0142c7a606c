"""axe-core on the main pages of every role: no serious or critical WCAG violation.

Pages are found by following links from the dashboard (one URL per view), so new pages are
checked without editing this file.
"""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from tests.conftest import sign_in
from tests.security.crawl import crawl

from .axe import serious_violations

ROLES = [
    "admin@protectnet.test",
    "focal.kh@protectnet.test",
    "member.kh@protectnet.test",
    "le.kh@protectnet.test",
    "trainer@protectnet.test",
    "guest@protectnet.test",
]


def _session_cookie(user, live_server) -> dict:
    client = sign_in(Client(), user)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }


@pytest.mark.slow
def test_main_pages_have_no_serious_accessibility_violations(
    browser, live_server, transactional_db
):
    from protectnet.accounts.models import User

    call_command("load_demo", force=True)
    problems = {}
    checked = 0
    for email in ROLES:
        user = User.objects.get(email=email)
        # Only HTML pages: a download link (PDF, CSV, iCalendar) is no page to check.
        urls = list(crawl(sign_in(Client(), user), max_pages=40, per_view=1).bodies)
        context = browser.new_context(base_url=live_server.url, bypass_csp=True)
        context.add_cookies([_session_cookie(user, live_server)])
        page = context.new_page()
        for url in urls[:25]:
            page.goto(url)
            found = serious_violations(page)
            checked += 1
            if found:
                problems[f"{email} {url}"] = found
        context.close()
    assert checked > len(ROLES)
    assert problems == {}
