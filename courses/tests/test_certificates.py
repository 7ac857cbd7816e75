"""Certificates: printable for their owner in every language, verifiable by anyone."""

from django.contrib.auth import get_user_model
from django.test import TestCase
from wagtail.models import Locale

from courses.factories import build_course_tree, quiz_answers
from courses.models import Certificate
from courses.models.progress import new_certificate_code

User = get_user_model()


class CertificateTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=1, quizzes=True, translate_to=["ar", "zh-hans"])
        cls.user = User.objects.create_user(
            "amira", password="x", first_name="Amira", last_name="Haddad"
        )

    def setUp(self):
        self.client.force_login(self.user)
        self.client.post(f"/en/learn/lessons/{self.tree.lessons[0].pk}/done/")
        self.client.post(f"/en/learn/quizzes/{self.tree.module.pk}/final/", quiz_answers("final"))
        self.certificate = Certificate.objects.get(kind="module")

    def test_finishing_a_module_and_its_path_gives_two_certificates(self):
        kinds = sorted(Certificate.objects.filter(learner=self.user).values_list("kind", flat=True))
        self.assertEqual(kinds, ["module", "path"])

    def test_codes_are_random_unique_and_hard_to_guess(self):
        codes = {new_certificate_code() for _ in range(500)}
        self.assertEqual(len(codes), 500)
        self.assertRegex(self.certificate.code, r"^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$")

    def test_owner_sees_a_printable_certificate_in_their_language(self):
        response = self.client.get(f"/ar/certificates/{self.certificate.code}/")
        html = response.content.decode()
        self.assertIn('<html lang="ar" dir="rtl">', html)
        self.assertIn("شهادة إتمام", html)
        self.assertIn("Amira Haddad", html)
        arabic_module = self.tree.module.get_translation(Locale.objects.get(language_code="ar"))
        self.assertIn(arabic_module.title, html)
        self.assertIn(self.certificate.code, html)
        self.assertIn(f"/ar/certificates/verify/{self.certificate.code}/", html)
        self.assertIn("courses/css/learn.css", html)

    def test_certificate_uses_the_display_name_when_there_is_one(self):
        self.user.display_name = "Captain Amira"
        self.user.save()
        html = self.client.get(f"/zh-hans/certificates/{self.certificate.code}/").content.decode()
        self.assertIn("Captain Amira", html)
        self.assertNotIn("Amira Haddad", html)
        self.assertIn("结业证书", html)

    def test_certificate_falls_back_to_the_username_without_any_name(self):
        self.user.first_name = self.user.last_name = ""
        self.user.save()
        html = self.client.get(f"/zh-hans/certificates/{self.certificate.code}/").content.decode()
        self.assertIn("amira", html)
        self.assertNotIn("Haddad", html)
        self.assertIn("结业证书", html)

    def test_verification_is_public_and_reveals_nothing_about_the_learner(self):
        self.client.logout()
        response = self.client.get(f"/en/certificates/verify/{self.certificate.code}/")
        self.assertContains(response, "This certificate is valid.")
        self.assertContains(response, self.tree.module.title)
        html = response.content.decode()
        for private in ("amira", "Amira", "Haddad"):
            self.assertNotIn(private, html)

    def test_verification_accepts_a_lower_case_code(self):
        response = self.client.get(f"/en/certificates/verify/{self.certificate.code.lower()}/")
        self.assertContains(response, "This certificate is valid.")

    def test_unknown_code_is_not_valid(self):
        response = self.client.get("/en/certificates/verify/AAAA-BBBB-CCCC-DDDD/")
        self.assertContains(response, "No certificate has this code", status_code=404)

    def test_certificate_page_is_for_its_owner_only(self):
        other = User.objects.create_user("other", password="x")
        self.client.force_login(other)
        self.assertEqual(
            self.client.get(f"/en/certificates/{self.certificate.code}/").status_code, 404
        )
        self.client.logout()
        self.assertEqual(
            self.client.get(f"/en/certificates/{self.certificate.code}/").status_code, 404
        )

    def test_my_learning_links_the_certificates(self):
        html = self.client.get("/en/my-learning/").content.decode()
        self.assertIn(f"/en/certificates/{self.certificate.code}/", html)
        self.assertIn(self.tree.path.title, html)
