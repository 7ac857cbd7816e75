import re
from urllib.parse import quote

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.signals import user_logged_in
from django.test import Client

from accounts.factories import PASSWORD, AdultFactory, ChildFactory
from accounts.models import DigitalConsentAge, User

pytestmark = pytest.mark.django_db

STRONG = "blue-kite-river-42"


def adult_data(**overrides):
    return {
        "email": "Sam.Diaz@Example.org",
        "password1": STRONG,
        "password2": STRONG,
        "role": "educator",
        "display_name": "Ms Diaz",
        **overrides,
    }


def child_data(**overrides):
    return {
        "username": "star_kid",
        "password1": STRONG,
        "password2": STRONG,
        "age_band": "13",
        "country": "GB",
        **overrides,
    }


def field_error_ids(html):
    return set(re.findall(r'id="(id_\w+)_error"', html))


def test_signup_page_offers_an_adult_and_a_child_account(client):
    html = client.get("/en/account/signup/").content.decode()
    assert 'href="/en/account/signup/adult/"' in html
    assert 'href="/en/account/signup/child/"' in html


def test_adult_signs_up_with_email_role_and_is_signed_in(client):
    response = client.post("/en/account/signup/adult/", adult_data())
    assert response.status_code == 302
    assert response["Location"] == "/en/classes/"  # an educator lands on their classes
    user = User.objects.get()
    assert (user.kind, user.role, user.display_name) == ("adult", "educator", "Ms Diaz")
    assert user.email == "Sam.Diaz@example.org"
    assert user.check_password(STRONG)
    assert client.session[SESSION_KEY] == str(user.pk)


def test_adult_email_taken_in_another_case_is_refused_on_the_field(client):
    AdultFactory(email="sam.diaz@example.org")
    response = client.post("/en/account/signup/adult/", adult_data())
    assert response.status_code == 200
    assert "id_email" in field_error_ids(response.content.decode())
    assert User.objects.count() == 1


def test_child_signs_up_without_email_and_is_signed_in(client):
    response = client.post("/en/account/signup/child/", child_data())
    assert response.status_code == 302
    user = User.objects.get()
    assert (user.kind, user.age_band, user.country.code) == ("child", "13", "GB")
    assert (user.email, user.first_name, user.last_name, user.role) == ("", "", "", "")
    assert client.session[SESSION_KEY] == str(user.pk)


def test_signup_returns_the_learner_to_the_page_they_came_from(client):
    lesson = "/ar/children/path/module/lesson/"
    choice = client.get("/ar/account/signup/", {"next": lesson}).content.decode()
    assert 'href="/ar/account/signup/child/?next=/ar/children/path/module/lesson/"' in choice
    response = client.post(f"/ar/account/signup/child/?next={lesson}", child_data())
    assert response.status_code == 302
    # Through the page that shows the child's recovery code once, then on to the lesson.
    assert response["Location"] == "/ar/account/recovery-code/?next=" + quote(lesson, safe="")
    assert f'href="{lesson}"' in client.get(response["Location"]).content.decode()


def test_signup_ignores_a_next_address_on_another_site(client):
    response = client.post(
        "/en/account/signup/child/?next=https://elsewhere.example/phish", child_data()
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/account/recovery-code/?next=%2Fen%2Fmy-learning%2F"
    page = client.get(response["Location"]).content.decode()
    assert 'href="/en/my-learning/"' in page and "elsewhere" not in page
    session = client.session
    session["accounts:recovery_code"] = "abcd-efgh-jkmn"
    session.save()
    forged = client.get("/en/account/recovery-code/?next=https://elsewhere.example/")
    assert 'class="button" href="/en/my-learning/"' in forged.content.decode()
    choice = client.get("/en/account/signup/", {"next": "//elsewhere.example/"})
    assert "elsewhere" not in choice.content.decode()


def test_signup_keeps_the_session_and_sends_user_logged_in(client):
    """Progress made before signing up lives in the session: it must survive."""
    session = client.session
    session["anonymous_progress"] = ["lesson-1"]
    session.save()
    received = []

    def receiver(sender, request, user, **kwargs):
        received.append((user.username, request.session.get("anonymous_progress")))

    user_logged_in.connect(receiver)
    try:
        client.post("/en/account/signup/child/", child_data())
    finally:
        user_logged_in.disconnect(receiver)
    assert received == [("star_kid", ["lesson-1"])]
    assert client.session["anonymous_progress"] == ["lesson-1"]


def test_child_below_the_countrys_consent_age_is_refused_kindly_and_nothing_is_kept(client):
    response = client.post("/en/account/signup/child/", child_data(country="AT"))  # AT 14
    html = response.content.decode()
    assert response.status_code == 200
    assert "You can keep learning without an account" in html
    assert "Where you live, the law says" in html  # AT has its own row
    assert "ask your teacher: teachers can make accounts" in html
    assert "Ask a parent" not in html  # parents cannot make a child's account
    assert "star_kid" not in html
    assert not User.objects.exists()
    assert SESSION_KEY not in client.session


def test_refusal_in_a_country_without_its_own_row_claims_no_law(client):
    """BR has no row: the site's default age applied, which is no law of the child's."""
    response = client.post("/en/account/signup/child/", child_data(country="BR", age_band="15"))
    html = response.content.decode()
    assert "We do not know the rules for your country yet" in html
    assert "children aged 16 and over" in html
    assert "the law" not in html
    assert not User.objects.exists()


def test_refusal_is_translated(client):
    response = client.post("/fr/account/signup/child/", child_data(age_band="under_13"))
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "You can keep learning without an account" not in html
    assert not User.objects.exists()


def test_editing_the_consent_table_lets_the_same_child_sign_up(client):
    client.post("/en/account/signup/child/", child_data(country="AT", age_band="13"))
    assert not User.objects.exists()
    DigitalConsentAge.objects.filter(country="AT").update(age=13)
    response = client.post("/en/account/signup/child/", child_data(country="AT", age_band="13"))
    assert response.status_code == 302
    assert User.objects.filter(country="AT").exists()


def test_refusal_comes_first_even_when_other_fields_are_wrong(client):
    response = client.post(
        "/en/account/signup/child/", child_data(age_band="under_13", password2="other")
    )
    assert "You can keep learning without an account" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "data", "field"),
    [
        ("/en/account/signup/adult/", adult_data(role="superuser"), "id_role"),
        ("/en/account/signup/adult/", adult_data(email="not-an-email"), "id_email"),
        ("/en/account/signup/adult/", adult_data(password2="different"), "id_password2"),
        ("/en/account/signup/adult/", adult_data(password1="12345678", password2="12345678"),
         "id_password1"),
        ("/en/account/signup/child/", child_data(age_band="12"), "id_age_band"),
        ("/en/account/signup/child/", child_data(country="XX"), "id_country"),
        ("/en/account/signup/child/", child_data(country=""), "id_country"),
        ("/en/account/signup/child/", child_data(username="me@example.org"), "id_username"),
        ("/en/account/signup/child/", child_data(username="Amina Diaz"), "id_username"),
    ],
)  # fmt: skip
def test_tampered_or_wrong_signup_gives_a_field_error_and_creates_nothing(client, url, data, field):
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert field in field_error_ids(html)
    # The field points at its error for screen readers.
    assert re.search(rf'aria-describedby="[^"]*{field}_error', html)
    assert not User.objects.exists()


def test_child_signup_ignores_an_email_or_name_smuggled_into_the_post(client):
    client.post(
        "/en/account/signup/child/",
        child_data(email="kid@example.org", first_name="Amina", role="educator", kind="adult"),
    )
    user = User.objects.get()
    assert (user.kind, user.email, user.first_name, user.role) == ("child", "", "", "")


def test_child_username_is_unique_ignoring_case(client):
    ChildFactory(username="Star_Kid")
    response = client.post("/en/account/signup/child/", child_data())
    assert "id_username" in field_error_ids(response.content.decode())
    assert User.objects.count() == 1


def test_signup_needs_a_csrf_token():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/en/account/signup/child/", child_data())
    assert response.status_code == 403
    assert not User.objects.exists()


def test_child_signs_in_with_username(client):
    child = ChildFactory(username="star")
    response = client.post("/en/account/login/", {"username": "star", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(child.pk)


def test_adult_signs_in_with_email_in_any_case(client):
    adult = AdultFactory(email="sam@example.org")
    response = client.post(
        "/en/account/login/", {"username": "SAM@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(adult.pk)


def test_wrong_password_shows_a_translated_error_and_signs_nobody_in(client):
    ChildFactory(username="star")
    response = client.post("/es/account/login/", {"username": "star", "password": "wrong"})
    assert response.status_code == 200
    assert SESSION_KEY not in client.session
    assert "do not match" not in response.content.decode()
    assert 'role="alert"' in response.content.decode()


def test_sign_in_returns_to_a_safe_next_page_only(client):
    ChildFactory(username="star")
    credentials = {"username": "star", "password": PASSWORD}
    response = client.post("/en/account/login/?next=/en/account/data/", credentials)
    assert response["Location"] == "/en/account/data/"
    client.logout()
    response = client.post("/en/account/login/?next=https://evil.example/", credentials)
    assert response["Location"] == "/en/my-learning/"


def test_sign_in_is_locked_after_five_failures_even_with_the_right_password(client, settings):
    ChildFactory(username="star")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/ar/account/login/", {"username": "star", "password": "x"})
        assert response.status_code == 200
    response = client.post("/ar/account/login/", {"username": "star", "password": "x"})
    assert response.status_code == 429
    response = client.post("/ar/account/login/", {"username": "Star", "password": PASSWORD})
    assert response.status_code == 429
    assert '<html lang="ar" dir="rtl">' in response.content.decode()
    assert "Too many tries" not in response.content.decode()
    assert SESSION_KEY not in client.session


def test_lockout_is_per_account_so_classmates_can_still_sign_in(client, settings):
    ChildFactory(username="star")
    ChildFactory(username="moon")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post("/en/account/login/", {"username": "star", "password": "x"})
    response = client.post("/en/account/login/", {"username": "moon", "password": PASSWORD})
    assert response.status_code == 302


def test_a_successful_sign_in_clears_earlier_failures(client):
    ChildFactory(username="star")
    client.post("/en/account/login/", {"username": "star", "password": "x"})
    assert AccessAttempt.objects.count() == 1
    client.post("/en/account/login/", {"username": "star", "password": PASSWORD})
    assert AccessAttempt.objects.count() == 0


def test_wagtail_admin_login_still_works_for_staff(client):
    AdultFactory(username="editor", is_staff=True, is_superuser=True)
    response = client.post("/admin/login/", {"username": "editor", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_sign_out_needs_post_and_returns_home(client):
    child = ChildFactory()
    client.force_login(child)
    assert client.get("/en/account/logout/").status_code == 405
    assert SESSION_KEY in client.session
    response = client.post("/en/account/logout/", {"next": "/en/"})
    assert response["Location"] == "/en/"
    assert SESSION_KEY not in client.session


def test_header_offers_sign_in_and_sign_up_or_account_and_sign_out(client):
    html = client.get("/en/account/signup/").content.decode()
    assert 'href="/en/account/login/"' in html and 'href="/en/account/signup/"' in html
    client.force_login(ChildFactory())
    html = client.get("/en/account/").content.decode()
    assert 'href="/en/account/"' in html
    assert re.search(r'<form method="post" action="/en/account/logout/"[^>]*>', html)


@pytest.mark.parametrize("language", ["ar", "zh-hans", "fr"])
def test_password_and_choice_errors_are_in_the_learners_language(client, language):
    response = client.post(
        f"/{language}/account/signup/child/",
        child_data(password1="abc", password2="abc", country="XX"),
    )
    html = response.content.decode()
    assert 'id="id_password1_error"' in html and 'id="id_country_error"' in html
    assert "too short" not in html
    assert "valid choice" not in html
    assert "United Kingdom" not in html  # country names in the learner's language


def test_wagtail_admin_login_is_throttled_with_the_translated_page(client, settings):
    AdultFactory(username="editor", is_staff=True)
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        response = client.post("/admin/login/", {"username": "editor", "password": "x"})
    assert response.status_code == 429
    assert "Too many tries" in response.content.decode()


def test_behind_a_proxy_failures_count_against_the_forwarded_client_address(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    ChildFactory(username="star")
    client.post(
        "/en/account/login/",
        {"username": "star", "password": "x"},
        HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9",
        REMOTE_ADDR="10.0.0.1",
    )
    assert AccessAttempt.objects.get().ip_address == "203.0.113.9"


@pytest.mark.parametrize(
    ("url", "destination"),
    [
        ("/en/account/signup/", "/en/account/"),
        ("/en/account/signup/child/", "/en/account/"),
        ("/en/account/login/", "/en/my-learning/"),
    ],
)
def test_signed_in_learner_is_sent_on_instead_of_signing_up_or_in_again(client, url, destination):
    client.force_login(ChildFactory())
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == destination


def test_after_sign_in_learners_land_on_my_learning_and_educators_on_their_classes(client):
    ChildFactory(username="pupil-1")
    AdultFactory(email="teacher@example.org", role=User.Role.EDUCATOR)
    for login, landing in [
        ("pupil-1", "/fr/my-learning/"),
        ("teacher@example.org", "/fr/classes/"),
    ]:
        response = client.post("/fr/account/login/", {"username": login, "password": PASSWORD})
        assert response["Location"] == landing
        client.logout()
