from django.contrib import admin
from django.urls import include, path

from protectnet.api.api import api

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
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]
