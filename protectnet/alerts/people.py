"""How alert pages and exports name a person: full name, never the email address."""

from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext as _


def full_name(user) -> str:
    # Never the email: an officer's address is a contact detail their safety can depend on.
    if user is None:
        return _("Former member")
    try:
        person = user.person
    except ObjectDoesNotExist:
        person = None
    if person is not None:
        return _("Erased person") if person.erased_at else person.full_name
    return user.display_name or _("Member without a directory entry")
