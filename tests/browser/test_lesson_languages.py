import pytest

from courses.factories import build_course_tree


@pytest.fixture
def tree(migrated_db):
    return build_course_tree(lesson_count=2, translate_to=["fr", "es", "ar", "zh-hans"])


def localized(page, code):
    return page.get_translations(inclusive=True).get(locale__language_code=code)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_arabic_lesson_reads_right_to_left_leads_on_and_switches_to_chinese(
    tree, live_server, page
):
    first, second = (localized(lesson, "ar") for lesson in tree.lessons)
    chinese = localized(tree.lessons[1], "zh-hans")

    page.goto(f"{live_server.url}{first.url}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    # The stylesheet lays the page out right to left, not only the attribute.
    assert page.locator("h1").evaluate("el => getComputedStyle(el).direction") == "rtl"

    page.locator("a[rel=next]").click()
    page.wait_for_url(f"**{second.url}")
    assert page.locator("h1").inner_text() == second.title

    page.locator(".language-switcher summary").click()
    page.get_by_role("link", name="简体中文").click()
    page.wait_for_url(f"**{chinese.url}")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("h1").inner_text() == chinese.title


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_lesson_works_with_javascript_off_and_keyboard_reaches_the_content(
    tree, live_server, browser
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}{localized(tree.lessons[0], 'fr').url}")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main-content"
    page.locator(".language-switcher summary").click()
    page.get_by_role("link", name="Español").click()
    assert page.locator("html").get_attribute("lang") == "es"
    context.close()
