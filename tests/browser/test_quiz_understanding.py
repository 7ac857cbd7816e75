"""A learner in a browser: the pre-test, choice order across a language switch, the next step."""

import pytest
from wagtail.models import Locale

from courses.factories import SAMPLE_RIGHT_ANSWERS, build_course_tree


def choice_order(page):
    return page.locator(".quiz__form input[name=q-final-q2]").evaluate_all(
        "inputs => inputs.map(input => input.value)"
    )


def answer(page, answers):
    for question, choices in answers.items():
        for choice in choices:
            page.locator(f'.quiz__form input[value="final-{question}-{choice}"]').check()
    page.locator(".quiz__form button[type=submit]").click()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_learner_takes_the_pre_test_then_passes_and_is_sent_to_the_lessons_left(
    migrated_db, live_server, page
):
    tree = build_course_tree(lesson_count=2, quizzes=True, translate_to=["fr"])
    french = tree.module.get_translation(Locale.objects.get(language_code="fr"))

    # In French, the pre-test says what it is before it starts.
    page.goto(f"{live_server.url}{french.url}")
    pre_test = page.locator(".quiz--pre-test")
    assert "Ce test ne compte pas" in pre_test.inner_text()
    order = choice_order(page)
    assert sorted(order) == ["final-q2-a", "final-q2-b", "final-q2-c"]

    # Switching language mid-attempt keeps the order of the choices.
    page.locator(".language-switcher summary").click()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"**{tree.module.url}")
    assert choice_order(page) == order

    # The pre-test's result, in place, reveals no right answer.
    answer(page, {"q1": ["b"], "q2": ["b"], "q3": ["a"]})
    result = page.locator("[data-quiz-result] .quiz-result--pre-test")
    result.wait_for()
    assert "Thank you: your answers are saved." in result.inner_text()
    assert "Right answer" not in page.content()
    assert "A favourite colour cannot tell anyone" not in page.content()

    # The final quiz, passed before any lesson: the lessons left come next, linked.
    page.goto(f"{live_server.url}{tree.module.url}")
    answer(page, SAMPLE_RIGHT_ANSWERS)
    next_step = page.locator("[data-quiz-result] .next-step")
    next_step.wait_for()
    assert (
        "In the pre-test: Your favourite colour" in page.locator("[data-quiz-result]").inner_text()
    )
    next_step.get_by_role("link", name=tree.lessons[1].title).click()
    page.wait_for_url(f"**{tree.lessons[1].url}")
