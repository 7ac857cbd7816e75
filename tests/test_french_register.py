"""French pages that adults see address the reader as "vous" (or neutrally), never "tu".

Shared interface strings (sign-in, account, forms, learning pages) are read by parents,
educators and professionals as well as children, so they use the polite form;
children's own pages (child sign-up, recovery codes, class work) keep "tu".
"""

import html as html_lib
import re

import pytest

from accounts.factories import AdultFactory
from courses.factories import build_course_tree
from helplines.factories import HelplineFactory

pytestmark = pytest.mark.django_db

# Second-person singular pronouns and possessives, and imperatives the catalogue used.
TU = re.compile(
    r"\b(tu|ton|ta|tes|toi|t['’]\w+|te)\b"
    r"|\b(Regarde|Vérifie|Choisis|Connecte-toi|Reviens|Recharge|Attends|Lis|Utilise|Appuie)\b",
    re.IGNORECASE,
)


def visible_text(response):
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", html))


def tu_forms(response):
    return sorted({match.group(0) for match in TU.finditer(visible_text(response))})


@pytest.fixture
def adult():
    return AdultFactory()


def test_form_error_summary_uses_the_polite_form(client):
    response = client.post("/fr/account/login/", {"username": "nobody", "password": "wrong"})
    text = visible_text(response)
    assert "Certaines réponses sont à corriger : voir les messages ci-dessous." in text
    assert "Vérifiez-les et réessayez." in text
    assert tu_forms(response) == []


@pytest.mark.parametrize(
    "url",
    ["/fr/account/login/", "/fr/account/signup/", "/fr/account/signup/adult/", "/fr/my-learning/"],
)
def test_shared_pages_seen_by_anonymous_adults_never_say_tu(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert tu_forms(response) == []


def test_signed_in_adults_pages_never_say_tu(client, adult):
    tree = build_course_tree(lesson_count=2, quizzes=True)
    client.force_login(adult)
    client.post(f"/fr/learn/lessons/{tree.lessons[0].pk}/done/")
    module_url = "/fr/" + tree.module.url.split("/", 2)[2]
    lesson_url = "/fr/" + tree.lessons[0].url.split("/", 2)[2]
    for url in ["/fr/account/", "/fr/my-learning/", module_url, lesson_url]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert tu_forms(response) == [], url


@pytest.mark.parametrize("country", ["", "KE", "PE"])
def test_the_get_help_page_seen_by_every_audience_never_says_tu(client, country):
    """Get help sits in every page's header: parents and professionals open it too."""
    HelplineFactory(key="ke-test", country="KE", phone_numbers="116", needs_verification=True)
    response = client.get("/fr/help/", {"country": country} if country else {})
    assert response.status_code == 200
    assert tu_forms(response) == []
