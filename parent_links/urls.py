"""Parent-link URLs, under the language prefix and the class pages' /<lang>/classes/...

The paths are those families and educators already know from when parent links were
part of classrooms; only the URL names moved (parent_links:...).
"""

from django.urls import path

from . import views

app_name = "parent_links"

urlpatterns = [
    path("parent-code/", views.parent_code, name="parent_code"),
    path("children/", views.children, name="children"),
    path("children/<int:child_id>/", views.child, name="child"),
    path("children/<int:child_id>/password/", views.child_password, name="child_password"),
    path("followers/", views.followers, name="followers"),
    path("links/<int:link_id>/remove/", views.remove_link, name="remove_link"),
    path(
        "<int:pk>/pupils/<int:user_id>/parent-code/",
        views.pupil_parent_code,
        name="pupil_parent_code",
    ),
    path(
        "<int:pk>/pupils/<int:user_id>/links/<int:link_id>/confirm/",
        views.confirm_link,
        name="confirm_link",
    ),
    path(
        "<int:pk>/pupils/<int:user_id>/links/<int:link_id>/remove/",
        views.educator_remove_link,
        name="educator_remove_link",
    ),
]
