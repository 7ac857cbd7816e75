"""Making and checking indicators API tokens.

A token is 32 random bytes, URL-safe, with a prefix that says what it is (so a token
pasted somewhere it should not be can be recognised and revoked). The database holds
its SHA-256 digest only: a token has far too much entropy for the digest to be guessed
back, so a plain hash is enough and lookups stay a single indexed query.
"""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from .models import ApiToken

PREFIX = "copind_"


def digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


def issue(user):
    """A new token for `user`, replacing any older one. Returned once, never stored."""
    token = PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        ApiToken.objects.filter(user=user).delete()
        ApiToken.objects.create(user=user, digest=digest(token))
    return token


def revoke(user):
    ApiToken.objects.filter(user=user).delete()


def user_for(token):
    """The active user whose token this is, or None. Notes when it was last used."""
    if not token or not token.startswith(PREFIX):
        return None
    found = ApiToken.objects.select_related("user").filter(digest=digest(token)).first()
    if found is None or not found.user.is_active:
        return None
    ApiToken.objects.filter(pk=found.pk).update(last_used=timezone.now())
    return found.user
