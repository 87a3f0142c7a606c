"""The language switcher: Django's set_language (the cookie, then back to the page), and for a
signed-in person the choice stored on the account, so that every device and every email to
them follows it."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from protectnet.access.routes import requires
from protectnet.core.languages import supported

from .. import services


@require_POST
@requires("public.view")
def language_set(request: HttpRequest) -> HttpResponse:
    response = set_language(request)
    # Django sets the cookie for any language it has a catalogue of; LocaleMiddleware ignores
    # one the site does not offer, and so does the account.
    chosen = response.cookies.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen is not None and supported(chosen.value) and request.user.is_authenticated:
        services.account_language_set(actor=request.user, language=chosen.value)
    return response
