"""Children without email recover their account with a printed recovery code."""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.hashers import check_password
from django.test import Client

from accounts import recovery
from accounts.factories import PASSWORD, AdultFactory, ChildFactory
from accounts.models import RecoveryCode, User

pytestmark = pytest.mark.django_db

STRONG = "blue-kite-river-42"
NEW = "violet-harbour-lantern-9"
CODE = re.compile(r'recovery-card__code"><bdi dir="ltr">([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})<')


def shown_code(response):
    found = CODE.findall(response.content.decode())
    return found[0] if found else None


def sign_up(client, next_page=""):
    query = f"?next={next_page}" if next_page else ""
    return client.post(
        f"/en/account/signup/child/{query}",
        {
            "username": "star_kid",
            "password1": STRONG,
            "password2": STRONG,
            "age_band": "13",
            "country": "GB",
        },
        follow=True,
    )


def recover(client, username, code, password=NEW):
    return client.post(
        "/en/account/password/recover/",
        {"username": username, "recovery_code": code, "password1": password, "password2": password},
    )


def test_sign_up_shows_a_recovery_code_once_stored_only_hashed(client):
    page = sign_up(client, "/en/children/")
    assert page.redirect_chain[-1][0].startswith("/en/account/recovery-code/")
    code = shown_code(page)
    assert code
    html = page.content.decode()
    assert "Keep it somewhere safe, or give it to your parent or carer." in html
    assert 'href="/en/children/"' in html  # then on to where the child was going
    stored = RecoveryCode.objects.get(user__username="star_kid")
    assert code not in stored.code_hash
    assert check_password(code.replace("-", ""), stored.code_hash)
    assert shown_code(client.get("/en/account/recovery-code/")) is None


def test_a_child_sets_a_new_password_with_the_code_and_gets_a_new_one(client):
    code = shown_code(sign_up(client))
    stranger = Client()
    response = recover(stranger, "STAR_KID", f" {code.upper().replace('-', ' ')} ")
    assert response.status_code == 302
    assert response["Location"] == "/en/account/recovery-code/"
    assert stranger.session[SESSION_KEY] == str(User.objects.get().pk)
    new_code = shown_code(stranger.get(response["Location"]))
    assert new_code and new_code != code
    assert User.objects.get().check_password(NEW)
    # The old code is used up; the new one works.
    assert recover(Client(), "star_kid", code, "other-" + NEW).status_code == 200
    assert recover(Client(), "star_kid", new_code, "other-" + NEW).status_code == 302


def test_a_wrong_code_or_unknown_name_changes_nothing_and_says_the_same(client):
    code = shown_code(sign_up(client))
    wrong_code = recover(Client(), "star_kid", "aaaa-bbbb-cccc").content.decode()
    no_such_name = recover(Client(), "nobody", code).content.decode()
    message = "This username and recovery code do not match."
    assert message in wrong_code and message in no_such_name
    assert User.objects.get().check_password(STRONG)


def test_adults_and_pupils_without_a_code_cannot_recover_this_way(client):
    AdultFactory(username="grown-up")
    pupil = ChildFactory(username="pupil-1234")  # made by an educator: no code
    assert not RecoveryCode.objects.filter(user=pupil).exists()
    for name in ["grown-up", "pupil-1234"]:
        assert recover(Client(), name, "aaaa-bbbb-cccc").status_code == 200
    pupil.refresh_from_db()
    assert pupil.check_password(PASSWORD)


def test_wrong_codes_use_the_accounts_sign_in_budget(client, settings):
    code = shown_code(sign_up(client))
    for _ in range(settings.SIGN_IN_FREE_TRIES):
        recover(Client(), "star_kid", "aaaa-bbbb-cccc")
    paused = recover(Client(), "star_kid", code).content.decode()
    assert "Too many wrong tries for this account." in paused
    assert User.objects.get().check_password(STRONG)
    # Signing in is paused too: it is one budget.
    sign_in = Client().post("/en/account/login/", {"username": "star_kid", "password": STRONG})
    assert "paused" in sign_in.content.decode()


def test_a_typo_in_the_new_password_costs_no_try(client, settings):
    code = shown_code(sign_up(client))
    for _ in range(settings.SIGN_IN_FREE_TRIES + 2):
        response = recover(Client(), "star_kid", "aaaa-bbbb-cccc", password="12345678")
        assert "id_password1_error" in response.content.decode()
    assert recover(Client(), "star_kid", code).status_code == 302


def test_a_child_makes_a_new_code_on_their_account_page_and_the_old_stops_working(client):
    old = shown_code(sign_up(client))
    assert 'href="/en/account/recovery-code/"' in client.get("/en/account/").content.decode()
    response = client.post("/en/account/recovery-code/", follow=True)
    new = shown_code(response)
    assert new and new != old
    assert recover(Client(), "star_kid", old).status_code == 200
    assert recover(Client(), "star_kid", new).status_code == 302


def test_a_code_used_by_two_requests_at_once_works_only_once():
    child = ChildFactory()
    code = recovery.issue_code(child)
    first, second = recovery.matching_code(child, code), recovery.matching_code(child, code)
    assert recovery.replace_code(first) is not None
    assert recovery.replace_code(second) is None


def test_only_children_have_a_recovery_code_page(client):
    client.force_login(AdultFactory())
    assert client.get("/en/account/recovery-code/").status_code == 403
    assert client.post("/en/account/recovery-code/").status_code == 403
    assert not RecoveryCode.objects.exists()


def test_the_data_download_says_when_the_code_was_made_but_not_the_code(client):
    sign_up(client)
    body = client.get("/en/account/data/").content.decode()
    assert '"recovery_code_made_at": "20' in body
    assert RecoveryCode.objects.get().code_hash not in body
