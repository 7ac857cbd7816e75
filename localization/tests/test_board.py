"""The status board: every state, filters, counts, links and a constant query count."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from courses.factories import LessonPageFactory, build_course_tree
from localization.factories import (
    GlossaryTermFactory,
    make_user,
    start_translation,
    translate_segments,
)
from localization.roles import REVIEWER, TRANSLATOR, setup_roles
from localization.status import Status, build_board

BOARD = reverse("localization:board")


def translate_tree(tree, language):
    return {page.pk: start_translation(page, language) for page in tree.pages}


def cell(board, title, language):
    for row in board["rows"]:
        if row.title == title:
            for item in row.cells:
                if item.language == language:
                    return item
    raise AssertionError(f"{title} not on the board")


class BoardStatesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=2)
        cls.translations = translate_tree(cls.tree, "fr")
        setup_roles()
        cls.admin = make_user("admin", is_superuser=True)
        cls.translator = make_user("translator-fr", TRANSLATOR, "fr")
        cls.lesson = cls.tree.lessons[0]
        # The module is completely translated; the first lesson halfway.
        translate_segments(cls.translations[cls.tree.module.pk])
        lesson_translation = cls.translations[cls.lesson.pk]
        total, _done = lesson_translation.get_progress()
        translate_segments(lesson_translation, only=total // 2)
        cls.half = int(100 * (total // 2) / total)

    def board(self, user=None, **filters):
        return build_board(user or self.admin, **filters)

    def test_untranslated_language_shows_missing(self):
        self.assertEqual(cell(self.board(), self.lesson.title, "es").status, Status.MISSING)

    def test_partly_translated_page_shows_in_progress_with_percent(self):
        lesson = cell(self.board(), self.lesson.title, "fr")
        self.assertEqual((lesson.status, lesson.percent), (Status.IN_PROGRESS, self.half))
        self.assertEqual(
            self.translations[self.lesson.pk].get_progress()[1]
            * 100
            // max(self.translations[self.lesson.pk].get_progress()[0], 1),
            lesson.percent,
        )

    def test_fully_translated_page_shows_up_to_date(self):
        module = cell(self.board(), self.tree.module.title, "fr")
        self.assertEqual((module.status, module.percent), (Status.UP_TO_DATE, 100))

    def test_source_edit_makes_outdated_then_sync_and_translation_make_up_to_date(self):
        module = self.tree.module
        module.intro = "A brand new sentence about privacy."
        module.save_revision().publish()
        self.assertEqual(cell(self.board(), module.title, "fr").status, Status.OUTDATED)

        # "Sync translated pages", as an editor does it in the admin.
        self.client.force_login(self.admin)
        source = TranslationSource.objects.get(object_id=module.translation_key)
        response = self.client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]), {}
        )
        self.assertEqual(response.status_code, 302)
        synced = cell(self.board(), module.title, "fr")
        self.assertEqual(synced.status, Status.IN_PROGRESS)
        self.assertLess(synced.percent, 100)

        translate_segments(self.translations[module.pk])
        self.assertEqual(cell(self.board(), module.title, "fr").status, Status.UP_TO_DATE)

    def test_translate_view_on_an_english_page_creates_the_translation(self):
        spanish = Locale.objects.get(language_code="es")
        self.client.force_login(self.admin)
        response = self.client.post(
            reverse("wagtail_localize:submit_page_translation", args=[self.tree.home.pk]),
            {"locales": [spanish.pk], "include_subtree": "on"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Page.objects.filter(locale=spanish, depth=2).exists())
        lesson = cell(self.board(), self.lesson.title, "es")
        self.assertEqual((lesson.status, lesson.percent), (Status.IN_PROGRESS, 0))

    def test_glossary_terms_are_on_the_board(self):
        term = GlossaryTermFactory(term="sextortion")
        term.save_revision().publish()
        self.assertEqual(cell(self.board(), "sextortion", "fr").status, Status.MISSING)
        translation = start_translation(term, "fr")
        translate_segments(translation)
        self.assertEqual(cell(self.board(), "sextortion", "fr").status, Status.UP_TO_DATE)

    def test_filters_by_language_status_and_audience_and_counts_per_language(self):
        board = self.board(language="fr", status=Status.IN_PROGRESS)
        self.assertEqual(board["languages"], ["fr"])
        self.assertIn(self.lesson.title, [row.title for row in board["rows"]])
        self.assertNotIn(self.tree.module.title, [row.title for row in board["rows"]])
        self.assertGreaterEqual(board["counts"]["fr"][Status.IN_PROGRESS], 1)
        self.assertEqual(board["counts"]["fr"][Status.UP_TO_DATE], 0)
        everything = self.board()
        self.assertEqual(everything["counts"]["es"][Status.MISSING], len(everything["rows"]))
        other = self.board(audience="00000000-0000-0000-0000-000000000000")
        self.assertEqual(other["rows"], [])
        mine = self.board(audience=str(self.tree.audience.translation_key))
        self.assertEqual(len(mine["rows"]), len(self.tree.pages) - 1)  # all but the home

    def test_translator_sees_board_with_editor_links_only_for_own_language(self):
        self.client.force_login(self.translator)
        response = self.client.get(BOARD, {"language": "fr"})
        self.assertEqual(response.status_code, 200)
        french_lesson = self.lesson.get_translation(Locale.objects.get(language_code="fr"))
        self.assertContains(response, reverse("wagtailadmin_pages:edit", args=[french_lesson.pk]))
        board = self.board(self.translator)
        self.assertTrue(cell(board, self.lesson.title, "fr").edit_url)
        self.assertEqual(cell(board, self.lesson.title, "ar").edit_url, "")
        self.assertEqual(cell(board, self.lesson.title, "es").translate_url, "")

    def test_board_is_refused_to_users_without_a_translation_role(self):
        outsider = make_user("outsider")
        self.client.force_login(outsider)
        self.assertIn(self.client.get(BOARD).status_code, (302, 403))

    def test_menu_shows_the_board_to_translators(self):
        self.client.force_login(self.translator)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, BOARD)


class BoardQueryCountTests(TestCase):
    def test_board_queries_do_not_grow_with_the_number_of_pages(self):
        tree = build_course_tree(lesson_count=1)
        translate_tree(tree, "fr")
        setup_roles()
        reviewer = make_user("reviewer-fr", REVIEWER, "fr")
        self.client.force_login(reviewer)

        def count():
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.client.get(BOARD).status_code, 200)
            return len(queries)

        before = count()
        for _ in range(4):
            lesson = LessonPageFactory(parent=tree.module)
            start_translation(lesson, "fr")
        GlossaryTermFactory().save_revision().publish()
        self.assertEqual(count(), before)
        self.assertLess(before, 40)
        self.assertTrue(Translation.objects.count() >= 9)
