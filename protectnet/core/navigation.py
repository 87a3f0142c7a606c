"""The main navigation: each entry shows only when the policy lets the user open it."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from protectnet.access.guard import route_action
from protectnet.access.policy import can


@dataclass(frozen=True)
class NavItem:
    label: str
    route: str
    # Wide screens: "brand" entries are reached by the site's name, "more" entries sit under
    # "More", so the entries people act in every day stay on the one-line bar.
    place: str = "bar"


NAV = [
    NavItem(_("Dashboard"), "core:dashboard", place="brand"),
    NavItem(_("Directory"), "network:directory"),
    NavItem(_("Workshops"), "workshops:workshop_list"),
    NavItem(_("My workshops"), "workshops:my_workshop_list"),
    NavItem(_("Training"), "training:course_list"),
    NavItem(_("Library"), "library:resource_list"),
    NavItem(_("Alerts"), "alerts:alert_list"),
    NavItem(_("Language check"), "terminology:check", place="more"),
    NavItem(_("Reports"), "reports:index", place="more"),
    NavItem(_("Audit log"), "access:audit_list", place="more"),
]


def nav_for(user, current_path: str) -> list[dict]:
    items = []
    for item in NAV:
        action = route_action(item.route)
        if not action or not can(user, action):
            continue
        try:
            url = reverse(item.route)
        except NoReverseMatch:
            continue  # the app has not shipped that page yet
        matches = current_path == url or (url != "/" and current_path.startswith(url))
        items.append({"label": item.label, "url": url, "current": matches, "place": item.place})
    return _one_current(items)


def _one_current(items: list[dict]) -> list[dict]:
    """Only the closest match is the current page ("/workshops/mine/" is not "/workshops/")."""
    matched = [i for i in items if i["current"]]
    closest = max(matched, key=lambda i: len(i["url"]), default=None)
    for item in matched:
        item["current"] = item is closest
    return items
