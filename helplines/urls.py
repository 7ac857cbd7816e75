from django.urls import path

from . import views

app_name = "helplines"
urlpatterns = [
    path("help/", views.help_page, name="help"),
    path("help/count/", views.count_contact, name="count"),
]
