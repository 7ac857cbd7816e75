"""Browser tests: Playwright driving the system's Chromium against a live server.

Chromium comes from the operating system (Debian's `chromium` package), never from a
browser download. Where it is missing, the tests skip locally but fail in CI, so CI
can never pass without running them.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

# Playwright's sync API runs an event loop in this thread; the ORM calls made by the
# tests themselves (loading content) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def migrated_state(django_db_setup, django_db_blocker):
    """What the migrations put in the database (Wagtail's root page, default site, locale).

    Taken before Playwright starts: its event loop gives the ORM a new connection
    object, which lacks the copy Django's serialized_rollback would restore from.
    """
    from django.db import connection

    # The copy Django made when it created the test database, if it made one: by the
    # time the first browser test asks, a transactional test may have emptied the tables.
    saved = getattr(connection, "_test_serialized_contents", None)
    if saved:
        return saved
    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


@pytest.fixture
def migrated_db(transactional_db, migrated_state):
    """A transactional database holding what the migrations made.

    Use with @pytest.mark.django_db(transaction=True, serialized_rollback=True).
    Handing the saved state to this context's connection lets Django restore it
    between tests, as serialized_rollback intends; the first test in the context
    restores it here if an earlier test left the tables empty.
    """
    from django.db import connection
    from wagtail.models import Page

    connection._test_serialized_contents = migrated_state
    if not Page.objects.exists():
        connection.creation.deserialize_db_from_string(migrated_state)


@pytest.fixture(scope="session")
def browser(migrated_state):
    if not os.path.exists(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM}: apt-get install chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
