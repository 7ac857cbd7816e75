"""A form sent with mistakes says so in the page title and puts focus on its error summary."""

import pytest

from accounts.factories import ChildFactory


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize(("language", "error"), [("fr", "Erreur\u00a0:"), ("ar", "خطأ:")])
def test_a_wrong_password_focuses_the_error_summary_and_titles_the_page(
    migrated_db, live_server, page, language, error
):
    ChildFactory(username="sami")
    page.goto(f"{live_server.url}/{language}/account/login/")
    page.fill("#id_username", "sami")
    page.fill("#id_password", "not-the-password")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.title().startswith(error)
    assert page.evaluate("document.activeElement.id") == "error-summary"
