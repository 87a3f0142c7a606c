from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("", views.course_list, name="course_list"),
    path("mine/", views.my_training, name="my_training"),
    path("capacity/", views.capacity, name="capacity"),
    path("capacity/export.<str:fmt>", views.capacity_export, name="capacity_export"),
    path("courses/new/", views.course_create, name="course_create"),
    path("courses/<int:pk>/", views.course_detail, name="course_detail"),
    path("courses/<int:pk>/edit/", views.course_edit, name="course_edit"),
    path("courses/<int:pk>/questions/", views.question_list, name="question_list"),
    path(
        "courses/<int:pk>/questions/<int:question_pk>/edit/",
        views.question_edit,
        name="question_edit",
    ),
    path(
        "courses/<int:pk>/questions/<int:question_pk>/delete/",
        views.question_delete,
        name="question_delete",
    ),
    path(
        "courses/<int:pk>/questions/<int:question_pk>/retire/",
        views.question_retire,
        name="question_retire",
    ),
    path("courses/<int:pk>/deliveries/new/", views.delivery_create, name="delivery_create"),
    path("deliveries/<int:pk>/", views.delivery_detail, name="delivery_detail"),
    path("deliveries/<int:pk>/edit/", views.delivery_edit, name="delivery_edit"),
    path("deliveries/<int:pk>/enrol/", views.enrolment_create, name="enrolment_create"),
    path(
        "deliveries/<int:pk>/attendance/<str:day>/",
        views.attendance_record,
        name="attendance_record",
    ),
    path("deliveries/<int:pk>/complete/", views.delivery_complete, name="delivery_complete"),
    path("deliveries/<int:pk>/rescore/", views.delivery_rescore, name="delivery_rescore"),
    path(
        "deliveries/<int:pk>/results.csv",
        views.delivery_results_export,
        name="delivery_results_export",
    ),
    path("enrolments/<int:pk>/withdraw/", views.enrolment_withdraw, name="enrolment_withdraw"),
    path("enrolments/<int:pk>/test/<slug:kind>/", views.test_take, name="test_take"),
    path("enrolments/<int:pk>/evaluation/", views.evaluation_submit, name="evaluation_submit"),
    path("follow-ups/<int:pk>/", views.followup_answer, name="followup_answer"),
    path(
        "certificates/<int:pk>/certificate.pdf",
        views.certificate_download,
        name="certificate_download",
    ),
    path("certificates/<int:pk>/revoke/", views.certificate_revoke, name="certificate_revoke"),
    path("verify/", views.certificate_verify_form, name="certificate_verify_form"),
    path("verify/<str:code>/", views.certificate_verify, name="certificate_verify"),
]
