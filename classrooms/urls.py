"""Class URLs, under the language prefix: /<lang>/classes/..."""

from django.urls import path

from .views import assignments, classes, joining, lesson_plans, pupils, reports

app_name = "classrooms"

urlpatterns = [
    path("", classes.class_list, name="list"),
    path("new/", classes.class_create, name="create"),
    path("join/", joining.join, name="join"),
    path("assigned/", assignments.assigned, name="assigned"),
    path("lesson-plans/<uuid:module_key>/", lesson_plans.lesson_plan, name="lesson_plan"),
    path("<int:pk>/pupils/<int:user_id>/", pupils.pupil, name="pupil"),
    path("<int:pk>/assign/", assignments.assign, name="assign"),
    path("<int:pk>/assignments/<int:assignment_id>/delete/", assignments.unassign, name="unassign"),
    path(
        "<int:pk>/lesson-plans/<uuid:module_key>/",
        lesson_plans.class_lesson_plan,
        name="class_lesson_plan",
    ),
    path("<int:pk>/report/", reports.report, name="report"),
    path("<int:pk>/report.csv", reports.report_csv, name="report_csv"),
    path("<int:pk>/", classes.class_detail, name="detail"),
    path("<int:pk>/edit/", classes.class_edit, name="edit"),
    path("<int:pk>/pupils/add/", pupils.add_pupils, name="add_pupils"),
    path("<int:pk>/cards/", pupils.cards, name="cards"),
    path("<int:pk>/code/", classes.regenerate_code, name="regenerate_code"),
    path("<int:pk>/archive/", classes.archive, name="archive"),
    path("<int:pk>/educators/", classes.add_educator, name="add_educator"),
    path("<int:pk>/pupils/<int:user_id>/password/", pupils.reset_password, name="reset_password"),
    path("<int:pk>/pupils/<int:user_id>/remove/", pupils.remove_pupil, name="remove_pupil"),
    path("<int:pk>/pupils/<int:user_id>/delete/", pupils.delete_pupil, name="delete_pupil"),
]
