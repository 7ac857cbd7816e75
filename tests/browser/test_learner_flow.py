import pytest
from wagtail.models import Locale

from courses.factories import build_course_tree


def check_answers(page, quiz_id):
    for choice in ("q1-a", "q2-a", "q2-c", "q3-b"):
        page.locator(f'input[value="{quiz_id}-{choice}"]').check()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_anonymous_arabic_learner_takes_quizzes_and_finds_progress_in_english(
    migrated_db, live_server, page
):
    tree = build_course_tree(lesson_count=2, quizzes=True, translate_to=["ar"])
    arabic = Locale.objects.get(language_code="ar")
    first, second = (lesson.get_translation(arabic) for lesson in tree.lessons)
    module = tree.module.get_translation(arabic)

    # A knowledge check, answered with JavaScript on: feedback appears in place.
    page.goto(f"{live_server.url}{first.url}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    check_answers(page, "check")
    page.locator(".quiz__form button[type=submit]").click()
    result = page.locator("[data-quiz-result] .quiz-result--passed")
    result.wait_for()
    assert "أحسنت، لقد نجحت!" in result.inner_text()
    assert "Yes: your address tells people where to find you." in result.inner_text()
    assert page.url == f"{live_server.url}{first.url}"

    # The next lesson is marked done with the button.
    page.goto(f"{live_server.url}{second.url}")
    page.locator("#lesson-progress button[type=submit]").click()
    page.locator(".lesson-progress__done").wait_for()

    # The final quiz on the module page.
    page.goto(f"{live_server.url}{module.url}")
    assert page.locator(".done-mark").count() == 2
    check_answers(page, "final")
    page.locator(".quiz__form button[type=submit]").click()
    page.locator("[data-quiz-result] .quiz-result--passed").wait_for()

    # My learning, now in English, shows the same progress.
    page.goto(f"{live_server.url}/en/my-learning/")
    assert page.locator("html").get_attribute("lang") == "en"
    completed = page.locator("#completed-heading + ul")
    assert tree.module.title in completed.inner_text()
    assert "best score 100%" in completed.inner_text()
    assert page.locator(".attempts tbody tr").count() == 2
    assert "Sign in to get your certificate." in page.content()
