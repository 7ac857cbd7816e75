"""Sign-in throttling per account: one budget, whatever address or identifier is used."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.utils import timezone

from accounts import throttling
from accounts.factories import PASSWORD, AdultFactory, ChildFactory
from accounts.models import SignInThrottle, User

pytestmark = pytest.mark.django_db

PAUSED = "signing in is paused"


class Clock:
    """Moves the throttle's clock forward without waiting."""

    def __init__(self, monkeypatch):
        self.now = timezone.now()
        monkeypatch.setattr(throttling, "current_time", lambda: self.now)

    def advance(self, **delta):
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


def sign_in(username, password, address="203.0.113.1", language="en"):
    client = Client(REMOTE_ADDR=address)
    response = client.post(
        f"/{language}/account/login/", {"username": username, "password": password}
    )
    return client, response


def wrong_tries(username, count, addresses=10):
    """`count` wrong passwords spread over `addresses` addresses, as a botnet would."""
    for number in range(count):
        sign_in(username, f"wrong-{number}", address=f"198.51.100.{number % addresses + 1}")


def test_forty_wrong_passwords_from_ten_addresses_pause_the_account(clock):
    ChildFactory(username="star")
    wrong_tries("star", 40)
    client, response = sign_in("star", PASSWORD, address="192.0.2.77")
    assert response.status_code == 200
    assert PAUSED in response.content.decode()
    assert SESSION_KEY not in client.session


def test_after_the_pause_the_right_password_works_and_clears_the_count(clock):
    ChildFactory(username="star")
    wrong_tries("star", 40)
    clock.advance(minutes=1, seconds=1)
    client, response = sign_in("star", PASSWORD, address="192.0.2.77")
    assert response.status_code == 302
    assert SESSION_KEY in client.session
    assert not SignInThrottle.objects.exists()


def test_tries_refused_during_a_pause_do_not_make_it_longer(clock):
    """An attacker cannot keep a child out for long by hammering the account."""
    ChildFactory(username="star")
    wrong_tries("star", 5)
    wrong_tries("star", 200)  # all refused unread: the account is paused
    assert SignInThrottle.objects.get().tries == 5
    clock.advance(minutes=1, seconds=1)
    assert sign_in("star", PASSWORD)[1].status_code == 302


def test_the_pause_doubles_up_to_fifteen_minutes(clock):
    ChildFactory(username="star")
    waits = []
    for number in range(10):
        sign_in("star", "wrong", address=f"198.51.100.{number + 1}")
        row = SignInThrottle.objects.get()
        wait = row.next_try_at - clock.now if row.next_try_at else timedelta(0)
        waits.append(round(wait.total_seconds() / 60))
        clock.advance(seconds=wait.total_seconds() + 1)
    assert waits == [0, 0, 0, 0, 1, 2, 4, 8, 15, 15]
    assert SignInThrottle.objects.get().tries == 10


def test_email_and_username_of_one_account_share_one_budget(clock):
    AdultFactory(username="adult-7", email="sam@example.org")
    wrong_tries("sam@example.org", 3)
    wrong_tries("ADULT-7", 2)
    _client, response = sign_in("Sam@Example.org", PASSWORD)
    assert PAUSED in response.content.decode()
    assert SignInThrottle.objects.get().user.username == "adult-7"


def without_csrf_token(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_unknown_names_are_paused_like_accounts_so_the_message_reveals_nothing(clock):
    ChildFactory(username="star")
    wrong_tries("star", 5)
    wrong_tries("nobody-here", 5)
    known = without_csrf_token(sign_in("star", "guess")[1].content.decode())
    unknown = without_csrf_token(sign_in("nobody-here", "guess")[1].content.decode())
    assert PAUSED in known and PAUSED in unknown
    assert known.replace("star", "NAME") == unknown.replace("nobody-here", "NAME")
    # Unknown names are kept only as a digest, never as typed.
    assert not SignInThrottle.objects.filter(key__contains="nobody").exists()


def test_the_pause_message_is_translated(clock):
    ChildFactory(username="star")
    wrong_tries("star", 5)
    html = sign_in("star", PASSWORD, language="ar")[1].content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert PAUSED not in html
    assert "مؤقتًا" in html


def test_a_classmates_account_is_not_paused(clock):
    ChildFactory(username="star")
    ChildFactory(username="moon")
    wrong_tries("star", 40)
    assert sign_in("moon", PASSWORD)[1].status_code == 302


def test_a_pause_is_forgotten_a_day_after_the_last_try(clock):
    ChildFactory(username="star")
    wrong_tries("star", 9)
    clock.advance(days=1, seconds=1)
    wrong_tries("star", 4)
    assert SignInThrottle.objects.get().tries == 4
    assert sign_in("star", PASSWORD)[1].status_code == 302


def test_deleting_an_account_deletes_its_throttle_record(clock):
    child = ChildFactory(username="star")
    wrong_tries("star", 2)
    child.delete()
    assert not SignInThrottle.objects.exists()


def test_password_check_on_account_deletion_shares_the_budget(client, clock):
    child = ChildFactory(username="star")
    wrong_tries("star", 5)
    client.force_login(child)
    response = client.post("/en/account/delete/", {"password": PASSWORD, "confirm": "on"})
    assert PAUSED in response.content.decode()
    assert User.objects.filter(pk=child.pk).exists()


# Case-insensitive sign-in: pupils type what their card shows, phones capitalise.


@pytest.mark.parametrize("typed", ["Lucia-4846", "LUCIA-4846", " lucia-4846 "])
def test_username_sign_in_ignores_case(typed):
    child = ChildFactory(username="lucia-4846")
    client, response = sign_in(typed, PASSWORD)
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(child.pk)


def test_a_username_differing_only_in_case_cannot_be_stored():
    from django.db import IntegrityError, transaction

    ChildFactory(username="lucia-4846")
    with pytest.raises(IntegrityError), transaction.atomic():
        ChildFactory(username="Lucia-4846")


def test_model_validation_names_the_case_insensitive_username_clash():
    from django.core.exceptions import ValidationError

    ChildFactory(username="lucia-4846")
    clash = User(username="LUCIA-4846", kind=User.Kind.CHILD, age_band="14", password="x")
    with pytest.raises(ValidationError, match="username"):
        clash.full_clean()


def test_records_untouched_for_a_day_are_dropped(clock):
    wrong_tries("typed-once", 1)
    clock.advance(days=1, seconds=1)
    wrong_tries("typed-later", 1)
    assert SignInThrottle.objects.count() == 1
