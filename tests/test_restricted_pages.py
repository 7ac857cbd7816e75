"""Pages an editor restricts (Wagtail's page privacy) still work on the language-prefixed site."""

from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from wagtail.models import PageViewRestriction

from accounts.factories import AdultFactory, ChildFactory
from courses.factories import build_course_tree, quiz_answers
from courses.models import LessonCompletion, QuizAttempt


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


class PagesForOneGroupTests(TestCase):
    """A page an editor keeps for a group is neither listed nor served to other learners."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=2, quizzes=True, translate_to=["fr"])
        cls.lesson = cls.tree.lessons[0]  # the lesson with the knowledge check
        cls.group = Group.objects.create(name="Pilot school")
        PageViewRestriction.objects.create(
            page=cls.lesson, restriction_type=PageViewRestriction.GROUPS
        ).groups.add(cls.group)
        cls.outsider = ChildFactory()
        cls.member = ChildFactory()
        cls.member.groups.add(cls.group)

    def test_the_page_is_served_to_the_group_only(self):
        self.client.force_login(self.outsider)
        response = self.client.get(self.lesson.url)
        self.assertNotEqual(response.status_code, 200)
        self.assertNotContains(response, self.lesson.title, status_code=response.status_code)
        self.client.force_login(self.member)
        self.assertContains(self.client.get(self.lesson.url), self.lesson.title)

    def test_nor_in_a_language_it_has_no_translation_in(self):
        """The source page served in place of a missing translation keeps its restriction."""
        self.client.force_login(self.outsider)
        spanish_url = f"/es{self.lesson.url[3:]}"
        response = self.client.get(spanish_url)
        self.assertNotEqual(response.status_code, 200)
        self.client.force_login(self.member)
        self.assertContains(self.client.get(spanish_url), self.lesson.title)

    def test_the_module_page_does_not_list_it(self):
        other = self.tree.lessons[1]
        for user in (self.outsider, self.member, None):
            if user:
                self.client.force_login(user)
            else:
                self.client.logout()
            html = self.client.get(self.tree.module.url).content.decode()
            with self.subTest(user=user):
                self.assertIn(other.url, html)
                self.assertNotIn(self.lesson.url, html)
                self.assertNotIn(self.lesson.title, html)

    def test_a_restricted_module_is_not_listed_on_its_path_nor_on_my_learning(self):
        PageViewRestriction.objects.create(
            page=self.tree.module, restriction_type=PageViewRestriction.LOGIN
        )
        self.client.force_login(self.outsider)
        path_html = self.client.get(self.tree.path.url).content.decode()
        self.assertNotIn(self.tree.module.url, path_html)
        self.assertNotIn(self.tree.module.title, path_html)
        my_learning = self.client.get(reverse("courses:my_learning")).content.decode()
        self.assertNotIn(self.tree.module.title, my_learning)

    def test_its_quiz_and_done_button_refuse_other_learners(self):
        self.client.force_login(self.outsider)
        quiz = reverse("courses:submit_quiz", args=[self.lesson.pk, "check"])
        self.assertEqual(self.client.post(quiz, quiz_answers("check")).status_code, 404)
        done = reverse("courses:mark_done", args=[self.lesson.pk])
        self.assertEqual(self.client.post(done).status_code, 404)
        self.assertFalse(QuizAttempt.objects.exists())
        self.assertFalse(LessonCompletion.objects.exists())
