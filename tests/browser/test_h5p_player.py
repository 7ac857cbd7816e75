"""An H5P activity plays in a sandboxed frame, reports its score by postMessage, and its
script can reach neither the framing page, nor the site with the learner's session, nor
the top window.

The framing page stands in for a lesson (the lesson block comes later): Playwright
serves it at a URL of the live server, so it has the site's origin.
"""

import json

import pytest

from h5p.factories import install_activity

HOST_PATH = "/h5p-host-for-tests/"
HOST_PAGE = """<!doctype html><html><body>
<iframe id="player" sandbox="allow-scripts" src="/h5p/play/%(pk)s/"
  style="width:100%%;height:400px" title="Activity"></iframe>
<script>
window.received = [];
window.addEventListener("message", function (event) {
  window.received.push({origin: event.origin, data: event.data});
});
</script></body></html>"""


@pytest.fixture
def activity(settings, tmp_path, migrated_db):
    settings.MEDIA_ROOT = tmp_path
    return install_activity()


@pytest.fixture
def host(page, live_server, activity):
    page.route(
        f"{live_server.url}{HOST_PATH}",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body=HOST_PAGE % {"pk": activity.pk}
        ),
    )
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}{HOST_PATH}")
    frame = page.frame_locator("#player")
    frame.get_by_text("It is fine to share your password").wait_for()
    player = next(f for f in page.frames if "/h5p/play/" in f.url)
    player.wait_for_function("document.documentElement.dataset.h5pReady === 'true'")
    return page, frame, player, errors


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_answer_reaches_the_lesson_page_as_a_scored_message(host):
    page, frame, _player, errors = host
    frame.get_by_role("button", name="False").click()
    ours = "window.received.filter(m => m.data && m.data.type === 'cop-h5p-result')"
    page.wait_for_function(f"{ours}.length >= 2")
    # H5P core posts its own messages too (resizing); the lesson keeps only results.
    received = page.evaluate(ours)
    assert {message["origin"] for message in received} == {"null"}
    results = [message["data"] for message in received]
    assert [(r["type"], r["verb"], r["score"], r["max"]) for r in results] == [
        ("cop-h5p-result", "answered", 1, 1),
        ("cop-h5p-result", "completed", 1, 1),
    ], json.dumps(results)
    assert errors == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_activity_script_cannot_read_cookies_the_page_or_the_site(host, live_server):
    page, _frame, player, _errors = host
    page.context.add_cookies([{"name": "sessionid", "value": "secret", "url": live_server.url}])
    outcome = player.evaluate(
        """async () => {
            const tries = {};
            try { tries.cookie = document.cookie; } catch (e) { tries.cookie = e.name; }
            try { tries.parent = window.parent.document.body.innerHTML; }
            catch (e) { tries.parent = e.name; }
            try {
                const response = await fetch("/en/account/", {credentials: "include"});
                tries.fetch = response.status;
            } catch (e) { tries.fetch = e.name; }
            try { window.top.location.href = "https://example.org/"; tries.top = "moved"; }
            catch (e) { tries.top = e.name; }
            return tries;
        }"""
    )
    assert outcome == {
        "cookie": "SecurityError",
        "parent": "SecurityError",
        "fetch": "TypeError",
        "top": "SecurityError",
    }
    assert page.url == f"{live_server.url}{HOST_PATH}"
