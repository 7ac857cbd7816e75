"""A scenario's best outcome counts in the class report as any completed lesson does."""

import uuid

import pytest

from accounts.factories import ChildFactory
from classrooms.factories import EducatorFactory, add_pupil, class_taught_by
from classrooms.models import Assignment
from classrooms.report import Status, class_report
from courses.factories import build_course_tree, lesson_body_with_scenario

pytestmark = pytest.mark.django_db


def test_a_pupils_best_scenario_outcome_shows_as_a_lesson_done_in_the_class_report(client):
    tree = build_course_tree(lesson_count=2, quizzes=True)
    lesson = tree.lessons[1]
    lesson.body = lesson_body_with_scenario("s")
    lesson.save_revision().publish()
    school_class = class_taught_by(EducatorFactory())
    pupil, classmate = (add_pupil(school_class, ChildFactory()) for _ in range(2))
    Assignment.objects.create(
        school_class=school_class, kind="module", content_key=tree.module.translation_key
    )
    client.force_login(pupil)
    url = f"/en/learn/scenarios/{lesson.pk}/s/"
    for choice in ("s-b", "s-b", "s-b", "s-a"):  # three poor choices, then the best
        client.post(url, {"attempt": str(uuid.uuid4()), "choice": choice})

    cells = {row.pupil: row.cells[0] for row in class_report(school_class).rows}
    assert cells[pupil].status == Status.IN_PROGRESS
    assert cells[pupil].percent == 33  # one of two lessons and a final quiz
    assert cells[classmate].status == Status.NOT_STARTED
    # Poor scenario choices are not failed quizzes: they do not flag the pupil.
    assert not {row.pupil: row.needs_help for row in class_report(school_class).rows}[pupil]
