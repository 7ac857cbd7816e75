"""The class report on screen comes a page of pupils at a time; the summaries (needs
help, hardest questions) and the CSV export cover the whole class."""

import csv
import io
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.factories import ChildFactory
from classrooms.factories import EducatorFactory, add_pupil, class_taught_by
from classrooms.models import Assignment
from classrooms.report import class_report
from courses.factories import build_course_tree
from courses.models import LessonCompletion, QuizAttempt

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    return build_course_tree(lesson_count=2, quizzes=True)


@pytest.fixture
def educator():
    return EducatorFactory()


@pytest.fixture
def school_class(educator, tree):
    school_class = class_taught_by(educator, name="Blue")
    Assignment.objects.create(
        school_class=school_class, kind="module", content_key=tree.module.translation_key
    )
    return school_class


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr("classrooms.views.reports.PUPILS_PER_PAGE", 2)


def pupils(school_class, count):
    return [
        add_pupil(school_class, ChildFactory(username=f"pupil-{n:02}", display_name=""))
        for n in range(count)
    ]


def fail_three_times(pupil, module):
    for _ in range(3):
        QuizAttempt.objects.create(
            learner=pupil,
            uid=uuid.uuid4(),
            page_key=module.translation_key,
            module_key=module.translation_key,
            quiz_id="final",
            kind="final",
            answers={},
            score=0,
            max_score=3,
            pass_mark=70,
            passed=False,
        )


def report_page(client, school_class, query=""):
    return client.get(reverse("classrooms:report", args=[school_class.pk]) + query)


def test_report_pages_show_each_pupil_once_in_username_order(
    client, educator, school_class, small_pages
):
    everyone = pupils(school_class, 5)
    client.force_login(educator)
    seen = []
    for number in (1, 2, 3):
        page = report_page(client, school_class, f"?page={number}").content.decode()
        seen += [p.username for p in everyone if f">{p.username}<" in page]
        assert "Pupils " in page and " of 5" in page
    assert seen == [p.username for p in everyone]
    first = report_page(client, school_class).content.decode()
    assert 'rel="next"' in first and 'rel="prev"' not in first


def test_a_pupil_needing_help_on_another_page_is_named_on_every_page(
    client, educator, school_class, tree, small_pages
):
    *_, last = pupils(school_class, 5)
    fail_three_times(last, tree.module)
    client.force_login(educator)
    page = report_page(client, school_class, "?page=1").content.decode()
    assert f">{last.username}<" in page.split("Pupils who need help:")[1].split("</p>")[0]


def test_bad_page_numbers_show_the_first_page_or_lead_to_the_last(
    client, educator, school_class, small_pages
):
    pupils(school_class, 3)
    client.force_login(educator)
    assert report_page(client, school_class, "?page=abc").status_code == 200
    assert ">pupil-00<" in report_page(client, school_class, "?page=-4").content.decode()
    response = report_page(client, school_class, "?page=99")
    assert response.status_code == 302 and response["Location"].endswith("?page=2")


def test_a_class_that_fits_on_one_page_has_no_page_links(client, educator, school_class):
    pupils(school_class, 3)
    client.force_login(educator)
    page = report_page(client, school_class).content.decode()
    assert "Pupils who need help:" not in page and 'rel="next"' not in page


def test_another_educator_cannot_page_through_the_report(client, school_class, small_pages):
    pupils(school_class, 3)
    client.force_login(EducatorFactory())
    assert report_page(client, school_class, "?page=2").status_code == 404


def test_a_page_costs_the_same_queries_as_the_first(
    client, educator, school_class, tree, small_pages
):
    for pupil in pupils(school_class, 5):
        LessonCompletion.objects.create(
            learner=pupil,
            lesson_key=tree.lessons[0].translation_key,
            module_key=tree.module.translation_key,
            source="marked_done",
        )
    client.force_login(educator)
    counts = []
    for number in (1, 3):
        report_page(client, school_class)  # warm the site and locale caches
        with CaptureQueriesContext(connection) as queries:
            report_page(client, school_class, f"?page={number}")
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_cells_of_a_slice_are_those_of_the_whole_report(school_class, tree):
    everyone = pupils(school_class, 4)
    LessonCompletion.objects.create(
        learner=everyone[3],
        lesson_key=tree.lessons[1].translation_key,
        module_key=tree.module.translation_key,
        source="marked_done",
    )
    fail_three_times(everyone[2], tree.module)
    whole = class_report(school_class)
    part = class_report(school_class, shown=slice(2, 4))
    assert [row.pupil for row in part.rows] == everyone[2:]
    assert [row.cells for row in part.rows] == [row.cells for row in whole.rows[2:]]
    assert part.needing_help == whole.needing_help == [everyone[2]]
    assert part.hardest == whole.hardest


def test_the_csv_export_has_every_pupil_whatever_the_page_size(
    client, educator, school_class, small_pages
):
    everyone = pupils(school_class, 5)
    client.force_login(educator)
    response = client.get(reverse("classrooms:report_csv", args=[school_class.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[0] for row in rows[1:]] == [p.username for p in everyone]
