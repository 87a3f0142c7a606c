"""The layout holds on a 1366 px desktop and a 390 px phone, for every demo role.

Each role opens its main pages (dashboard, every navigation entry, its account, and the first
detail page behind each list): nothing scrolls sideways, no visible table, link, button or field
is cut off at either edge (fit.misfits), the desktop navigation stays on one line, and axe finds
nothing serious or critical. Screenshots go to var/screenshots/<role>-<page>-<device>.png
(git-ignored) for a person to look through.
"""

import itertools
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from protectnet.core.navigation import nav_for
from tests.conftest import sign_in
from tests.e2e.axe import serious_violations
from tests.e2e.fit import misfits

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
DEVICES = {
    "desktop": {"viewport": {"width": 1366, "height": 768}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
ROLES = {
    "admin": "admin@protectnet.test",
    "focal": "focal.kh@protectnet.test",
    "member": "member.kh@protectnet.test",
    "le": "le.kh@protectnet.test",
    "trainer": "trainer@protectnet.test",
    "guest": "guest@protectnet.test",
}
# On one line: no entry of the desktop bar starts below the bottom of another (the entries
# differ a little in height, so equal tops would be too strict) and none passes the window.
NAV_ON_ONE_LINE = """() => {
  const boxes = [...document.querySelectorAll('.shell-wide > li, .shell-brand > li')]
    .map(li => li.getBoundingClientRect()).filter(box => box.height);
  const lowestTop = Math.max(...boxes.map(box => box.top));
  const highestBottom = Math.min(...boxes.map(box => box.bottom));
  return lowestTop < highestBottom && Math.max(...boxes.map(box => box.right)) <= window.innerWidth;
}"""


def _slug(path: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"


def _main_pages(client: Client, user) -> list[str]:
    """The dashboard, every navigation entry, the account page, and one detail page per list."""
    pages = ["/"] + [item["url"] for item in nav_for(user, "/")] + ["/accounts/profile/"]
    details = []
    for url in pages[1:]:
        body = client.get(url).content.decode()
        first = re.search(r'<(?:tbody|article)[^>]*>.*?href="(/[^"?#]+/\d+/)"', body, re.S)
        if first and first.group(1) not in pages + details:
            details.append(first.group(1))
    return pages + details


def _session_cookie(client: Client, base_url: str) -> dict:
    value = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {"name": settings.SESSION_COOKIE_NAME, "value": value, "url": base_url}


def _check_page(page, url: str, device: str, shot: Path) -> list[str]:
    page.goto(url)
    problems = misfits(page)
    if device == "desktop" and not page.evaluate(NAV_ON_ONE_LINE):
        problems.append("the navigation takes more than one line")
    # axe once per page on the phone (the shell's menu is folded there) and for the desktop
    # bar on the dashboard; test_accessibility.py covers the desktop pages themselves.
    if device == "phone" or url == "/":
        problems += serious_violations(page)
    page.screenshot(path=str(shot), full_page=True)
    return problems


@pytest.mark.slow
def test_every_role_main_pages_fit_desktop_and_phone(browser, live_server, transactional_db):
    from protectnet.accounts.models import User

    call_command("load_demo", force=True)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems, checked = {}, 0
    for role, email in ROLES.items():
        client = sign_in(Client(), User.objects.get(email=email))
        urls = _main_pages(client, User.objects.get(email=email))
        for device, options in DEVICES.items():
            # bypass_csp only so that the axe-core checker can be injected; the app sets the CSP.
            context = browser.new_context(base_url=live_server.url, bypass_csp=True, **options)
            context.add_cookies([_session_cookie(client, live_server.url)])
            page = context.new_page()
            for url in urls:
                shot = SCREENSHOTS / f"{role}-{_slug(url)}-{device}.png"
                found = _check_page(page, url, device, shot)
                checked += 1
                if found:
                    problems[f"{role} {device} {url}"] = found
            context.close()
    assert checked >= len(ROLES) * len(DEVICES) * 3
    assert problems == {}


# The lists that became cards and the forms that gained pickers, per role that reaches them.
CHANGED_PAGES = {
    "admin": [
        "/network/organisations/",
        "/network/countries/",
        "/network/people/duplicates/",
        "/workshops/",
        "/workshops/{w}/registrations/",
        "/workshops/{w}/delegations/",
        "/workshops/{w}/check-in/",
        "/workshops/delegations/{d}/",
        "/workshops/{w}/edit/",
    ],
    "focal": [
        "/network/",
        "/network/people/new/",
        "/workshops/delegations/{d}/",
        "/network/countries/KH/",
    ],
    "le": [
        "/alerts/",
        "/alerts/?box=inbox",
        "/alerts/overdue/",
        "/alerts/new/travel_notification/",
    ],
    "trainer": ["/training/courses/{c}/deliveries/new/"],
}


@pytest.mark.slow
def test_changed_lists_and_pickers_fit_a_phone_and_a_laptop(browser, live_server, transactional_db):
    from protectnet.accounts.models import User
    from protectnet.training.models import Course
    from protectnet.workshops.models import Delegation

    call_command("load_demo", force=True)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    delegation = Delegation.objects.filter(country__code="KH").order_by("-workshop__start_date")[0]
    course = Course.objects.order_by("pk").first()
    ids = {"w": delegation.workshop_id, "d": delegation.pk, "c": course.pk}
    problems = {}
    for (role, urls), device in itertools.product(CHANGED_PAGES.items(), DEVICES):
        client = sign_in(Client(), User.objects.get(email=ROLES[role]))
        context = browser.new_context(base_url=live_server.url, bypass_csp=True, **DEVICES[device])
        context.add_cookies([_session_cookie(client, live_server.url)])
        page = context.new_page()
        for url in (u.format(**ids) for u in urls):
            shot = SCREENSHOTS / f"{role}-{_slug(url)}-{device}.png"
            if found := _check_page(page, url, device, shot):
                problems[f"{role} {device} {url}"] = found
        context.close()
    assert problems == {}
