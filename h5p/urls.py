from django.urls import path

from . import views

app_name = "h5p"
urlpatterns = [
    path("play/<int:pk>/", views.player, name="player"),
    path(
        "content/<int:pk>/lessons/<int:page_id>/<str:block_id>/",
        views.no_listing,
        name="lesson_content_root",
    ),
    path(
        "content/<int:pk>/lessons/<int:page_id>/<str:block_id>/<path:path>",
        views.lesson_content_file,
        name="lesson_content_file",
    ),
    path("content/<int:pk>/", views.no_listing, name="content_root"),
    path("content/<int:pk>/<path:path>", views.content_file, name="content_file"),
    path("libraries/", views.no_listing, name="libraries_root"),
    path("libraries/<str:folder>/<path:path>", views.library_file, name="library_file"),
]
