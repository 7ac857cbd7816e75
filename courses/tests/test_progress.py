"""Progress rules, session progress, merging it on sign-in, and language switches."""

from django.contrib.auth import get_user_model
from django.test import TestCase
from wagtail.models import Locale

from courses.factories import build_course_tree, quiz_answers
from courses.models import (
    Certificate,
    LessonCompletion,
    LessonPage,
    ModuleCompletion,
    PathCompletion,
    QuizAttempt,
)
from courses.models.progress import AttemptKind, CompletionSource
from courses.progress.records import SESSION_KEY, merge_session_progress

User = get_user_model()


def translation(page, code):
    return page.get_translation(Locale.objects.get(language_code=code))


class ProgressTestCase(TestCase):
    languages = ()
    module_count = 1

    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(
            lesson_count=2, quizzes=True, module_count=cls.module_count, translate_to=cls.languages
        )
        cls.first, cls.second = cls.tree.lessons
        cls.module = cls.tree.module
        cls.user = User.objects.create_user("learner", password="pw-learner")

    def mark_done(self, lesson, language="en"):
        return self.client.post(f"/{language}/learn/lessons/{lesson.pk}/done/")

    def submit(self, page, quiz_id, answers=None, language="en", **extra):
        data = {**quiz_answers(quiz_id, answers), **extra}
        return self.client.post(f"/{language}/learn/quizzes/{page.pk}/{quiz_id}/", data)

    def finish_module(self, module, lessons):
        for lesson in lessons:
            self.mark_done(lesson)
        return self.submit(module, "final")


class ProgressRulesTests(ProgressTestCase):
    module_count = 2

    def setUp(self):
        self.client.force_login(self.user)

    def test_marking_a_lesson_done_twice_records_it_once(self):
        response = self.mark_done(self.first)
        self.assertRedirects(response, self.first.url + "#lesson-progress")
        self.mark_done(self.first)
        completion = LessonCompletion.objects.get()
        self.assertEqual(completion.lesson_key, self.first.translation_key)
        self.assertEqual(completion.module_key, self.module.translation_key)
        self.assertEqual(completion.source, CompletionSource.MARKED_DONE)
        self.assertContains(self.client.get(self.first.url), "You have finished this lesson.")

    def test_passing_the_knowledge_check_completes_the_lesson(self):
        self.submit(self.first, "check")
        self.assertEqual(LessonCompletion.objects.get().source, CompletionSource.QUIZ_PASSED)
        attempt = QuizAttempt.objects.get()
        self.assertEqual(attempt.kind, AttemptKind.KNOWLEDGE_CHECK)
        self.assertEqual((attempt.score, attempt.max_score, attempt.pass_mark), (3, 3, 70))
        self.assertEqual(attempt.page_key, self.first.translation_key)

    def test_module_needs_every_lesson_and_the_final_quiz(self):
        self.mark_done(self.first)
        self.submit(self.module, "final")
        self.assertFalse(ModuleCompletion.objects.exists())  # a lesson is missing
        self.mark_done(self.second)
        self.assertTrue(ModuleCompletion.objects.filter(module_key=self.module.translation_key))
        self.assertTrue(
            Certificate.objects.filter(kind="module", content_key=self.module.translation_key)
        )

    def test_failed_final_quiz_does_not_complete_the_module(self):
        self.mark_done(self.first)
        self.mark_done(self.second)
        self.submit(self.module, "final", {"q1": ["b"], "q2": ["b"]})
        self.assertFalse(ModuleCompletion.objects.exists())
        self.submit(self.module, "final")
        self.assertTrue(ModuleCompletion.objects.exists())

    def test_path_is_done_when_all_its_modules_are(self):
        self.finish_module(self.module, self.tree.lessons)
        self.assertFalse(PathCompletion.objects.exists())
        second_module = self.tree.modules[1]
        self.finish_module(second_module, LessonPage.objects.child_of(second_module))
        self.assertEqual(PathCompletion.objects.get().path_key, self.tree.path.translation_key)
        self.assertEqual(Certificate.objects.filter(kind="path").count(), 1)

    def test_module_keeps_the_best_score_and_shows_the_attempt_history(self):
        self.submit(self.module, "final", {"q1": ["a"]})
        self.submit(self.module, "final")
        self.submit(self.module, "final", {"q1": ["b"]})
        html = self.client.get(self.module.url).content.decode()
        self.assertIn("Your best score in the final quiz: 100%", html)
        self.assertEqual(html.count("<tr><td>"), 3)
        self.assertIn("67%", html)

    def test_pre_test_is_offered_once_before_the_lessons(self):
        html = self.client.get(self.module.url).content.decode()
        self.assertIn('name="mode" value="pre_test"', html)
        self.submit(self.module, "final", {"q1": ["a"]}, mode="pre_test")
        attempt = QuizAttempt.objects.get()
        self.assertEqual(attempt.kind, AttemptKind.PRE_TEST)
        response = self.submit(self.module, "final", mode="pre_test")
        self.assertContains(response, "only be taken once", status_code=400)
        self.assertEqual(QuizAttempt.objects.count(), 1)
        self.assertNotIn('value="pre_test"', self.client.get(self.module.url).content.decode())

    def test_passed_pre_test_does_not_complete_the_module(self):
        self.submit(self.module, "final", mode="pre_test")
        self.mark_done(self.first)
        self.mark_done(self.second)
        self.assertFalse(ModuleCompletion.objects.exists())

    def test_deleting_the_learner_deletes_their_records(self):
        self.finish_module(self.module, self.tree.lessons)
        self.user.delete()
        for model in (LessonCompletion, QuizAttempt, ModuleCompletion, Certificate):
            self.assertFalse(model.objects.exists(), model)


class LanguageSwitchTests(ProgressTestCase):
    languages = ("fr", "ar")

    def test_lesson_done_in_french_is_done_in_arabic(self):
        self.client.force_login(self.user)
        self.mark_done(translation(self.first, "fr"), language="fr")
        self.submit(translation(self.module, "fr"), "final", language="fr")
        arabic_lesson = translation(self.first, "ar")
        self.assertContains(self.client.get(arabic_lesson.url), 'class="lesson-progress__done"')
        html = self.client.get(translation(self.module, "ar").url).content.decode()
        self.assertEqual(html.count('class="done-mark"'), 1)
        self.assertEqual(LessonCompletion.objects.get().lesson_key, self.first.translation_key)

    def test_anonymous_progress_survives_a_language_switch_too(self):
        self.mark_done(translation(self.first, "fr"), language="fr")
        arabic_lesson = translation(self.first, "ar")
        self.assertContains(self.client.get(arabic_lesson.url), 'class="lesson-progress__done"')


class SessionProgressTests(ProgressTestCase):
    def test_anonymous_progress_is_kept_in_the_session_only(self):
        self.finish_module(self.module, self.tree.lessons)
        data = self.client.session[SESSION_KEY]
        self.assertEqual(len(data["lessons"]), 2)
        self.assertIn(str(self.module.translation_key), data["modules"])
        self.assertFalse(LessonCompletion.objects.exists())
        self.assertFalse(QuizAttempt.objects.exists())
        html = self.client.get(self.module.url).content.decode()
        self.assertIn(f'<a href="/en/account/login/?next={self.module.url}">Sign in</a>', html)
        self.assertIn(
            f'<a href="/en/account/signup/?next={self.module.url}">create an account</a>', html
        )

    def test_session_progress_moves_into_the_account_on_sign_in(self):
        self.submit(self.first, "check", {"q1": ["b"]})  # failed attempt
        self.finish_module(self.module, self.tree.lessons)
        self.assertTrue(self.client.login(username="learner", password="pw-learner"))
        self.assertEqual(LessonCompletion.objects.filter(learner=self.user).count(), 2)
        self.assertEqual(QuizAttempt.objects.filter(learner=self.user).count(), 2)
        self.assertTrue(ModuleCompletion.objects.filter(learner=self.user).exists())
        self.assertTrue(Certificate.objects.filter(learner=self.user, kind="module").exists())
        self.assertNotIn(SESSION_KEY, self.client.session)

    def test_merge_with_force_login_keeps_existing_account_progress(self):
        LessonCompletion.objects.create(
            learner=self.user,
            lesson_key=self.first.translation_key,
            module_key=self.module.translation_key,
            source=CompletionSource.MARKED_DONE,
        )
        self.mark_done(self.first)
        self.mark_done(self.second)
        self.client.force_login(self.user)
        self.assertEqual(LessonCompletion.objects.count(), 2)

    def test_merging_twice_creates_nothing_twice(self):
        self.submit(self.first, "check")
        session = self.client.session
        data = dict(session[SESSION_KEY])
        merge_session_progress(session, self.user)
        session[SESSION_KEY] = data
        merge_session_progress(session, self.user)
        self.assertEqual(QuizAttempt.objects.count(), 1)
        self.assertEqual(LessonCompletion.objects.count(), 1)


class AccessTests(ProgressTestCase):
    def test_another_learner_sees_none_of_my_records(self):
        self.client.force_login(self.user)
        self.finish_module(self.module, self.tree.lessons)
        code = Certificate.objects.get(kind="module").code
        other = User.objects.create_user("other", password="x")
        self.client.force_login(other)
        self.assertEqual(self.client.get(f"/en/certificates/{code}/").status_code, 404)
        html = self.client.get("/en/my-learning/").content.decode()
        self.assertNotIn(code, html)
        self.assertNotIn(self.module.title, html)
        self.assertNotIn(
            "You have finished this lesson.", self.client.get(self.first.url).content.decode()
        )
        self.client.logout()
        self.assertEqual(self.client.get(f"/en/certificates/{code}/").status_code, 404)
