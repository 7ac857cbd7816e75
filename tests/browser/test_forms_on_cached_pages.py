"""Forms on lessons served from the shared cache, in a real browser, JavaScript off and on.

The stored lesson carries no CSRF token: with JavaScript the token is fetched before the
form goes; without it the server answers with a fresh form to confirm.
"""

import pytest

from courses.factories import build_course_tree


def check_answers(page):
    for choice in ("q1-a", "q2-a", "q2-c", "q3-b"):
        page.locator(f'input[value="check-{choice}"]').check()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_without_javascript_quiz_and_mark_as_done_work_after_one_confirmation(
    migrated_db, live_server, browser
):
    tree = build_course_tree(lesson_count=2, quizzes=True)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        lesson = page.goto(f"{live_server.url}{tree.lessons[0].url}")
        assert "public" in lesson.headers["cache-control"]
        assert page.locator('input[name="csrfmiddlewaretoken"]').first.get_attribute("value") == ""
        check_answers(page)
        page.locator(".quiz__form button[type=submit]").click()
        # Not saved yet: the same answers come back ticked, with this browser's token.
        assert page.locator("h1").inner_text() == "Send your answers"
        assert page.locator('input[value="check-q2-c"]').is_checked()
        page.locator(".quiz__form button[type=submit]").click()
        assert "You got 3 out of 3 right" in page.locator("main").inner_text()

        # Now with a session, the next lesson is this browser's own, token included.
        page.goto(f"{live_server.url}{tree.lessons[1].url}")
        assert "private" in page.goto(page.url).headers["cache-control"]
        page.locator("#lesson-progress button[type=submit]").click()
        assert page.locator(".lesson-progress__done").is_visible()
    finally:
        context.close()

    # A new visitor, straight to "Mark as done" on a stored lesson: one confirmation.
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}{tree.lessons[1].url}")
        page.locator("#lesson-progress button[type=submit]").click()
        assert page.locator("h1").inner_text() == "Mark this lesson as done?"
        page.locator("main form button[type=submit]").click()
        assert page.locator(".lesson-progress__done").is_visible()
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_javascript_a_stored_lesson_fetches_its_token_and_marks_done_at_once(
    migrated_db, live_server, page
):
    tree = build_course_tree(lesson_count=1)
    url = f"{live_server.url}{tree.lessons[0].url}"
    page.goto(url)
    assert page.context.cookies() == []
    response = page.goto(url)  # the second visit comes from the cache
    assert response.headers.get("set-cookie") is None
    page.locator("#lesson-progress button[type=submit]").click()
    page.locator(".lesson-progress__done").wait_for()
