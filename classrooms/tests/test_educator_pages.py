"""Educators' pages: the class audience filters the assign list, a "My classes" link in
the site header, full-width pages with grouped buttons and one success message."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.factories import AdultFactory, ChildFactory
from accounts.models import User
from classrooms.factories import EducatorFactory, add_pupil, class_taught_by
from classrooms.models import Assignment, Class
from courses.factories import (
    AudiencePageFactory,
    LearningPathPageFactory,
    ModulePageFactory,
    build_course_tree,
)
from courses.models.pages import AgeBand

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_audiences():
    """Children 9-12 (the course tree) and teens, each with a path and a module."""
    tree = build_course_tree(lesson_count=1)
    teens = AudiencePageFactory(parent=tree.home, title="Teens", age_band=AgeBand.AGE_13_17)
    teen_path = LearningPathPageFactory(parent=teens, title="Teen path")
    teen_module = ModulePageFactory(parent=teen_path, title="Sextortion")
    return tree, teens, teen_module


def test_a_class_is_created_and_edited_with_an_audience(client, two_audiences):
    tree, teens, _module = two_audiences
    educator = EducatorFactory()
    client.force_login(educator)
    form = client.get(reverse("classrooms:create")).content.decode()
    assert "Children (9 to 12)" in form and ">Teens<" in form
    client.post(
        reverse("classrooms:create"),
        {"name": "6B", "language": "es", "audience": str(tree.audience.translation_key)},
    )
    school_class = Class.objects.get(name="6B")
    assert school_class.audience == tree.audience.translation_key
    response = client.post(
        reverse("classrooms:edit", args=[school_class.pk]),
        {"name": "6B", "language": "es", "audience": str(teens.translation_key)},
    )
    assert response.status_code == 302
    school_class.refresh_from_db()
    assert school_class.audience == teens.translation_key
    bad = client.post(
        reverse("classrooms:edit", args=[school_class.pk]),
        {"name": "6B", "language": "es", "audience": "not-an-audience"},
    )
    assert bad.status_code == 200 and "Select a valid choice" in bad.content.decode()
    school_class.refresh_from_db()
    assert school_class.audience == teens.translation_key
    client.force_login(EducatorFactory())
    assert client.get(reverse("classrooms:edit", args=[school_class.pk])).status_code == 404


def test_assign_offers_the_class_audience_and_all_audiences_on_request(client, two_audiences):
    tree, teens, teen_module = two_audiences
    educator = EducatorFactory()
    school_class = class_taught_by(educator, audience=teens.translation_key)
    client.force_login(educator)
    url = reverse("classrooms:assign", args=[school_class.pk])
    page = client.get(url).content.decode()
    assert f"module:{teen_module.translation_key}" in page
    assert f"module:{tree.module.translation_key}" not in page
    assert f'href="{url}?audiences=all">Show modules for other audiences</a>' in page
    client.post(url, {"content": f"module:{tree.module.translation_key}"})
    assert not Assignment.objects.exists()
    everything = client.get(url + "?audiences=all").content.decode()
    assert f"module:{tree.module.translation_key}" in everything
    client.post(url + "?audiences=all", {"content": f"module:{tree.module.translation_key}"})
    assert Assignment.objects.get().content_key == tree.module.translation_key


def header(html):
    return re.search(r'<header class="site-header">.*?</header>', html, re.S).group(0)


@pytest.mark.parametrize(("language", "label"), [("en", "My classes"), ("ar", "صفوفي")])
def test_the_header_links_educators_to_their_classes(client, language, label):
    build_course_tree(lesson_count=1)
    with translation.override(language):
        classes = reverse("classrooms:list")
        home = reverse("courses:my_learning")
    client.force_login(EducatorFactory())
    html = header(client.get(home).content.decode())
    assert f'<a class="site-header__link" href="{classes}">{label}</a>' in html
    for user in [ChildFactory(), AdultFactory(role=User.Role.PARENT)]:
        client.force_login(user)
        assert classes not in header(client.get(home).content.decode())
    client.logout()
    assert classes not in header(client.get(home).content.decode())


def test_class_pages_are_wide_and_keep_destructive_actions_in_a_danger_zone(client):
    educator = EducatorFactory()
    school_class = class_taught_by(educator)
    pupil = add_pupil(school_class, ChildFactory(), created_by=educator)
    client.force_login(educator)
    for name in ["detail", "assign", "report"]:
        html = client.get(reverse(f"classrooms:{name}", args=[school_class.pk])).content.decode()
        assert '<body class="wide-page">' in html
    html = client.get(reverse("classrooms:detail", args=[school_class.pk])).content.decode()
    actions, danger = html.split('<section class="danger-zone"')
    for everyday in ["assign", "report", "add_pupils", "cards"]:
        assert (
            f'class="button" href="{reverse(f"classrooms:{everyday}", args=[school_class.pk])}"'
            in actions
        )
    assert reverse("classrooms:archive", args=[school_class.pk]) in danger
    assert reverse("classrooms:archive", args=[school_class.pk]) not in actions
    pupil_url = reverse("classrooms:pupil", args=[school_class.pk, pupil.pk])
    html = client.get(pupil_url).content.decode()
    actions, danger = html.split('<section class="danger-zone"')
    for destructive in ["remove_pupil", "delete_pupil"]:
        url = reverse(f"classrooms:{destructive}", args=[school_class.pk, pupil.pk])
        assert url in danger and url not in actions


@pytest.mark.parametrize(
    ("action", "message"),
    [("archive", "The class is archived."), ("regenerate_code", "The class has a new code.")],
)
def test_an_action_shows_one_success_message(client, action, message):
    educator = EducatorFactory()
    school_class = class_taught_by(educator)
    client.force_login(educator)
    response = client.post(reverse(f"classrooms:{action}", args=[school_class.pk]), follow=True)
    assert response.content.decode().count(message) == 1
