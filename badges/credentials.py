"""Open Badges 3.0 credentials for certificates, signed as VC-JWT (RS256).

A credential says: the issuer (this platform) states that the subject completed the
achievement (a module or learning path, in the language it was downloaded in). The
certificate's public verification page is the credential's id and its evidence, so
anyone can check it in a browser as well as by the signature.

The subject is pseudonymous: an opaque id derived from the certificate (two badges of
one learner cannot be linked through it) and no name, unless the learner chose to add
it (badges.names). Ids are absolute URLs on BADGES_BASE_URL, so they do not depend on
the host name a request came through.
"""

import datetime
import uuid

import jwt
from django.conf import settings
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from courses.models.progress import CertificateKind

from .keys import ALGORITHM, signing_key

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
MEDIA_TYPE = "application/jwt"


def absolute(url):
    if url.startswith(("http://", "https://")):
        return url
    return settings.BADGES_BASE_URL.rstrip("/") + url


def issuer_id():
    return absolute(reverse("badges_issuer:profile"))


def key_url(kid):
    return absolute(reverse("badges_issuer:key", args=[kid]))


def issuer_profile():
    """The issuer as a badge names it; the public profile adds the JSON-LD context."""
    return {
        "id": issuer_id(),
        "type": ["Profile"],
        "name": settings.BADGES_ISSUER_NAME,
        "url": absolute("/"),
    }


def subject_id(certificate):
    """An opaque, stable id for the learner of this one certificate."""
    digest = salted_hmac("badges.subject", certificate.code, algorithm="sha256").digest()
    return uuid.UUID(bytes=digest[:16], version=4).urn


def _description(page, kind):
    text = strip_tags(getattr(page, "intro", "") or page.search_description or "").strip()
    if text:
        return text
    if kind == CertificateKind.PATH:
        return _("A learning path of COP Learn, Child Online Protection training.")
    return _("A module of COP Learn, Child Online Protection training.")


def build_credential(certificate, page, language, name=""):
    """The OpenBadgeCredential for a certificate, with `page` its content in `language`."""
    verify_url = absolute(reverse("courses:verify_certificate", args=[certificate.code]))
    page_url = absolute(page.get_url())
    if certificate.kind == CertificateKind.PATH:
        narrative = _("Completed every module of this learning path on COP Learn.")
    else:
        narrative = _(
            "Completed every lesson of this module on COP Learn and passed its final quiz."
        )
    subject = {
        "id": subject_id(certificate),
        "type": ["AchievementSubject"],
        "achievement": {
            "id": page_url,
            "type": ["Achievement"],
            "achievementType": "CertificateOfCompletion",
            "name": page.title,
            "description": _description(page, certificate.kind),
            "criteria": {"id": page_url, "narrative": narrative},
            "inLanguage": language,
        },
    }
    if name:
        subject["identifier"] = [
            {
                "type": "IdentityObject",
                "identityType": "name",
                "hashed": False,
                "identityHash": name,
            }
        ]
    valid_from = certificate.created.astimezone(datetime.UTC).replace(microsecond=0)
    return {
        "@context": CONTEXT,
        "id": verify_url,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": issuer_profile(),
        "validFrom": valid_from.isoformat().replace("+00:00", "Z"),
        "name": page.title,
        "credentialSubject": subject,
        "evidence": [
            {
                "id": verify_url,
                "type": ["Evidence"],
                "name": _("Certificate verification page"),
            }
        ],
    }


def sign(credential):
    """The credential as a compact JWS: its members plus the claims Open Badges 3.0 asks."""
    key = signing_key()
    valid_from = datetime.datetime.fromisoformat(credential["validFrom"])
    payload = {
        **credential,
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "sub": credential["credentialSubject"]["id"],
        "nbf": int(valid_from.timestamp()),
    }
    headers = {"kid": key_url(key.kid), "typ": "JWT"}
    return jwt.encode(payload, key.private_key, algorithm=ALGORITHM, headers=headers)
