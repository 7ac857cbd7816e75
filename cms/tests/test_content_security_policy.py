"""The Content Security Policy: on every learner page, and not on the admins.

Wagtail's admin (and Django's) load inline scripts and styles the learner policy
forbids, so cms.middleware leaves them to Wagtail: the header is absent there.
"""

from django.contrib.auth import get_user_model
from django.test import TestCase

from cms.middleware import LEARNER_CSP


class ContentSecurityPolicyTests(TestCase):
    def test_learner_pages_carry_the_policy(self):
        for url in ("/en/account/login/", "/ar/help/", "/fr/no-such-page/"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.headers.get("Content-Security-Policy"), LEARNER_CSP)

    def test_the_admins_get_no_policy(self):
        admin = get_user_model().objects.create_superuser("admin", password="x")
        for signed_in in (False, True):
            if signed_in:
                self.client.force_login(admin)
            for url in ("/admin/login/", "/admin/", "/admin/pages/"):
                with self.subTest(url=url, signed_in=signed_in):
                    response = self.client.get(url, follow=True)
                    self.assertEqual(response.status_code, 200)
                    self.assertNotIn("Content-Security-Policy", response.headers)
