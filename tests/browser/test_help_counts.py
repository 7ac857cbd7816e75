"""A tap on a helpline number is counted by a beacon, and the link itself is untouched."""

import pytest

from helplines.factories import HelplineFactory
from helplines.models import HelpSeekingCount


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_tapping_a_helpline_number_sends_an_anonymous_count(migrated_db, live_server, page):
    HelplineFactory(key="ca-kids", country="CA", phone_numbers="1-800-668-6868", sms="686868")
    page.goto(f"{live_server.url}/en/help/?country=CA")
    link = page.get_by_role("link", name="Text 686868")
    assert link.get_attribute("href") == "sms:686868"
    # Keep the sms: link from leaving the page in the headless browser; the beacon is
    # sent on the click, before any navigation.
    page.evaluate("document.addEventListener('click', e => e.preventDefault())")
    with page.expect_request_finished(lambda r: r.url.endswith("/en/help/count/")) as beacon:
        link.click()
    request = beacon.value
    assert request.method == "POST"
    assert request.post_data == "helpline=ca-kids&channel=sms"
    assert request.response().status == 204
    row = HelpSeekingCount.objects.get()
    assert (row.country.code, row.channel, row.count) == ("CA", "sms", 1)
