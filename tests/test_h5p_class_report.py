"""Activity results in the class report: as knowledge checks count there, so do they."""

import json

import pytest

from accounts.factories import ChildFactory
from classrooms.factories import EducatorFactory, add_pupil, class_taught_by
from classrooms.models import Assignment
from classrooms.report import FAILED_ATTEMPTS_FOR_HELP, Status, class_report
from courses.factories import build_course_tree
from h5p.demo import DEMO_BLOCK_ID, demo_block, place
from h5p.factories import install_activity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def classroom(client):
    tree = build_course_tree(lesson_count=2)
    place(tree.lessons[0], demo_block(install_activity()))  # counts, pass mark 100%
    school_class = class_taught_by(EducatorFactory())
    pupil = add_pupil(school_class, ChildFactory())
    Assignment.objects.create(
        school_class=school_class, kind="module", content_key=tree.module.translation_key
    )
    client.force_login(pupil)

    def play(score):
        url = f"/en/learn/activities/{tree.lessons[0].pk}/{DEMO_BLOCK_ID}/"
        body = json.dumps({"score": score, "max": 1})
        assert client.post(url, body, content_type="application/json").status_code == 200

    return school_class, play


def test_a_passed_activity_finishes_its_lesson_in_the_class_report(classroom):
    school_class, play = classroom
    assert class_report(school_class).rows[0].cells[0].status == Status.NOT_STARTED
    play(1)
    cell = class_report(school_class).rows[0].cells[0]
    assert (cell.status, cell.percent) == (Status.IN_PROGRESS, 50)


def test_a_pupil_who_keeps_failing_an_activity_is_shown_as_needing_help(classroom):
    school_class, play = classroom
    for _ in range(FAILED_ATTEMPTS_FOR_HELP):
        play(0)
    row = class_report(school_class).rows[0]
    assert row.needs_help and row.cells[0].percent == 0
    assert row.cells[0].status == Status.IN_PROGRESS  # the activity counts as activity
