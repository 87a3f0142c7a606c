from django.urls import path

from .views import (
    countries,
    directory,
    duplicates,
    imports,
    organisations,
    panels,
    people,
    personal,
)

app_name = "network"

urlpatterns = [
    path("", directory.directory, name="directory"),
    path("export.<str:fmt>", directory.directory_export, name="directory_export"),
    path("organisations/", organisations.organisation_list, name="organisation_list"),
    path("organisations/new/", organisations.organisation_create, name="organisation_create"),
    path("organisations/<int:pk>/", organisations.organisation_detail, name="organisation_detail"),
    path("organisations/<int:pk>/edit/", organisations.organisation_edit, name="organisation_edit"),
    path("people/new/", people.person_create, name="person_create"),
    path("people/duplicates/", duplicates.duplicate_list, name="duplicate_list"),
    path("people/<int:pk>/merge/", duplicates.person_merge, name="person_merge"),
    path("people/<int:pk>/", people.person_detail, name="person_detail"),
    path("people/<int:pk>/edit/", people.person_edit, name="person_edit"),
    path("people/<int:pk>/memberships/new/", people.membership_add, name="membership_add"),
    path(
        "people/<int:pk>/memberships/<int:membership_id>/end/",
        people.membership_end,
        name="membership_end",
    ),
    path("people/<int:pk>/invite/", people.person_invite, name="person_invite"),
    path("people/<int:pk>/erase/", people.person_erase, name="person_erase"),
    path("people/<int:pk>/vetting/", people.vetting_list, name="vetting_list"),
    path("countries/", countries.country_list, name="country_list"),
    path("countries/<str:code>/", countries.country_detail, name="country_detail"),
    path(
        "countries/<str:code>/focal-points/new/",
        countries.focal_point_add,
        name="focal_point_add",
    ),
    path(
        "countries/<str:code>/focal-points/<int:focal_id>/remove/",
        countries.focal_point_remove,
        name="focal_point_remove",
    ),
    path("countries/<str:code>/panel/new/", panels.panel_create, name="panel_create"),
    path("panels/<int:pk>/", panels.panel_detail, name="panel_detail"),
    path("panels/<int:pk>/edit/", panels.panel_edit, name="panel_edit"),
    path("panels/<int:pk>/members/new/", panels.panel_member_add, name="panel_member_add"),
    path(
        "panels/<int:pk>/members/<int:seat_id>/remove/",
        panels.panel_member_remove,
        name="panel_member_remove",
    ),
    path("panels/<int:pk>/meetings/new/", panels.meeting_create, name="meeting_create"),
    path("meetings/<int:pk>/", panels.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/edit/", panels.meeting_edit, name="meeting_edit"),
    path("import/", imports.import_start, name="import_start"),
    path("import/template-<str:kind>.csv", imports.import_template, name="import_template"),
    path("import/<int:pk>/", imports.import_preview, name="import_preview"),
    path("import/<int:pk>/rows/<int:index>/", imports.import_row_edit, name="import_row_edit"),
    path("import/<int:pk>/commit/", imports.import_commit, name="import_commit"),
    path("me/", personal.my_data, name="my_data"),
    path("me/data.json", personal.my_data_download, name="my_data_download"),
    path("me/data.pdf", personal.my_data_pdf, name="my_data_pdf"),
    path(
        "people/<int:pk>/data.<str:fmt>",
        personal.person_data_download,
        name="person_data_download",
    ),
]
