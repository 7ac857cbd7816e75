"""Quick exit is explained truthfully for the visitor's device and browser.

Esc pressed twice is mentioned only where a keyboard is likely (a fine pointer that can
hover), not on a phone; "Back does not bring it back" only holds when the script can
replace the page, so with JavaScript off the help page says Back can bring it back.
"""

import pytest
from django.utils import translation

LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
COMPUTER = {"viewport": {"width": 1366, "height": 768}}
KEYBOARD_HINT = "On a computer, you can also press the Esc key twice."
NO_BACK = "This page is swapped for another website, and the Back button does not bring it back."
BACK_STILL_WORKS = (
    "Press the Quick exit button at the top of any page to go to another website. "
    "In this browser, the Back button can still bring this page back, so close the tab as well."
)


def translated(message, language):
    with translation.override(language):
        return translation.gettext(message)


def help_page_text(browser, url, **options):
    """The visible text of the help page and of its quick exit intro, and the button's title."""
    context = browser.new_context(**options)
    page = context.new_page()
    page.goto(url)
    text = page.locator("body").inner_text()
    title = page.locator("a.quick-exit").get_attribute("title")
    context.close()
    return text, title


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("language", LANGUAGES)
def test_phones_are_not_told_to_press_esc(migrated_db, live_server, browser, language):
    text, title = help_page_text(browser, f"{live_server.url}/{language}/help/", **PHONE)
    assert "Esc" not in text and "Échap" not in text
    assert "Esc" not in title and "Échap" not in title
    assert translated(NO_BACK, language) in text  # the script is on: Back does not return


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("language", LANGUAGES)
def test_computers_are_told_about_esc_pressed_twice(migrated_db, live_server, browser, language):
    text, title = help_page_text(browser, f"{live_server.url}/{language}/help/", **COMPUTER)
    assert translated(KEYBOARD_HINT, language) in text
    assert title == translated("Leave this site now (or press Esc twice)", language)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_the_help_page_says_back_can_return(
    migrated_db, live_server, browser, language
):
    text, title = help_page_text(
        browser, f"{live_server.url}/{language}/help/", java_script_enabled=False, **COMPUTER
    )
    assert translated(NO_BACK, language) not in text
    assert translated(BACK_STILL_WORKS, language) in text
    assert "Esc" not in text and "Échap" not in text  # Esc twice needs the script
    assert title == translated("Leave this site now", language)
