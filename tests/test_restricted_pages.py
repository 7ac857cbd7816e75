"""Pages an editor restricts (Wagtail's page privacy) still work on the language-prefixed site."""

from django.test import TestCase
from django.urls import reverse
from wagtail.models import PageViewRestriction

from accounts.factories import AdultFactory
from courses.factories import build_course_tree


class RestrictedPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_course_tree(lesson_count=2)
        cls.private, cls.secret = tree.lessons
        PageViewRestriction.objects.create(
            page=cls.private, restriction_type=PageViewRestriction.LOGIN
        )
        PageViewRestriction.objects.create(
            page=cls.secret, restriction_type=PageViewRestriction.PASSWORD, password="staff-only"
        )

    def test_a_page_for_signed_in_visitors_sends_others_to_the_site_sign_in(self):
        response = self.client.get(self.private.url)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(reverse("accounts:login")))
        self.client.force_login(AdultFactory())
        self.assertContains(self.client.get(self.private.url), self.private.title)

    def test_the_password_form_of_a_restricted_page_lets_the_right_password_in(self):
        form = self.client.get(self.secret.url)
        self.assertEqual(form.status_code, 200)
        restriction = PageViewRestriction.objects.get(page=self.secret)
        action = reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.pk, self.secret.pk]
        )
        self.assertContains(form, action)
        response = self.client.post(
            action, {"password": "staff-only", "return_url": self.secret.url}
        )
        self.assertEqual(response.status_code, 302)
        self.assertContains(self.client.get(self.secret.url), self.secret.title)
