from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("", views.alert_list, name="alert_list"),
    path("overdue/", views.alert_overdue, name="alert_overdue"),
    path("new/", views.alert_new, name="alert_new"),
    path("new/<slug:alert_type>/", views.alert_create, name="alert_create"),
    path("statistics/", views.stats, name="stats"),
    path("statistics.csv", views.stats_export, name="stats_export"),
    path("<int:pk>/", views.alert_detail, name="alert_detail"),
    path("<int:pk>/edit/", views.alert_edit, name="alert_edit"),
    path("<int:pk>/discard/", views.alert_discard, name="alert_discard"),
    path("<int:pk>/send/", views.alert_send, name="alert_send"),
    path("<int:pk>/approve/", views.alert_approve, name="alert_approve"),
    path("<int:pk>/retract/", views.alert_retract, name="alert_retract"),
    path("<int:pk>/acknowledge/", views.alert_acknowledge, name="alert_acknowledge"),
    path("<int:pk>/reply/", views.alert_reply, name="alert_reply"),
    path("<int:pk>/share/", views.alert_share, name="alert_share"),
    path("<int:pk>/outcome/", views.alert_outcome, name="alert_outcome"),
    path("<int:pk>/close/", views.alert_close, name="alert_close"),
    path("<int:pk>/reads.csv", views.alert_reads_export, name="alert_reads_export"),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/",
        views.attachment_download,
        name="attachment_download",
    ),
]
