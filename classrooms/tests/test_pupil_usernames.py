"""Generated pupil usernames are plain ASCII, whatever script the nickname is in.

A child types the username from a paper card on a phone keyboard that may not offer
the nickname's accents or script, so the username must be [a-z0-9-] only.
"""

import re
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.factories import ChildFactory
from classrooms.factories import EducatorFactory, class_taught_by
from classrooms.pupils import username_for

pytestmark = pytest.mark.django_db
User = get_user_model()
ASCII_USERNAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*-[0-9]{4}$")


@pytest.mark.parametrize(
    ("nickname", "base"),
    [
        ("Lucía", "lucia"),
        ("Özil", "ozil"),
        ("Мария", "mariya"),
        ("محمد", "mhmd"),
        ("小明", "xiaoming"),
        ("🙂", "pupil"),
        ("Ali B.", "ali-b"),
        ("Zoé 🙂 Li", "zoe-li"),
        ("--", "pupil"),
    ],
)
def test_usernames_are_transliterated_to_lower_case_ascii(nickname, base):
    username = username_for(nickname, set())
    assert ASCII_USERNAME.match(username), username
    assert username.rsplit("-", 1)[0] == base


def test_long_nicknames_make_a_base_of_at_most_twenty_characters_without_a_dangling_dash():
    username = username_for("Анастасия-Александра Петровна", set())
    base = username.rsplit("-", 1)[0]
    assert len(base) <= 20
    assert ASCII_USERNAME.match(username), username


def test_usernames_stay_unique_among_the_batch_and_the_existing_accounts():
    ChildFactory(username="lucia-1000")
    taken = {"lucia-1001"}
    numbers = iter([0, 1, 2])  # 1000 and 1001 are taken, 1002 is free
    with mock.patch("classrooms.pupils.secrets.randbelow", side_effect=lambda _: next(numbers)):
        assert username_for("Lucía", taken) == "lucia-1002"
    assert "lucia-1002" in taken


def test_bulk_creation_in_six_scripts_gives_ascii_usernames(client):
    educator = EducatorFactory()
    school_class = class_taught_by(educator, name="Blue", country="FR")
    client.force_login(educator)
    names = ["Lucía", "Özil", "Мария", "محمد", "小明", "🙂"]
    response = client.post(
        reverse("classrooms:add_pupils", args=[school_class.pk]),
        {"names": "\n".join(names), "age_band": "under_13"},
    )
    assert response.status_code == 302
    pupils = {p.display_name: p.username for p in school_class.pupils.all()}
    assert sorted(pupils) == sorted(names)
    assert all(ASCII_USERNAME.match(username) for username in pupils.values()), pupils
    assert len(set(pupils.values())) == len(names)
