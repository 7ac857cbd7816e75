"""The class report's CSV opens safely and readably in spreadsheets in every language."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.factories import ChildFactory
from classrooms.factories import EducatorFactory, add_pupil, class_taught_by
from classrooms.models import Assignment
from courses.factories import build_course_tree

pytestmark = pytest.mark.django_db


def test_report_csv_is_utf8_with_bom_crlf_and_neutralised_formulas(client):
    tree = build_course_tree(lesson_count=1)
    educator = EducatorFactory()
    school_class = class_taught_by(educator, name="Blue")
    add_pupil(school_class, ChildFactory(display_name='=HYPERLINK("http://evil.example","x")'))
    add_pupil(school_class, ChildFactory(display_name="ليلى"))
    add_pupil(school_class, ChildFactory(display_name="小明"))
    Assignment.objects.create(
        school_class=school_class, kind="module", content_key=tree.module.translation_key
    )
    client.force_login(educator)

    with translation.override("en"):
        url = reverse("classrooms:report_csv", args=[school_class.pk])
    response = client.get(url)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="class-{school_class.pk}-report.csv"'
    )
    data = response.content
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == 4
    assert b"\n" not in data.replace(b"\r\n", b"")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][0] == "Username"
    names = {row[1] for row in rows[1:]}
    assert names == {'\'=HYPERLINK("http://evil.example","x")', "ليلى", "小明"}
