"""Quiz blocks, server-side grading, and refusal of tampered submissions."""

import re

from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.test import Client, TestCase
from wagtail.models import Locale
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from courses.blocks import QuestionBlock, QuizBlock
from courses.factories import build_course_tree, quiz_answers, quiz_data
from courses.grading import SubmissionError, grade, parse_submission
from courses.models import LessonCompletion, LessonPage, ModulePage, QuizAttempt


def quiz_value(prefix="check", **options):
    return QuizBlock().to_python(quiz_data(prefix, **options))


def post_data(data):
    query = QueryDict(mutable=True)
    for key, value in data.items():
        query.setlist(key, value if isinstance(value, list) else [value])
    return query


class GradingTests(TestCase):
    def test_all_right_answers_score_full_marks_and_pass(self):
        quiz = quiz_value()
        result = grade(quiz, parse_submission(quiz, "check", post_data(quiz_answers("check"))))
        self.assertEqual((result.score, result.max_score, result.percent), (3, 3, 100))
        self.assertTrue(result.passed)

    def test_multiple_select_needs_every_right_choice_and_no_wrong_one(self):
        quiz = quiz_value()
        for chosen in (["a"], ["a", "b", "c"]):
            answers = parse_submission(
                quiz, "check", post_data(quiz_answers("check", {"q2": chosen}))
            )
            self.assertFalse(grade(quiz, answers).questions[1].correct, chosen)

    def test_unanswered_questions_count_as_wrong(self):
        quiz = quiz_value()
        result = grade(quiz, {})
        self.assertEqual(result.score, 0)
        self.assertFalse(result.passed)

    def test_pass_mark_applies_to_the_percentage(self):
        answers = {"check-q1": ["check-q1-a"], "check-q3": ["check-q3-b"]}  # 2 of 3 = 67%
        self.assertFalse(grade(quiz_value(pass_mark=70), answers).passed)
        self.assertTrue(grade(quiz_value(pass_mark=60), answers).passed)
        self.assertTrue(grade(quiz_value(pass_mark=0), {}).passed)

    def test_tampered_submissions_are_refused(self):
        quiz = quiz_value()
        right = quiz_answers("check")
        cases = {
            "unknown question": {**right, "q-check-q9": ["check-q1-a"]},
            "unknown field": {**right, "score": "100"},
            "unknown choice": {**right, "q-check-q1": ["check-q2-a"]},
            "another quiz": {**right, "quiz": "final"},
            "duplicate answer": {**right, "q-check-q2": ["check-q2-a", "check-q2-a"]},
            "two answers to single choice": {**right, "q-check-q1": ["check-q1-a", "check-q1-b"]},
            "two answers to true/false": {**right, "q-check-q3": ["check-q3-a", "check-q3-b"]},
        }
        for case, data in cases.items():
            with self.subTest(case), self.assertRaises(SubmissionError):
                parse_submission(quiz, "check", post_data(data))
        with self.assertRaises(SubmissionError):
            parse_submission(quiz, "check", post_data(right), body_size=100_000)


class QuizBlockTests(TestCase):
    def test_single_choice_question_needs_exactly_one_right_answer(self):
        block = QuestionBlock()
        value = block.to_python(quiz_data("x")["questions"][0]["value"])
        value["choices"][1]["is_correct"] = True
        with self.assertRaises(ValidationError):
            block.clean(value)

    def test_true_false_question_has_exactly_two_answers(self):
        block = QuestionBlock()
        raw = quiz_data("x")["questions"][1]["value"]
        raw["kind"] = "true_false"  # three choices
        raw["choices"][2]["value"]["is_correct"] = False
        with self.assertRaises(ValidationError):
            block.clean(block.to_python(raw))

    def test_pass_mark_is_bounded_between_0_and_100(self):
        with self.assertRaises(ValidationError):
            QuizBlock().clean(quiz_value(pass_mark=101))


class QuizContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=2, quizzes=True, translate_to=["fr"])
        cls.lesson = cls.tree.lessons[0]
        cls.url = f"/en/learn/quizzes/{cls.lesson.pk}/check/"

    def test_quiz_text_is_translatable_and_right_answers_and_pass_mark_are_not(self):
        segments = extract_segments(self.lesson)
        strings = {
            segment.path: segment.render_text()
            for segment in segments
            if isinstance(segment, StringSegmentValue)
        }
        self.assertEqual(
            strings["body.check.questions.check-q1.text"],
            quiz_data("c")["questions"][0]["value"]["text"],
        )
        self.assertIn("body.check.questions.check-q1.choices.check-q1-a.text", strings)
        self.assertIn("body.check.questions.check-q1.choices.check-q1-a.feedback", strings)
        self.assertIn("body.check.questions.check-q1.explanation", strings)
        paths = [segment.path for segment in segments]
        self.assertFalse([path for path in paths if "is_correct" in path or "pass_mark" in path])
        module_paths = [segment.path for segment in extract_segments(self.tree.module)]
        self.assertIn("final_quiz.final.questions.final-q2.choices.final-q2-c.text", module_paths)

    def test_translations_keep_the_quiz_question_and_choice_ids(self):
        french = LessonPage.objects.get(
            translation_key=self.lesson.translation_key, locale__language_code="fr"
        )
        english_ids = self.ids(self.lesson.find_quiz("check").value)
        self.assertEqual(self.ids(french.find_quiz("check").value), english_ids)
        french_module = ModulePage.objects.get(
            translation_key=self.tree.module.translation_key, locale__language_code="fr"
        )
        self.assertEqual(french_module.quiz.id, "final")

    @staticmethod
    def ids(quiz):
        return [
            (question.id, [choice.id for choice in question.value["choices"].bound_blocks])
            for question in quiz["questions"].bound_blocks
        ]

    def test_lesson_html_does_not_reveal_the_right_answers(self):
        html = self.client.get(self.lesson.url).content.decode()
        form = re.search(r'<form class="quiz__form".*?</form>', html, re.S).group(0)
        self.assertIn('value="check-q1-a"', form)
        for secret in (
            "is_correct",
            "correct",
            "feedback",
            "Yes: your address",
            "Passwords and PIN",
        ):
            self.assertNotIn(secret, html.lower() if secret.islower() else html)

    def test_form_posts_to_the_quiz_and_works_without_javascript(self):
        response = self.client.post(self.url, quiz_answers("check"))
        self.assertContains(response, "You got 3 out of 3 right (100%).")
        self.assertContains(response, "Yes: your address tells people where to find you.")
        self.assertContains(response, "<html")
        # Anonymous: kept in the session, not the database.
        self.assertFalse(QuizAttempt.objects.exists())
        self.assertEqual(len(self.client.session["learning"]["attempts"]), 1)

    def test_in_place_submission_returns_only_the_feedback(self):
        response = self.client.post(
            self.url, quiz_answers("check", {"q1": ["b"]}), headers={"X-Requested-With": "fetch"}
        )
        html = response.content.decode()
        self.assertNotIn("<html", html)
        self.assertIn("You got 2 out of 3 right (67%).", html)
        self.assertIn("A favourite colour cannot tell anyone who you are.", html)
        self.assertIn("Right answer: Your home address", html)

    def test_feedback_is_in_the_learners_language(self):
        french = self.lesson.get_translation(Locale.objects.get(language_code="fr"))
        response = self.client.post(f"/fr/learn/quizzes/{french.pk}/check/", quiz_answers("check"))
        self.assertContains(response, '<html lang="fr"')
        self.assertContains(response, "Bravo, c'est réussi !")
        self.assertNotContains(response, "This page is not available in your language")

    def test_passing_the_knowledge_check_completes_the_lesson(self):
        self.client.post(self.url, quiz_answers("check"))
        self.assertIn(str(self.lesson.translation_key), self.client.session["learning"]["lessons"])

    def test_failing_the_knowledge_check_does_not_complete_the_lesson(self):
        self.client.post(self.url, quiz_answers("check", {"q1": ["b"], "q2": ["b"]}))
        self.assertNotIn("lessons", self.client.session["learning"])


class TamperedSubmissionViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        from django.contrib.auth import get_user_model

        cls.tree = build_course_tree(lesson_count=1, quizzes=True)
        cls.lesson = cls.tree.lessons[0]
        cls.url = f"/en/learn/quizzes/{cls.lesson.pk}/check/"
        cls.user = get_user_model().objects.create_user("pupil", password="x")

    def setUp(self):
        self.client.force_login(self.user)

    def assertRefused(self, response, message):
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, message, status_code=400)
        self.assertFalse(QuizAttempt.objects.exists())
        self.assertFalse(LessonCompletion.objects.exists())

    def test_each_kind_of_tampering_gets_a_400_and_records_nothing(self):
        right = quiz_answers("check")
        cases = [
            ({**right, "q-check-q9": "check-q1-a"}, "names a question that is not in the quiz"),
            ({**right, "q-check-q1": "final-q1-a"}, "names a choice that is not in the question"),
            ({**right, "quiz": "final"}, "belong to another quiz"),
            ({**right, "q-check-q2": ["check-q2-a", "check-q2-a"]}, "sent twice"),
            ({**right, "q-check-q1": ["check-q1-a", "check-q1-b"]}, "Only one answer"),
            (quiz_answers("final"), "belong to another quiz"),
        ]
        for data, message in cases:
            with self.subTest(message):
                self.assertRefused(self.client.post(self.url, data), message)

    def test_oversized_payload_is_refused(self):
        data = {**quiz_answers("check"), "q-check-q2": ["check-q2-a"] * 2000}
        self.assertRefused(self.client.post(self.url, data), "too large")

    def test_missing_csrf_token_is_refused_with_a_translated_form_to_confirm(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.user)
        response = client.post(f"/fr/learn/quizzes/{self.lesson.pk}/check/", quiz_answers("check"))
        self.assertEqual(response.status_code, 403)
        self.assertContains(response, '<html lang="fr"', status_code=403)
        self.assertContains(
            response, "Vos réponses ne sont pas encore enregistrées", status_code=403
        )
        self.assertFalse(QuizAttempt.objects.exists())

    def test_in_place_refusal_is_a_400_fragment(self):
        response = self.client.post(
            self.url, {**quiz_answers("check"), "quiz": "x"}, headers={"X-Requested-With": "fetch"}
        )
        self.assertRefused(response, 'role="alert"')

    def test_unknown_quiz_or_page_is_404(self):
        self.assertEqual(
            self.client.post(f"/en/learn/quizzes/{self.lesson.pk}/nope/").status_code, 404
        )
        self.assertEqual(
            self.client.post(f"/en/learn/quizzes/{self.tree.path.pk}/check/").status_code, 404
        )

    def test_opening_the_quiz_address_leads_to_its_page(self):
        self.assertRedirects(self.client.get(self.url), self.lesson.url)


class QuizEditingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        from django.contrib.auth import get_user_model

        cls.tree = build_course_tree(lesson_count=1, quizzes=True)
        cls.admin = get_user_model().objects.create_superuser("admin", password="x")

    def test_editors_can_open_pages_with_quizzes_in_the_admin(self):
        self.client.force_login(self.admin)
        for page in (self.tree.module, self.tree.lessons[0]):
            with self.subTest(page=page.title):
                response = self.client.get(f"/admin/pages/{page.pk}/edit/")
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "Which of these is private information?")
