"""Activity results, under the language prefix so their messages are in the learner's."""

from django.urls import path

from . import results

app_name = "h5p_results"
urlpatterns = [
    path("<int:page_id>/<str:block_id>/", results.submit_result, name="submit"),
]
