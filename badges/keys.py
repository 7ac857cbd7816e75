"""The issuer's signing key and the public key set anyone can check badges with.

Badges are signed with RS256, the algorithm every Open Badges 3.0 verifier must support
(Open Badges 3.0, "JSON Web Token Proof Format"). The key comes from the
BADGES_SIGNING_KEY setting (an RSA private key in PEM, from the environment) when it is
set; otherwise one is generated on first use and kept in the database (SigningKey), so
every app server signs with the same key. Keys are named by their RFC 7638 thumbprint.
"""

import base64
import hashlib
import json
from dataclasses import dataclass
from functools import cache

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from jwt.algorithms import RSAAlgorithm

from .models import SigningKey

ALGORITHM = "RS256"
RSA_KEY_BITS = 2048


@dataclass(frozen=True)
class IssuerKey:
    kid: str
    private_key: rsa.RSAPrivateKey

    @property
    def public_jwk(self):
        jwk = json.loads(RSAAlgorithm.to_jwk(self.private_key.public_key()))
        return {
            "kty": "RSA",
            "n": jwk["n"],
            "e": jwk["e"],
            "kid": self.kid,
            "alg": ALGORITHM,
            "use": "sig",
        }


def thumbprint(public_key):
    """RFC 7638: the SHA-256 of the key's required members, in order, without spaces."""
    jwk = json.loads(RSAAlgorithm.to_jwk(public_key))
    canonical = json.dumps(
        {"e": jwk["e"], "kty": "RSA", "n": jwk["n"]}, separators=(",", ":"), sort_keys=True
    )
    digest = hashlib.sha256(canonical.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _load(pem):
    key = serialization.load_pem_private_key(pem.encode(), password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("BADGES_SIGNING_KEY must be an RSA private key (RS256).")
    return IssuerKey(thumbprint(key.public_key()), key)


@cache
def _loaded(pem):
    return _load(pem)


def _pem(private_key):
    return private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def generate_key():
    """A new key in the database, which signs from now on; the former one is retired."""
    private_key = rsa.generate_private_key(public_exponent=65537, key_size=RSA_KEY_BITS)
    row = SigningKey(kid=thumbprint(private_key.public_key()), private_key=_pem(private_key))
    with transaction.atomic():
        SigningKey.objects.filter(retired__isnull=True).update(retired=timezone.now())
        row.save()
    return IssuerKey(row.kid, private_key)


def signing_key():
    """The key that signs new badges."""
    configured = getattr(settings, "BADGES_SIGNING_KEY", "")
    if configured:
        return _loaded(configured)
    row = SigningKey.objects.filter(retired__isnull=True).order_by("-created").first()
    if row is not None:
        return _loaded(row.private_key)
    try:
        return generate_key()
    except IntegrityError:  # pragma: no cover - another server made one at the same moment
        row = SigningKey.objects.filter(retired__isnull=True).order_by("-created").first()
        return _loaded(row.private_key)


def published_keys():
    """Every key a badge may have been signed with: the configured one and all stored ones."""
    keys = {}
    configured = getattr(settings, "BADGES_SIGNING_KEY", "")
    if configured:
        key = _loaded(configured)
        keys[key.kid] = key
    for pem in SigningKey.objects.order_by("-created").values_list("private_key", flat=True):
        key = _loaded(pem)
        keys.setdefault(key.kid, key)
    return list(keys.values())
