"""Platforms are registered in the Wagtail admin; the tool's key set is public."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase
from lti_tool.models import Key, LtiDeployment, LtiRegistration

User = get_user_model()

PLATFORM = {
    "name": "School Moodle",
    "issuer": "https://moodle.example.org",
    "client_id": "cop-learn-tool",
    "auth_url": "https://moodle.example.org/mod/lti/auth.php",
    "token_url": "https://moodle.example.org/mod/lti/token.php",
    "keyset_url": "https://moodle.example.org/mod/lti/certs.php",
    "is_active": "on",
}


class PlatformRegistrationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = User.objects.create_superuser("root", password="x", email="root@example.org")
        cls.learner = User.objects.create_user("learner", password="x")

    def test_an_administrator_registers_a_platform_and_a_deployment(self):
        self.client.force_login(self.admin)
        self.assertContains(self.client.get("/admin/lti_platforms/new/"), "client ID")
        response = self.client.post("/admin/lti_platforms/new/", PLATFORM)
        self.assertEqual(response.status_code, 302)
        registration = LtiRegistration.objects.get()
        self.assertEqual(registration.issuer, "https://moodle.example.org")
        self.assertTrue(registration.is_active)
        response = self.client.post(
            "/admin/lti_deployments/new/",
            {"registration": registration.pk, "deployment_id": "1", "is_active": "on"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(LtiDeployment.objects.get().registration, registration)

    def test_a_registration_with_a_bad_url_is_refused_and_nothing_is_saved(self):
        self.client.force_login(self.admin)
        response = self.client.post(
            "/admin/lti_platforms/new/", {**PLATFORM, "auth_url": "not a url"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(LtiRegistration.objects.exists())

    def test_learners_cannot_open_or_change_registrations(self):
        self.client.force_login(self.learner)
        for url in ("/admin/lti_platforms/", "/admin/lti_platforms/new/"):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 302)
            self.assertTrue(response["Location"].startswith("/admin/login/"))
        self.client.post("/admin/lti_platforms/new/", PLATFORM)
        self.assertFalse(LtiRegistration.objects.exists())


class ToolKeySetTests(TestCase):
    def test_the_key_set_is_public_made_on_first_use_and_holds_no_private_key(self):
        self.assertFalse(Key.objects.exists())
        first = self.client.get("/lti/jwks/")
        self.assertEqual(first.status_code, 200)
        keys = first.json()["keys"]
        self.assertEqual(len(keys), 1)
        self.assertEqual((keys[0]["kty"], keys[0]["alg"], keys[0]["use"]), ("RSA", "RS256", "sig"))
        self.assertTrue(keys[0]["kid"])
        for private in ("d", "p", "q", "dp", "dq", "qi"):
            self.assertNotIn(private, keys[0])
        self.assertEqual(self.client.get("/lti/jwks/").json()["keys"], keys)
        self.assertEqual(Key.objects.count(), 1)

    def test_rotating_keys_publishes_the_new_key(self):
        old = self.client.get("/lti/jwks/").json()["keys"][0]["kid"]
        call_command("rotate_keys", stdout=io.StringIO())
        kids = [key["kid"] for key in self.client.get("/lti/jwks/").json()["keys"]]
        self.assertEqual(len(kids), 2)
        self.assertIn(old, kids)
        call_command("rotate_keys", "--deactivate-after=0", stdout=io.StringIO())
        kids = [key["kid"] for key in self.client.get("/lti/jwks/").json()["keys"]]
        self.assertNotIn(old, kids)
