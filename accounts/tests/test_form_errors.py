"""Form errors are summarised once, at the top, each linked to its field."""

import pytest

pytestmark = pytest.mark.django_db


def test_each_field_error_links_to_its_field_and_the_title_says_error(client):
    response = client.post("/es/account/signup/child/", {"username": "", "password1": "x"})
    html = response.content.decode()
    assert "<title>Error: " in html
    assert 'id="error-summary" tabindex="-1" autofocus' in html
    assert '<a href="#id_username">' in html
    assert '<a href="#id_password1">' in html


def test_a_page_without_errors_has_no_summary(client):
    html = client.get("/es/account/signup/child/").content.decode()
    assert "error-summary" not in html and "<title>Error" not in html
