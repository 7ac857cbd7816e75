"""The indicators API's URLs, outside the admin and the language prefix."""

from django.urls import path

from . import api

app_name = "indicators_api"

urlpatterns = [
    path("months", api.months, name="months"),
    path("figures", api.figures, name="figures"),
]
