import pytest
from wagtail.models import Locale

from accounts.models import User
from courses.factories import build_course_tree
from courses.models import LessonCompletion, QuizAttempt


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
    certificates = page.locator("#certificates-heading + p")
    assert certificates.get_by_role("link", name="Sign in").get_attribute("href") == (
        "/en/account/login/?next=/en/my-learning/"
    )
    assert certificates.get_by_role("link", name="create an account").is_visible()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_arabic_visitor_signs_up_as_a_child_and_keeps_lesson_and_quiz_in_english(
    migrated_db, live_server, page
):
    tree = build_course_tree(lesson_count=2, quizzes=True, translate_to=["ar"])
    lesson = tree.lessons[0].get_translation(Locale.objects.get(language_code="ar"))

    # Anonymous, in Arabic: the knowledge check is passed, which completes the lesson.
    page.goto(f"{live_server.url}{lesson.url}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    check_answers(page, "check")
    page.locator(".quiz__form button[type=submit]").click()
    page.locator("[data-quiz-result] .quiz-result--passed").wait_for()
    page.reload()
    assert page.locator(".lesson-progress__done").is_visible()

    # Sign up as a 13-year-old in the United Kingdom (age of digital consent: 13).
    page.locator(".account-links").get_by_role("link", name="إنشاء حساب").click()
    page.get_by_role("link", name="أنا طفل").click()
    page.fill("#id_username", "layla")
    page.fill("#id_password1", "layla-kite-river-42")
    page.fill("#id_password2", "layla-kite-river-42")
    page.locator("input[name=age_band][value='13']").check()
    page.select_option("#id_country", "GB")
    page.locator("main button[type=submit]").click()
    # The recovery code is shown once; then sign-up brings the learner back to the lesson.
    page.wait_for_url("**/ar/account/recovery-code/?next=*")
    page.get_by_role("link", name="احتفظت بالرمز").click()
    page.wait_for_url(f"**{lesson.url}")
    learner = User.objects.get(username="layla")
    assert learner.kind == User.Kind.CHILD
    # The progress made before signing up now belongs to the account.
    assert LessonCompletion.objects.filter(learner=learner).count() == 1
    assert QuizAttempt.objects.filter(learner=learner, passed=True).count() == 1

    # Switch to English and open My learning.
    page.locator(".language-switcher summary").click()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"**{tree.lessons[0].url}")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".site-header").get_by_role("link", name="My learning").click()
    page.wait_for_url("**/en/my-learning/")

    in_progress = page.locator("#in-progress-heading + ul")
    assert tree.path.title in in_progress.inner_text()
    assert "33% done" in in_progress.inner_text()  # 1 of 2 lessons and the final quiz
    assert f"Next: {tree.lessons[1].title}" in in_progress.inner_text()
    history = page.locator(".attempts tbody tr")
    assert history.count() == 1
    assert tree.lessons[0].title in history.inner_text()
    assert "100%" in history.inner_text()
    assert "Passed" in history.inner_text()
    # Signed in: no "progress saved in this browser only" notice, no sign-in prompt.
    assert "saved in this browser only" not in page.content()
    assert page.locator("#certificates-heading + p").inner_text() == (
        "Finish a module to get a certificate."
    )
