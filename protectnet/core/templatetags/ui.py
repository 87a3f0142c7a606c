"""The design system's template helpers (docs/design.md): navigation, dates, breadcrumbs, tabs,
status badges."""

from datetime import date, datetime
from urllib.parse import urlsplit

from django import template
from django.utils import dateformat, timezone
from django.utils.formats import date_format, get_format
from django.utils.html import format_html

from .. import badges

register = template.Library()

# How many navigation entries stay on the bar; the rest go under "More". Six keeps the bar on
# one line at 1366 px for the role that sees the most entries (tests/e2e/test_layout.py).
PRIMARY_NAV = 6


@register.filter
def nav_split(items, layout: str = "bar") -> dict:
    """The bar's entries and those under "More" (navigation.py says where each belongs); a bar
    with room takes a lone "More" entry rather than a menu of one. The phone's menu ("menu")
    lists every entry, so both render through components/nav_bar.html."""
    items = list(items or [])
    if layout == "menu":
        return {"primary": items, "more": [], "more_current": False}
    bar = [i for i in items if i.get("place", "bar") == "bar"]
    more = bar[PRIMARY_NAV:] + [i for i in items if i.get("place") == "more"]
    bar = bar[:PRIMARY_NAV]
    if len(more) == 1 and len(bar) < PRIMARY_NAV:
        bar, more = bar + more, []
    return {"primary": bar, "more": more, "more_current": any(i["current"] for i in more)}


def _local(value: datetime) -> datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


@register.filter(is_safe=True)
def day(value) -> str:
    """A date in the language's one date format, machine-readable in <time datetime>."""
    if not isinstance(value, date):
        return ""
    if isinstance(value, datetime):
        value = _local(value).date()
    return format_html(
        '<time datetime="{}">{}</time>', value.isoformat(), date_format(value, "DATE_FORMAT")
    )


@register.filter(is_safe=True)
def moment(value, precision: str = "minutes") -> str:
    """A date and time in the language's one format; the attribute keeps the UTC offset.
    `moment:"seconds"` adds the seconds to the language's time (the audit log orders by them)."""
    if not isinstance(value, datetime):
        return day(value)
    value = _local(value)
    shown = get_format("DATETIME_FORMAT")
    if precision == "seconds":
        # Every language's format ends its time in H:i, so the seconds follow the minutes.
        shown = shown.replace("H:i", "H:i:s")
    return format_html(
        '<time datetime="{}">{}</time>',
        value.isoformat(timespec=precision),
        dateformat.format(value, shown),
    )


def _pairs(parts) -> list[tuple]:
    return [(parts[i], parts[i + 1]) for i in range(0, len(parts) - 1, 2)]


@register.simple_tag
def crumbs(*parts) -> list[dict]:
    """Breadcrumbs from label, URL pairs; a last label without a URL is the current page."""
    trail = [{"label": label, "url": url} for label, url in _pairs(parts)]
    if len(parts) % 2:
        trail.append({"label": parts[-1], "url": ""})
    return trail


@register.simple_tag(takes_context=True)
def tabs(context, *parts) -> list[dict]:
    """Tabs from label, URL pairs; the one whose URL is the page's path is current."""
    request = context.get("request")
    path = request.path if request else ""
    return [{"label": label, "url": url, "current": url == path} for label, url in _pairs(parts)]


@register.inclusion_tag("components/badge.html")
def status_badge(subject, state: str | None = None) -> dict:
    """An object's status (`{% status_badge registration %}`), or a named status's state
    (`{% status_badge "workshops.presence" "checked_in" %}`), as a badge in the tone its app
    declared for it (core/badges.py)."""
    return badges.badge(subject, state)


@register.filter
def host(url: str) -> str:
    """The site a link goes to ("example.org"), for link text that is not a raw URL."""
    netloc = urlsplit(str(url or "")).netloc
    return netloc.removeprefix("www.") or "ProtectNet"
