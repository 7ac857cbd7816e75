"""Quick exit leaves the site at once and leaves no Back entry to the page it left.

The neutral site is a static file on the live server, so the test makes no outside
request.
"""

import pytest

NEUTRAL_PATH = "/static/cms/css/site.css"


@pytest.fixture
def neutral_url(live_server, settings):
    settings.QUICK_EXIT_URL = f"{live_server.url}{NEUTRAL_PATH}"
    return settings.QUICK_EXIT_URL


def back_is_off_site(page, live_server):
    page.go_back()
    return not page.url.startswith(f"{live_server.url}/en/")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_quick_exit_button_replaces_the_page_and_back_does_not_return(
    migrated_db, live_server, neutral_url, page
):
    page.goto(f"{live_server.url}/en/help/")
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url(neutral_url)
    assert back_is_off_site(page, live_server), page.url


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_escape_pressed_twice_leaves_but_once_does_not(migrated_db, live_server, neutral_url, page):
    page.goto(f"{live_server.url}/en/help/")
    page.keyboard.press("Escape")
    page.wait_for_timeout(1200)
    assert page.url == f"{live_server.url}/en/help/"
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(neutral_url)
    assert back_is_off_site(page, live_server), page.url


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_quick_exit_works_before_the_rest_of_the_page_has_loaded(
    migrated_db, live_server, neutral_url, page
):
    # Hold back the page's own script: the page is still loading when Esc is pressed.
    page.route("**/help.js", lambda route: None)
    page.goto(f"{live_server.url}/en/help/", wait_until="commit")
    page.wait_for_selector("body", state="attached")
    assert page.evaluate("document.readyState") != "complete"
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(neutral_url)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_quick_exit_is_explained_on_the_first_page_only(migrated_db, live_server, page):
    intro = page.locator("[data-quick-exit-intro]")
    page.goto(f"{live_server.url}/fr/help/")
    assert intro.is_visible()
    assert "Échap" in intro.inner_text() or "Esc" in intro.inner_text()
    page.get_by_role("button", name="J'ai compris").click()
    assert not intro.is_visible()
    page.goto(f"{live_server.url}/fr/help/")
    page.wait_for_load_state("load")
    assert not intro.is_visible()
