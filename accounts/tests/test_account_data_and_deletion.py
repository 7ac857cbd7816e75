import json

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.test import Client

from accounts.factories import PASSWORD, AdultFactory, ChildFactory
from accounts.models import User
from accounts.signals import personal_data_requested

pytestmark = pytest.mark.django_db

ACCOUNT_PAGES = ["/en/account/", "/en/account/data/", "/en/account/delete/"]


@pytest.fixture
def child():
    return ChildFactory(username="star", age_band="14", country="GB", display_name="Star")


@pytest.fixture
def other():
    return AdultFactory(username="other", email="other@example.org")


@pytest.fixture
def notes_receiver():
    """A stand-in for another app that stores something about learners."""
    notes = {}

    def receiver(sender, user, **kwargs):
        return "notes", {"entries": notes.get(user.pk, [])}

    personal_data_requested.connect(receiver)
    yield notes
    personal_data_requested.disconnect(receiver)


@pytest.mark.parametrize("url", ACCOUNT_PAGES)
def test_anonymous_visitor_is_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/en/account/login/?next={url}"


def test_account_page_shows_kind_age_band_and_links(client, child):
    client.force_login(child)
    html = client.get("/en/account/").content.decode()
    assert "Child" in html and "14" in html and "United Kingdom" in html
    assert 'href="/en/account/data/"' in html
    assert 'href="/en/account/delete/"' in html


def test_account_page_shows_an_adults_role(client, other):
    client.force_login(other)
    html = client.get("/en/account/").content.decode()
    assert "Parent or carer" in html and "other@example.org" in html


def test_data_download_holds_the_account_and_other_apps_sections(client, child, notes_receiver):
    notes_receiver[child.pk] = ["finished lesson 1"]
    client.force_login(child)
    response = client.get("/en/account/data/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["username"] == "star"
    assert data["account"]["kind"] == "child"
    assert data["account"]["age_band"] == "14"
    assert data["account"]["country"] == "GB"
    assert data["account"]["display_name"] == "Star"
    assert data["notes"] == {"entries": ["finished lesson 1"]}


def test_data_download_never_holds_the_password_hash(client, child):
    client.force_login(child)
    body = client.get("/en/account/data/").content.decode()
    assert child.password not in body
    assert "password" not in body


def test_data_download_includes_failed_sign_ins_recorded_for_the_learner(client, child):
    client.post("/en/account/login/", {"username": "star", "password": "wrong"})
    client.force_login(child)
    data = json.loads(client.get("/en/account/data/").content)
    assert data["failed_sign_in_attempts"][0]["failures_since_start"] == 1


def test_one_learner_downloads_only_their_own_data(client, child, other, notes_receiver):
    notes_receiver[child.pk] = ["star's secret"]
    client.force_login(other)
    body = client.get(f"/en/account/data/?user=star&pk={child.pk}").content.decode()
    assert "star" not in body
    assert json.loads(body)["account"]["username"] == "other"


def test_deleting_asks_for_the_password_and_a_tick(client, child):
    client.force_login(child)
    response = client.post("/en/account/delete/", {"password": "wrong", "confirm": "on"})
    assert response.status_code == 200
    assert 'id="id_password_error"' in response.content.decode()
    response = client.post("/en/account/delete/", {"password": PASSWORD})
    assert 'id="id_confirm_error"' in response.content.decode()
    assert User.objects.filter(pk=child.pk).exists()
    assert SESSION_KEY in client.session


def test_deleting_removes_the_account_and_signs_out(client, child):
    client.post("/en/account/login/", {"username": "star", "password": "wrong"})
    client.force_login(child)
    response = client.post("/en/account/delete/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert response["Location"] == "/en/account/deleted/"
    assert not User.objects.filter(pk=child.pk).exists()
    assert not AccessAttempt.objects.exists()
    assert SESSION_KEY not in client.session
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Your account is deleted" in page.content.decode()
    assert client.get("/en/account/").status_code == 302


def test_deleting_cascades_to_records_that_point_at_the_user(client, child):
    from django.contrib.auth.models import Group

    group = Group.objects.create(name="Class 5B")
    child.groups.add(group)
    client.force_login(child)
    client.post("/en/account/delete/", {"password": PASSWORD, "confirm": "on"})
    assert group.user_set.count() == 0


def test_nobody_deletes_another_learner_with_their_own_password(client, child, other):
    client.force_login(other)
    client.post(
        "/en/account/delete/",
        {"password": PASSWORD, "confirm": "on", "user": child.pk, "username": "star"},
    )
    assert User.objects.filter(pk=child.pk).exists()
    assert not User.objects.filter(pk=other.pk).exists()


def test_another_learners_password_does_not_delete_my_account(client, child, other):
    other.set_password("others-own-password")
    other.save()
    client.force_login(child)
    client.post("/en/account/delete/", {"password": "others-own-password", "confirm": "on"})
    assert User.objects.filter(pk=child.pk).exists()
    assert User.objects.filter(pk=other.pk).exists()


def test_deleting_needs_a_csrf_token(child):
    client = Client(enforce_csrf_checks=True)
    client.force_login(child)
    response = client.post("/en/account/delete/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 403
    assert User.objects.filter(pk=child.pk).exists()
