"""The language of a directory entry: for people written to at their directory address, which may
differ from their sign-in address, or who have no account at all."""

from django.db.models.functions import Lower

from .models import Person


def languages(addresses: list[str]) -> dict[str, str]:
    rows = (
        Person.objects.annotate(address=Lower("email"))
        .filter(address__in=addresses, erased_at__isnull=True)
        .values_list("address", "language", "user__language")
    )
    found: dict[str, str] = {}
    for address, own, account in rows:
        # The account's choice is the person's latest word; the entry's is set by others.
        if account or own:
            found.setdefault(address, account or own)
    return found
