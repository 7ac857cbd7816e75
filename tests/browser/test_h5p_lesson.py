"""An H5P activity inside a lesson: played by an Arabic learner, its score lands in My
learning in Arabic and in English; a result forged by another window records nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from courses.factories import build_course_tree
from courses.models import LessonPage
from h5p.demo import DEMO_LESSON_URL_PATH, demo_block, place
from h5p.factories import install_activity

FORGER_PATH = "/forged-activity-results/"
FORGER_PAGE = """<!doctype html><html><body><script>
parent.postMessage({type: "cop-h5p-result", verb: "completed", score: 1, max: 1}, "*");
</script></body></html>"""


@pytest.fixture
def lesson(settings, tmp_path, migrated_db):
    """The demo activity's block in a lesson and its Arabic translation."""
    settings.MEDIA_ROOT = tmp_path
    tree = build_course_tree(lesson_count=2, translate_to=["ar"])
    block = demo_block(install_activity())
    english = tree.lessons[0]
    arabic = english.get_translation(Locale.objects.get(language_code="ar"))
    for page in (english, arabic):
        place(page, block)
    return english, arabic


@pytest.fixture
def demo(settings, tmp_path, migrated_db):
    """The demo lesson as `make run` makes it: its module of the curriculum, the demo
    activity placed and translated (English and Arabic lessons)."""
    settings.MEDIA_ROOT = tmp_path
    call_command("load_curriculum", "--module", "my-private-information", stdout=StringIO())
    call_command("load_demo_activity", stdout=StringIO())
    lessons = LessonPage.objects.filter(url_path__endswith=DEMO_LESSON_URL_PATH)
    return lessons.get(locale__language_code="en"), lessons.get(locale__language_code="ar")


def play(page, answer):
    page.locator("[data-h5p-activity]").scroll_into_view_if_needed()
    frame = page.frame_locator("[data-h5p-activity] iframe")
    frame.get_by_role("button", name=answer).click()
    status = page.locator("[data-h5p-status]")
    status.filter(has_text="1").wait_for()
    return status.inner_text()


def history_rows(page):
    return page.locator("table.attempts tbody tr").all_inner_texts()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_arabic_learner_plays_the_demo_activity_and_finds_the_score_in_english(
    demo, live_server, page
):
    english, arabic = demo
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{live_server.url}{arabic.url}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    # The activity speaks Arabic: its texts were translated as segments of the lesson.
    frame = page.frame_locator("[data-h5p-activity] iframe")
    page.locator("[data-h5p-activity]").scroll_into_view_if_needed()
    frame.get_by_text("لا بأس بأن تخبر أعز أصدقائك بكلمة مرورك.").wait_for()
    status = play(page, "خطأ")
    assert "1" in status and "Your score" not in status  # in Arabic

    page.goto(f"{live_server.url}/ar/my-learning/")
    rows = history_rows(page)
    # "answered" and "completed" came for one answer: one result.
    assert len(rows) == 1 and "نشاط تفاعلي" in rows[0] and "100%" in rows[0]

    page.locator(".language-switcher summary").click()
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/my-learning/")
    rows = history_rows(page)
    assert len(rows) == 1 and "Interactive activity" in rows[0] and "100%" in rows[0]
    assert english.title in rows[0]
    # The activity counts towards the lesson: it is finished, in English too.
    page.goto(f"{live_server.url}{english.url}")
    assert page.locator(".lesson-progress__done").is_visible()
    assert errors == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_result_forged_by_another_window_records_nothing(lesson, live_server, page):
    english, _arabic = lesson
    page.route(
        f"{live_server.url}{FORGER_PATH}",
        lambda route: route.fulfill(status=200, content_type="text/html", body=FORGER_PAGE),
    )
    page.goto(f"{live_server.url}{english.url}")
    page.locator("[data-h5p-activity]").scroll_into_view_if_needed()
    page.frame_locator("[data-h5p-activity] iframe").get_by_role("button", name="False").wait_for()
    # The lesson's own window, and another sandboxed frame (origin "null" as the player's).
    page.evaluate(
        """(path) => {
            const message = {type: "cop-h5p-result", verb: "completed", score: 1, max: 1};
            window.postMessage(message, "*");
            const forger = document.createElement("iframe");
            forger.setAttribute("sandbox", "allow-scripts");
            forger.src = path;
            document.body.appendChild(forger);
        }""",
        FORGER_PATH,
    )
    page.wait_for_timeout(1500)
    assert page.locator("[data-h5p-status]").inner_text() == ""
    page.goto(f"{live_server.url}/en/my-learning/")
    assert history_rows(page) == []

    # The same page records the activity's own result.
    page.goto(f"{live_server.url}{english.url}")
    play(page, "False")
    page.goto(f"{live_server.url}/en/my-learning/")
    assert len(history_rows(page)) == 1
