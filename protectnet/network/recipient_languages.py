"""The language of a directory entry: for people written to at their directory address, which may
differ from their sign-in address, or who have no account at all."""

from django.db.models.functions import Lower

from .models import Person


def languages(addresses: list[str]) -> dict[str, str]:
    # Entries without an address are left out in so many words, so that the lookup reads the
    # unique index of addresses (which holds only entries that have one) instead of every entry:
    # each email a worker sends asks this, thousands for one run of course follow-ups.
    rows = (
        Person.objects.exclude(email="")
        .annotate(address=Lower("email"))
        .filter(address__in=addresses, erased_at__isnull=True)
        .order_by()
        .values_list("address", "language", "user__language")
    )
    found: dict[str, str] = {}
    for address, own, account in rows:
        # The account's choice is the person's latest word; the entry's is set by others.
        if account or own:
            found.setdefault(address, account or own)
    return found
