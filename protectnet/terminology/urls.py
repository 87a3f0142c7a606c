from django.urls import path

from . import views

app_name = "terminology"

urlpatterns = [
    path("", views.check, name="check"),
    path("terms/", views.term_list, name="term_list"),
    path("terms/new/", views.term_create, name="term_create"),
    path("terms/<int:pk>/edit/", views.term_edit, name="term_edit"),
]
