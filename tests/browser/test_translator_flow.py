"""A French translator's day: board, segment editor, submit for review."""

import pytest
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringTranslation

from courses.factories import build_course_tree
from localization.factories import TEST_PASSWORD, make_user, start_translation
from localization.roles import TRANSLATOR, setup_roles


@pytest.fixture
def french_tree(migrated_db):
    tree = build_course_tree(lesson_count=1)
    for page in tree.pages:
        start_translation(page, "fr")
    setup_roles()
    make_user("translator-fr", TRANSLATOR, "fr", admin_language=None)
    french = Locale.objects.get(language_code="fr")
    return tree.lessons[0].get_translation(french)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_french_translator_translates_a_segment_and_submits_the_page_for_review(
    french_tree, live_server, page
):
    lesson = french_tree
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "translator-fr")
    page.fill("#id_password", TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    # The admin speaks the translator's language from the first page on.
    assert page.locator("html").get_attribute("lang") == "fr"

    page.get_by_role("link", name="État des traductions").first.click()
    page.wait_for_url("**/admin/translations/**")
    row = page.locator("tr", has=page.locator("th", has_text=lesson.title)).first
    cell = row.locator('td[data-language="fr"]')
    assert cell.get_attribute("data-status") == "in_progress"
    cell.get_by_role("link", name="Modifier la traduction").click()
    page.wait_for_url(f"**/admin/pages/{lesson.pk}/edit/")
    # "Submit for review" sits above the segments, in view without scrolling.
    submit = page.locator("[data-submit-for-review]")
    box, viewport = submit.bounding_box(), page.viewport_size
    assert box["y"] + box["height"] <= viewport["height"]

    # wagtail-localize's segment editor: translate the first untranslated segment.
    page.get_by_role("button", name="Traduire").first.click()
    page.locator(".translation-editor textarea, textarea").first.fill("Leçon traduite")
    page.get_by_role("button", name="Enregistrer").first.click()
    # The editor saves the segment through its API and then marks it as translated.
    page.get_by_text("Traduit manuellement").first.wait_for(timeout=20_000)
    saved = StringTranslation.objects.filter(locale__language_code="fr", data="Leçon traduite")
    assert saved.exists()

    with page.expect_navigation():
        submit.click()
    assert page.get_by_text("a été soumis pour relecture").is_visible()
    state = WorkflowState.objects.get(object_id=str(lesson.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Review (fr)"
