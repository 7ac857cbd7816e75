"""The player page and the files it loads: sandboxed, sessionless, only listed files."""

import pytest
from django.urls import reverse

from h5p.factories import MAIN, folder, install_activity


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def activity(db):
    return install_activity()


def refused(response):
    """Not served: a 404, which the language middleware may turn into /<language>/ offer."""
    return response.status_code == 404 or (
        response.status_code == 302 and response["Location"].startswith("/en/h5p/")
    )


def read(response):
    return b"".join(response.streaming_content)


def test_the_player_runs_in_a_sandbox_even_when_opened_on_its_own(client, activity):
    response = client.get(reverse("h5p:player", args=[activity.pk]))
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert policy.startswith("sandbox allow-scripts;")
    assert "allow-same-origin" not in policy
    assert "frame-ancestors 'self'" in policy
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    page = response.content.decode()
    assert f'"h5pJsonPath": "/h5p/content/{activity.pk}"' in page
    assert '"librariesPath": "/h5p/libraries"' in page
    assert 'data-parent-origin="http://testserver"' in page


def test_results_go_only_to_the_configured_lesson_origin(client, activity, settings):
    settings.H5P_LESSON_ORIGIN = "https://learn.example.org"
    response = client.get(reverse("h5p:player", args=[activity.pk]))
    assert 'data-parent-origin="https://learn.example.org"' in response.content.decode()
    # Served from a host of its own, the player may be framed by the lessons' origin.
    policy = response["Content-Security-Policy"]
    assert policy.endswith("frame-ancestors 'self' https://learn.example.org")
    assert "X-Frame-Options" not in response


def test_content_files_are_served_to_the_sandboxed_player(client, activity):
    url = reverse("h5p:content_file", args=[activity.pk, "content/content.json"])
    response = client.get(url)
    assert response.status_code == 200
    assert b'"correct": "false"' in read(response)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    manifest = client.get(reverse("h5p:content_file", args=[activity.pk, "h5p.json"]))
    assert b"H5P.CopTrueFalse" in read(manifest)


def test_library_files_are_served_by_name_and_minor_version(client, activity):
    response = client.get(reverse("h5p:library_file", args=[folder(MAIN), "main.js"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript"
    assert b"H5P.CopTrueFalse = " in read(response)


@pytest.mark.parametrize(
    "path",
    ["content/../h5p.json", "content/missing.png", "../../../../etc/passwd", "content"],
)
def test_only_files_the_package_listed_are_served(client, activity, path):
    assert refused(client.get(f"/h5p/content/{activity.pk}/{path}"))


@pytest.mark.parametrize(
    ("library", "path"),
    [
        (folder(MAIN), "../H5P.CopCore-1.0/main.js"),
        (folder(MAIN), "nothing.js"),
        ("H5P.CopTrueFalse-1.9", "main.js"),
        ("H5P.CopTrueFalse", "main.js"),
    ],
)
def test_only_installed_library_files_are_served(client, activity, library, path):
    assert refused(client.get(f"/h5p/libraries/{library}/{path}"))


def test_the_player_answers_no_post(client, activity):
    assert client.post(reverse("h5p:player", args=[activity.pk])).status_code == 405
