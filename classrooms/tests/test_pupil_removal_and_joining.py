"""Destructive pupil actions ask first; adults never join a class as pupils."""

import pytest
from django.urls import reverse

from accounts.factories import AdultFactory, ChildFactory
from accounts.models import User
from classrooms.factories import EducatorFactory, add_pupil, class_taught_by
from classrooms.models import ClassPupil
from courses.models import LessonCompletion

pytestmark = pytest.mark.django_db


@pytest.fixture
def educator():
    return EducatorFactory()


@pytest.fixture
def school_class(educator):
    return class_taught_by(educator, name="5B")


def test_delete_pupil_asks_first_naming_what_goes_and_get_changes_nothing(
    client, educator, school_class
):
    pupil = add_pupil(school_class, ChildFactory(display_name="Sami"), created_by=educator)
    LessonCompletion.objects.create(
        learner=pupil,
        lesson_key="00000000-0000-0000-0000-000000000001",
        module_key="00000000-0000-0000-0000-000000000002",
        source="marked_done",
    )
    url = reverse("classrooms:delete_pupil", args=[school_class.pk, pupil.pk])
    client.force_login(educator)
    page = client.get(url).content.decode()
    for words in ["Sami", "progress", "quiz attempts", "certificates", "parent links"]:
        assert words in page
    assert 'class="button button--danger"' in page and "csrfmiddlewaretoken" in page
    assert User.objects.filter(pk=pupil.pk).exists()
    assert LessonCompletion.objects.filter(learner=pupil).exists()
    client.post(url)
    assert not User.objects.filter(pk=pupil.pk).exists()
    assert not LessonCompletion.objects.filter(learner=pupil).exists()


def test_remove_pupil_asks_first_and_get_changes_nothing(client, educator, school_class):
    pupil = add_pupil(school_class, ChildFactory())
    url = reverse("classrooms:remove_pupil", args=[school_class.pk, pupil.pk])
    client.force_login(educator)
    assert "button--danger" in client.get(url).content.decode()
    assert ClassPupil.objects.filter(pupil=pupil).exists()
    client.force_login(EducatorFactory())
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("role", [User.Role.PARENT, User.Role.EDUCATOR])
def test_adults_cannot_join_a_class_as_pupils(client, school_class, role):
    client.force_login(AdultFactory(role=role))
    page = client.get(reverse("classrooms:join")).content.decode()
    assert "Only learner accounts of children and teenagers" in page
    assert 'name="code"' not in page
    response = client.post(reverse("classrooms:join"), {"code": school_class.join_code})
    assert response.status_code == 403
    assert not ClassPupil.objects.exists()


def test_adults_are_told_in_their_language(client, school_class):
    client.force_login(AdultFactory())
    with_prefix = reverse("classrooms:join").replace("/en/", "/fr/", 1)
    page = client.get(with_prefix).content.decode()
    assert "Seuls les comptes" in page
