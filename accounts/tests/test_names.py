"""Display names cannot carry invisible characters that reorder or hide text."""

import pytest

from accounts.factories import PASSWORD, ChildFactory
from accounts.models import User
from accounts.names import clean_name

BIDI_AND_INVISIBLE = [
    *(chr(code) for code in range(0x202A, 0x202F)),  # embeddings and overrides
    *(chr(code) for code in range(0x2066, 0x206A)),  # isolates
    "\u200e",  # left-to-right mark
    "\u200f",  # right-to-left mark
    "\u061c",  # Arabic letter mark
    "\u200b",  # zero-width space
    "\u2060",  # word joiner
    "\ufeff",  # zero-width no-break space
    "\u00ad",  # soft hyphen
    "\U000e0041",  # tag letter A
    "\u3164",  # Hangul filler (a "letter" that shows as nothing)
    "\x07",  # control character
]


@pytest.mark.parametrize("character", BIDI_AND_INVISIBLE)
def test_invisible_formatting_is_removed_from_names(character):
    assert clean_name(f"Sam{character}gnp.exe") == "Samgnp.exe"


@pytest.mark.parametrize(
    "name",
    [
        "ليلى",  # Arabic
        "Zoé",
        "Маша",
        "小明",
        "می\u200cخواهم",  # Persian needs the zero-width non-joiner
        "\U0001f469\u200d\U0001f4bb",  # emoji sequence with a zero-width joiner
    ],
)
def test_names_in_every_script_are_kept(name):
    assert clean_name(name) == name


def test_spaces_are_collapsed_and_text_is_composed():
    assert clean_name("  Jose\u0301\t\nDiaz  ") == "José Diaz"


@pytest.mark.django_db
def test_adult_signup_stores_the_display_name_without_an_override(client):
    client.post(
        "/en/account/signup/adult/",
        {
            "email": "sam@example.org",
            "password1": "blue-kite-river-42",
            "password2": "blue-kite-river-42",
            "role": "parent",
            "display_name": "Sam \u202etxt.exe\u202c",
        },
    )
    assert User.objects.get().display_name == "Sam txt.exe"


@pytest.mark.django_db
def test_model_validation_cleans_the_names():
    user = User(username="sam", kind=User.Kind.ADULT, password=PASSWORD)
    user.display_name = "\u2067Sam\u2069"
    user.first_name = "Sa\u200bm"
    user.full_clean()
    assert (user.display_name, user.first_name) == ("Sam", "Sam")


@pytest.mark.django_db
def test_an_account_saved_without_a_form_is_cleaned_too():
    """Pupils an educator creates are saved directly, never through a form."""
    pupil = ChildFactory(display_name="Kiki\u202e")
    pupil.refresh_from_db()
    assert pupil.display_name == "Kiki"
