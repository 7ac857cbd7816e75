"""Class URLs, under the language prefix: /<lang>/classes/..."""

from django.urls import path

from . import parent_views, views

app_name = "classrooms"

urlpatterns = [
    path("", views.class_list, name="list"),
    path("new/", views.class_create, name="create"),
    path("join/", views.join, name="join"),
    path("assigned/", views.assigned, name="assigned"),
    path("parent-code/", parent_views.parent_code, name="parent_code"),
    path("children/", parent_views.children, name="children"),
    path("children/<int:child_id>/", parent_views.child, name="child"),
    path(
        "children/<int:child_id>/password/",
        parent_views.child_password,
        name="child_password",
    ),
    path("followers/", parent_views.followers, name="followers"),
    path("links/<int:link_id>/remove/", parent_views.remove_link, name="remove_link"),
    path(
        "<int:pk>/pupils/<int:user_id>/parent-code/",
        parent_views.pupil_parent_code,
        name="pupil_parent_code",
    ),
    path(
        "<int:pk>/pupils/<int:user_id>/links/<int:link_id>/confirm/",
        parent_views.confirm_link,
        name="confirm_link",
    ),
    path(
        "<int:pk>/pupils/<int:user_id>/links/<int:link_id>/remove/",
        parent_views.educator_remove_link,
        name="educator_remove_link",
    ),
    path("<int:pk>/pupils/<int:user_id>/", views.pupil, name="pupil"),
    path("<int:pk>/assign/", views.assign, name="assign"),
    path("<int:pk>/assignments/<int:assignment_id>/delete/", views.unassign, name="unassign"),
    path("<int:pk>/report/", views.report, name="report"),
    path("<int:pk>/report.csv", views.report_csv, name="report_csv"),
    path("<int:pk>/", views.class_detail, name="detail"),
    path("<int:pk>/edit/", views.class_edit, name="edit"),
    path("<int:pk>/pupils/add/", views.add_pupils, name="add_pupils"),
    path("<int:pk>/cards/", views.cards, name="cards"),
    path("<int:pk>/code/", views.regenerate_code, name="regenerate_code"),
    path("<int:pk>/archive/", views.archive, name="archive"),
    path("<int:pk>/educators/", views.add_educator, name="add_educator"),
    path("<int:pk>/pupils/<int:user_id>/password/", views.reset_password, name="reset_password"),
    path("<int:pk>/pupils/<int:user_id>/remove/", views.remove_pupil, name="remove_pupil"),
    path("<int:pk>/pupils/<int:user_id>/delete/", views.delete_pupil, name="delete_pupil"),
]
