"""How alert pages name people and say how late an alert is."""

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..people import full_name

register = template.Library()


@register.filter
def person_name(user) -> str:
    return full_name(user)


@register.filter
def entry_name(person) -> str:
    """A directory entry by its full name, as `person_name` names an account's person: never a
    preferred (often first) name alone."""
    return _("Erased person") if person.erased_at else person.full_name


@register.filter
def person_at(user, organisation) -> str:
    """'Full name (Agency)': who acted, and for which agency."""
    name = full_name(user)
    agency = getattr(organisation, "name", "")
    return f"{name} ({agency})" if agency else name


@register.simple_tag
def overdue_by(deadline, now=None) -> str:
    """'Overdue by 2 days' or, within the first day, 'Overdue by 5 hours'."""
    late = (now or timezone.now()) - deadline
    days = late.days
    if days >= 1:
        return ngettext("Overdue by %(n)d day", "Overdue by %(n)d days", days) % {"n": days}
    hours = max(1, int(late.total_seconds() // 3600))
    return ngettext("Overdue by %(n)d hour", "Overdue by %(n)d hours", hours) % {"n": hours}
