"""Certificates as Open Badges 3.0: signed, verifiable with the published key, pseudonymous."""

import base64
import json

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.core.management import call_command
from django.test import TestCase, override_settings
from wagtail.models import Locale

from accounts.factories import AdultFactory, ChildFactory
from accounts.models import User
from badges.keys import generate_key, thumbprint
from badges.models import NameOnBadges, SigningKey
from courses.factories import build_course_tree
from courses.models import Certificate
from parent_links.models import ParentLink

BASE = "https://learn.example.org"


def _segments(token):
    return token.split(".")


def _decode_part(part):
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def _encode_part(data):
    raw = json.dumps(data, ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


@override_settings(BADGES_BASE_URL=BASE, BADGES_SIGNING_KEY="")
class OpenBadgeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=1, translate_to=["ar"])
        cls.adult = AdultFactory(
            username="amira-h", first_name="Amira", last_name="Haddad", role=User.Role.EDUCATOR
        )
        cls.certificate = Certificate.objects.create(
            learner=cls.adult, kind="module", content_key=cls.tree.module.translation_key
        )
        cls.path_certificate = Certificate.objects.create(
            learner=cls.adult, kind="path", content_key=cls.tree.path.translation_key
        )

    def download(self, user, certificate, language="en"):
        self.client.force_login(user)
        response = self.client.get(f"/{language}/certificates/{certificate.code}/open-badge/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/jwt")
        self.assertIn("attachment", response["Content-Disposition"])
        return response.content.decode()

    def public_key_for(self, token):
        """What any verifier does: dereference the header's kid to a JWK, over HTTP."""
        header = jwt.get_unverified_header(token)
        self.assertEqual(header["alg"], "RS256")
        self.assertEqual(set(header), {"alg", "kid", "typ"})
        self.assertTrue(header["kid"].startswith(f"{BASE}/badges/keys/"))
        self.client.logout()
        response = self.client.get(header["kid"].removeprefix(BASE))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Access-Control-Allow-Origin"], "*")
        jwk = response.json()
        self.assertNotIn("d", jwk)
        return jwt.PyJWK(jwk).key

    def verify(self, token):
        return jwt.decode(
            token,
            self.public_key_for(token),
            algorithms=["RS256"],
            options={"require": ["iss", "jti", "sub", "nbf"]},
        )

    def test_owner_downloads_a_signed_badge_in_their_language_that_verifies(self):
        token = self.download(self.adult, self.certificate, language="ar")
        claims = self.verify(token)
        arabic = self.tree.module.get_translation(Locale.objects.get(language_code="ar"))
        self.assertEqual(claims["type"], ["VerifiableCredential", "OpenBadgeCredential"])
        self.assertIn("https://www.w3.org/ns/credentials/v2", claims["@context"])
        self.assertEqual(claims["name"], arabic.title)
        achievement = claims["credentialSubject"]["achievement"]
        self.assertEqual(achievement["name"], arabic.title)
        self.assertEqual(achievement["inLanguage"], "ar")
        self.assertTrue(achievement["id"].startswith(f"{BASE}/ar/"))
        verify_url = f"{BASE}/ar/certificates/verify/{self.certificate.code}/"
        self.assertEqual(claims["id"], verify_url)
        self.assertEqual(claims["jti"], verify_url)
        self.assertEqual(claims["evidence"][0]["id"], verify_url)
        self.assertEqual(claims["iss"], f"{BASE}/badges/issuer/")
        self.assertEqual(claims["issuer"]["id"], claims["iss"])
        self.assertEqual(claims["sub"], claims["credentialSubject"]["id"])
        self.assertEqual(claims["nbf"], int(self.certificate.created.timestamp()))
        # The credential's id is the public verification page, which confirms it.
        page = self.client.get(verify_url.removeprefix(BASE))
        self.assertContains(page, arabic.title)

    def test_a_tampered_badge_fails_verification(self):
        token = self.download(self.adult, self.certificate)
        header, payload, signature = _segments(token)
        claims = _decode_part(payload)
        claims["credentialSubject"]["achievement"]["name"] = "Advanced cyber security"
        forged = ".".join([header, _encode_part(claims), signature])
        with self.assertRaises(jwt.InvalidSignatureError):
            self.verify(forged)

    def test_a_badge_signed_with_another_key_fails_verification(self):
        token = self.download(self.adult, self.certificate)
        claims = jwt.decode(token, options={"verify_signature": False})
        other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        forged = jwt.encode(
            claims, other, algorithm="RS256", headers=jwt.get_unverified_header(token)
        )
        with self.assertRaises(jwt.InvalidSignatureError):
            self.verify(forged)

    def test_only_the_owner_may_download_a_badge(self):
        other = AdultFactory()
        self.client.force_login(other)
        url = f"/en/certificates/{self.certificate.code}/open-badge/"
        self.assertEqual(self.client.get(url).status_code, 404)
        self.client.logout()
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_badges_carry_no_name_by_default(self):
        token = self.download(self.adult, self.certificate)
        claims = self.verify(token)
        self.assertNotIn("identifier", claims["credentialSubject"])
        text = json.dumps(claims, ensure_ascii=False)
        for private in ("amira", "Amira", "Haddad", self.adult.email):
            self.assertNotIn(private, text)
        self.assertTrue(claims["sub"].startswith("urn:uuid:"))

    def test_subject_ids_are_stable_but_differ_between_certificates(self):
        first = self.verify(self.download(self.adult, self.certificate))["sub"]
        again = self.verify(self.download(self.adult, self.certificate))["sub"]
        path = self.verify(self.download(self.adult, self.path_certificate))["sub"]
        self.assertEqual(first, again)
        self.assertNotEqual(first, path)

    def test_an_adult_chooses_to_put_their_name_on_badges_and_takes_it_off(self):
        self.client.force_login(self.adult)
        response = self.client.post("/fr/badges/name/", {"learner": self.adult.pk, "show": "yes"})
        self.assertRedirects(response, "/fr/badges/name/")
        claims = self.verify(self.download(self.adult, self.certificate))
        self.assertEqual(
            claims["credentialSubject"]["identifier"],
            [
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": False,
                    "identityHash": "Amira Haddad",
                }
            ],
        )
        self.client.force_login(self.adult)
        self.client.post("/fr/badges/name/", {"learner": self.adult.pk, "show": "no"})
        claims = self.verify(self.download(self.adult, self.certificate))
        self.assertNotIn("identifier", claims["credentialSubject"])

    def test_a_child_of_13_or_more_may_choose_their_name(self):
        teen = ChildFactory(display_name="Sky", age_band=User.AgeBand.AGE_14)
        certificate = Certificate.objects.create(
            learner=teen, kind="module", content_key=self.tree.module.translation_key
        )
        self.client.force_login(teen)
        self.client.post("/en/badges/name/", {"learner": teen.pk, "show": "yes"})
        claims = self.verify(self.download(teen, certificate))
        self.assertEqual(claims["credentialSubject"]["identifier"][0]["identityHash"], "Sky")

    def test_only_a_linked_parent_may_put_an_under_13s_name_on_badges(self):
        child = ChildFactory(display_name="Kiki", age_band=User.AgeBand.UNDER_13)
        certificate = Certificate.objects.create(
            learner=child, kind="module", content_key=self.tree.module.translation_key
        )
        parent, stranger, waiting = AdultFactory(), AdultFactory(), AdultFactory()
        ParentLink.objects.create(parent=parent, child=child)
        ParentLink.objects.create(parent=waiting, child=child, status=ParentLink.Status.WAITING)
        choice = {"learner": child.pk, "show": "yes"}
        for who in (child, stranger, waiting, self.adult):
            self.client.force_login(who)
            self.assertEqual(self.client.post("/en/badges/name/", choice).status_code, 404)
        self.assertFalse(NameOnBadges.objects.exists())
        self.client.force_login(child)
        page = self.client.get("/en/badges/name/")
        self.assertContains(page, "A parent or carer linked to your account can choose")
        self.assertNotContains(page, 'name="show"')

        self.client.force_login(parent)
        self.assertContains(self.client.get("/ar/badges/name/"), "Kiki")
        self.client.post("/en/badges/name/", choice)
        claims = self.verify(self.download(child, certificate))
        self.assertEqual(claims["credentialSubject"]["identifier"][0]["identityHash"], "Kiki")

    def test_a_choice_for_nobody_is_refused_with_a_message_and_changes_nothing(self):
        self.client.force_login(self.adult)
        bad_choices = (
            {"learner": "abc", "show": "yes"},
            {"show": "yes"},
            {"learner": "999999", "show": "yes"},
            {"learner": self.adult.pk, "show": "perhaps"},
        )
        for bad in bad_choices:
            response = self.client.post("/es/badges/name/", bad)
            self.assertContains(response, "No se ha podido guardar", status_code=400)
        self.assertFalse(NameOnBadges.objects.exists())

    def test_the_certificate_page_offers_the_badge(self):
        self.client.force_login(self.adult)
        response = self.client.get(f"/en/certificates/{self.certificate.code}/")
        self.assertContains(response, f"/en/certificates/{self.certificate.code}/open-badge/")
        self.assertContains(response, "/en/badges/name/")

    def test_issuer_profile_and_key_set_are_public_and_hold_no_private_key(self):
        self.download(self.adult, self.certificate)
        self.client.logout()
        profile = self.client.get("/badges/issuer/").json()
        self.assertEqual(profile["id"], f"{BASE}/badges/issuer/")
        self.assertEqual(profile["type"], ["Profile"])
        self.assertIn("https://www.w3.org/ns/credentials/v2", profile["@context"])
        keys = self.client.get("/badges/keys/").json()["keys"]
        self.assertEqual(len(keys), 1)
        self.assertEqual(set(keys[0]), {"kty", "n", "e", "kid", "alg", "use"})
        # Unprefixed 404s are sent to the language-prefixed address, which does not exist.
        response = self.client.get("/badges/keys/not-a-key/", follow=True)
        self.assertEqual(response.status_code, 404)

    def test_a_key_is_made_once_on_first_use_and_kept_in_the_database(self):
        self.assertFalse(SigningKey.objects.exists())
        first = jwt.get_unverified_header(self.download(self.adult, self.certificate))["kid"]
        second = jwt.get_unverified_header(self.download(self.adult, self.path_certificate))["kid"]
        self.assertEqual(first, second)
        self.assertEqual(SigningKey.objects.count(), 1)

    def test_after_rotation_old_badges_still_verify_and_new_ones_use_the_new_key(self):
        old_token = self.download(self.adult, self.certificate)
        call_command("rotate_badge_key", stdout=open("/dev/null", "w"))  # noqa: SIM115
        new_token = self.download(self.adult, self.certificate)
        self.assertNotEqual(
            jwt.get_unverified_header(old_token)["kid"], jwt.get_unverified_header(new_token)["kid"]
        )
        self.verify(old_token)
        self.verify(new_token)
        self.assertEqual(SigningKey.objects.filter(retired__isnull=True).count(), 1)

    def test_a_key_from_the_settings_signs_and_is_published(self):
        private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode()
        with self.settings(BADGES_SIGNING_KEY=pem):
            token = self.download(self.adult, self.certificate)
            kid = thumbprint(private.public_key())
            self.assertEqual(jwt.get_unverified_header(token)["kid"], f"{BASE}/badges/keys/{kid}/")
            self.verify(token)
        self.assertFalse(SigningKey.objects.exists())

    def test_generate_key_retires_the_previous_one(self):
        first = generate_key()
        second = generate_key()
        self.assertIsNotNone(SigningKey.objects.get(kid=first.kid).retired)
        self.assertIsNone(SigningKey.objects.get(kid=second.kid).retired)

    def test_the_name_choice_is_in_the_learners_data_download(self):
        self.client.force_login(self.adult)
        data = json.loads(self.client.get("/en/account/data/").content)
        self.assertEqual(data["badges"], {"name_on_badges": False})
        self.client.post("/en/badges/name/", {"learner": self.adult.pk, "show": "yes"})
        data = json.loads(self.client.get("/en/account/data/").content)
        self.assertEqual(data["badges"], {"name_on_badges": True})
