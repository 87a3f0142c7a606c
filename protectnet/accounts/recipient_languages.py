"""The language an account holder chose: it decides the language of every email to them."""

from .models import User


def languages(addresses: list[str]) -> dict[str, str]:
    # Addresses are stored in lower case (UserManager.create_user).
    rows = User.objects.filter(email__in=addresses, is_active=True).exclude(language="")
    return dict(rows.values_list("email", "language"))
