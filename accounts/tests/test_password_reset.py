"""Adults who forgot their password get a link by email, in the language they asked in."""

import re

import pytest
from django.core import mail
from django.test import Client

from accounts.factories import PASSWORD, AdultFactory
from accounts.models import SignInThrottle

pytestmark = pytest.mark.django_db

NEW = "violet-harbour-lantern-9"


@pytest.fixture(autouse=True)
def empty_cache():
    from django.core.cache import cache

    cache.clear()


def ask(client, email, language="en"):
    return client.post(f"/{language}/account/password/reset/", {"email": email})


def link_in(message):
    return re.search(r"https?://testserver(/\S+)", message.body).group(1)


def test_the_sign_in_page_links_to_the_reset_page(client):
    page = client.get("/fr/account/login/").content.decode()
    assert 'href="/fr/account/password/reset/"' in page
    assert "Mot de passe oublié ?" in page


def test_a_french_request_gets_a_french_email_whose_link_opens_in_french(client):
    AdultFactory(email="sam@example.org")
    response = ask(client, "Sam@Example.org", "fr")
    assert response.status_code == 302
    assert response["Location"] == "/fr/account/password/reset/sent/"
    (message,) = mail.outbox
    assert message.to == ["sam@example.org"]
    assert message.subject == "Choisissez un nouveau mot de passe pour COP Learn"
    assert "Quelqu’un, probablement vous" in message.body
    assert link_in(message).startswith("/fr/account/password/reset/")
    assert "24 heures" in message.body


def test_the_link_sets_a_new_password_once_and_lifts_a_sign_in_pause(client):
    adult = AdultFactory(email="sam@example.org")
    SignInThrottle.objects.create(
        key=f"account:{adult.pk}", user=adult, tries=9, last_try_at=adult.date_joined
    )
    ask(client, "sam@example.org")
    link = link_in(mail.outbox[0])
    form_page = client.get(link, follow=True)
    assert 'name="new_password1"' in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 302
    assert response["Location"] == "/en/account/login/"
    adult.refresh_from_db()
    assert adult.check_password(NEW)
    assert not SignInThrottle.objects.exists()
    again = Client().get(link, follow=True).content.decode()
    assert "This link does not work any more" in again
    assert 'name="new_password1"' not in again


def test_a_weak_or_mismatched_new_password_is_refused_on_its_field(client):
    adult = AdultFactory(email="sam@example.org")
    ask(client, "sam@example.org")
    set_url = client.get(link_in(mail.outbox[0]), follow=True).redirect_chain[-1][0]
    page = client.post(set_url, {"new_password1": "12345678", "new_password2": "12345678"})
    assert page.status_code == 200
    assert 'id="id_new_password2_error"' in page.content.decode()
    page = client.post(set_url, {"new_password1": NEW, "new_password2": NEW + "x"})
    assert "The two passwords are not the same." in page.content.decode()
    adult.refresh_from_db()
    assert adult.check_password(PASSWORD)


def test_the_answer_is_the_same_whether_or_not_an_account_has_the_address(client):
    AdultFactory(email="sam@example.org")
    known = ask(client, "sam@example.org")
    unknown = ask(client, "nobody@example.org")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert len(mail.outbox) == 1
    page = client.get(known["Location"]).content.decode()
    assert "If an account has this email address" in page


def test_an_inactive_account_gets_no_email(client):
    AdultFactory(email="gone@example.org", is_active=False)
    assert ask(client, "gone@example.org").status_code == 302
    assert mail.outbox == []


def test_one_mailbox_gets_three_emails_an_hour_and_the_page_says_nothing(client, settings):
    AdultFactory(email="sam@example.org")
    answers = {
        ask(Client(REMOTE_ADDR=f"198.51.100.{n}"), "SAM@example.org")["Location"] for n in range(6)
    }
    assert answers == {"/en/account/password/reset/sent/"}
    assert len(mail.outbox) == settings.PASSWORD_RESET_EMAILS_PER_RECIPIENT == 3


def test_one_address_may_ask_twenty_times_an_hour_then_is_told_to_wait(client):
    for number in range(20):
        assert ask(client, f"person{number}@example.org").status_code == 302
    response = ask(client, "one-more@example.org", "ar")
    assert response.status_code == 429
    assert 'role="alert"' in response.content.decode()
    assert (
        Client(REMOTE_ADDR="192.0.2.9")
        .post("/en/account/password/reset/", {"email": "x@example.org"})
        .status_code
        == 302
    )


def test_a_bad_email_gets_a_field_error_and_sends_nothing(client):
    response = ask(client, "not an address")
    assert response.status_code == 200
    assert 'id="id_email_error"' in response.content.decode()
    assert mail.outbox == []
