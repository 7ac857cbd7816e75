"""'What would you do?' scenarios: the block's rules, playing without JavaScript, what a
finished way through records, refusal of tampered posts, and translation."""

import uuid

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import Client, TestCase
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from courses.blocks import ScenarioBlock
from courses.factories import build_course_tree, lesson_body_with_scenario, scenario_data
from courses.models import LessonCompletion, LessonPage, QuizAttempt
from courses.models.progress import AttemptKind, CompletionSource


def scenario_value(**changes):
    data = scenario_data("s")
    data.update(changes)
    return ScenarioBlock().to_python(data)


def add_scenario(lesson, scenario_id="s"):
    lesson.body = lesson_body_with_scenario(scenario_id)
    lesson.save_revision().publish()
    return LessonPage.objects.get(pk=lesson.pk)


def choice_post(choice, then=None, attempt=None):
    data = {"attempt": attempt or str(uuid.uuid4()), "choice": choice}
    if then:
        data["then"] = then
    return data


class ScenarioBlockTests(TestCase):
    def test_a_scenario_needs_a_best_choice(self):
        value = scenario_value()
        for choice in value["choices"]:
            choice["is_best"] = False
        with self.assertRaisesMessage(ValidationError, "Validation error in StructBlock"):
            ScenarioBlock().clean(value)

    def test_a_follow_up_step_needs_a_best_choice_too(self):
        value = scenario_value()
        for choice in value["choices"][2]["follow_up"][0]["choices"]:
            choice["is_best"] = False
        with self.assertRaises(ValidationError):
            ScenarioBlock().clean(value)

    def test_a_scenario_has_two_to_four_choices(self):
        block = ScenarioBlock()
        self.assertEqual(block.child_blocks["choices"].meta.min_num, 2)
        self.assertEqual(block.child_blocks["choices"].meta.max_num, 4)
        with self.assertRaises(ValidationError):
            block.clean(scenario_value(choices=scenario_data("s")["choices"][:1]))
        self.assertTrue(block.clean(scenario_value()))

    def test_the_editors_preview_renders_the_choices_without_a_form_address(self):
        block = ScenarioBlock()
        html = block.render(block.get_preview_value())
        self.assertIn("A player you do not know asks for your home address.", html)
        self.assertIn('name="choice"', html)
        self.assertNotIn("action=", html)

    def test_a_follow_up_has_no_follow_up_of_its_own(self):
        first = ScenarioBlock().child_blocks["choices"].child_block
        step = first.child_blocks["follow_up"].child_block
        self.assertEqual(first.child_blocks["follow_up"].meta.max_num, 1)
        self.assertNotIn("follow_up", step.child_blocks["choices"].child_block.child_blocks)


class PlayingWithoutJavaScriptTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=2)
        cls.lesson = add_scenario(cls.tree.lessons[0])
        cls.url = f"/en/learn/scenarios/{cls.lesson.pk}/s/"
        cls.user = get_user_model().objects.create_user("pupil", password="x")

    def test_the_lesson_shows_the_situation_and_a_form_of_named_choices(self):
        response = self.client.get(self.lesson.url)
        html = response.content.decode()
        self.assertIn('id="scenario-s"', html)
        self.assertIn("What would you do?", html)
        self.assertIn("A stranger in a game asks for your home address.", html)
        self.assertIn(f'action="{self.url}"', html)
        self.assertIn("<fieldset", html)
        self.assertIn("<legend", html)
        self.assertIn('name="choice" value="s-a">Block and report the player</button>', html)
        self.assertIn('name="csrfmiddlewaretoken"', html)
        # Nothing tells which choice is best before choosing.
        self.assertNotIn("Blocking keeps you safe.", html)
        self.assertNotIn("is_best", html)

    def test_a_choice_leads_back_to_the_lesson_at_its_outcome(self):
        self.client.force_login(self.user)
        response = self.client.post(self.url, choice_post("s-b"))
        self.assertRedirects(
            response, f"{self.lesson.url}?scenario=s&choice=s-b#scenario-s-outcome"
        )
        html = self.client.get(response.url.split("#")[0]).content.decode()
        self.assertIn("The stranger knows where you live.", html)
        self.assertIn("Your address is private information.", html)
        self.assertIn('id="scenario-s-outcome" tabindex="-1"', html)
        self.assertIn("Try again", html)
        self.assertNotIn('name="choice" value="s-a"', html)

    def test_a_choice_with_a_follow_up_shows_the_next_step_and_records_nothing_yet(self):
        self.client.force_login(self.user)
        response = self.client.post(self.url, choice_post("s-c"), follow=True)
        html = response.content.decode()
        self.assertIn("A trusted adult listens.", html)
        self.assertIn("The adult asks what the message said.", html)
        self.assertIn('<input type="hidden" name="choice" value="s-c">', html)
        self.assertIn('name="then" value="s-c-a"', html)
        self.assertNotIn("Try again", html)
        self.assertFalse(QuizAttempt.objects.exists())

    def test_unknown_ids_in_the_address_show_the_scenario_from_its_start(self):
        response = self.client.get(self.lesson.url, {"scenario": "s", "choice": "nope"})
        self.assertContains(response, 'name="choice" value="s-a"')

    def test_the_scenario_address_leads_to_the_scenario_in_its_lesson(self):
        self.assertRedirects(self.client.get(self.url), f"{self.lesson.url}#scenario-s")


class RecordingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=2)
        cls.lesson = add_scenario(cls.tree.lessons[0])
        cls.url = f"/en/learn/scenarios/{cls.lesson.pk}/s/"
        users = get_user_model().objects
        cls.user = users.create_user("pupil", password="x")
        cls.other = users.create_user("other", password="x")

    def setUp(self):
        self.client.force_login(self.user)

    def test_the_best_outcome_completes_the_lesson_as_a_passed_knowledge_check(self):
        self.client.post(self.url, choice_post("s-a"))
        attempt = QuizAttempt.objects.get()
        self.assertEqual(
            (attempt.learner, attempt.kind, attempt.quiz_id, attempt.passed, attempt.percent),
            (self.user, AttemptKind.SCENARIO, "s", True, 100),
        )
        self.assertEqual(attempt.page_key, self.lesson.translation_key)
        self.assertEqual(attempt.answers, {"s": ["s-a"]})
        completion = LessonCompletion.objects.get()
        self.assertEqual(completion.source, CompletionSource.QUIZ_PASSED)
        self.assertEqual(completion.lesson_key, self.lesson.translation_key)
        response = self.client.get(self.lesson.url)
        self.assertContains(response, "You have finished this lesson.")

    def test_another_outcome_is_recorded_but_does_not_complete_the_lesson(self):
        self.client.post(self.url, choice_post("s-b"))
        attempt = QuizAttempt.objects.get()
        self.assertEqual((attempt.passed, attempt.score, attempt.max_score), (False, 0, 1))
        self.assertEqual(attempt.results, {"s": {"answer": ["s-b"], "correct": False}})
        self.assertFalse(LessonCompletion.objects.exists())

    def test_the_follow_up_records_the_whole_way_and_its_best_choice_completes(self):
        self.client.post(self.url, choice_post("s-c", then="s-c-b"))
        self.assertFalse(LessonCompletion.objects.exists())
        self.client.post(self.url, choice_post("s-c", then="s-c-a"))
        best = QuizAttempt.objects.get(passed=True)
        self.assertEqual(best.answers, {"s": ["s-c"], "s-c-next": ["s-c-a"]})
        self.assertTrue(LessonCompletion.objects.filter(learner=self.user).exists())

    def test_the_same_form_posted_twice_is_one_attempt(self):
        data = choice_post("s-a")
        self.client.post(self.url, data)
        self.client.post(self.url, data, headers={"X-Requested-With": "fetch"})
        self.assertEqual(QuizAttempt.objects.count(), 1)
        self.assertEqual(LessonCompletion.objects.count(), 1)
        # "Try again" is a new form, so a new attempt.
        self.client.post(self.url, choice_post("s-a"))
        self.assertEqual(QuizAttempt.objects.count(), 2)

    def test_one_learners_form_key_does_not_touch_another_learners_records(self):
        data = choice_post("s-a")
        self.client.post(self.url, data)
        other = Client()
        other.force_login(self.other)
        other.post(self.url, {**data, "choice": "s-b"})
        self.assertEqual(QuizAttempt.objects.filter(learner=self.other, passed=False).count(), 1)
        self.assertEqual(QuizAttempt.objects.filter(learner=self.user, passed=True).count(), 1)
        self.assertFalse(LessonCompletion.objects.filter(learner=self.other).exists())
        # The other learner's lesson page shows no outcome and no completion of the first.
        self.assertNotContains(other.get(self.lesson.url), "You have finished this lesson.")

    def test_my_learning_lists_the_attempt_as_a_scenario(self):
        self.client.post(self.url, choice_post("s-a"))
        response = self.client.get("/en/my-learning/")
        self.assertContains(response, "<td>Scenario</td>")
        self.assertContains(response, self.lesson.title)

    def test_in_place_play_returns_the_new_state_only(self):
        response = self.client.post(
            self.url, choice_post("s-a"), headers={"X-Requested-With": "fetch"}
        )
        html = response.content.decode()
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("<html", html)
        self.assertIn("The player cannot message you.", html)
        self.assertIn("You reached the best outcome.", html)
        self.assertIn("You have finished this lesson.", html)
        self.assertIn("data-scenario-again", html)


class AnonymousPlayTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=1)
        cls.lesson = add_scenario(cls.tree.lessons[0])
        cls.url = f"/en/learn/scenarios/{cls.lesson.pk}/s/"

    def test_a_visitor_plays_without_any_record_or_new_cookie(self):
        response = self.client.post(self.url, choice_post("s-a"), follow=True)
        self.assertContains(response, "The player cannot message you.")
        self.assertNotIn("sessionid", response.cookies)
        self.assertNotIn("sessionid", self.client.cookies)
        self.assertFalse(QuizAttempt.objects.exists())
        self.assertFalse(LessonCompletion.objects.exists())

    def test_a_visitor_plays_from_a_page_from_the_shared_cache_without_javascript(self):
        """That page's form has no token: the choice still shows what happens."""
        client = Client(enforce_csrf_checks=True)
        page = client.get(self.lesson.url).content.decode()
        self.assertIn('value="" data-form-token=', page)
        self.assertNotIn("csrftoken", client.cookies)
        response = client.post(self.url, {**choice_post("s-a"), "csrfmiddlewaretoken": ""})
        self.assertEqual(response.status_code, 302)
        self.assertContains(client.get(response["Location"]), "The player cannot message you.")
        self.assertNotIn("sessionid", client.cookies)
        self.assertFalse(QuizAttempt.objects.exists())

    def test_a_visitor_with_a_session_still_needs_the_token(self):
        client = Client(enforce_csrf_checks=True)
        session = client.session
        session["learning"] = {}
        session.save()
        client.cookies["sessionid"] = session.session_key
        response = client.post(self.url, choice_post("s-a"))
        self.assertContains(response, "Reload the page", status_code=400)
        self.assertNotIn("lessons", client.session["learning"])

    def test_a_visitor_who_already_keeps_progress_gets_the_lesson_done_in_the_session(self):
        session = self.client.session
        session["learning"] = {}
        session.save()
        self.client.cookies["sessionid"] = session.session_key
        self.client.post(self.url, choice_post("s-a"))
        lessons = self.client.session["learning"]["lessons"]
        self.assertEqual(lessons[str(self.lesson.translation_key)]["source"], "quiz_passed")
        self.assertFalse(QuizAttempt.objects.exists())


class TamperingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=2)
        cls.lesson = add_scenario(cls.tree.lessons[0])
        cls.url = f"/en/learn/scenarios/{cls.lesson.pk}/s/"
        cls.user = get_user_model().objects.create_user("pupil", password="x")

    def setUp(self):
        self.client.force_login(self.user)

    def assertNothingRecorded(self):
        self.assertFalse(QuizAttempt.objects.exists())
        self.assertFalse(LessonCompletion.objects.exists())

    def test_each_kind_of_tampering_gets_a_clear_400_and_records_nothing(self):
        cases = {
            "unknown choice": choice_post("s-z"),
            "a follow-up's choice as a first choice": choice_post("s-c-a"),
            "a follow-up for a choice that has none": choice_post("s-a", then="s-c-a"),
            "an unknown follow-up choice": choice_post("s-c", then="s-c-z"),
            "no choice": {"attempt": str(uuid.uuid4())},
            "no form key": {"choice": "s-a"},
            "a form key that is not one": choice_post("s-a", attempt="1"),
            "an extra field": {**choice_post("s-a"), "passed": "1"},
            "two choices": {**choice_post("s-a"), "choice": ["s-a", "s-b"]},
        }
        for case, data in cases.items():
            with self.subTest(case):
                response = self.client.post(self.url, data)
                self.assertEqual(response.status_code, 400)
                self.assertContains(response, 'role="alert"', status_code=400)
                self.assertContains(response, "Nothing was saved.", status_code=400)
        self.assertNothingRecorded()

    def test_refusals_are_in_the_learners_language(self):
        response = self.client.post(f"/fr/learn/scenarios/{self.lesson.pk}/s/", choice_post("s-z"))
        self.assertContains(response, '<html lang="fr"', status_code=400)
        self.assertContains(response, "Ce choix ne fait pas partie du scénario.", status_code=400)
        self.assertNothingRecorded()

    def test_missing_csrf_token_is_refused(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.user)
        response = client.post(self.url, choice_post("s-a"))
        self.assertContains(response, "Reload the page", status_code=400)
        self.assertNothingRecorded()

    def test_unknown_scenario_or_page_is_404(self):
        for url in (
            f"/en/learn/scenarios/{self.lesson.pk}/nope/",
            f"/en/learn/scenarios/{self.tree.module.pk}/s/",
            f"/en/learn/scenarios/{self.tree.lessons[1].pk}/s/",  # a lesson without it
            "/en/learn/scenarios/999999/s/",
        ):
            with self.subTest(url):
                self.assertEqual(self.client.post(url, choice_post("s-a")).status_code, 404)
        self.assertNothingRecorded()

    def test_an_unpublished_or_private_lesson_is_404(self):
        self.lesson.unpublish()
        self.assertEqual(self.client.post(self.url, choice_post("s-a")).status_code, 404)
        self.lesson.save_revision().publish()
        from wagtail.models import PageViewRestriction

        PageViewRestriction.objects.create(
            page=self.lesson, restriction_type=PageViewRestriction.LOGIN
        )
        self.assertEqual(self.client.post(self.url, choice_post("s-a")).status_code, 404)
        self.assertNothingRecorded()

    def test_oversized_post_is_refused(self):
        response = self.client.post(self.url, {**choice_post("s-a"), "x": "y" * 5000})
        self.assertContains(response, "too large", status_code=400)
        self.assertNothingRecorded()


class TranslationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=1)
        cls.lesson = add_scenario(cls.tree.lessons[0])

    def test_scenario_text_is_extracted_for_translation_and_best_flags_are_not(self):
        strings = {
            segment.path: segment.render_text()
            for segment in extract_segments(self.lesson)
            if isinstance(segment, StringSegmentValue)
        }
        self.assertEqual(
            strings["body.s.situation"], "A stranger in a game asks for your home address."
        )
        for path in (
            "body.s.choices.s-a.text",
            "body.s.choices.s-a.consequence",
            "body.s.choices.s-a.feedback",
            "body.s.choices.s-c.follow_up.s-c-next.situation",
            "body.s.choices.s-c.follow_up.s-c-next.choices.s-c-a.text",
            "body.s.choices.s-c.follow_up.s-c-next.choices.s-c-b.feedback",
        ):
            self.assertIn(path, strings)
        self.assertFalse([path for path in strings if "is_best" in path])

    def test_a_translated_page_plays_in_its_language_with_the_same_ids(self):
        arabic = Locale.objects.get(language_code="ar")
        source, _created = TranslationSource.get_or_create_from_instance(self.lesson)
        translation = Translation.objects.create(source=source, target_locale=arabic)
        for segment in source.stringsegment_set.select_related("string", "context"):
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=arabic,
                context=segment.context,
                data=f"[ar] {segment.string.data}",
            )
        # The tree's other pages need an Arabic version for the lesson to be created under.
        for page in [self.tree.home, self.tree.audience, self.tree.path, self.tree.module]:
            page.copy_for_translation(arabic).save_revision().publish()
        translation.save_target(publish=False)  # published below: wagtail-localize would
        arabic_lesson = self.lesson.get_translation(arabic)  # wait for the commit
        arabic_lesson.latest_revision.publish()
        arabic_lesson.refresh_from_db()
        response = self.client.get(arabic_lesson.url)
        self.assertContains(response, "[ar] A stranger in a game asks for your home address.")
        self.assertContains(response, 'dir="rtl"')
        response = self.client.post(
            f"/ar/learn/scenarios/{arabic_lesson.pk}/s/", choice_post("s-b"), follow=True
        )
        self.assertContains(response, "[ar] The stranger knows where you live.")


class ScenarioEditingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=1)
        cls.lesson = add_scenario(cls.tree.lessons[0])
        cls.admin = get_user_model().objects.create_superuser("admin", password="x")

    def test_editors_open_a_lesson_with_a_scenario_and_may_add_one(self):
        self.client.force_login(self.admin)
        response = self.client.get(f"/admin/pages/{self.lesson.pk}/edit/")
        self.assertContains(response, "A stranger in a game asks for your home address.")
        self.assertContains(response, "What would you do? (scenario)")
