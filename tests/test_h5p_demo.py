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
    assert "هل من الآمن أن تشارك كلمة مرورك؟" in page  # the heading, as a segment
    # The activity plays with the Arabic texts, translated as segments of the lesson.
    activity = H5PActivity.objects.get()
    content = client.get(
        f"/h5p/content/{activity.pk}/lessons/{arabic.pk}/{DEMO_BLOCK_ID}/content/content.json"
    ).json()
    assert content["question"] == "لا بأس بأن تخبر أعز أصدقائك بكلمة مرورك."
    assert content["l10n"] == {"trueText": "صح", "falseText": "خطأ"}
    assert content["correct"] == "false"
    for lesson in lessons:
        block = next(child for child in lesson.body if child.id == DEMO_BLOCK_ID)
        texts = list(block.value["texts"])
        assert len(texts) == 3 and all(texts)
        if lesson.locale.language_code != "en":
            assert "True" not in texts, lesson.locale.language_code


@pytest.mark.django_db
def test_without_the_curriculum_the_demo_activity_is_installed_and_placed_nowhere():
    out = StringIO()
    call_command("load_demo_activity", stdout=out)
    assert H5PActivity.objects.count() == 1
    assert "no lesson" in out.getvalue()
