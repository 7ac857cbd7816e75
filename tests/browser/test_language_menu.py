"""The language menu in the header fits a phone screen and closes like a menu should.

It is a <details> element, so it opens with JavaScript off; with JavaScript on it also
closes on Esc, on a click or tap outside it and when focus leaves it, and the Esc that
closes it does not count towards Quick exit (Esc pressed twice).
"""

import pytest

LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]
WIDTHS = [320, 360, 390, 414, 768, 1366]
MENU = ".language-switcher"
SUMMARY = ".language-switcher > summary"
LIST = ".language-switcher nav"


def is_open(page):
    return page.locator(MENU).evaluate("menu => menu.open")


def focus_is_on_summary(page):
    return page.evaluate("document.activeElement.matches('.language-switcher > summary')")


@pytest.fixture
def neutral_url(live_server, settings):
    settings.QUICK_EXIT_URL = f"{live_server.url}/static/cms/css/site.css"
    return settings.QUICK_EXIT_URL


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_open_menu_fits_every_screen_from_320_px_in_every_language(
    migrated_db, live_server, browser
):
    misfits = []
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 740})
        page = context.new_page()
        for language in LANGUAGES:
            page.goto(f"{live_server.url}/{language}/help/")
            page.locator(SUMMARY).click()
            box = page.locator(LIST).bounding_box()
            page_width = page.evaluate("document.documentElement.scrollWidth")
            if box["x"] < 0 or box["x"] + box["width"] > width or page_width > width:
                misfits.append((language, width, box, page_width))
        context.close()
    assert not misfits


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_esc_closes_the_menu_returns_focus_and_does_not_count_towards_quick_exit(
    migrated_db, live_server, neutral_url, page
):
    for language in LANGUAGES:
        url = f"{live_server.url}/{language}/help/"
        page.goto(url)
        page.focus(SUMMARY)
        page.keyboard.press("Enter")
        assert is_open(page), language
        page.keyboard.press("Tab")  # onto the first language in the list
        page.keyboard.press("Escape")
        assert not is_open(page), language
        assert focus_is_on_summary(page), language
        page.keyboard.press("Escape")  # the first Esc of Quick exit, not the second
        page.wait_for_timeout(300)
        assert page.url == url, language
    page.keyboard.press("Escape")  # the second: Quick exit still works
    page.wait_for_url(neutral_url)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_menu_closes_when_focus_leaves_it_or_on_a_click_outside(migrated_db, live_server, page):
    for language in LANGUAGES:
        page.goto(f"{live_server.url}/{language}/help/")
        page.locator(SUMMARY).click()
        page.locator(f"{LIST} a").last.focus()
        page.keyboard.press("Tab")  # out of the menu
        assert not is_open(page), language

        page.locator(SUMMARY).click()
        page.locator(f"{LIST} li").first.click(position={"x": 1, "y": 1})  # inside: stays
        assert is_open(page), language
        page.locator("main h1").click()
        assert not is_open(page), language


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_menu_opens_and_leads_to_another_language_without_javascript(
    migrated_db, live_server, browser
):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 740})
    page = context.new_page()
    page.goto(f"{live_server.url}/ar/help/")
    page.locator(SUMMARY).click()
    assert page.locator(LIST).is_visible()
    page.locator(f'{LIST} a[lang="fr"]').click()
    page.wait_for_url(f"{live_server.url}/fr/help/")
    context.close()
