"""Everyone signed in can change their password and stays signed in."""

import pytest
from django.contrib.auth import SESSION_KEY

from accounts.factories import PASSWORD, AdultFactory, ChildFactory

pytestmark = pytest.mark.django_db

NEW = "violet-harbour-lantern-9"


def change(client, old, new=NEW, again=None):
    return client.post(
        "/fr/account/password/change/",
        {"old_password": old, "new_password1": new, "new_password2": again or new},
    )


@pytest.mark.parametrize("factory", [AdultFactory, ChildFactory])
def test_the_password_changes_and_the_session_stays(client, factory):
    user = factory()
    client.force_login(user)
    assert 'href="/fr/account/password/change/"' in client.get("/fr/account/").content.decode()
    response = change(client, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/fr/account/"
    user.refresh_from_db()
    assert user.check_password(NEW)
    assert client.session[SESSION_KEY] == str(user.pk)
    assert client.get("/fr/account/").status_code == 200  # still signed in


def test_a_wrong_current_password_changes_nothing(client):
    user = ChildFactory()
    client.force_login(user)
    response = change(client, "not-my-password")
    assert response.status_code == 200
    assert "Ce n&#x27;est pas votre mot de passe." in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_guessing_the_current_password_is_throttled_like_sign_in(client, settings):
    user = ChildFactory()
    client.force_login(user)
    for number in range(settings.SIGN_IN_FREE_TRIES):
        change(client, f"guess-{number}")
    response = change(client, PASSWORD)
    assert response.status_code == 429  # the lockout page, even with the right password
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_the_change_page_needs_a_signed_in_user(client):
    response = client.get("/fr/account/password/change/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/account/login/")
