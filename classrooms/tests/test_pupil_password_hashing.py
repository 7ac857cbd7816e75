"""A class's new passwords are hashed several at a time, with the site's hasher.

Creating 30 pupils used to take about half a minute, nearly all of it 30 Argon2 hashes
one after the other. They are now computed in threads (argon2-cffi releases the GIL);
the hasher and its cost stay what every account gets.
"""

import threading

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import check_password, identify_hasher, make_password
from django.test import override_settings

from classrooms import pupils
from classrooms.factories import EducatorFactory, class_taught_by

pytestmark = pytest.mark.django_db


def test_passwords_are_hashed_at_the_same_time_on_several_threads(monkeypatch):
    # Two hashes must be under way together to pass the barrier; one after the other,
    # the first would wait alone and the barrier would break.
    together = threading.Barrier(2, timeout=10)

    def hash_when_another_is_hashing(password):
        together.wait()
        return make_password(password)

    monkeypatch.setattr(pupils, "make_password", hash_when_another_is_hashing)
    assert pupils.HASHING_THREADS >= 2
    hashes = pupils.hash_passwords(["abcd-2345", "efgh-6789"])
    assert check_password("abcd-2345", hashes[0]) and check_password("efgh-6789", hashes[1])
    assert not check_password("abcd-2345", hashes[1])


@override_settings(
    PASSWORD_HASHERS=[
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
)
def test_each_pupil_gets_the_configured_hasher_and_signs_in_with_their_card():
    educator = EducatorFactory()
    created = pupils.create_pupils(
        class_taught_by(educator), educator, "Sami\nLina\nOmar", "under_13"
    )
    assert len({user.password for user, _ in created}) == 3
    for user, password in created:
        user.refresh_from_db()
        assert identify_hasher(user.password).algorithm == "pbkdf2_sha256"
        assert authenticate(username=user.username, password=password) == user
