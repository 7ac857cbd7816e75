"""Passwords children choose from games, teams and pets are refused, with digits or not."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import translation

from accounts.models import User
from accounts.password_validation import GuessablePasswordValidator, word_cores


@pytest.mark.parametrize(
    "password",
    [
        "minecraft1",
        "roblox2015",
        "fortnite123",
        "Minecraft!",
        "123pikachu",
        "p@ssw0rd1",
        "Mine_Craft7",
        "iloveroblox",
        "barcelona10",
        "RealMadrid2024",
        "coplearn2026",
        "spiderman99",
        "qwerty123",
        "password",
        "fluffy2016",
    ],
)
def test_common_words_with_digits_or_signs_added_are_refused(password):
    with pytest.raises(ValidationError) as error:
        GuessablePasswordValidator().validate(password)
    assert error.value.code == "password_too_common"


@pytest.mark.parametrize(
    "password",
    [
        "blue-kite-river-42",
        "ocean lamp giraffe",
        "tortoise-violin-7",
        "kmtp-4827",  # the shape of a printed login card
        "zqwd-2395",
    ],
)
def test_unusual_passwords_are_accepted(password):
    GuessablePasswordValidator().validate(password)


def test_word_cores_strip_digits_signs_separators_and_leet():
    assert {"minecraft", "password", "roblox"} <= (
        word_cores("Minecraft1") | word_cores("p@ssw0rd!") | word_cores("iloveroblox")
    )


def test_the_project_settings_use_it():
    with pytest.raises(ValidationError):
        validate_password("minecraft1", User(username="star"))


def test_the_refusal_is_translated():
    with translation.override("ar"), pytest.raises(ValidationError) as error:
        GuessablePasswordValidator().validate("roblox2015")
    assert "easy to guess" not in error.value.messages[0]
    assert error.value.messages[0].startswith("من السهل جدًا تخمين كلمة المرور هذه")


@pytest.mark.django_db
def test_child_signup_with_minecraft1_is_refused_on_the_password_field(client):
    response = client.post(
        "/es/account/signup/child/",
        {
            "username": "star_kid",
            "password1": "minecraft1",
            "password2": "minecraft1",
            "age_band": "13",
            "country": "GB",
        },
    )
    html = response.content.decode()
    assert 'id="id_password1_error"' in html
    assert "easy to guess" not in html
    assert "Esta contraseña es demasiado fácil de adivinar" in html
    assert not User.objects.exists()
