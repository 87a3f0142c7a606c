from django.contrib import admin
from django.urls import include, path
from django.utils import timezone
from django.views.decorators.http import last_modified
from django.views.i18n import JavaScriptCatalog

from protectnet.accounts.views import language
from protectnet.api.api import api

# The scripts' texts (djangojs) change only with a deployment: browsers ask again with
# If-Modified-Since and get a 304 (the address carries the language, see base.html).
STARTED = timezone.now()
javascript_catalog = last_modified(lambda request, **kwargs: STARTED)(JavaScriptCatalog.as_view())

handler400 = "protectnet.core.views.error_400"
handler403 = "protectnet.core.views.error_403"
handler404 = "protectnet.core.views.error_404"
handler500 = "protectnet.core.views.error_500"

urlpatterns = [
    path("", include("protectnet.core.urls")),
    path("accounts/", include("protectnet.accounts.urls")),
    path("audit/", include("protectnet.access.urls")),
    path("network/", include("protectnet.network.urls")),
    path("terminology/", include("protectnet.terminology.urls")),
    path("workshops/", include("protectnet.workshops.urls")),
    path("training/", include("protectnet.training.urls")),
    path("library/", include("protectnet.library.urls")),
    path("alerts/", include("protectnet.alerts.urls")),
    path("reports/", include("protectnet.reports.urls")),
    path("i18n/js/", javascript_catalog, name="javascript_catalog"),
    path("i18n/setlang/", language.language_set, name="set_language"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]
