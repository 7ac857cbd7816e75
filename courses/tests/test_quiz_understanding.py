"""Quizzes that test understanding: shuffled choices, an honest pre-test, the next step."""

import re

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client, TestCase
from wagtail.models import Locale

from courses.blocks import QuizBlock, ordered_choices
from courses.factories import build_course_tree, lesson_body_with_quiz, quiz_answers, quiz_data
from courses.models import Certificate, LessonPage
from courses.quiz_order import SESSION_KEY as ROUNDS_KEY
from courses.quiz_order import quiz_key

User = get_user_model()

# A knowledge check long enough that two shuffles rarely agree by chance.
WIDE_QUESTIONS = [
    (
        "single",
        "Who can you tell when something online worries you?",
        [
            ("A trusted adult", True, "Yes: a trusted adult can help."),
            ("Nobody", False, "Keeping it to yourself makes it harder."),
            ("The person who worried you", False, "They may not help you."),
            ("A stranger in a chat", False, "A stranger may not be safe."),
            ("Everyone in the game", False, "That shares your worry with strangers."),
            ("Only a robot", False, "A trusted person is better."),
        ],
        "",
    ),
    (
        "multiple",
        "Which of these are private?",
        [
            ("Your password", True, "Yes."),
            ("Your home address", True, "Yes."),
            ("Your favourite film", False, "That is fine to share."),
            ("Your school's name", True, "Yes: it says where to find you."),
            ("Your favourite colour", False, "That is fine to share."),
        ],
        "",
    ),
    (
        "true_false",
        "You must answer every message.",
        [("True", False, "You never have to."), ("False", True, "Right.")],
        "",
    ),
]
WIDE_RIGHT_ANSWERS = {"q1": ["a"], "q2": ["a", "b", "d"], "q3": ["b"]}


def fixed_browser(client, letter):
    """Give the test client a fixed CSRF secret, so its orders are reproducible."""
    client.cookies["csrftoken"] = letter * 32


def shown_choice_ids(html):
    form = re.search(r'<form class="quiz__form".*?</form>', html, re.S).group(0)
    by_question = {}
    for name, value in re.findall(r'name="q-([\w-]+)" value="([\w-]+)"', form):
        by_question.setdefault(name, []).append(value)
    return by_question


class ChoiceOrderTests(TestCase):
    """The order itself, from fixed seeds."""

    def setUp(self):
        self.quiz = QuizBlock().to_python(quiz_data("check", questions=WIDE_QUESTIONS))
        self.questions = list(self.quiz["questions"].bound_blocks)

    def order(self, question, seed):
        return [choice.id for choice in ordered_choices(question, seed)]

    def test_the_same_seed_gives_the_same_order(self):
        for question in self.questions:
            self.assertEqual(self.order(question, "attempt-1"), self.order(question, "attempt-1"))

    def test_different_seeds_give_different_orders_and_every_choice_is_kept(self):
        question = self.questions[0]
        orders = {tuple(self.order(question, f"attempt-{n}")) for n in range(20)}
        self.assertGreater(len(orders), 15)
        for order in orders:
            self.assertEqual(sorted(order), [f"check-q1-{letter}" for letter in "abcdef"])

    def test_the_right_answer_is_not_recognisable_by_position(self):
        question = self.questions[0]
        positions = {self.order(question, f"attempt-{n}").index("check-q1-a") for n in range(60)}
        self.assertEqual(positions, set(range(6)))

    def test_true_or_false_and_previews_keep_the_written_order(self):
        self.assertEqual(self.order(self.questions[2], "attempt-1"), ["check-q3-a", "check-q3-b"])
        written = [f"check-q1-{letter}" for letter in "abcdef"]
        self.assertEqual(self.order(self.questions[0], None), written)


class ShuffledQuizViewTests(TestCase):
    """The order a learner sees, attempt by attempt, and that grading ignores it."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=1, translate_to=["fr"])
        cls.lesson = cls.tree.lessons[0]
        cls.lesson.body = lesson_body_with_quiz("check", questions=WIDE_QUESTIONS)
        cls.lesson.save_revision().publish()
        french = cls.lesson.get_translation(Locale.objects.get(language_code="fr"))
        french.body = lesson_body_with_quiz("check", questions=WIDE_QUESTIONS)
        french.save_revision().publish()
        cls.french = LessonPage.objects.get(pk=french.pk)
        cls.url = f"/en/learn/quizzes/{cls.lesson.pk}/check/"

    def shown(self, page=None):
        return shown_choice_ids(self.client.get((page or self.lesson).url).content.decode())

    def submit(self, answers=None):
        data = quiz_answers("check", {**WIDE_RIGHT_ANSWERS, **(answers or {})})
        return self.client.post(self.url, data)

    def test_order_is_stable_within_an_attempt_across_reloads_and_languages(self):
        fixed_browser(self.client, "a")
        first = self.shown()
        self.assertEqual(self.shown(), first)
        self.assertEqual(self.shown(self.french), first)
        # A refused submission records nothing: the attempt (and its order) goes on.
        self.client.post(self.url, {**quiz_answers("check"), "quiz": "other"})
        self.assertEqual(self.shown(), first)

    def test_each_recorded_attempt_gets_a_new_order(self):
        fixed_browser(self.client, "a")
        orders = [self.shown()]
        for _ in range(6):
            self.submit({"q1": ["b"]})
            orders.append(self.shown())
        # Each attempt is a new shuffle of a few choices, so two attempts may draw the same
        # order by chance; seven attempts never all drawing it is what a fixed order fails.
        distinct = {tuple(order["check-q1"]) for order in orders}
        self.assertGreaterEqual(len(distinct), 3)
        key = quiz_key(self.lesson, "check")
        self.assertEqual(self.client.session[ROUNDS_KEY][key], 6)

    def test_signed_in_learners_in_different_browsers_see_different_orders(self):
        self.client.force_login(User.objects.create_user("learner", password="pw"))
        orders = set()
        for letter in "abcdefgh":
            fixed_browser(self.client, letter)
            orders.add(tuple(self.shown()["check-q1"]))
        self.assertGreater(len(orders), 4)

    def test_visitors_without_a_session_share_one_shuffled_order_the_cache_can_keep(self):
        orders = set()
        for letter in "abcd":
            fixed_browser(self.client, letter)
            orders.add(tuple(self.shown()["check-q1"]))
        self.assertEqual(len(orders), 1)

    def test_grading_goes_by_id_whatever_the_order(self):
        for letter in "abc":
            fixed_browser(self.client, letter)
            self.assertNotEqual(self.shown()["check-q1"][0:1], [])
            self.assertContains(self.submit(), "You got 3 out of 3 right (100%).")
            self.assertContains(self.submit({"q1": ["c"]}), "You got 2 out of 3 right (67%).")

    def test_showing_the_quiz_writes_no_session_and_needs_no_javascript(self):
        html = self.client.get(self.lesson.url).content.decode()
        self.assertFalse(Session.objects.exists())
        self.assertIn('method="post" action="/en/learn/quizzes/', html)
        self.assertEqual(len(shown_choice_ids(html)["check-q1"]), 6)


class PreTestTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=2, quizzes=True, translate_to=["fr"])
        cls.module = cls.tree.module
        cls.url = f"/en/learn/quizzes/{cls.module.pk}/final/"

    def pre_test(self, answers=None, client=None, **headers):
        data = {**quiz_answers("final", answers), "mode": "pre_test"}
        return (client or self.client).post(self.url, data, headers=headers)

    def test_pre_test_is_labelled_and_explained_before_it_starts(self):
        html = self.client.get(self.module.url).content.decode()
        quiz = re.search(r'<section class="quiz quiz--pre-test".*?</section>', html, re.S).group(0)
        self.assertIn("Pre-test: what do you know already?", quiz)
        self.assertIn("This is a check of what you already know. It does not count.", quiz)
        self.assertIn("Send my answers", quiz)
        self.assertNotIn("To pass", quiz)

    def test_pre_test_is_explained_in_french_too(self):
        french = self.module.get_translation(Locale.objects.get(language_code="fr"))
        html = self.client.get(french.url).content.decode()
        self.assertIn("Ce test ne compte pas", html)

    def test_pre_test_result_shows_no_answers_score_or_pass_mark(self):
        for headers in ({}, {"X-Requested-With": "fetch"}):
            with self.subTest(in_place=bool(headers)):
                html = self.pre_test({"q1": ["b"]}, Client(), **headers).content.decode()
                self.assertIn("Thank you: your answers are saved.", html)
                for revealing in (
                    "Right answer:",
                    "Right!",
                    "Not quite.",
                    "A favourite colour cannot tell anyone",  # feedback
                    "Private information tells people",  # explanation
                    "You need",
                    "to pass",
                    "out of 3",
                    "Your best score",
                ):
                    self.assertNotIn(revealing, html)

    def test_module_page_after_the_pre_test_does_not_call_it_failed(self):
        self.pre_test({"q1": ["b"], "q2": ["b"], "q3": ["a"]})
        html = self.client.get(self.module.url).content.decode()
        row = re.search(r"<tbody>.*?</tbody>", html, re.S).group(0)
        self.assertIn("Does not count", row)
        self.assertNotIn("Not passed yet", row)

    def test_final_quiz_result_shows_the_pre_test_answers_beside_the_new_ones(self):
        self.pre_test({"q1": ["b"]})
        for lesson in self.tree.lessons:
            self.client.post(f"/en/learn/lessons/{lesson.pk}/done/")
        html = self.client.post(self.url, quiz_answers("final")).content.decode()
        self.assertIn("You got 3 out of 3 right (100%).", html)
        self.assertIn("In the pre-test, before the lessons, you got 2 out of 3 right (67%).", html)
        self.assertIn("In the pre-test: Your favourite colour</li>", html)
        self.assertIn("In the pre-test: Your password; Your PIN code ✓</li>", html)

    def test_final_quiz_without_a_pre_test_shows_no_comparison(self):
        for lesson in self.tree.lessons:
            self.client.post(f"/en/learn/lessons/{lesson.pk}/done/")
        html = self.client.post(self.url, quiz_answers("final")).content.decode()
        self.assertNotIn("In the pre-test", html)


class NextStepTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(
            lesson_count=2, quizzes=True, module_count=2, translate_to=["fr"]
        )
        cls.first_module, cls.last_module = cls.tree.modules
        cls.user = User.objects.create_user("learner", password="x")

    def submit_final(self, module, answers=None, language="en", **headers):
        url = f"/{language}/learn/quizzes/{module.pk}/final/"
        return self.client.post(url, quiz_answers("final", answers), headers=headers)

    def mark_done(self, lesson):
        self.client.post(f"/en/learn/lessons/{lesson.pk}/done/")

    def next_step(self, response):
        html = response.content.decode()
        found = re.search(r'<section class="next-step".*?</section>', html, re.S)
        return found.group(0) if found else None

    def test_passing_with_lessons_left_links_them_then_the_next_module(self):
        self.mark_done(self.tree.lessons[0])
        step = self.next_step(self.submit_final(self.first_module))
        second = self.tree.lessons[1]
        self.assertIn(f'<li><a href="{second.url}">{second.title}</a></li>', step)
        self.assertNotIn(self.tree.lessons[0].title + "<", step)
        self.assertIn(f'href="{self.last_module.url}"', step)
        self.assertNotIn("certificate", step)

    def test_lessons_left_and_next_module_are_in_the_learners_language(self):
        french = Locale.objects.get(language_code="fr")
        module = self.first_module.get_translation(french)
        step = self.next_step(self.submit_final(module, language="fr"))
        for lesson in self.tree.lessons:
            self.assertIn(lesson.get_translation(french).url, step)
        self.assertIn(self.last_module.get_translation(french).url, step)
        self.assertIn("Module suivant", step)

    def test_completing_the_module_leads_to_the_certificate_then_the_next_module(self):
        self.client.force_login(self.user)
        for lesson in self.tree.lessons:
            self.mark_done(lesson)
        for headers in ({}, {"X-Requested-With": "fetch"}):
            with self.subTest(in_place=bool(headers)):
                step = self.next_step(self.submit_final(self.first_module, **headers))
                code = Certificate.objects.get(learner=self.user, kind="module").code
                self.assertIn(f'href="/en/certificates/{code}/"', step)
                self.assertIn("You have finished this module.", step)
                self.assertIn(f'href="{self.last_module.url}"', step)
                self.assertNotIn("To finish the module", step)

    def test_anonymous_learner_who_completes_the_module_is_offered_to_sign_in(self):
        for lesson in self.tree.lessons:
            self.mark_done(lesson)
        step = self.next_step(self.submit_final(self.first_module))
        self.assertIn("to get your certificate", step)

    def test_the_last_module_of_the_path_leads_to_my_learning(self):
        for lesson in self.tree.all_lessons[2:]:
            self.mark_done(lesson)
        step = self.next_step(self.submit_final(self.last_module))
        self.assertIn("That was the last module of this learning path.", step)
        self.assertIn('href="/en/my-learning/"', step)

    def test_a_failed_final_quiz_shows_no_next_step(self):
        response = self.submit_final(self.first_module, {"q1": ["b"], "q2": ["b"]})
        self.assertContains(response, "You need 70% to pass.")
        self.assertIsNone(self.next_step(response))
