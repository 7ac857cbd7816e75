"""Hostile or faulty PO uploads: read as content only, bounded, and refused strings named."""

import io
import tempfile
import zipfile
from pathlib import Path
from unittest import mock

from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

from courses.factories import build_course_tree
from localization import po as po_module
from localization.factories import make_user, start_translation
from localization.roles import TRANSLATOR, setup_roles

UPLOAD = reverse("localization:po_upload")


def filled(translation, prefix="FR: "):
    po = translation.export_po()
    po.metadata["Language"] = "fr"
    for entry in po:
        entry.msgstr = prefix + entry.msgid
    return po


def zip_of(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files:
            archive.writestr(name, text)
    return buffer.getvalue()


class CountingFile(io.BytesIO):
    """An upload that records how many bytes were read from it."""

    def __init__(self, data, name):
        super().__init__(data)
        self.name = name
        self.size = len(data)
        self.bytes_read = 0

    def read(self, size=-1):
        chunk = super().read(size)
        self.bytes_read += len(chunk)
        return chunk


class POUploadSafetyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=1)
        cls.translations = {
            page.pk: start_translation(page, "fr", publish=False) for page in cls.tree.pages
        }
        setup_roles()
        cls.translator = make_user("translator-fr", TRANSLATOR, "fr")
        cls.lesson = cls.tree.lessons[0]
        cls.translation = cls.translations[cls.lesson.pk]
        cls.member = cls.lesson.url_path.strip("/") + ".po"
        cls.french = Locale.objects.get(language_code="fr")

    def setUp(self):
        self.client.force_login(self.translator)

    def upload(self, name, data):
        response = self.client.post(UPLOAD, {"file": SimpleUploadedFile(name, data)})
        self.assertEqual(response.status_code, 302)
        return [str(message) for message in get_messages(response.wsgi_request)]

    def french_draft(self):
        return self.lesson.get_translation(self.french).get_latest_revision_as_object()

    def assert_refused(self, name, data, expected):
        before = StringTranslation.objects.count()
        messages = self.upload(name, data)
        self.assertTrue(messages[-1].startswith("Nothing was imported"), messages)
        self.assertIn(expected, messages[-1])
        self.assertEqual(StringTranslation.objects.count(), before)
        self.assertEqual(self.french_draft().title, self.lesson.title)

    # 1. Uploaded text is content, never a path on the server.

    def test_upload_whose_content_is_a_server_path_is_refused_and_the_file_is_not_read(self):
        directory = Path(self.enterContext(tempfile.TemporaryDirectory()))
        on_server = directory / "lesson.po"
        on_server.write_text(str(filled(self.translation)), encoding="utf-8")
        self.assert_refused("lesson.po", str(on_server).encode(), "not a valid PO file")
        self.assert_refused(
            "module.zip", zip_of([(self.member, str(on_server))]), "not a valid PO file"
        )

    def test_the_refusal_is_given_in_the_translators_language(self):
        directory = Path(self.enterContext(tempfile.TemporaryDirectory()))
        on_server = directory / "lesson.po"
        on_server.write_text(str(filled(self.translation)), encoding="utf-8")
        with translation.override("fr"), self.assertRaises(po_module.POError) as caught:
            po_module.plan_import([(None, str(on_server))], user=self.translator)
        self.assertEqual(str(caught.exception), "Le fichier n'est pas un fichier PO valide.")

    def test_parse_po_reads_text_as_content_even_when_it_names_a_file(self):
        directory = Path(self.enterContext(tempfile.TemporaryDirectory()))
        on_server = directory / "x.po"
        on_server.write_text('msgid "a"\nmsgstr "b"\n', encoding="utf-8")
        with self.assertRaises(OSError):
            po_module.parse_po(str(on_server))
        self.assertEqual([e.msgstr for e in po_module.parse_po(on_server.read_text())], ["b"])

    # 2. Uploads are streamed with caps; archives are checked member by member.

    def test_an_oversized_po_is_refused_after_reading_no_more_than_the_limit(self):
        upload = CountingFile(b"#" * 50_000, "lesson.po")
        with (
            mock.patch.object(po_module, "MAX_FILE_BYTES", 1000),
            self.assertRaisesMessage(po_module.POError, "too large"),
        ):
            po_module.read_upload(upload)
        self.assertLessEqual(upload.bytes_read, 1001 + len(po_module.ZIP_SIGNATURE))

    def test_an_upload_over_the_upload_limit_is_refused_unread(self):
        upload = CountingFile(zip_of([(self.member, "x" * 5000)]), "module.zip")
        with (
            mock.patch.object(po_module, "MAX_UPLOAD_BYTES", 100),
            self.assertRaisesMessage(po_module.POError, "too large"),
        ):
            po_module.read_upload(upload)
        self.assertEqual(upload.bytes_read, 0)
        with mock.patch.object(po_module, "MAX_UPLOAD_BYTES", 100):
            self.assert_refused("lesson.po", b"#" * 500, "too large")

    def test_an_upload_over_the_limit_is_stopped_while_it_is_received(self):
        before = StringTranslation.objects.count()
        with (
            mock.patch.object(po_module, "MAX_UPLOAD_BYTES", 100_000),
            mock.patch("localization.views.read_upload") as read_upload,
        ):
            messages = self.upload("lesson.po", b"#" * 300_000)
        read_upload.assert_not_called()
        expected = "Nothing was imported: lesson.po is too large (at most 97 KB)."
        self.assertEqual(messages, [expected])
        self.assertEqual(StringTranslation.objects.count(), before)

    def test_upload_still_needs_the_csrf_token(self):
        from django.test import Client

        client = Client(enforce_csrf_checks=True)
        client.force_login(self.translator)
        po = str(filled(self.translation)).encode()
        response = client.post(UPLOAD, {"file": SimpleUploadedFile("lesson.po", po)})
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self.french_draft().title, self.lesson.title)

    def test_archive_with_a_member_twice_is_refused(self):
        good = str(filled(self.translation))
        with self.assertWarns(UserWarning):  # zipfile warns about the duplicate name
            data = zip_of([(self.member, good), (self.member, good)])
        self.assert_refused("module.zip", data, "twice")

    def test_archive_with_an_encrypted_member_is_refused(self):
        data = bytearray(zip_of([(self.member, "secret")]))
        # Python writes no encrypted archives: set the "encrypted" flag by hand, in the
        # member's local header and in the central directory.
        data[6] |= 0x1
        data[data.index(b"PK\x01\x02") + 8] |= 0x1
        self.assert_refused("module.zip", bytes(data), "encrypted")

    def test_archive_member_counts_what_it_really_unpacks(self):
        good = str(filled(self.translation))
        with mock.patch.object(po_module, "MAX_TOTAL_BYTES", 100):
            self.assert_refused("module.zip", zip_of([(self.member, good)]), "too large")

    # 3. Strings wagtail-localize refuses are reported as refused, not applied.

    def test_strings_wagtail_localize_refuses_are_reported_with_their_reason(self):
        po = filled(self.translation)
        body = [entry for entry in po if entry.msgctxt.startswith("body.")]
        body[0].msgstr = "<div>block tags are not allowed</div>"
        body[1].msgstr = 'A link the source does not have: <a id="a9">here</a>'
        title = next(entry for entry in po if entry.msgctxt == "title")
        title.msgstr = "T" * 300
        total = len(po)
        messages = self.upload("lesson.po", str(po).encode())

        summary = next(m for m in messages if m.startswith("Imported"))
        self.assertIn(f"{total - 3} segments applied", summary)
        refusals = [m for m in messages if m.startswith("Refused")]
        self.assertEqual(len(refusals), 3, messages)
        self.assertTrue(any("&lt;div&gt;" in m or "<div>" in m for m in refusals), refusals)
        self.assertTrue(any("a9" in m for m in refusals), refusals)
        self.assertTrue(any("title" in m and "255" in m for m in refusals), refusals)

        draft = self.french_draft()
        self.assertEqual(draft.title, self.lesson.title)  # the refused title is not used
        self.assertNotIn("block tags", str(draft.body))
        self.assertIn("FR: ", str(draft.body))
        self.assertFalse(StringTranslation.objects.filter(data__startswith="T" * 300).exists())

    def test_values_the_page_refuses_on_save_are_refused_and_the_rest_saved(self):
        from django.core.exceptions import ValidationError

        from localization import workflow

        real_save_draft = workflow.save_draft
        calls = []

        def refuse_the_title_once(translation, user=None):
            calls.append(translation)
            if len(calls) == 1:
                raise ValidationError({"title": ["This title is refused."]})
            return real_save_draft(translation, user)

        po = filled(self.translation)
        with mock.patch.object(po_module, "save_draft", side_effect=refuse_the_title_once):
            messages = self.upload("lesson.po", str(po).encode())
        self.assertIn(f"{len(po) - 1} segments applied", messages[0])
        self.assertIn("title: This title is refused.", messages[1])
        self.assertEqual(len(calls), 2)
        draft = self.french_draft()
        self.assertEqual(draft.title, self.lesson.title)
        self.assertIn("FR: ", str(draft.body))

    def test_import_command_lists_refused_strings(self):
        from django.core.management import call_command

        po = filled(self.translation)
        next(entry for entry in po if entry.msgctxt == "title").msgstr = "<div>x</div>"
        directory = Path(self.enterContext(tempfile.TemporaryDirectory()))
        (directory / self.member).parent.mkdir(parents=True)
        (directory / self.member).write_text(str(po), encoding="utf-8")
        out = io.StringIO()
        call_command("import_translations", directory, language="fr", stdout=out)
        self.assertIn("1 refused", out.getvalue())
        self.assertIn("refused: " + self.member + ", title", out.getvalue())
