"""The language a person reads ProtectNet in: chosen from the browser on the first sign-in,
changed from the switcher on any page or from the account page."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from protectnet.access.policy import require
from protectnet.core.languages import supported

from ..models import User


def account_language_set(*, actor: User, language: str) -> None:
    """Store the reader's own choice. Not audited: a display preference of one's own account,
    which names nobody and opens nothing."""
    require(actor, "account.manage_own")
    if not supported(language):
        raise ValidationError(_("Choose one of the languages offered."), code="language")
    if actor.language != language:
        actor.language = language
        actor.save(update_fields=["language"])


def account_language_first(*, user: User, request) -> None:
    """On the first sign-in, the best of the site's languages for this browser: the switcher's
    cookie if the visitor chose one before signing in, else the Accept-Language header."""
    if user.language:
        return
    user.language = (
        supported(translation.get_language_from_request(request)) or settings.LANGUAGE_CODE
    )
    user.save(update_fields=["language"])
