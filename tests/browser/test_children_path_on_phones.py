"""The children's learning path on a 390 px phone in Arabic: no sideways scroll, big targets.

Cards, the module page's lesson links and buttons, and the lesson pager must each be at
least 44 x 44 px so small fingers hit them; icons sit beside the text, never instead of it.
"""

import pytest

from courses.factories import build_course_tree

PHONE = {"width": 390, "height": 844}
MIN_TARGET = 44


def translated(page, code):
    return type(page).objects.get(translation_key=page.translation_key, locale__language_code=code)


def assert_fits_and_targets_are_big(browser_page, selector):
    width = browser_page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width
    # Only what is shown is a target (e.g. "Save for offline" stays hidden without a
    # service worker).
    boxes = [
        box
        for index in range(browser_page.locator(selector).count())
        if (box := browser_page.locator(selector).nth(index).bounding_box()) is not None
    ]
    assert boxes, selector
    for box in boxes:
        assert box["width"] >= MIN_TARGET and box["height"] >= MIN_TARGET, (selector, box)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_arabic_path_module_and_lesson_fit_a_390_px_phone_with_44_px_targets(
    migrated_db, live_server, browser
):
    tree = build_course_tree(lesson_count=3, module_count=3, translate_to=("ar",))
    context = browser.new_context(viewport=PHONE, reduced_motion="reduce")
    page = context.new_page()
    base = live_server.url

    page.goto(base + translated(tree.path, "ar").url)
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator(".module-card").count() == 3
    assert page.locator(".module-card svg[aria-hidden=true]").count() == 3
    assert_fits_and_targets_are_big(page, ".module-card")

    page.locator(".module-card__link").first.click()  # the card is the link
    page.wait_for_load_state()
    assert page.url.endswith(translated(tree.modules[0], "ar").url)
    assert_fits_and_targets_are_big(page, ".lesson-list__link, main .button")

    page.goto(base + translated(tree.lessons[1], "ar").url)
    assert_fits_and_targets_are_big(page, ".pager a, #lesson-progress .button")
    # The "next" arrow points left in Arabic.
    arrow = page.locator(".pager__next .icon--directional")
    assert arrow.evaluate("el => getComputedStyle(el).transform") != "none"
    context.close()
