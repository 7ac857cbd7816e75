"""A signed-in learner plays a "What would you do?" scenario in Arabic, with JavaScript on.

The curriculum's own scenario (my-private-information, in its Arabic translation) is
played in place: the choice is posted without reloading the page, focus moves to what
happened, "Try again" brings the choices back, and the best outcome completes the
lesson in the learner's records.
"""

from io import StringIO

import pytest
from django.core.management import call_command

from accounts.factories import PASSWORD, ChildFactory
from courses.models import LessonCompletion, LessonPage, QuizAttempt


def sign_in(page, base_url, user):
    page.goto(f"{base_url}/ar/account/login/")
    page.locator("input[name=username]").fill(user.username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_learner_plays_a_scenario_in_arabic_in_place(migrated_db, live_server, page):
    call_command("load_curriculum", "--module", "my-private-information", stdout=StringIO())
    lesson = LessonPage.objects.get(locale__language_code="ar", slug="keeping-it-private")
    learner = ChildFactory()
    sign_in(page, live_server.url, learner)

    page.goto(f"{live_server.url}{lesson.url}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    scenario = page.locator("#scenario-scenario-keep")
    assert scenario.get_by_role("heading", name="ماذا كنت ستفعل؟").is_visible()
    choices = scenario.locator("fieldset button")
    assert choices.count() == 3
    # The choices are read right to left: each starts at the right edge of the fieldset.
    box, first = scenario.locator("fieldset").bounding_box(), choices.first.bounding_box()
    assert abs((box["x"] + box["width"]) - (first["x"] + first["width"])) < 2

    # A choice that is not the best: its consequence, in place, with the focus on it.
    page.evaluate("window.notReloaded = true")
    scenario.get_by_role("button", name="اكتب بياناتك بسرعة").click()
    outcome = scenario.locator("[data-scenario-outcome]")
    outcome.wait_for()
    assert "لا يوجد هاتف" in outcome.inner_text()
    assert page.evaluate("document.activeElement.id") == "scenario-scenario-keep-outcome"
    assert page.evaluate("window.notReloaded") is True
    assert not LessonCompletion.objects.filter(learner=learner).exists()

    # "Try again" with the keyboard brings the choices back; the best choice completes.
    scenario.get_by_role("link", name="حاول مرة أخرى").focus()
    page.keyboard.press("Enter")
    best = scenario.get_by_role("button", name="أغلق الصفحة واسأل شخصًا بالغًا تثق به")
    best.wait_for()
    assert page.evaluate("document.activeElement.value") == "scenario-keep-a"
    best.focus()
    page.keyboard.press("Enter")
    scenario.locator(".scenario__best").wait_for()
    assert "وصلت إلى أفضل نتيجة." in scenario.inner_text()
    assert page.evaluate("window.notReloaded") is True

    attempts = QuizAttempt.objects.filter(learner=learner, quiz_id="scenario-keep")
    assert sorted(attempts.values_list("passed", flat=True)) == [False, True]
    completion = LessonCompletion.objects.get(learner=learner)
    assert completion.lesson_key == lesson.translation_key
