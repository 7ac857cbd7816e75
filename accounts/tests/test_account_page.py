"""The account page names people as they know themselves and offers what fits them."""

import pytest
from django.urls import reverse

from accounts.factories import AdultFactory, ChildFactory

pytestmark = pytest.mark.django_db


def account_page(client, user, language="en"):
    client.force_login(user)
    return client.get(f"/{language}/account/").content.decode()


def test_an_adult_sees_their_name_and_email_never_the_internal_username(client):
    parent = AdultFactory(username="adult-83fcb431b7", display_name="Amina", email="a@example.org")
    page = account_page(client, parent)
    assert "Amina" in page and "a@example.org" in page
    assert "adult-83fcb431b7" not in page


def test_a_parent_is_not_offered_to_join_a_class(client):
    page = account_page(client, AdultFactory())
    assert reverse("classrooms:join") not in page
    assert reverse("parent_links:children") in page


def test_a_child_sees_the_username_they_sign_in_with_and_may_join_a_class(client):
    child = ChildFactory(username="lucia-4846")
    page = account_page(client, child, "ar")
    assert '<bdi dir="ltr">lucia-4846</bdi>' in page
    assert "/ar/classes/join/" in page
