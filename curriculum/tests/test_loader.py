import shutil
import tempfile
from pathlib import Path

import polib
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import GroupPagePermission, Locale, Page, Revision, Site
from wagtail_localize.models import StringTranslation, Translation

from courses.blocks import FinalQuizStreamBlock
from courses.icons import Icon
from courses.models import AudiencePage, LessonPage, ModulePage
from curriculum.loader import (
    CatalogueError,
    LoadReport,
    build_source_pages,
    load,
    write_catalogues,
)
from curriculum.source import (
    TRANSLATIONS_DIR,
    SourceError,
    load_site,
    module_icon,
    quiz_stream_data,
)

TARGETS = ["ar", "es", "fr", "ru", "zh-hans"]


def po_entries(path):
    return [(e.msgctxt, e.msgid, e.msgstr) for e in polib.pofile(str(path)) if not e.obsolete]


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("id", "latest_revision_id", "live")),
        "revisions": Revision.objects.count(),
        "string_translations": StringTranslation.objects.count(),
        "translations": Translation.objects.count(),
    }


class CurriculumLoaderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_curriculum", stdout=open("/dev/null", "w"))  # noqa: SIM115
        cls.spec_count = sum(1 for _ in load_site().walk())

    def test_every_page_exists_in_all_six_languages_and_is_live(self):
        for spec in load_site().walk():
            english = Page.objects.get(
                locale__language_code="en", url_path=f"/home/{spec.key}/".replace("//", "/")
            )
            translations = english.get_translations().live()
            with self.subTest(page=spec.key):
                self.assertEqual(
                    sorted(translations.values_list("locale__language_code", flat=True)), TARGETS
                )

    def test_translations_are_wagtail_localize_translations_with_every_segment_done(self):
        translations = Translation.objects.filter(source__locale__language_code="en")
        self.assertEqual(translations.count(), self.spec_count * len(TARGETS))
        for translation in translations:
            total, done = translation.get_progress()
            self.assertEqual(total, done, translation)

    def test_translated_lesson_shows_the_catalogue_text(self):
        catalogue = polib.pofile(str(TRANSLATIONS_DIR / "fr" / "my-private-information.po"))
        title = next(e.msgstr for e in catalogue if e.msgctxt.endswith("keeping-it-private title"))
        lesson = LessonPage.objects.get(locale__language_code="fr", slug="keeping-it-private")
        self.assertEqual(lesson.title, title)
        response = self.client.get(lesson.url)
        self.assertContains(response, title)
        self.assertContains(response, '<html lang="fr" dir="ltr">')

    def test_module_final_quiz_exists_in_every_language_with_the_same_ids_and_answers(self):
        modules = ModulePage.objects.filter(slug="my-private-information")
        self.assertEqual(modules.count(), 6)

        def answers(module):
            quiz = module.quiz
            return quiz.id, [
                (
                    question.id,
                    [(c.id, c.value["is_correct"]) for c in question.value["choices"].bound_blocks],
                )
                for question in quiz.value["questions"].bound_blocks
            ]

        english = answers(modules.get(locale__language_code="en"))
        self.assertEqual(len(english[1]), 5)
        for module in modules:
            with self.subTest(language=module.locale.language_code):
                self.assertEqual(answers(module), english)
                self.assertTrue(module.offer_pre_test)
        arabic = modules.get(locale__language_code="ar")
        self.assertEqual(arabic.quiz.value["questions"][0]["text"], "أيٌّ من هذه معلومات خاصة؟")

    def test_every_path_has_four_modules_each_with_lessons_and_a_final_quiz(self):
        modules_by_path = {}
        for module in ModulePage.objects.filter(locale__language_code="en"):
            modules_by_path.setdefault(module.get_parent().pk, []).append(module)
            with self.subTest(module=module.slug):
                self.assertGreaterEqual(module.lessons().count(), 2)
                questions = module.final_quiz[0].value["questions"]
                self.assertGreaterEqual(len(questions), 5)
        self.assertEqual(len(modules_by_path), 6)
        self.assertTrue(all(len(modules) >= 4 for modules in modules_by_path.values()))

    def test_every_page_renders_in_every_language(self):
        for page in Page.objects.filter(depth__gt=2).live().select_related("locale"):
            with self.subTest(page=page.url_path, language=page.locale.language_code):
                response = self.client.get(page.url)
                self.assertEqual(response.status_code, 200)
                self.assertNotIn("not available in your language", response.content.decode())

    def test_committed_catalogues_match_the_english_source_files(self):
        """Exporting again from the loaded pages gives every catalogue's entries back.

        A source file edited without `export_curriculum_po` fails here.
        """
        exported = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, exported)
        shutil.copytree(TRANSLATIONS_DIR, exported, dirs_exist_ok=True)
        pages = build_source_pages(load_site(), LoadReport())
        written = write_catalogues(pages, translations_dir=exported)
        self.assertEqual(len(written), len(list(TRANSLATIONS_DIR.glob("*/*.po"))))
        for path in written:
            committed = TRANSLATIONS_DIR / path.relative_to(exported)
            with self.subTest(catalogue=str(committed.relative_to(TRANSLATIONS_DIR))):
                self.assertEqual(po_entries(path), po_entries(committed))

    def test_loading_again_changes_nothing(self):
        before = snapshot()
        call_command("load_curriculum", stdout=open("/dev/null", "w"))  # noqa: SIM115
        self.assertEqual(snapshot(), before)

    def test_translated_modules_and_audiences_keep_the_source_icon(self):
        for model, slug, icon in (
            (AudiencePage, "children", "buddy"),
            (ModulePage, "being-kind-online", "heart"),
        ):
            icons = set(model.objects.filter(slug=slug).values_list("icon", flat=True))
            self.assertEqual(icons, {icon}, slug)
            self.assertEqual(model.objects.filter(slug=slug).count(), 6)

    def test_admin_names_the_site_cop_learn_not_its_host(self):
        site = Site.objects.get(is_default_site=True)
        self.assertEqual(site.site_name, "COP Learn")
        # An editor whose pages are the English tree is greeted with the site's name.
        editors = Group.objects.create(name="English editors")
        editors.permissions.add(Permission.objects.get(codename="access_admin"))
        GroupPagePermission.objects.create(
            group=editors, page=site.root_page, permission_type="change"
        )
        editor = get_user_model().objects.create_user("english-editor", password="x")
        editor.groups.add(editors)
        self.client.force_login(editor)
        html = self.client.get("/admin/").content.decode()
        self.assertRegex(html, r'<h1 class="w-h1 w-mt-0">\s*COP Learn\s*</h1>')
        self.assertNotIn("localhost", html)

    def test_translated_page_opens_in_the_translation_editor(self):
        admin = get_user_model().objects.create_superuser("admin", password="x")
        self.client.force_login(admin)
        lesson = LessonPage.objects.get(locale__language_code="ar", slug="keeping-it-private")
        response = self.client.get(f"/admin/pages/{lesson.pk}/edit/")
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "wagtail_localize/admin/edit_translation.html")
        self.assertContains(response, "js-translation-editor")


class IncompleteCatalogueTests(TestCase):
    def test_missing_translation_is_reported_and_nothing_is_created(self):
        broken_dir = self.make_catalogues_with_a_gap()
        Locale.objects.get_or_create(language_code="ar")
        pages_before = Page.objects.count()
        with self.assertRaisesMessage(CatalogueError, "has no translation"):
            load(load_site(), translations_dir=broken_dir)
        self.assertEqual(Page.objects.count(), pages_before)

    def make_catalogues_with_a_gap(self):
        broken_dir = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, broken_dir)
        shutil.copytree(TRANSLATIONS_DIR, broken_dir, dirs_exist_ok=True)
        # Arabic is translated first and the home page first of all: fails fast.
        path = broken_dir / "ar" / "site.po"
        catalogue = polib.pofile(str(path))
        catalogue[0].msgstr = ""
        catalogue.save(str(path))
        return broken_dir


class QuizSourceTests(TestCase):
    def test_unknown_question_type_is_refused(self):
        quiz = {"questions": [{"id": "q1", "type": "essay", "text": "?", "choices": []}]}
        with self.assertRaisesMessage(SourceError, "unknown type"):
            quiz_stream_data(quiz, "final-quiz")

    def test_quiz_table_maps_to_the_quiz_block_with_the_files_ids(self):
        quiz = {
            "questions": [
                {
                    "id": "q1",
                    "type": "true_false",
                    "text": "Passwords are private.",
                    "choices": [
                        {"id": "q1-t", "text": "True", "correct": True},
                        {"id": "q1-f", "text": "False"},
                    ],
                }
            ]
        }
        block = FinalQuizStreamBlock()
        value = block.to_python(quiz_stream_data(quiz, "final-quiz"))
        quiz_value = value[0].value
        self.assertEqual(value[0].id, "final-quiz")
        self.assertEqual(quiz_value["pass_mark"], 70)
        question = quiz_value["questions"].bound_blocks[0]
        self.assertEqual(question.id, "q1")
        block.clean(value)  # a valid quiz
        self.assertEqual(
            [(c.id, c.value["is_correct"]) for c in question.value["choices"].bound_blocks],
            [("q1-t", True), ("q1-f", False)],
        )


class IconSourceTests(TestCase):
    def test_every_audience_and_module_names_a_shipped_icon_of_its_own_choosing(self):
        specs = [
            spec
            for spec in load_site().walk()
            if spec.model in ("courses.AudiencePage", "courses.ModulePage")
        ]
        self.assertTrue(specs)
        for spec in specs:
            self.assertIn(spec.fields.get("icon"), Icon.values, spec.key)
        children = next(spec for spec in specs if spec.key == "children")
        self.assertEqual(children.fields["icon"], Icon.BUDDY)
        privacy = next(spec for spec in specs if spec.key.endswith("/my-private-information"))
        self.assertEqual(privacy.fields["icon"], Icon.LOCK)

    def test_unknown_icon_is_refused(self):
        with self.assertRaisesMessage(SourceError, "unknown icon"):
            module_icon({"slug": "m", "icon": "rocket"})
