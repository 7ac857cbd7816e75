"""Learning offline in Chromium with the network switched off (Playwright's offline mode).

A learner saves a module in Arabic while online, loses the connection and still reads
every lesson; a page not saved shows the offline page in its language, listing what is
saved; help stays available. The service worker is the site's own (/sw.js).
"""

import pytest

from courses.factories import build_course_tree

OTHER_LANGUAGES = ["fr", "es", "ru", "ar", "zh-hans"]
OFFLINE_HEADINGS = {
    "en": "You are offline",
    "fr": "Vous êtes hors ligne",
    "es": "No tienes conexión",
    "ru": "Нет подключения к интернету",
    "ar": "أنت غير متصل بالإنترنت",
    "zh-hans": "您已离线",
}

WORKER_READY = """async () => {
  const registration = await navigator.serviceWorker.ready;
  return !!registration.active && !!navigator.serviceWorker.controller;
}"""
ESSENTIALS_SAVED = """async (language) => {
  const cache = await caches.open("cop-offline-essentials|" + language);
  return !!(await cache.match("/offline/__meta__"));
}"""


@pytest.fixture
def tree(migrated_db):
    return build_course_tree(lesson_count=3, translate_to=OTHER_LANGUAGES)


def localized(page, code):
    return page.get_translations(inclusive=True).get(locale__language_code=code).specific


def wait_until(page, script, argument=None, seconds=15):
    """Wait until the async `script` answers true (wait_for_function takes no promises)."""
    for _attempt in range(seconds * 10):
        if page.evaluate(script, argument):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"Still false after {seconds} s: {script}")


def open_with_worker(page, url, language):
    """Open `url` and wait until the worker controls the page and keeps its essentials."""
    page.goto(url)
    if not page.evaluate(WORKER_READY):
        page.reload()  # the first page was loaded before the worker took control
    wait_until(page, WORKER_READY)
    wait_until(page, ESSENTIALS_SAVED, language)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_arabic_module_saved_online_reads_every_lesson_offline(tree, live_server, browser):
    context = browser.new_context()
    page = context.new_page()
    module = localized(tree.module, "ar")
    lessons = [localized(lesson, "ar") for lesson in tree.lessons]
    open_with_worker(page, f"{live_server.url}{module.url}", "ar")

    box = page.locator("[data-offline-save]")
    save = box.get_by_role("button", name="حفظ للاستخدام دون اتصال")
    save.wait_for()
    status = box.locator("[data-offline-status]")
    assert "اقرأه دون اتصال" in status.inner_text()
    assert "كيلوبايت" in status.inner_text() or "KB" in status.inner_text().upper()
    save.click()
    remove = box.get_by_role("button", name="إزالة من هذا الجهاز")
    remove.wait_for()
    assert "محفوظ على هذا الجهاز" in status.inner_text()
    assert save.is_hidden()

    context.set_offline(True)
    for lesson in lessons:
        page.goto(f"{live_server.url}{lesson.url}")
        assert page.locator("h1").inner_text() == lesson.title
        assert page.locator("html").get_attribute("dir") == "rtl"
        # Styles came from the saved copy too.
        assert page.locator("h1").evaluate("el => getComputedStyle(el).direction") == "rtl"
        assert (
            page.locator(".site-header").evaluate("el => getComputedStyle(el).display") != "inline"
        )
    page.goto(f"{live_server.url}{module.url}")
    assert page.locator("h1").inner_text() == module.title

    # Not saved: the offline page, in Arabic, lists the saved module.
    page.goto(f"{live_server.url}/ar/my-learning/")
    assert page.locator("h1").inner_text() == OFFLINE_HEADINGS["ar"]
    saved = page.locator("[data-saved-list] a")
    saved.first.wait_for()
    assert saved.all_inner_texts() == [module.title]
    saved.first.click()
    page.wait_for_url(f"**{module.url}")
    assert page.locator("h1").inner_text() == module.title

    # Help was kept on the first visit.
    page.goto(f"{live_server.url}/ar/help/")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("h1").inner_text() != OFFLINE_HEADINGS["ar"]

    # Back online, the learner removes the copy; offline, the lesson is gone.
    context.set_offline(False)
    page.goto(f"{live_server.url}{module.url}")
    remove.click()
    save.wait_for()
    # Anonymous pages may sit in the browser's own HTTP cache for a minute (public,
    # max-age, cms.page_cache): that is not the saved copy this checks.
    context.new_cdp_session(page).send("Network.clearBrowserCache")
    context.set_offline(True)
    page.goto(f"{live_server.url}{lessons[0].url}")
    assert page.locator("h1").inner_text() == OFFLINE_HEADINGS["ar"]
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_page_not_saved_shows_the_offline_page_in_six_languages(tree, live_server, browser):
    context = browser.new_context()
    page = context.new_page()
    for code, heading in OFFLINE_HEADINGS.items():
        context.set_offline(False)
        open_with_worker(page, f"{live_server.url}{localized(tree.home, code).url}", code)
        context.set_offline(True)
        page.goto(f"{live_server.url}{localized(tree.lessons[0], code).url}")
        assert page.locator("html").get_attribute("lang") == code
        assert page.locator("h1").inner_text() == heading
        assert page.locator("[data-saved-empty]").is_visible()
        assert page.locator("html").get_attribute("dir") == ("rtl" if code == "ar" else "ltr")
    context.close()


SAVED_CACHES = (
    """async () => (await caches.keys()).filter(n => n.startsWith("cop-offline-save|"))"""
)


def save_module(page, live_server, module, language):
    open_with_worker(page, f"{live_server.url}{module.url}", language)
    box = page.locator("[data-offline-save]")
    box.locator("[data-offline-action=save]").click()
    box.locator("[data-offline-action=remove]").wait_for()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_republished_lesson_replaces_the_saved_copy_when_the_connection_returns(
    tree, live_server, browser
):
    context = browser.new_context()
    page = context.new_page()
    module = localized(tree.module, "fr")
    save_module(page, live_server, module, "fr")
    [first_cache] = page.evaluate(SAVED_CACHES)

    lesson = localized(tree.lessons[1], "fr")
    lesson.title = "Leçon mise à jour"
    lesson.save_revision().publish()
    context.set_offline(True)
    page.wait_for_function("() => !navigator.onLine")
    context.set_offline(False)  # the page hears "online" and the worker asks for news
    wait_until(page, f"async () => !(await caches.keys()).includes({first_cache!r})")
    [second_cache] = page.evaluate(SAVED_CACHES)
    assert second_cache != first_cache  # one whole copy, the old one gone

    context.set_offline(True)
    page.goto(f"{live_server.url}{lesson.url}")
    assert page.locator("h1").inner_text() == "Leçon mise à jour"
    page.goto(f"{live_server.url}{module.url}")
    assert "Leçon mise à jour" in page.locator(".lesson-list").inner_text()
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_signing_out_forgets_what_the_learner_saved_but_not_what_a_visitor_saved(
    tree, live_server, browser
):
    from accounts.factories import PASSWORD, ChildFactory

    child = ChildFactory()
    context = browser.new_context()
    page = context.new_page()
    visitor_module = localized(tree.module, "es")
    save_module(page, live_server, visitor_module, "es")

    page.goto(f"{live_server.url}/en/account/login/")
    page.fill("input[name=username]", child.username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    save_module(page, live_server, localized(tree.module, "ar"), "ar")
    assert len(page.evaluate(SAVED_CACHES)) == 2

    # The form is sent once the worker has deleted the learner's copies.
    with page.expect_navigation():
        page.get_by_role("button", name="تسجيل الخروج").click()
    assert page.get_by_role("link", name="تسجيل الدخول").first.is_visible()
    [left] = page.evaluate(SAVED_CACHES)
    assert left.startswith(f"cop-offline-save|{visitor_module.translation_key}-es|")
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_quick_exit_leaves_a_saved_lesson_offline_without_a_back_entry(
    tree, live_server, browser, settings
):
    settings.QUICK_EXIT_URL = "http://neutral.invalid/"  # unreachable: the test is offline
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{live_server.url}/en/")  # the page Back would go to
    module = localized(tree.module, "en")
    save_module(page, live_server, module, "en")
    context.set_offline(True)
    lesson = localized(tree.lessons[0], "en")
    page.goto(f"{live_server.url}{lesson.url}")
    assert page.locator("h1").inner_text() == lesson.title
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_function("() => !document.querySelector('.site-header')")
    assert lesson.title not in page.content()
    page.go_back()
    assert page.url != f"{live_server.url}{lesson.url}"
    context.close()
