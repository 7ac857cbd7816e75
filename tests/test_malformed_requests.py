"""A request with a malformed Content-Length is refused with 400 before any view runs."""

import pytest
from django.test import Client

from accounts.factories import ChildFactory
from courses.factories import build_course_tree, quiz_answers
from courses.models import QuizAttempt

pytestmark = pytest.mark.django_db


@pytest.fixture
def module():
    return build_course_tree(lesson_count=1, quizzes=True).module


def learner_client(**options):
    client = Client(**options)
    client.force_login(ChildFactory())
    return client


@pytest.mark.parametrize("length", ["abc", "-5", "12, 12", "1e3", " "])
def test_quiz_submission_with_a_malformed_content_length_is_a_bad_request(module, length):
    client = learner_client(raise_request_exception=False)
    response = client.post(
        f"/en/learn/quizzes/{module.pk}/final/", quiz_answers("final"), CONTENT_LENGTH=length
    )
    assert response.status_code == 400
    assert not QuizAttempt.objects.exists()


def test_sign_in_with_a_malformed_content_length_is_a_bad_request():
    client = Client(raise_request_exception=False)
    response = client.post(
        "/fr/account/login/", {"username": "a", "password": "b"}, CONTENT_LENGTH="x"
    )
    assert response.status_code == 400
    assert response["Content-Language"] == "fr"
    assert "could not be read" not in response.content.decode()
    assert "Cette demande n'a pas pu être lue." in response.content.decode()


def test_a_well_formed_content_length_goes_through(module):
    response = learner_client().post(f"/en/learn/quizzes/{module.pk}/final/", quiz_answers("final"))
    assert response.status_code == 200
    assert QuizAttempt.objects.count() == 1
