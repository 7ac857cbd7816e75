"""Parallel wrong passwords cannot slip past an account's budget (PostgreSQL: real concurrency).

A transactional test empties the database when it ends; it lives here, collected after
tests/browser/, whose fixtures take a copy of the migrated database when they first run.
"""

import threading

import pytest
from django.conf import settings
from django.test import Client

from accounts.factories import ChildFactory
from accounts.models import SignInThrottle

THREADS = 12

pytestmark = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="needs PostgreSQL: concurrent transactions",
)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_wrong_passwords_from_many_addresses_get_only_the_free_tries(settings):
    settings.AXES_ENABLED = True
    ChildFactory(username="star")
    barrier = threading.Barrier(THREADS)
    pages = []

    def guess(number):
        from django.db import connection as thread_connection

        client = Client(REMOTE_ADDR=f"198.51.100.{number + 1}")
        try:
            barrier.wait()
            response = client.post(
                "/en/account/login/", {"username": "star", "password": f"guess-{number}"}
            )
            pages.append(response.content.decode())
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=guess, args=(number,)) for number in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    paused = [page for page in pages if "signing in is paused" in page]
    assert len(pages) == THREADS
    assert len(paused) == THREADS - settings.SIGN_IN_FREE_TRIES
    assert SignInThrottle.objects.get().tries == settings.SIGN_IN_FREE_TRIES
