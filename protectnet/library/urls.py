from django.urls import path

from .views import access, pages, resources, withdrawal

app_name = "library"

urlpatterns = [
    path("", resources.resource_list, name="resource_list"),
    path("search/", resources.resource_search, name="resource_search"),
    path("search/filters/", resources.search_facets, name="search_facets"),
    path("new/", resources.resource_create, name="resource_create"),
    path("<int:pk>/", resources.resource_detail, name="resource_detail"),
    path("<int:pk>/edit/", resources.resource_edit, name="resource_edit"),
    path("<int:pk>/withdraw/", withdrawal.resource_withdraw, name="resource_withdraw"),
    path("<int:pk>/restore/", withdrawal.resource_restore, name="resource_restore"),
    path("<int:pk>/versions/new/", resources.version_create, name="version_create"),
    path("files/<int:pk>/download/", resources.file_download, name="file_download"),
    path(
        "restricted/<int:pk>/request/", access.access_request_create, name="access_request_create"
    ),
    path("access-requests/", access.access_request_inbox, name="access_request_inbox"),
    path("access-requests/<int:pk>/", access.access_request_decide, name="access_request_decide"),
    path("findings/", pages.findings_list, name="findings_list"),
]
