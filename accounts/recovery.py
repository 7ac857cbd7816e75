"""Recovery codes: how a child without email sets a new password on their own.

A child signing up gets a code to print or give to a parent or carer. With their
username and the code they can set a new password; the code is then used up and a
new one is shown. Codes are hashed like passwords, so the database never holds one
that works. Pupils whose educator made their account get none: the educator resets it.
"""

import re
import secrets

from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import RecoveryCode

# Lower-case letters and digits a child cannot confuse on paper (no i, l, o, 0, 1).
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
CODE_GROUPS = 3
CODE_GROUP_LENGTH = 4  # 12 characters: about 59 bits, far beyond throttled guessing
# Where a new code waits, in the session, until the recovery code page shows it once.
SESSION_KEY = "accounts:recovery_code"


def new_code():
    """A fresh code in groups, e.g. "k7mp-3xqa-9wtd", easy to copy from paper."""
    return "-".join(
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LENGTH))
        for _ in range(CODE_GROUPS)
    )


def normalise(code):
    """The code as typed, without spaces or dashes and in lower case."""
    return re.sub(r"[\s\-\u2010-\u2015]+", "", str(code)).lower()


def issue_code(user):
    """Give `user` a new code (replacing any old one) and return it, in the clear, once."""
    code = new_code()
    fields = {"code_hash": make_password(normalise(code)), "created": timezone.now()}
    if RecoveryCode.objects.filter(user=user).update(**fields):
        return code
    try:
        with transaction.atomic():
            RecoveryCode.objects.create(user=user, **fields)
    except IntegrityError:  # a parallel request created one just now: replace it
        RecoveryCode.objects.filter(user=user).update(**fields)
    return code


def matching_code(user, code):
    """The user's code row if `code` is right, else None; as slow when there is none."""
    row = RecoveryCode.objects.filter(user=user).first() if user is not None else None
    if row is None:
        make_password(normalise(code))  # spend the same time as a real check
        return None
    return row if check_password(normalise(code), row.code_hash) else None


def replace_code(row):
    """Use up a matched code: return its replacement, or None if another request used it.

    The update only succeeds while the row still holds the hash that was checked, so two
    requests with the same code cannot both set a password.
    """
    code = new_code()
    used = RecoveryCode.objects.filter(pk=row.pk, code_hash=row.code_hash).update(
        code_hash=make_password(normalise(code)), created=timezone.now()
    )
    return code if used else None


def remember_in_session(request, code):
    """Keep a new code until the recovery code page shows it (and forgets it)."""
    request.session[SESSION_KEY] = code
