"""Admin URLs (mounted under /admin/translations/ by wagtail_hooks)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.board, name="board"),
    path("po/<uuid:translation_id>/", views.po_download, name="po_download"),
    path("archive/<int:page_id>/<str:language>/", views.po_archive, name="po_archive"),
    path("upload/", views.po_upload, name="po_upload"),
    path("review/<int:page_id>/", views.submit_review, name="submit_review"),
]
