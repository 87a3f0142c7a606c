from django.urls import path

from . import views

app_name = "access"

urlpatterns = [
    path("", views.audit_list, name="audit_list"),
    path("export.csv", views.audit_export, name="audit_export"),
]
