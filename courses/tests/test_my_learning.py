"""My learning: paths in progress, where to continue, history, certificates; constant queries."""

import uuid

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from courses.factories import LessonPageFactory, build_course_tree, quiz_answers
from courses.models import LastOpenedLesson, LessonCompletion, LessonPage, QuizAttempt
from courses.models.progress import AttemptKind, CompletionSource

User = get_user_model()


class MyLearningTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=2, quizzes=True, translate_to=["ar"])
        cls.user = User.objects.create_user("learner", password="x")

    def test_anonymous_visitor_sees_session_progress_and_where_to_continue(self):
        first, second = self.tree.lessons
        self.client.post(f"/en/learn/lessons/{first.pk}/done/")
        html = self.client.get("/en/my-learning/").content.decode()
        self.assertIn("Learning paths in progress", html)
        self.assertIn("33% done", html)  # 1 of 2 lessons + final quiz
        self.assertIn(f'href="{second.url}">Continue where you left off', html)
        self.assertIn('<a href="/en/account/login/?next=/en/my-learning/">Sign in</a>', html)
        self.assertIn(
            '<a href="/en/account/signup/?next=/en/my-learning/">create an account</a>', html
        )

    def test_continue_link_is_in_the_visitors_language(self):
        self.client.force_login(self.user)
        self.client.post(f"/en/learn/lessons/{self.tree.lessons[0].pk}/done/")
        arabic = self.tree.lessons[1].get_translation(Locale.objects.get(language_code="ar"))
        html = self.client.get("/ar/my-learning/").content.decode()
        self.assertIn(f'href="{arabic.url}"', html)
        self.assertIn(arabic.title, html)

    def test_anonymous_visitor_is_asked_in_their_language_to_sign_in_and_come_back(self):
        self.client.post(f"/ar/learn/lessons/{self.tree.lessons[0].pk}/done/")
        html = self.client.get("/ar/my-learning/").content.decode()
        self.assertIn('<a href="/ar/account/login/?next=/ar/my-learning/">سجّل الدخول</a>', html)
        self.assertIn('<a href="/ar/account/signup/?next=/ar/my-learning/">أنشئ حسابًا</a>', html)

    def test_continue_link_falls_back_to_the_source_page(self):
        self.client.force_login(self.user)
        self.client.post(f"/en/learn/lessons/{self.tree.lessons[0].pk}/done/")
        html = self.client.get("/fr/my-learning/").content.decode()
        self.assertIn(f'href="{self.tree.lessons[1].url}"', html)

    def test_completed_module_quiz_history_and_certificate_are_listed(self):
        self.client.force_login(self.user)
        for lesson in self.tree.lessons:
            self.client.post(f"/en/learn/lessons/{lesson.pk}/done/")
        self.client.post(
            f"/en/learn/quizzes/{self.tree.module.pk}/final/", quiz_answers("final", {"q1": ["b"]})
        )
        self.client.post(f"/en/learn/quizzes/{self.tree.module.pk}/final/", quiz_answers("final"))
        html = self.client.get("/en/my-learning/").content.decode()
        self.assertIn("Completed modules", html)
        self.assertIn("best score 100%", html)
        self.assertIn("Quiz history", html)
        self.assertEqual(html.count("<td>Final quiz</td>"), 2)
        self.assertIn("/en/certificates/", html)
        self.assertNotIn("Learning paths in progress", html)


class MyLearningQueryCountTests(TestCase):
    """The page costs the same number of queries with 5 or 20 modules of progress."""

    def build(self, module_count):
        tree = build_course_tree(lesson_count=2, quizzes=True, module_count=module_count)
        user = User.objects.create_user(f"learner{module_count}", password="x")
        for module in tree.modules:
            for lesson in LessonPage.objects.child_of(module):
                LessonCompletion.objects.create(
                    learner=user,
                    lesson_key=lesson.translation_key,
                    module_key=module.translation_key,
                    source=CompletionSource.MARKED_DONE,
                )
            QuizAttempt.objects.create(
                learner=user,
                uid=uuid.uuid4(),
                page_key=module.translation_key,
                module_key=module.translation_key,
                quiz_id="final",
                kind=AttemptKind.FINAL,
                answers={},
                score=1,
                max_score=3,
                pass_mark=70,
                passed=False,
            )
        LastOpenedLesson.objects.create(
            learner=user,
            lesson_key=LessonPage.objects.child_of(tree.modules[-1]).first().translation_key,
            opened=timezone.now(),
        )
        self.client.force_login(user)
        self.client.get("/en/my-learning/")  # warm the site caches
        return tree

    def count_queries(self):
        connection.queries_log.clear()  # the log keeps 9000 queries: start counting afresh
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get("/en/my-learning/")
        self.assertEqual(response.status_code, 200)
        return len(queries), response.content.decode()

    def test_query_count_does_not_grow_with_modules(self):
        self.build(5)
        small, html = self.count_queries()
        self.assertEqual(html.count("<td>Final quiz</td>"), 5)
        self.build(20)
        large, html = self.count_queries()
        self.assertEqual(html.count("<td>Final quiz</td>"), 20)
        self.assertEqual(small, large)
        self.assertGreater(small, 5)
        # Two of them find the lesson opened last and where it sits in the tree.
        self.assertLessEqual(large, 18)


# A signed-in learner's lesson page: the anonymous page's queries (including the section's
# audience, for the conversation box), plus the session, the user, the Wagtail user bar's
# permission checks, whether the lesson is done and remembering it as the lesson opened
# last (one upsert).
LESSON_PAGE_QUERIES = 25


class LessonPageQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=2, quizzes=True)
        cls.user = User.objects.create_user("learner", password="x")

    def test_signed_in_lesson_page_query_count_does_not_grow_with_lessons_or_progress(self):
        self.client.force_login(self.user)
        lesson = self.tree.lessons[0]
        self.client.get(lesson.url)  # warm the site caches
        connection.queries_log.clear()
        with self.assertNumQueries(LESSON_PAGE_QUERIES):
            self.client.get(lesson.url)
        for _ in range(10):
            extra = LessonPage.objects.child_of(self.tree.module).last()
            self.client.post(f"/en/learn/lessons/{extra.pk}/done/")
            LessonPageFactory(parent=self.tree.module)
        self.client.post(f"/en/learn/lessons/{lesson.pk}/done/")
        connection.queries_log.clear()  # the log keeps 9000 queries: start counting afresh
        with self.assertNumQueries(LESSON_PAGE_QUERIES):
            response = self.client.get(lesson.url)
        self.assertContains(response, "You have finished this lesson.")
