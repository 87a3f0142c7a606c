from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from protectnet.access.policy import can

from .. import names

register = template.Library()

# The workshop's tabs: (route, label, action the tab needs; None: whoever sees the workshop).
TABS = (
    ("workshop_detail", _("Overview"), None),
    ("agenda", _("Agenda"), None),
    ("delegation_list", _("Delegations"), "workshops.delegation.view"),
    ("registration_list", _("Registrations"), "workshops.registration.list"),
    ("checkin", _("Check-in"), "workshops.checkin"),
    ("outcome_list", _("Outcomes"), "workshops.outcome.view"),
    ("report", _("Report"), "workshops.report.view"),
)
# Pages that sit under a tab without being it (a delegation belongs to "Delegations").
UNDER = {"delegation_detail": "delegation_list"}


@register.simple_tag(takes_context=True)
def may(context, action: str) -> bool:
    """Whether the current user passes the policy's role gate for an action (links only)."""
    request = context.get("request")
    return bool(request) and can(request.user, action)


@register.simple_tag(takes_context=True)
def workshop_tabs(context, workshop) -> list[dict]:
    """The tabs this user may open (organisers: all), the current page's marked."""
    request = context["request"]
    match = getattr(request, "resolver_match", None)
    here = match.url_name if match else ""
    here = UNDER.get(here, here)
    return [
        {
            "label": label,
            "url": reverse(f"workshops:{name}", args=[workshop.pk]),
            "current": name == here,
        }
        for name, label, action in TABS
        if action is None or can(request.user, action)
    ]


@register.filter
def full_name(person) -> str:
    return names.full_name(person)


@register.filter
def registration_label(registration) -> str:
    return names.registration_label(registration)
