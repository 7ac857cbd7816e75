"""Concurrent requests cannot create duplicate completions (PostgreSQL: real concurrency).

A transactional test empties the database when it ends; it lives here, collected after
tests/browser/, whose fixtures take a copy of the migrated database when they first run.
"""

import threading

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from courses.factories import build_course_tree, quiz_answers
from courses.models import Certificate, LessonCompletion, ModuleCompletion, PathCompletion

THREADS = 8

# Skipped at collection on SQLite (which serialises every write anyway), so the test
# does not flush the database there for nothing.
pytestmark = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="needs PostgreSQL: concurrent transactions",
)


def run_concurrently(clients, url, data=None):
    barrier = threading.Barrier(len(clients))
    statuses = []

    def post(client):
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            statuses.append(client.post(url, data or {}).status_code)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=post, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_completions_of_the_last_lesson_and_quiz_record_one_of_each():
    tree = build_course_tree(lesson_count=1, quizzes=True)
    user = get_user_model().objects.create_user("learner", password="x")
    clients = []
    for _ in range(THREADS):
        client = Client()
        client.force_login(user)
        clients.append(client)

    lesson = tree.lessons[0]
    statuses = run_concurrently(clients, f"/en/learn/lessons/{lesson.pk}/done/")
    assert statuses == [302] * THREADS
    assert LessonCompletion.objects.filter(learner=user).count() == 1

    statuses = run_concurrently(
        clients, f"/en/learn/quizzes/{tree.module.pk}/final/", quiz_answers("final")
    )
    assert statuses == [200] * THREADS
    assert ModuleCompletion.objects.filter(learner=user).count() == 1
    assert PathCompletion.objects.filter(learner=user).count() == 1
    assert Certificate.objects.filter(learner=user).count() == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_scenario_choice_posted_at_once_from_two_tabs_records_one_attempt():
    """The form's one-time key makes every copy of one post the same QuizAttempt."""
    import uuid

    from courses.factories import lesson_body_with_scenario
    from courses.models import QuizAttempt

    tree = build_course_tree(lesson_count=1)
    lesson = tree.lessons[0]
    lesson.body = lesson_body_with_scenario("s")
    lesson.save_revision().publish()
    user = get_user_model().objects.create_user("learner", password="x")
    clients = []
    for _ in range(THREADS):
        client = Client()
        client.force_login(user)
        clients.append(client)
    data = {"attempt": str(uuid.uuid4()), "choice": "s-a"}
    statuses = run_concurrently(clients, f"/en/learn/scenarios/{lesson.pk}/s/", data)
    assert statuses == [302] * THREADS
    assert QuizAttempt.objects.filter(learner=user).count() == 1
    assert LessonCompletion.objects.filter(learner=user).count() == 1
