"""Review before publish, and the starter glossary."""

import io

from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale, WorkflowState

from courses.factories import build_course_tree
from localization.factories import make_user, start_translation, translate_segments
from localization.glossary_seed import TERMS
from localization.models import GlossaryTerm
from localization.roles import REVIEWER, TRANSLATOR, setup_roles

LANGUAGES = ["ar", "es", "fr", "ru", "zh-hans"]


class ReviewWorkflowTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=1)
        for language in ("fr", "ar"):
            translations = [start_translation(page, language) for page in cls.tree.pages]
        cls.translation = translations[-1]  # the Arabic lesson
        cls.french_translation = start_translation(cls.tree.lessons[0], "fr")
        setup_roles()
        cls.translator = make_user("translator-fr", TRANSLATOR, "fr")
        cls.reviewer = make_user("reviewer-fr", REVIEWER, "fr")
        cls.arabic_reviewer = make_user("reviewer-ar", REVIEWER, "ar")
        cls.lesson = cls.tree.lessons[0].get_translation(Locale.objects.get(language_code="fr"))

    def submit(self):
        translate_segments(self.french_translation, text=lambda s: f"Relu: {s}")
        self.client.force_login(self.translator)
        response = self.client.post(reverse("localization:submit_review", args=[self.lesson.pk]))
        self.assertEqual(response.status_code, 302)
        return WorkflowState.objects.get(object_id=str(self.lesson.pk))

    def test_translator_submits_reviewer_of_the_language_approves_and_it_is_published(self):
        state = self.submit()
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertEqual(state.workflow.name, "Review (fr)")
        self.lesson.refresh_from_db()
        self.assertNotEqual(self.lesson.title.startswith("Relu"), True)  # not live yet

        # The French reviewer is told on the dashboard; the Arabic one is not.
        self.client.force_login(self.arabic_reviewer)
        self.assertNotContains(self.client.get(reverse("wagtailadmin_home")), "Relu:")
        self.client.force_login(self.reviewer)
        dashboard = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(dashboard, "Awaiting your review")
        self.assertContains(dashboard, "Relu:")

        task_state = state.current_task_state
        approve = reverse(
            "wagtailadmin_pages:workflow_action", args=[self.lesson.pk, "approve", task_state.pk]
        )
        self.client.force_login(self.arabic_reviewer)
        self.client.post(approve, {"comment": ""})
        state.refresh_from_db()
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)

        self.client.force_login(self.reviewer)
        self.client.post(approve, {"comment": ""})
        state.refresh_from_db()
        self.assertEqual(state.status, WorkflowState.STATUS_APPROVED)
        self.lesson.refresh_from_db()
        self.assertTrue(self.lesson.title.startswith("Relu: "))
        self.assertTrue(self.lesson.live)

    def test_translator_cannot_publish_directly_from_the_translation_editor(self):
        # Everything is translated, so a publish that got through would change the page.
        translate_segments(self.french_translation, text=lambda s: f"Relu: {s}")
        self.client.force_login(self.translator)
        edit = reverse("wagtailadmin_pages:edit", args=[self.lesson.pk])
        response = self.client.get(edit)
        self.assertContains(response, "data-submit-for-review")
        self.assertContains(response, "Glossary")
        response = self.client.post(edit, {"action": "publish"})
        self.assertIn(response.status_code, (302, 403))  # Wagtail sends refusals home
        self.lesson.refresh_from_db()
        self.assertFalse(self.lesson.title.startswith("Relu"))
        self.assertFalse(self.lesson.permissions_for_user(self.translator).can_publish())

    def test_reviewer_of_the_language_may_publish_from_the_translation_editor(self):
        """The same request as above succeeds for a reviewer: the refusal is about roles."""
        translate_segments(self.french_translation, text=lambda s: f"Relu: {s}")
        self.client.force_login(self.reviewer)
        edit = reverse("wagtailadmin_pages:edit", args=[self.lesson.pk])
        response = self.client.post(edit, {"action": "publish"})
        self.assertEqual(response.status_code, 302)
        self.lesson.refresh_from_db()
        self.assertTrue(self.lesson.title.startswith("Relu: "))

    def test_translator_cannot_submit_another_languages_page(self):
        arabic = self.tree.lessons[0].get_translation(Locale.objects.get(language_code="ar"))
        self.client.force_login(self.translator)
        response = self.client.post(reverse("localization:submit_review", args=[arabic.pk]))
        self.assertIn(response.status_code, (302, 403))
        self.assertFalse(WorkflowState.objects.filter(object_id=str(arabic.pk)).exists())

    def test_submitting_twice_is_refused_with_a_message(self):
        self.submit()
        response = self.client.post(
            reverse("localization:submit_review", args=[self.lesson.pk]), follow=True
        )
        self.assertContains(response, "already waiting for review")
        self.assertEqual(WorkflowState.objects.filter(object_id=str(self.lesson.pk)).count(), 1)


class GlossaryTests(TestCase):
    def test_load_glossary_creates_twelve_terms_in_six_languages_and_twice_changes_nothing(self):
        build_course_tree(lesson_count=0)
        self.assertGreaterEqual(len(TERMS), 12)
        call_command("load_glossary", stdout=io.StringIO())
        count = GlossaryTerm.objects.count()
        self.assertEqual(count, len(TERMS) * 6)
        call_command("load_glossary", stdout=io.StringIO())
        self.assertEqual(GlossaryTerm.objects.count(), count)
        sextortion = GlossaryTerm.objects.get(term="sextortion", locale__language_code="en")
        french = sextortion.get_translation(Locale.objects.get(language_code="fr"))
        self.assertEqual(french.term, "sextorsion")
        self.assertTrue(french.live)
        self.assertEqual(french.note_to_translators, sextortion.note_to_translators)
        for item in TERMS:
            self.assertEqual(set(item) - {"note"}, {"en", *LANGUAGES}, item["en"])

    def test_board_and_editor_show_each_english_term_beside_its_translation(self):
        from localization.factories import make_user as _make_user
        from localization.glossary import load_glossary

        build_course_tree(lesson_count=0)
        load_glossary(TERMS[:2])
        setup_roles()
        self.client.force_login(_make_user("translator-fr", TRANSLATOR, "fr"))
        response = self.client.get(reverse("localization:board"))
        self.assertContains(response, 'sextortion → <span lang="fr">sextorsion</span>')
        self.assertContains(response, "Make clear the victim is never to blame.")
