"""The directory entries accounts invites and links, asked of the app that keeps them.

Accounts names no feature app: the directory registers an `account_directory` provider
(network/account_directory.py) through core.providers.
"""

from types import ModuleType

from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet

from protectnet.core.providers import providers


def _directory() -> ModuleType:
    found = providers("account_directory")
    if len(found) != 1:
        raise ImproperlyConfigured("exactly one app must provide account_directory")
    return found[0]


def invitable_people(*, principal) -> QuerySet:
    return _directory().invitable_people(principal=principal)


def person_country_ids(person) -> set[int]:
    return _directory().person_country_ids(person)


def account_link(*, person_id: int, user) -> None:
    _directory().account_link(person_id=person_id, user=user)


def account_labels(user_ids) -> dict[int, str]:
    """How the directory names these accounts (full name and organisations), where it can."""
    return _directory().account_labels(user_ids)
