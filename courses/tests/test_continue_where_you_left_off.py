"""'Continue where you left off' leads to the lesson the learner opened last, in every language.

Signed-in learners' last lesson is a LastOpenedLesson row; an anonymous visitor's is in
the session they already have. A visitor without a session gets none, so their lesson
pages stay free of cookies.
"""

import re

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import TestCase
from wagtail.models import Locale

from courses.factories import build_course_tree
from courses.models import LastOpenedLesson, LessonPage

User = get_user_model()
LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]


def continue_href(html):
    match = re.search(r'<a class="button" href="([^"]+)">[^<]*?[:：]', html)
    return match and match.group(1)


class ContinueWhereYouLeftOffTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(
            lesson_count=2, module_count=2, translate_to=[c for c in LANGUAGES if c != "en"]
        )
        cls.first_module_lessons = cls.tree.all_lessons[:2]
        cls.second_module_lessons = cls.tree.all_lessons[2:]
        cls.user = User.objects.create_user("learner", password="x")

    def in_language(self, page, code):
        return page.get_translation(Locale.objects.get(language_code=code))

    def test_signed_in_learner_continues_at_the_lesson_opened_last_in_every_language(self):
        self.client.force_login(self.user)
        first, _second = self.first_module_lessons
        self.client.post(f"/en/learn/lessons/{first.pk}/done/")
        # The learner moves on to the second module: the first module's pending lesson
        # is not where they left off.
        later = self.second_module_lessons[1]
        self.client.get(self.in_language(later, "ru").url)
        for code in LANGUAGES:
            with self.subTest(language=code):
                html = self.client.get(f"/{code}/my-learning/").content.decode()
                shown = self.in_language(later, code)
                self.assertEqual(continue_href(html), shown.url)
                self.assertIn(shown.title, html)

    def test_continue_link_reads_as_one_sentence_in_each_language(self):
        self.client.force_login(self.user)
        lesson = self.first_module_lessons[1]
        self.client.get(lesson.url)
        for code, words in {
            "fr": "Reprendre où vous en étiez\u00a0: ",
            "zh-hans": "从上次停下的地方继续：",
            "ar": "تابع من حيث توقفت: ",
        }.items():
            with self.subTest(language=code):
                html = self.client.get(f"/{code}/my-learning/").content.decode()
                self.assertIn(words + self.in_language(lesson, code).title, html)

    def test_going_back_to_an_earlier_lesson_moves_the_continue_link_there(self):
        self.client.force_login(self.user)
        first, second = self.first_module_lessons
        self.client.get(second.url)
        self.client.get(first.url)
        html = self.client.get("/fr/my-learning/").content.decode()
        self.assertEqual(continue_href(html), self.in_language(first, "fr").url)
        self.assertEqual(LastOpenedLesson.objects.filter(learner=self.user).count(), 1)

    def test_an_opened_lesson_is_enough_to_show_the_path_in_progress(self):
        self.client.force_login(self.user)
        self.client.get(self.first_module_lessons[1].url)
        html = self.client.get("/ar/my-learning/").content.decode()
        self.assertEqual(
            continue_href(html), self.in_language(self.first_module_lessons[1], "ar").url
        )
        self.assertIn(self.in_language(self.tree.path, "ar").title, html)

    def test_anonymous_visitor_with_a_session_continues_where_they_left_off(self):
        first = self.first_module_lessons[0]
        self.client.post(f"/es/learn/lessons/{first.pk}/done/")  # starts the session
        later = self.second_module_lessons[0]
        self.client.get(self.in_language(later, "es").url)
        html = self.client.get("/zh-hans/my-learning/").content.decode()
        self.assertEqual(continue_href(html), self.in_language(later, "zh-hans").url)

    def test_the_last_lesson_moves_into_the_account_on_sign_in(self):
        self.client.post(f"/en/learn/lessons/{self.first_module_lessons[0].pk}/done/")
        later = self.second_module_lessons[1]
        self.client.get(later.url)
        self.client.post("/en/account/login/", {"username": "learner", "password": "x"})
        record = LastOpenedLesson.objects.get(learner=self.user)
        self.assertEqual(record.lesson_key, later.translation_key)

    def test_visitor_without_a_session_gets_no_session_and_no_cookie(self):
        lesson = self.first_module_lessons[1]
        response = self.client.get(self.in_language(lesson, "fr").url)
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("sessionid", response.cookies)
        self.assertEqual(Session.objects.count(), 0)
        # Vary names the cookie (the page reads a session when there is one) and the
        # page may be kept by shared caches (cms.page_cache).
        self.assertEqual(response.headers.get("Vary"), "Cookie, Accept-Encoding")
        self.assertIn("public", response.headers["Cache-Control"])

    def test_a_preview_is_not_remembered(self):
        admin = User.objects.create_superuser("admin", password="x")
        self.client.force_login(admin)
        lesson = LessonPage.objects.get(pk=self.first_module_lessons[0].pk)
        self.client.get(f"/admin/pages/{lesson.pk}/edit/preview/")
        self.assertFalse(LastOpenedLesson.objects.exists())
