"""Class pages name course content in the class's language, whatever the educator reads.

A Spanish class reads Spanish module titles and questions, so its report, assign list,
hardest questions and CSV show those, with the English source where no translation
exists, each marked with its own lang/dir.
"""

import csv
import io
import uuid

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from accounts.factories import ChildFactory
from classrooms.factories import EducatorFactory, add_pupil, class_taught_by
from classrooms.models import Assignment
from courses.factories import build_course_tree, quiz_answers
from courses.grading import grade
from courses.models import QuizAttempt

pytestmark = pytest.mark.django_db

LANGUAGES = ["ar", "es", "fr", "ru", "zh-hans"]
DIRECTION = {"ar": "rtl"}


def translated_tree(language):
    """Two modules translated into `language`; the second's translation withdrawn, and
    the first's question 1 reworded."""
    tree = build_course_tree(lesson_count=1, quizzes=True, module_count=2, translate_to=(language,))
    locale = Locale.objects.get(language_code=language)
    first = tree.modules[0].get_translation(locale).specific
    first.final_quiz[0].value["questions"][0]["text"] = f"Private? [{language}]"
    first.save_revision().publish()
    tree.modules[1].get_translation(locale).unpublish()
    return tree


def wrong_final_attempt(pupil, module):
    answers = {
        key.removeprefix("q-"): value
        for key, value in quiz_answers("final", {"q1": ["b"]}).items()
        if key.startswith("q-")
    }
    QuizAttempt.objects.create(
        learner=pupil,
        uid=uuid.uuid4(),
        page_key=module.translation_key,
        module_key=module.translation_key,
        quiz_id="final",
        kind="final",
        answers=answers,
        results=grade(module.quiz.value, answers).recorded_results(),
        score=2,
        max_score=3,
        pass_mark=70,
        passed=False,
    )


def class_with_work(language):
    tree = translated_tree(language)
    educator = EducatorFactory()
    school_class = class_taught_by(educator, language=language)
    pupil = add_pupil(school_class, ChildFactory())
    for module in tree.modules:
        Assignment.objects.create(
            school_class=school_class, kind="module", content_key=module.translation_key
        )
        wrong_final_attempt(pupil, module)
    return tree, educator, school_class


def url(name, school_class, ui):
    with translation.override(ui):
        return reverse(f"classrooms:{name}", args=[school_class.pk])


@pytest.mark.parametrize("language", LANGUAGES)
def test_report_shows_titles_and_questions_in_the_class_language_marking_the_source(
    client, language
):
    tree, educator, school_class = class_with_work(language)
    client.force_login(educator)
    html = client.get(url("report", school_class, "en")).content.decode()
    direction = DIRECTION.get(language, "ltr")
    assert (
        f'<span lang="{language}" dir="{direction}">My private information [{language}]</span>'
        in html
    )
    assert f'<span lang="{language}" dir="{direction}">Private? [{language}]</span>' in html
    # The untranslated module: the English source, unmarked on an English page ...
    assert ">My private information<" in html
    # ... and marked as English on a page in another language.
    other = "ar" if language != "ar" else "es"
    html = client.get(url("report", school_class, other)).content.decode()
    assert '<span lang="en" dir="ltr">My private information</span>' in html
    assert '<span lang="en" dir="ltr">Which of these is private information?</span>' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_csv_header_names_modules_in_the_class_language(client, language):
    tree, educator, school_class = class_with_work(language)
    client.force_login(educator)
    response = client.get(url("report_csv", school_class, "en"))
    header = next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert header[3] == f"My private information [{language}]"
    assert header[6] == "My private information"


@pytest.mark.parametrize("language", LANGUAGES)
def test_assign_list_offers_titles_in_the_class_language(client, language):
    tree, educator, school_class = class_with_work(language)
    client.force_login(educator)
    html = client.get(url("assign", school_class, "en")).content.decode()
    first, second = (m.translation_key for m in tree.modules)
    direction = DIRECTION.get(language, "ltr")
    assert (
        f'<option value="module:{first}" lang="{language}" dir="{direction}">'
        f"Staying safe online [{language}] › My private information [{language}]</option>"
    ) in html
    assert f'<option value="module:{second}" lang="en" dir="ltr">' in html
