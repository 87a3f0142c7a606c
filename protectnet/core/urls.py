from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("pick/<slug:kind>/", views.pick, name="pick"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("documents/<str:token>/", views.document_status, name="document_status"),
    path("documents/<str:token>/file/", views.document_download, name="document_download"),
    path("design/", views.design_system, name="design"),
    path("emails/", views.email_list, name="email_list"),
    path("emails/<int:pk>/retry/", views.email_action, {"action": "retry"}, name="email_retry"),
    path(
        "emails/<int:pk>/discard/", views.email_action, {"action": "discard"}, name="email_discard"
    ),
]
