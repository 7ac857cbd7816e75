"""An archived class: kept for its records, closed to new pupils, listed apart, and its
work no longer on its pupils' lists."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.factories import ChildFactory
from classrooms.factories import EducatorFactory, add_pupil, class_taught_by
from classrooms.models import Assignment
from courses.factories import build_course_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def educator():
    return EducatorFactory()


@pytest.fixture
def school_class(educator):
    return class_taught_by(educator, name="Blue")


def archive(client, educator, school_class):
    client.force_login(educator)
    client.post(reverse("classrooms:archive", args=[school_class.pk]))
    school_class.refresh_from_db()


def test_an_archived_class_takes_no_one_by_its_code_until_it_is_brought_back(
    client, educator, school_class
):
    archive(client, educator, school_class)
    assert school_class.archived
    client.force_login(ChildFactory())
    client.post(reverse("classrooms:join"), {"code": school_class.join_code})
    assert not school_class.pupil_links.exists()

    archive(client, educator, school_class)  # the same button brings it back
    assert not school_class.archived
    client.force_login(ChildFactory())
    client.post(reverse("classrooms:join"), {"code": school_class.join_code})
    assert school_class.pupil_links.count() == 1


def test_its_educator_cannot_add_pupils_to_an_archived_class(client, educator, school_class):
    archive(client, educator, school_class)
    add = reverse("classrooms:add_pupils", args=[school_class.pk])
    users_before = get_user_model().objects.count()
    assert client.get(add).status_code == 403
    response = client.post(add, {"names": "Sami\nLina", "age_band": "9"})
    assert response.status_code == 403
    assert get_user_model().objects.count() == users_before
    detail = client.get(reverse("classrooms:detail", args=[school_class.pk])).content.decode()
    assert add not in detail
    assert "(archived)" in detail


def test_an_archived_class_is_listed_after_the_others_and_marked(client, educator, school_class):
    class_taught_by(educator, name="Yellow")
    archive(client, educator, school_class)
    html = client.get(reverse("classrooms:list")).content.decode()
    items = re.findall(r"<li>.*?</li>", html, re.S)
    names = [name for item in items for name in ("Blue", "Yellow") if name in item]
    assert names == ["Yellow", "Blue"]
    blue = next(item for item in items if "Blue" in item)
    yellow = next(item for item in items if "Yellow" in item)
    assert "archived" in blue and "archived" not in yellow


def test_pupils_no_longer_see_the_work_of_an_archived_class(client, educator, school_class):
    tree = build_course_tree(lesson_count=1)
    pupil = add_pupil(school_class, ChildFactory())
    Assignment.objects.create(
        school_class=school_class, kind="module", content_key=tree.module.translation_key
    )
    client.force_login(pupil)
    assert tree.module.title in client.get(reverse("classrooms:assigned")).content.decode()

    archive(client, educator, school_class)
    client.force_login(pupil)
    assert tree.module.title not in client.get(reverse("classrooms:assigned")).content.decode()
