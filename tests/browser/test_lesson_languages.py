import pytest
from django.core.management import call_command

from courses.models import LessonPage

LESSON_PATH = "children/staying-safe-online/my-private-information/what-is-private-information/"


@pytest.fixture
def curriculum(migrated_db):
    call_command("load_curriculum", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_arabic_lesson_reads_right_to_left_leads_on_and_switches_to_chinese(
    curriculum, live_server, page
):
    next_lesson = LessonPage.objects.get(locale__language_code="ar", slug="keeping-it-private")
    chinese = LessonPage.objects.get(locale__language_code="zh-hans", slug="keeping-it-private")

    page.goto(f"{live_server.url}/ar/{LESSON_PATH}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    # Right-to-left layout: the heading's text starts at the right edge.
    assert page.locator("h1").evaluate("el => getComputedStyle(el).direction") == "rtl"

    page.locator("a[rel=next]").click()
    page.wait_for_url(
        f"**/ar/{LESSON_PATH.replace('what-is-private-information', 'keeping-it-private')}"
    )
    assert page.locator("h1").inner_text() == next_lesson.title

    page.locator(".language-switcher summary").click()
    page.get_by_role("link", name="简体中文").click()
    page.wait_for_url("**/zh-hans/**/keeping-it-private/")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("h1").inner_text() == chinese.title


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_lesson_works_with_javascript_off_and_keyboard_reaches_the_content(
    curriculum, live_server, browser
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/fr/{LESSON_PATH}")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main-content"
    page.locator(".language-switcher summary").click()
    page.get_by_role("link", name="Español").click()
    assert page.locator("html").get_attribute("lang") == "es"
    context.close()
