from urllib.parse import urlencode

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()


@register.simple_tag
def facet_url(params, name: str, value) -> str:
    """The current search with one facet toggled (and back to page 1)."""
    pairs = [(k, v) for k in params for v in params.getlist(k) if k not in (name, "page") and v]
    if str(params.get(name, "")) != str(value):
        pairs.append((name, str(value)))
    return "?" + urlencode(pairs)


FACET_TITLES = {
    "type": _("Type"),
    "topic": _("Topic"),
    "country": _("Country"),
    "language": _("Language"),
    "marking": _("Marking"),
    "organisation": _("Organisation"),
    "year": _("Year"),
}


@register.filter
def facet_title(name: str) -> str:
    return FACET_TITLES.get(name, name)
