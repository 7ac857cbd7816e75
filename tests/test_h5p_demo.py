"""The demo H5P activity: `make run` places it in a children's lesson in every language."""

from io import StringIO

import pytest
from django.core.management import call_command

from courses.models import LessonPage
from h5p.demo import DEMO_BLOCK_ID, DEMO_LESSON_URL_PATH
from h5p.models import H5PActivity


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def lessons_with_the_demo():
    return [
        lesson
        for lesson in LessonPage.objects.filter(url_path__endswith=DEMO_LESSON_URL_PATH)
        if any(child.id == DEMO_BLOCK_ID for child in lesson.body)
    ]


@pytest.mark.slow
@pytest.mark.django_db
def test_the_demo_activity_is_placed_in_a_childrens_lesson_in_six_languages_once(client):
    call_command("load_curriculum", "--module", "my-private-information", stdout=StringIO())
    for _ in range(2):
        call_command("load_demo_activity", stdout=StringIO())
    assert H5PActivity.objects.count() == 1
    lessons = lessons_with_the_demo()
    assert len(lessons) == 6
    assert len({str(lesson.translation_key) for lesson in lessons}) == 1
    arabic = next(lesson for lesson in lessons if lesson.locale.language_code == "ar")
    page = client.get(arabic.url).content.decode()
    assert "data-h5p-activity" in page and f"/{DEMO_BLOCK_ID}/" in page
    assert page.count("data-h5p-activity") == 1


@pytest.mark.django_db
def test_without_the_curriculum_the_demo_activity_is_installed_and_placed_nowhere():
    out = StringIO()
    call_command("load_demo_activity", stdout=out)
    assert H5PActivity.objects.count() == 1
    assert "no lesson" in out.getvalue()
