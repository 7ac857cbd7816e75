"""Offline URLs, included under the language prefix (the worker itself is at /sw.js)."""

from django.urls import path

from . import views

app_name = "offline"

urlpatterns = [
    path("offline/", views.offline_page, name="page"),
    path("offline/manifest.webmanifest", views.web_app_manifest, name="manifest"),
    path("offline/essentials.json", views.essentials, name="essentials"),
    path("offline/save/<int:page_id>.json", views.saved_files, name="saved_files"),
]
