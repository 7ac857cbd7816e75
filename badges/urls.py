"""Learner URLs, under the language prefix."""

from django.urls import path

from . import views

app_name = "badges"

urlpatterns = [
    path("certificates/<str:code>/open-badge/", views.download, name="download"),
    path("badges/name/", views.name_choice, name="name_choice"),
]
