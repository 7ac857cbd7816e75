"""PO round trip: download, translate with polib, upload; bad files change nothing."""

import io
import socket
import zipfile
from pathlib import Path
from unittest import mock

import polib
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation

from courses.factories import build_course_tree
from localization import po as po_module
from localization.factories import make_user, start_translation
from localization.roles import TRANSLATOR, setup_roles

UPLOAD = reverse("localization:po_upload")


def fill(po, prefix="FR: "):
    for entry in po:
        if not entry.obsolete:
            entry.msgstr = prefix + entry.msgid
    return po


def zip_of(files, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


class PORoundTripTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=2)
        cls.translations = {
            page.pk: start_translation(page, "fr", publish=False) for page in cls.tree.pages
        }
        for page in cls.tree.pages[:2]:  # home and audience exist in Arabic too
            start_translation(page, "ar")
        setup_roles()
        cls.translator = make_user("translator-fr", TRANSLATOR, "fr")
        cls.arabic_translator = make_user("translator-ar", TRANSLATOR, "ar")
        cls.lesson = cls.tree.lessons[0]
        cls.lesson_translation = cls.translations[cls.lesson.pk]
        cls.french = Locale.objects.get(language_code="fr")

    def setUp(self):
        self.client.force_login(self.translator)

    def download(self, translation):
        response = self.client.get(reverse("localization:po_download", args=[translation.uuid]))
        self.assertEqual(response.status_code, 200)
        return polib.pofile(response.content.decode())

    def upload(self, name, data):
        response = self.client.post(UPLOAD, {"file": SimpleUploadedFile(name, data)})
        self.assertEqual(response.status_code, 302)
        return [str(message) for message in get_messages(response.wsgi_request)]

    def french_lesson(self):
        return self.lesson.get_translation(self.french).get_latest_revision_as_object()

    def test_round_trip_puts_the_new_text_on_the_translated_page(self):
        po = fill(self.download(self.lesson_translation))
        self.assertEqual(po.metadata["Language"], "fr")
        messages = self.upload("lesson.po", str(po).encode())
        total = len([entry for entry in po if not entry.obsolete])
        self.assertIn(f"{total} segments applied, 0 unchanged, 0 unknown", messages[-1])
        self.assertEqual(self.french_lesson().title, f"FR: {self.lesson.title}")
        self.assertIn("FR: Private means just for you", str(self.french_lesson().body))

        # The same file again changes nothing; an unknown segment is counted.
        po.append(polib.POEntry(msgid="Not in the page", msgstr="Pas ici", msgctxt="nowhere"))
        messages = self.upload("lesson.po", str(po).encode())
        self.assertIn(f"0 segments applied, {total} unchanged, 1 unknown", messages[-1])

    def test_archive_of_a_module_round_trips_every_page_below_it(self):
        response = self.client.get(
            reverse("localization:po_archive", args=[self.tree.module.pk, "fr"])
        )
        self.assertEqual(response.status_code, 200)
        archive = zipfile.ZipFile(io.BytesIO(response.content))
        names = sorted(archive.namelist())
        expected = sorted(
            page.url_path.strip("/") + ".po" for page in [self.tree.module, *self.tree.lessons]
        )
        self.assertEqual(names, expected)
        filled = {name: str(fill(polib.pofile(archive.read(name).decode()))) for name in names}
        messages = self.upload("module.zip", zip_of(filled))
        self.assertIn("Imported 3 files", messages[-1])
        self.assertEqual(self.french_lesson().title, f"FR: {self.lesson.title}")

    def assert_refused(self, name, data, expected, user=None):
        if user:
            self.client.force_login(user)
        before = StringTranslation.objects.count()
        messages = self.upload(name, data)
        self.assertTrue(messages[-1].startswith("Nothing was imported"), messages)
        self.assertIn(expected, messages[-1])
        self.assertEqual(StringTranslation.objects.count(), before)
        self.assertEqual(self.french_lesson().title, self.lesson.title)

    def test_malformed_po_is_refused_and_nothing_is_written(self):
        good = str(fill(self.download(self.lesson_translation)))
        self.assert_refused(
            "lesson.po", (good + "\nthis line is not PO syntax\n").encode(), "not a valid PO"
        )

    def test_po_for_another_language_is_refused(self):
        po = fill(self.download(self.lesson_translation))
        po.metadata["Language"] = "es"
        self.assert_refused("lesson.po", str(po).encode(), "wrong language")

    def test_po_naming_an_unknown_translation_is_refused(self):
        po = fill(self.download(self.lesson_translation))
        po.metadata["X-WagtailLocalize-TranslationID"] = "6b0e4b8e-0000-4000-8000-000000000000"
        self.assert_refused("lesson.po", str(po).encode(), "does not belong")

    def test_translator_of_another_language_cannot_download_or_upload(self):
        po = str(fill(self.download(self.lesson_translation))).encode()
        self.client.force_login(self.arabic_translator)
        url = reverse("localization:po_download", args=[self.lesson_translation.uuid])
        self.assertIn(self.client.get(url).status_code, (302, 403))
        archive = reverse("localization:po_archive", args=[self.tree.module.pk, "fr"])
        self.assertIn(self.client.get(archive).status_code, (302, 403))
        self.assert_refused("lesson.po", po, "You may not translate")

    def test_one_bad_file_in_an_archive_refuses_the_whole_archive(self):
        good = str(fill(self.download(self.lesson_translation)))
        name = self.lesson.url_path.strip("/") + ".po"
        other = self.tree.lessons[1].url_path.strip("/") + ".po"
        bad = str(fill(self.download(self.translations[self.tree.lessons[1].pk])))
        self.assert_refused("a.zip", zip_of({name: good, other: bad + "\nnot PO\n"}), "valid PO")

    def test_archive_paths_must_match_the_pages(self):
        good = str(fill(self.download(self.lesson_translation)))
        self.assert_refused("a.zip", zip_of({"somewhere/else.po": good}), "does not match")
        self.assert_refused("a.zip", zip_of({"../../etc/lesson.po": good}), "unexpected file")
        self.assert_refused("a.zip", zip_of({"lesson.exe": good}), "unexpected file")

    def test_archive_too_many_files_too_large_or_zip_bomb_is_refused(self):
        good = str(fill(self.download(self.lesson_translation)))
        name = self.lesson.url_path.strip("/") + ".po"
        with mock.patch.object(po_module, "MAX_FILES", 1):
            self.assert_refused("a.zip", zip_of({name: good, "b.po": good}), "too many files")
        with mock.patch.object(po_module, "MAX_TOTAL_BYTES", 100):
            self.assert_refused("a.zip", zip_of({name: good}), "too large")
        bomb = zip_of({name: good + "#" * 1_000_000})
        self.assert_refused("a.zip", bomb, "compressed suspiciously")

    def test_export_and_import_commands_round_trip_a_directory(self):
        directory = Path(self.enterContext(self._tmp()))
        call_command(
            "export_translations",
            directory,
            language="fr",
            page=self.tree.path.pk,
            stdout=io.StringIO(),
        )
        files = sorted(directory.rglob("*.po"))
        self.assertEqual(len(files), 4)  # path, module, two lessons
        for path in files:
            path.write_text(str(fill(polib.pofile(str(path)))), encoding="utf-8")
        out = io.StringIO()
        call_command("import_translations", directory, language="fr", stdout=out)
        self.assertIn("Imported 4 files", out.getvalue())
        self.assertEqual(self.french_lesson().title, f"FR: {self.lesson.title}")

        with self.assertRaisesMessage(CommandError, "wrong language"):
            call_command("import_translations", directory, language="ar", stdout=io.StringIO())

    def test_an_import_names_its_translator_or_says_the_platform_imports(self):
        po = fill(self.download(self.lesson_translation))
        files = [(None, str(po))]
        with self.assertRaisesMessage(ValueError, "as_platform"):
            po_module.plan_import(files)
        self.assertFalse(po_module.user_can_translate(None, self.lesson_translation))
        report = po_module.plan_import(files, as_platform=True)
        self.assertGreater(len(report.changes), 0)
        with self.assertRaisesMessage(po_module.POError, "may not translate"):
            po_module.plan_import(files, user=self.arabic_translator)

    def _tmp(self):
        import tempfile

        return tempfile.TemporaryDirectory()

    def test_machine_translation_is_off_and_nothing_calls_out(self):
        self.assertIsNone(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR)
        self.assertIsNone(get_machine_translator())
        french = self.lesson.get_translation(self.french)
        with mock.patch.object(socket.socket, "connect", side_effect=AssertionError("network")):
            response = self.client.get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "&quot;machineTranslator&quot;: null")

    def test_only_text_is_exported_not_settings_like_levels_kinds_or_numbers(self):
        """Choices, flags and numbers (a quiz's correct answer or score alike) stay shared."""
        contexts = {entry.msgctxt for entry in self.download(self.lesson_translation)}
        self.assertTrue(any(context.startswith("body.") for context in contexts))
        self.assertFalse(
            any(context.endswith((".level", ".kind")) for context in contexts), contexts
        )
        module = {e.msgctxt for e in self.download(self.translations[self.tree.module.pk])}
        self.assertNotIn("estimated_minutes", module)

    def test_glossary_po_import_makes_a_draft_and_leaves_the_live_entry_alone(self):
        from localization.factories import GlossaryTermFactory

        term = GlossaryTermFactory(term="helpline", definition="A line to talk.")
        term.save_revision().publish()
        translation = start_translation(term, "fr")
        french = translation.get_target_instance()
        self.assertTrue(french.live)
        messages = self.upload("helpline.po", str(fill(self.download(translation))).encode())
        self.assertIn("2 segments applied", messages[-1])
        french.refresh_from_db()
        self.assertEqual(french.term, "helpline")  # what learners see is unchanged
        self.assertEqual(french.get_latest_revision_as_object().term, "FR: helpline")
        self.assertTrue(french.has_unpublished_changes)
