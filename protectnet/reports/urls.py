from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("network/", views.network_overview_page, name="network_overview"),
    path("network/export.<str:fmt>", views.network_overview_export, name="network_overview_export"),
]
