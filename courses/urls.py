"""Learner URLs, included under the language prefix before the page catch-all."""

from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("my-learning/", views.my_learning, name="my_learning"),
    path(
        "learn/quizzes/<int:page_id>/<str:quiz_id>/",
        views.submit_quiz,
        name="submit_quiz",
    ),
    path(
        "learn/scenarios/<int:page_id>/<str:scenario_id>/",
        views.play_scenario,
        name="play_scenario",
    ),
    path("learn/lessons/<int:page_id>/done/", views.mark_done, name="mark_done"),
    path("certificates/<str:code>/", views.certificate, name="certificate"),
    path(
        "certificates/verify/<str:code>/",
        views.verify_certificate,
        name="verify_certificate",
    ),
]
