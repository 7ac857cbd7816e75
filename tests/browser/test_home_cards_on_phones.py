"""Home page audience cards show their picture at the card's start, small, on a phone.

The picture is an SVG from the courses sprite sized by the site stylesheet: without
that rule it would take the browser's default 300 x 150 px and push the text aside.
In Arabic the picture sits on the right (the start of a right-to-left line).
"""

import pytest

from courses.factories import build_course_tree

PHONE = {"width": 320, "height": 640}


def translated(page, code):
    return type(page).objects.get(translation_key=page.translation_key, locale__language_code=code)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_home_card_picture_is_small_and_at_the_start_of_the_card(
    migrated_db, live_server, browser, language
):
    tree = build_course_tree(lesson_count=1, translate_to=("fr", "ar"))
    context = browser.new_context(viewport=PHONE, reduced_motion="reduce")
    page = context.new_page()
    page.goto(live_server.url + translated(tree.home, language).url)
    card = page.locator(".card-list .card").first
    icon = card.locator("svg.card__icon")
    title = card.locator(".card__title")
    icon_box, title_box, card_box = icon.bounding_box(), title.bounding_box(), card.bounding_box()
    assert icon.get_attribute("aria-hidden") == "true"
    assert 40 <= icon_box["width"] <= 56 and 40 <= icon_box["height"] <= 56, icon_box
    # The picture draws something: the sprite's symbol was found.
    assert page.evaluate("el => el.querySelector('use').getBBox().width > 0", icon.element_handle())
    if language == "ar":
        assert icon_box["x"] > title_box["x"]  # right of the title
        assert card_box["x"] + card_box["width"] - (icon_box["x"] + icon_box["width"]) < 24
    else:
        assert icon_box["x"] < title_box["x"]
        assert icon_box["x"] - card_box["x"] < 24
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()
