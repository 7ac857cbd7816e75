"""Pupil accounts an educator creates: usernames, simple passwords, all or nothing.

A pupil account holds the nickname the educator typed (as display name), a generated
username and an age band; no email and no real name beyond what the nickname says.
Passwords are stored as hashes only; the plain password goes back to the caller once,
to be printed on a login card.
"""

import os
import re
import secrets
import unicodedata
from concurrent.futures import ThreadPoolExecutor

from anyascii import anyascii
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.translation import gettext as _

from .models import ClassPupil

MAX_NICKNAME_LENGTH = 30
MAX_PUPILS_AT_ONCE = 60
# Unambiguous letters and digits: a child copies the password from a paper card.
PASSWORD_LETTERS = "abcdefghjkmnpqrstuvwxyz"  # noqa: S105
PASSWORD_DIGITS = "23456789"  # noqa: S105
USERNAME_BASE_LENGTH = 20
FALLBACK_USERNAME_BASE = "pupil"
# Password hashes computed at the same time when a class is created. Each Argon2 hash
# takes about 0.2 s of CPU and 100 MB of memory, so four at most.
HASHING_THREADS = min(4, max(2, os.cpu_count() or 1))


class BulkError(Exception):
    """Raised with one message per bad line: [(line number, message)]."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def simple_password():
    """Four letters and four digits, e.g. "kmtp-4827": easy to type, about 2**30 guesses
    (sign-in is throttled)."""
    letters = "".join(secrets.choice(PASSWORD_LETTERS) for _ in range(4))
    digits = "".join(secrets.choice(PASSWORD_DIGITS) for _ in range(4))
    return f"{letters}-{digits}"


def username_base(nickname):
    """The nickname in lower-case ASCII letters, digits and dashes, e.g. "Мария" -> "mariya".

    A child types the username from a login card, often on a phone keyboard without the
    nickname's accents or script, so every letter and digit is transliterated (Latin,
    Cyrillic, Arabic, Chinese...) and everything else (spaces, punctuation, emoji)
    becomes a dash. Emoji are dropped rather than spelled out (":slight_smile:").
    """
    parts = []
    for character in unicodedata.normalize("NFKC", nickname):
        category = unicodedata.category(character)
        if category[0] in "LN":
            parts.append(anyascii(character))
        elif category[0] != "M":  # combining marks belong to the letter before them
            parts.append(" ")
    base = re.sub(r"[^a-z0-9]+", "-", "".join(parts).lower())
    return base.strip("-")[:USERNAME_BASE_LENGTH].strip("-") or FALLBACK_USERNAME_BASE


def username_for(nickname, taken):
    """The nickname's ASCII base plus a random number, unique among `taken` and the users."""
    User = get_user_model()
    base = username_base(nickname)
    while True:
        candidate = f"{base}-{secrets.randbelow(9000) + 1000}"
        if candidate not in taken and not User.objects.filter(username__iexact=candidate).exists():
            taken.add(candidate)
            return candidate


def parse_nicknames(text):
    """The nicknames, one a line; raise BulkError naming every bad line."""
    lines = str(text).splitlines()
    while lines and not lines[-1].strip():
        lines.pop()  # a trailing newline is not an empty name
    errors, seen, names = [], {}, []
    if not lines:
        raise BulkError([(0, _("Type at least one name, one per line."))])
    if len(lines) > MAX_PUPILS_AT_ONCE:
        raise BulkError(
            [(0, _("At most %(count)d names at once.") % {"count": MAX_PUPILS_AT_ONCE})]
        )
    for number, line in enumerate(lines, start=1):
        name = " ".join(line.split())
        if not name:
            errors.append((number, _("This line is empty.")))
        elif len(name) > MAX_NICKNAME_LENGTH:
            errors.append(
                (
                    number,
                    _("This name is longer than %(max)d characters.")
                    % {"max": MAX_NICKNAME_LENGTH},
                )
            )
        elif name.casefold() in seen:
            errors.append(
                (
                    number,
                    _("This name is already on line %(line)d.") % {"line": seen[name.casefold()]},
                )
            )
        else:
            seen[name.casefold()] = number
            names.append(name)
    if errors:
        raise BulkError(errors)
    return names


def hash_passwords(passwords):
    """The hashes of `passwords`, in order, computed on several cores at once.

    Hashing is what makes a class slow to create: 30 Argon2 hashes one after the other
    took most of the half minute an educator waited. The hasher stays the one for every
    account (a short code printed on a card needs a slow hash more than a long
    password does); argon2-cffi releases the GIL while it hashes, so threads share the
    work between cores.
    """
    if len(passwords) < 2:
        return [make_password(password) for password in passwords]
    with ThreadPoolExecutor(max_workers=min(HASHING_THREADS, len(passwords))) as pool:
        return list(pool.map(make_password, passwords))


def create_pupils(school_class, educator, text, age_band):
    """Create a child account per nickname and add it to the class, in one transaction.

    Returns [(user, plain password)]. Nothing is created if any line is bad. The
    passwords are hashed before the transaction starts, so it stays short.
    """
    User = get_user_model()
    names = parse_nicknames(text)
    passwords = [simple_password() for _ in names]
    hashes = hash_passwords(passwords)
    taken, created = set(), []
    with transaction.atomic():
        for name, password, encoded in zip(names, passwords, hashes, strict=True):
            user = User(
                username=username_for(name, taken),
                kind=User.Kind.CHILD,
                age_band=age_band,
                country=school_class.country,
                display_name=name,
                password=encoded,
            )
            user.save()
            ClassPupil.objects.create(school_class=school_class, pupil=user, created_by=educator)
            created.append((user, password))
    return created


def reset_password(user):
    password = simple_password()
    user.set_password(password)
    user.save(update_fields=["password"])
    return password
