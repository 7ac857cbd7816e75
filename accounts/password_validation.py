"""Password rules whose messages are translated in every site language."""

import functools
import re
from pathlib import Path

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's minimum length rule, with a message our catalogues translate.

    Django's own Arabic and Chinese catalogues lack the current wording of this
    message, so children saw it in English.
    """

    def validate(self, password, user=None):
        if len(password) < self.min_length:
            raise ValidationError(
                self.get_error_message(),
                code="password_too_short",
                params={"min_length": self.min_length},
            )

    def get_error_message(self):
        return ngettext(
            "This password is too short: use at least %(min_length)d character.",
            "This password is too short: use at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}


CHILDREN_WORDS_PATH = Path(__file__).resolve().parent / "password_lists" / "children.txt"
# Digits, signs and spaces around a word: "minecraft1", "Roblox2015!", "123fortnite".
AROUND_WORD = re.compile(r"^[\W\d_]+|[\W\d_]+$")
SEPARATORS = re.compile(r"[\W_]+")
# Simple "leet" spellings; "1" is tried as both "i" and "l".
LEET = [str.maketrans("0134579@$!", "oieastgasi"), str.maketrans("0134579@$!", "oleastgasi")]


@functools.cache
def guessable_words():
    """Django's 20,000 common passwords and the words children pick (children.txt)."""
    words = set(password_validation.CommonPasswordValidator().passwords)
    for line in CHILDREN_WORDS_PATH.read_text(encoding="utf-8").splitlines():
        word = line.strip().casefold()
        if word and not word.startswith("#"):
            words.add(word)
    return frozenset(words)


def word_cores(password):
    """The word a password is built on, in the spellings an attacker tries first.

    "Minecraft1" -> "minecraft"; "p@ssw0rd!" -> "password"; "Mine_Craft" -> "minecraft";
    "iloveroblox" -> "roblox" as well.
    """
    folded = password.casefold().strip()
    cores = {folded, AROUND_WORD.sub("", folded)}
    for table in LEET:
        cores.add(AROUND_WORD.sub("", folded.translate(table)))
        cores.add(AROUND_WORD.sub("", folded).translate(table))
    cores |= {SEPARATORS.sub("", core) for core in cores}
    cores |= {core.removeprefix("ilove") for core in cores if core.startswith("ilove")}
    return {core for core in cores if core}


class GuessablePasswordValidator:
    """Refuses common passwords, and common words with digits or signs added.

    Django's CommonPasswordValidator refuses "minecraft" but not "minecraft1",
    "roblox2015" or "fortnite123", which is what children choose, and what an attacker
    tries first. This validator replaces it: it checks the password and the word it is
    built on (word_cores) against Django's list and a committed list of the games,
    characters, football clubs, pets and names children pick.

    Login-card passwords an educator prints (classrooms) are generated at random and
    set without validation: their strength is their randomness (about 30 bits, see
    tests/test_login_card_passwords.py), not whether a slice happens to be a word.
    """

    def validate(self, password, user=None):
        if word_cores(password) & guessable_words():
            raise ValidationError(self.get_error_message(), code="password_too_common")

    def get_error_message(self):
        return _(
            "This password is too easy to guess: it is a common password, or a well-known "
            "word with numbers or signs added. Try three words that have nothing to do "
            "with each other."
        )

    def get_help_text(self):
        return _(
            "Your password cannot be a common password, or a well-known word (a game, a "
            "team, a pet) with numbers or signs added."
        )
