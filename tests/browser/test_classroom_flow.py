import pytest

from accounts.factories import PASSWORD
from classrooms.factories import EducatorFactory
from courses.factories import build_course_tree


def sign_in(page, base, username, password):
    page.context.clear_cookies()
    page.goto(f"{base}/en/account/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def check_answers(page, quiz_id):
    for choice in ("q1-a", "q2-a", "q2-c", "q3-b"):
        page.locator(f'input[value="{quiz_id}-{choice}"]').check()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_educator_creates_pupils_assigns_a_module_and_sees_it_done(migrated_db, live_server, page):
    tree = build_course_tree(lesson_count=2, quizzes=True)
    EducatorFactory(username="teacher")
    base = live_server.url

    # The educator creates a class and three pupil accounts, and opens the cards.
    sign_in(page, base, "teacher", PASSWORD)
    page.goto(f"{base}/en/classes/new/")
    page.fill("input[name=name]", "Blue class")
    page.locator("main form button[type=submit]").click()
    page.get_by_role("link", name="Add pupils").click()
    page.fill("textarea[name=names]", "Sam\nAli\nZoé")
    page.select_option("select[name=age_band]", "under_13")
    page.locator("main form button[type=submit]").click()
    assert page.locator(".login-card").count() == 3
    username = page.locator(".card-username").first.inner_text()
    password = page.locator(".card-password").first.inner_text()

    # It assigns the module to the whole class.
    page.get_by_role("link", name="Back to the class").click()
    page.get_by_role("link", name="Assign work").first.click()
    page.select_option("select[name=content]", f"module:{tree.module.translation_key}")
    page.locator("main form button[type=submit]").click()
    assert page.locator(".report tbody tr").count() == 3

    # A pupil signs in with the card and completes the module.
    sign_in(page, base, username, password)
    page.goto(f"{base}/en/classes/assigned/")
    page.get_by_role("link", name=tree.module.title).click()
    module_url = page.url
    first, second = tree.lessons
    page.goto(f"{base}{first.url}")
    check_answers(page, "check")
    page.locator(".quiz__form button[type=submit]").click()
    page.locator("[data-quiz-result] .quiz-result--passed").wait_for()
    page.goto(f"{base}{second.url}")
    page.locator("#lesson-progress button[type=submit]").click()
    page.locator(".lesson-progress__done").wait_for()
    page.goto(module_url)
    check_answers(page, "final")
    page.locator(".quiz__form button[type=submit]").click()
    page.locator("[data-quiz-result] .quiz-result--passed").wait_for()

    # The class report shows it done.
    sign_in(page, base, "teacher", PASSWORD)
    page.goto(f"{base}/en/classes/")
    page.get_by_role("link", name="Blue class").click()
    page.get_by_role("link", name="Class report").click()
    assert page.locator(".report td.status-done").count() == 1
    assert page.locator(".report td.status-not_started").count() == 2
