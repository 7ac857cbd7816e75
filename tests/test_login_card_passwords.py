"""Login-card passwords are strong enough because they are random, and throttled.

A card password is four letters from 23 and four digits from 8 ("kmtp-4827"):
23**4 * 8**4 = 1,146,228,736 equally likely passwords, about 30.1 bits. They are
generated, never chosen, so no dictionary helps; they are not passed through the
password validators (a random "bear-2345" is as strong as any other card).
Sign-in allows an account about four tries an hour once its free tries are used
(accounts.throttling), about 35,000 a year: guessing one card would take an
attacker some 16,000 years on average.
"""

import math
import re
from datetime import timedelta

from django.conf import settings

from accounts import throttling
from classrooms.pupils import PASSWORD_DIGITS, PASSWORD_LETTERS, simple_password

CARD_SHAPE = re.compile(rf"[{PASSWORD_LETTERS}]{{4}}-[{PASSWORD_DIGITS}]{{4}}")


def card_passwords():
    return len(PASSWORD_LETTERS) ** 4 * len(PASSWORD_DIGITS) ** 4


def tries_per_year():
    """The most tries one account allows in a year, with the throttle's own delays."""
    year, elapsed, tries = timedelta(days=365), timedelta(0), 0
    while elapsed < year:
        tries += 1
        elapsed += throttling.delay_after(tries) or timedelta(0)
    return tries


def test_card_passwords_have_the_documented_shape_and_no_repeats_in_a_class():
    passwords = [simple_password() for _ in range(60)]
    assert all(CARD_SHAPE.fullmatch(password) for password in passwords)
    assert len(set(passwords)) == len(passwords)


def test_card_passwords_carry_at_least_thirty_bits():
    assert card_passwords() == 1_146_228_736
    assert math.log2(card_passwords()) > 30


def test_guessing_a_card_under_throttling_takes_thousands_of_years():
    longest_pause = settings.SIGN_IN_MAX_DELAY
    assert longest_pause == timedelta(minutes=15)
    per_year = tries_per_year()
    assert 34_000 < per_year < 36_000
    years_for_half_the_cards = card_passwords() / 2 / per_year
    assert years_for_half_the_cards > 15_000
