"""The tool's URLs for LTI platforms, outside the language prefix."""

from django.urls import path

from . import views

app_name = "lti"

urlpatterns = [
    path("jwks/", views.key_set, name="key_set"),
]
