"""Data tables scroll inside their own box on a 320 px phone; the page never scrolls sideways.

Each box is a focusable region named after its table, so it can be reached and scrolled
with a keyboard and is announced by screen readers.
"""

import datetime
import uuid

import pytest
from django.utils import translation

from accounts.factories import PASSWORD, ChildFactory
from classrooms.factories import EducatorFactory, add_pupil, class_taught_by
from classrooms.models import Assignment
from courses.factories import build_course_tree, quiz_answers
from courses.grading import grade
from courses.models import QuizAttempt

LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]
PHONE_WIDTH = 320


def sign_in(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/en/account/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def failed_final_attempts(pupil, module):
    """A pre-test and a final quiz, both with the first question wrong."""
    wrong = {
        key.removeprefix("q-"): value
        for key, value in quiz_answers("final", {"q1": ["b"]}).items()
        if key.startswith("q-")
    }
    for kind in ("pre_test", "final"):
        QuizAttempt.objects.create(
            learner=pupil,
            uid=uuid.uuid4(),
            page_key=module.translation_key,
            module_key=module.translation_key,
            quiz_id="final",
            kind=kind,
            answers=wrong,
            results=grade(module.quiz.value, wrong).recorded_results(),
            score=2,
            max_score=3,
            pass_mark=70,
            passed=False,
        )


@pytest.fixture
def class_with_attempts(migrated_db):
    """A class with three assigned modules and a pupil who failed every final quiz."""
    tree = build_course_tree(lesson_count=1, quizzes=True, module_count=3)
    educator = EducatorFactory()
    school_class = class_taught_by(educator, name="Blue class")
    pupil = add_pupil(school_class, ChildFactory(display_name="Pupil with a long name"))
    for module in tree.modules:
        Assignment.objects.create(
            school_class=school_class,
            kind="module",
            content_key=module.translation_key,
            due_date=datetime.date(2030, 12, 24),
        )
        failed_final_attempts(pupil, module)
    return educator, pupil, school_class


def check_fits_with_named_regions(page, url, labels, language):
    page.goto(url)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH, url
    for label in labels:
        with translation.override(language):
            name = translation.gettext(label)
        region = page.get_by_role("region", name=name, exact=True)
        assert region.locator("table").count() == 1, (url, name)
        assert region.get_attribute("tabindex") == "0", (url, name)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_quiz_history_and_class_report_fit_a_320_px_phone_in_every_language(
    class_with_attempts, live_server, browser
):
    educator, pupil, school_class = class_with_attempts
    context = browser.new_context(viewport={"width": PHONE_WIDTH, "height": 740})
    page = context.new_page()
    base = live_server.url
    sign_in(page, base, pupil.username)
    for language in LANGUAGES:
        check_fits_with_named_regions(
            page, f"{base}/{language}/my-learning/", ["Table of quiz attempts"], language
        )
    sign_in(page, base, educator.username)
    for language in LANGUAGES:
        check_fits_with_named_regions(
            page,
            f"{base}/{language}/classes/{school_class.pk}/report/",
            ["Class report", "Hardest questions"],
            language,
        )
    context.close()
