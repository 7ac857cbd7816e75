import shutil
import tempfile
from io import StringIO
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import GroupPagePermission, Locale, Page, Revision, Site
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue, validate_translation_links

from courses.blocks import FinalQuizStreamBlock, LessonStreamBlock
from courses.icons import Icon
from courses.models import AudiencePage, LessonPage, ModulePage
from curriculum.loader import (
    CatalogueError,
    LoadReport,
    build_source_pages,
    load,
    message_context,
    write_catalogues,
)
from curriculum.source import (
    CONTENT_DIR,
    TRANSLATIONS_DIR,
    SourceError,
    load_site,
    module_icon,
    quiz_stream_data,
    scenario_value,
    stream_data,
)

TARGETS = ["ar", "es", "fr", "ru", "zh-hans"]


# The database tests load one module of the children's path. Loading all 25 modules in six
# languages took minutes; CatalogueTests check every module's catalogues against its source
# without the database, and the loaded module shows that what those checks read is what the
# loader stores and publishes.
LOADED_MODULES = ("my-private-information",)


def po_entries(path):
    return [(e.msgctxt, e.msgid, e.msgstr) for e in polib.pofile(str(path)) if not e.obsolete]


def source_entries(spec):
    """A page's (msgctxt, msgid) pairs, extracted from its source as wagtail-localize does.

    The page is built in memory only, so every module can be checked without the database;
    `test_stored_segments_are_the_ones_read_without_the_database` shows the two agree.
    """
    page = apps.get_model(spec.model)(**spec.fields)
    return [
        (message_context(spec, segment.path), segment.string.data)
        for segment in extract_segments(page)
        if isinstance(segment, StringSegmentValue)
    ]


def source_entries_by_catalogue(home_spec):
    entries = {}
    for spec in home_spec.walk():
        entries.setdefault(spec.catalogue, []).extend(source_entries(spec))
    return entries


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("id", "latest_revision_id", "live")),
        "revisions": Revision.objects.count(),
        "string_translations": StringTranslation.objects.count(),
        "translations": Translation.objects.count(),
    }


def load_curriculum(*args):
    module_args = [arg for slug in LOADED_MODULES for arg in ("--module", slug)]
    call_command("load_curriculum", *module_args, *args, stdout=StringIO())


class CatalogueTests(TestCase):
    """Every module's catalogues, in every language, checked against the source files.

    Nothing is written to the database (building a page in memory reads its content type).
    """

    @classmethod
    def setUpTestData(cls):
        cls.site = load_site()
        cls.entries = source_entries_by_catalogue(cls.site)

    def test_every_catalogue_matches_its_english_source_in_every_language(self):
        """A source file edited without its catalogues following fails here.

        Entries are compared by context and text, not by their order in the file:
        wagtail-localize matches them that way, and new entries may be appended at the
        end of a catalogue (so that several people can add to one module at once)
        rather than written in page order by `export_curriculum_po`.
        """
        for language in TARGETS:
            committed = sorted(path.stem for path in (TRANSLATIONS_DIR / language).glob("*.po"))
            self.assertEqual(committed, sorted(self.entries), language)
            for catalogue, entries in self.entries.items():
                path = TRANSLATIONS_DIR / language / f"{catalogue}.po"
                with self.subTest(catalogue=f"{language}/{catalogue}.po"):
                    self.assertEqual(
                        sorted(entry[:2] for entry in po_entries(path)), sorted(entries)
                    )

    def test_every_segment_of_every_module_is_translated_in_every_language(self):
        """What the loader refuses (CatalogueError) or wagtail-localize would not publish."""
        module_files = list((CONTENT_DIR / "modules").glob("*.toml"))
        self.assertEqual(len(self.entries), 1 + len(module_files))  # site.po and each module's
        problems = []
        for language in TARGETS:
            for catalogue in self.entries:
                path = TRANSLATIONS_DIR / language / f"{catalogue}.po"
                for entry in polib.pofile(str(path)):
                    where = f"{language}/{catalogue}.po {entry.msgctxt}"
                    if entry.obsolete or entry.fuzzy or not entry.msgstr.strip():
                        problems.append(f"{where}: not translated")
                        continue
                    # The checks wagtail-localize makes before using a translated string.
                    try:
                        StringValue.from_translated_html(entry.msgstr)
                        validate_translation_links(entry.msgid, entry.msgstr)
                    except ValueError as error:
                        problems.append(f"{where}: {error}")
        self.assertEqual(problems, [])

    def test_every_path_has_four_modules_each_with_lessons_and_a_final_quiz(self):
        paths = [s for s in self.site.walk() if s.model == "courses.LearningPathPage"]
        self.assertEqual(len(paths), 6)
        for path in paths:
            with self.subTest(path=path.key):
                self.assertGreaterEqual(len(path.children), 4)
            for module in path.children:
                with self.subTest(module=module.key):
                    self.assertEqual(module.model, "courses.ModulePage")
                    lessons = [c for c in module.children if c.model == "courses.LessonPage"]
                    self.assertGreaterEqual(len(lessons), 2)
                    quiz = module.fields["final_quiz"][0]["value"]
                    self.assertGreaterEqual(len(quiz["questions"]), 5)

    def test_a_module_subset_keeps_its_path_audience_and_the_site_pages(self):
        whole = {spec.key for spec in self.site.walk()}
        part = {spec.key for spec in load_site(modules=["being-kind-online"]).walk()}
        module = "children/staying-safe-online/being-kind-online"
        self.assertIn(module, part)
        self.assertIn("children/staying-safe-online", part)
        self.assertIn("children", part)
        self.assertIn("", part)
        self.assertTrue(part < whole)
        self.assertFalse({k for k in part if k.startswith(("teens", "educators"))})
        self.assertTrue(all(k.startswith(module) for k in part if k.count("/") >= 2))
        with self.assertRaisesMessage(SourceError, "no-such-module"):
            load_site(modules=["no-such-module"])


@pytest.mark.slow
class CurriculumLoaderTests(TestCase):
    """The loader through the database, on LOADED_MODULES (see above)."""

    @classmethod
    def setUpTestData(cls):
        load_curriculum()
        cls.site = load_site(modules=LOADED_MODULES)
        cls.spec_count = sum(1 for _ in cls.site.walk())

    def test_every_loaded_page_exists_in_all_six_languages_and_is_live(self):
        self.assertEqual(
            ModulePage.objects.filter(locale__language_code="en").count(), len(LOADED_MODULES)
        )
        for spec in self.site.walk():
            english = Page.objects.get(
                locale__language_code="en", url_path=f"/home/{spec.key}/".replace("//", "/")
            )
            translations = english.get_translations().live()
            with self.subTest(page=spec.key):
                self.assertTrue(english.live)
                self.assertEqual(
                    sorted(translations.values_list("locale__language_code", flat=True)), TARGETS
                )

    def test_translations_are_wagtail_localize_translations_with_every_segment_done(self):
        translations = Translation.objects.filter(source__locale__language_code="en")
        self.assertEqual(translations.count(), self.spec_count * len(TARGETS))
        for translation in translations:
            total, done = translation.get_progress()
            self.assertEqual(total, done, translation)

    def test_stored_segments_are_the_ones_read_without_the_database(self):
        """What CatalogueTests extract for every module is what the loader stored."""
        for spec in self.site.walk():
            english = Page.objects.get(
                locale__language_code="en", url_path=f"/home/{spec.key}/".replace("//", "/")
            )
            source = TranslationSource.objects.get_for_instance(english.specific)
            stored = [
                (message_context(spec, segment.context.path), segment.string.data)
                for segment in StringSegment.objects.filter(source=source)
                .order_by("order")
                .select_related("context", "string")
            ]
            with self.subTest(page=spec.key):
                self.assertTrue(stored)
                self.assertEqual(stored, source_entries(spec))

    def test_exported_catalogues_match_the_committed_ones(self):
        """`export_curriculum_po` on the loaded pages gives the committed entries back
        (in page order, where the committed file may have appended entries at its end)."""
        exported = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, exported)
        shutil.copytree(TRANSLATIONS_DIR, exported, dirs_exist_ok=True)
        pages = build_source_pages(self.site, LoadReport())
        written = write_catalogues(pages, translations_dir=exported)
        self.assertEqual(len(written), len(TARGETS) * (len(LOADED_MODULES) + 1))
        loaded_contexts = {message_context(spec, "") for spec in self.site.walk()}
        for path in written:
            committed = po_entries(TRANSLATIONS_DIR / path.relative_to(exported))
            if path.stem == "site":  # only the loaded pages' part of the site catalogue
                committed = [
                    entry
                    for entry in committed
                    if entry[0].split(" ", 1)[0] + " " in loaded_contexts
                ]
            with self.subTest(catalogue=str(path.relative_to(exported))):
                self.assertTrue(committed)
                self.assertEqual(sorted(po_entries(path)), sorted(committed))

    def test_translated_lesson_shows_the_catalogue_text(self):
        catalogue = polib.pofile(str(TRANSLATIONS_DIR / "fr" / "my-private-information.po"))
        title = next(e.msgstr for e in catalogue if e.msgctxt.endswith("keeping-it-private title"))
        lesson = LessonPage.objects.get(locale__language_code="fr", slug="keeping-it-private")
        self.assertEqual(lesson.title, title)
        response = self.client.get(lesson.url)
        self.assertContains(response, title)
        self.assertContains(response, '<html lang="fr" dir="ltr">')

    def test_translated_lesson_plays_its_scenario_in_its_language(self):
        catalogue = polib.pofile(str(TRANSLATIONS_DIR / "ar" / "my-private-information.po"))
        text = {
            e.msgctxt.rsplit(" ", 1)[1]: e.msgstr for e in catalogue if "scenario-" in e.msgctxt
        }
        lesson = LessonPage.objects.get(locale__language_code="ar", slug="keeping-it-private")
        response = self.client.get(lesson.url)
        self.assertContains(response, text["body.scenario-keep.situation"])
        self.assertContains(response, '<html lang="ar" dir="rtl">')
        response = self.client.post(
            f"/ar/learn/scenarios/{lesson.pk}/scenario-keep/",
            {"attempt": "0b8a5c1e-8d64-4c54-9d5c-1f0f7f1d2a3b", "choice": "scenario-keep-b"},
            follow=True,
        )
        self.assertContains(
            response, text["body.scenario-keep.choices.scenario-keep-b.consequence"]
        )

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
        self.assertEqual(
            arabic.quiz.value["questions"][0]["text"],
            "يملأ سام ملفه الشخصي في لعبة جديدة. أيٌّ من هذه معلومات خاصة؟",
        )

    def test_every_loaded_page_renders_in_every_language(self):
        pages = Page.objects.filter(depth__gt=2).live().select_related("locale")
        self.assertEqual(pages.count(), (self.spec_count - 1) * 6)
        for page in pages:
            with self.subTest(page=page.url_path, language=page.locale.language_code):
                response = self.client.get(page.url)
                self.assertEqual(response.status_code, 200)
                self.assertNotIn("not available in your language", response.content.decode())

    def test_loading_again_changes_nothing(self):
        before = snapshot()
        load_curriculum()
        self.assertEqual(snapshot(), before)

    def test_translated_modules_and_audiences_keep_the_source_icon(self):
        for model, slug, icon in (
            (AudiencePage, "children", "buddy"),
            (ModulePage, "my-private-information", "lock"),
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
            # The home page alone: the gap is in its catalogue.
            load(load_site(modules=()), translations_dir=broken_dir)
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

    def test_a_knowledge_check_in_a_lesson_body_keeps_the_files_ids_and_answer_key(self):
        body = [
            {"id": "text", "type": "paragraph", "value": "<p>Passwords are private.</p>"},
            {
                "id": "check-passwords",
                "type": "quiz",
                "value": {
                    "questions": [
                        {
                            "id": "k1",
                            "type": "single",
                            "text": "Sam's friend asks for Sam's password. What should Sam do?",
                            "choices": [
                                {"id": "k1-a", "text": "Keep it private.", "correct": True},
                                {"id": "k1-b", "text": "Share it once.", "feedback": "No."},
                            ],
                        }
                    ]
                },
            },
        ]
        block = LessonStreamBlock()
        value = block.to_python(stream_data(body))
        block.clean(value)
        check = value[1]
        self.assertEqual((check.block_type, check.id), ("quiz", "check-passwords"))
        [question] = check.value["questions"].bound_blocks
        self.assertEqual(question.id, "k1")
        self.assertEqual(
            [(c.id, c.value["is_correct"]) for c in question.value["choices"].bound_blocks],
            [("k1-a", True), ("k1-b", False)],
        )

    def test_every_lesson_added_for_resolution_67_ends_with_a_knowledge_check(self):
        lessons = {
            spec.key.rsplit("/", 1)[1]: spec
            for spec in load_site().walk()
            if spec.model == "courses.LessonPage"
        }
        for slug in RESOLUTION_67_ADULT_LESSONS:
            with self.subTest(lesson=slug):
                checks = [b for b in lessons[slug].fields["body"] if b["type"] == "quiz"]
                self.assertEqual(len(checks), 1)
                self.assertGreaterEqual(len(checks[0]["value"]["questions"]), 1)


# Policy-makers' and industry lessons on the topics of ITU-D Resolution 67 that the
# first curriculum did not teach (curriculum/REVIEW.md).
RESOLUTION_67_ADULT_LESSONS = [
    "self-regulation-and-co-regulation",
    "international-and-regional-cooperation",
    "building-professionals-skills",
    "reaching-every-child",
    "codes-of-practice-and-co-regulation",
]


def scenario_table(**changes):
    choice = {"text": "Tell an adult", "consequence": "They help.", "feedback": "Yes."}
    table = {
        "situation": "A stranger asks for your address.",
        "choices": [
            {"id": "s-a", "best": True, **choice},
            {
                "id": "s-b",
                **choice,
                "follow_up": {
                    "id": "s-b-next",
                    "situation": "They ask again.",
                    "choices": [{"id": "s-b-1", "best": True, **choice}, {"id": "s-b-2", **choice}],
                },
            },
        ],
    }
    table.update(changes)
    return table


class ScenarioSourceTests(TestCase):
    def test_scenario_table_maps_to_the_scenario_block_with_the_files_ids(self):
        data = stream_data([{"id": "scenario-x", "type": "scenario", "value": scenario_table()}])
        body = LessonPage._meta.get_field("body").stream_block
        value = body.to_python(data)
        body.clean(value)  # a valid scenario
        scenario = value[0].value
        self.assertEqual((value[0].block_type, value[0].id), ("scenario", "scenario-x"))
        choices = scenario["choices"].bound_blocks
        self.assertEqual(
            [(c.id, c.value["is_best"]) for c in choices], [("s-a", True), ("s-b", False)]
        )
        self.assertEqual(len(choices[0].value["follow_up"]), 0)
        step = choices[1].value["follow_up"].bound_blocks[0]
        self.assertEqual(step.id, "s-b-next")
        self.assertEqual([c.id for c in step.value["choices"].bound_blocks], ["s-b-1", "s-b-2"])

    def test_scenarios_that_break_the_blocks_rules_are_refused(self):
        no_best = scenario_table()
        no_best["choices"][0]["best"] = False
        no_feedback = scenario_table()
        no_feedback["choices"][0]["feedback"] = " "
        too_deep = scenario_table()
        too_deep["choices"][1]["follow_up"]["choices"][0]["follow_up"] = {"id": "x"}
        cases = {
            "best = true": no_best,
            "needs an id and text, consequence, feedback": no_feedback,
            "a follow-up has no follow-up": too_deep,
            "between 2 and 4": scenario_table(choices=scenario_table()["choices"][:1]),
        }
        for message, table in cases.items():
            with self.subTest(message), self.assertRaisesMessage(SourceError, message):
                scenario_value(table, "scenario-x")


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
