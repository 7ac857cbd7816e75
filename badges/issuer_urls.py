"""The issuer's public documents, outside the language prefix: badges name these URLs."""

from django.urls import path

from . import views

app_name = "badges_issuer"

urlpatterns = [
    path("issuer/", views.issuer, name="profile"),
    path("keys/", views.key_set, name="key_set"),
    path("keys/<str:kid>/", views.key, name="key"),
]
