"""My learning leads each learner on: parents to their children, children to their class work."""

import pytest

from accounts.factories import AdultFactory, ChildFactory

pytestmark = pytest.mark.django_db


def my_learning(client, user):
    client.force_login(user)
    return client.get("/ru/my-learning/").content.decode()


def test_a_parent_finds_my_children_and_a_child_finds_their_class_work(client):
    parent_page = my_learning(client, AdultFactory())
    assert 'href="/ru/classes/children/"' in parent_page
    assert 'href="/ru/classes/assigned/"' not in parent_page
    child_page = my_learning(client, ChildFactory())
    assert 'href="/ru/classes/assigned/"' in child_page
    assert 'href="/ru/classes/children/"' not in child_page
