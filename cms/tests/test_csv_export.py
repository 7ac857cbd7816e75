import csv
import io

from django.test import SimpleTestCase

from cms.csv_export import (
    BYTE_ORDER_MARK,
    SpreadsheetWriter,
    csv_response,
    neutralise,
    restore,
    safe_filename,
)


class NeutraliseTests(SimpleTestCase):
    def test_cells_a_spreadsheet_would_run_get_a_leading_apostrophe(self):
        for text in ("=1+1", "+44 800 1111", "-2", "@sum(A1)", "\t=1", "\r=1"):
            with self.subTest(text=text):
                self.assertEqual(neutralise(text), "'" + text)
        self.assertEqual(neutralise("Childline"), "Childline")
        self.assertEqual(neutralise(None), "")
        self.assertEqual(neutralise(3), "3")

    def test_restore_gives_back_exactly_what_was_neutralised(self):
        for text in ("=1+1", "+44 800 1111", "'=already quoted", "'", "it's", "", "خط الطفل"):
            with self.subTest(text=text):
                self.assertEqual(restore(neutralise(text)), text)


class SpreadsheetWriterTests(SimpleTestCase):
    def test_file_starts_with_a_byte_order_mark_and_ends_lines_with_crlf(self):
        out = io.StringIO()
        SpreadsheetWriter(out).writerows(
            [["name", "phone"], ["خط الطفل", "+86 12355"], ["儿童热线", "12355"]]
        )
        text = out.getvalue()
        self.assertTrue(text.startswith(BYTE_ORDER_MARK))
        self.assertEqual(text.count(BYTE_ORDER_MARK), 1)
        self.assertEqual(text.count("\r\n"), 3)
        self.assertNotIn("\n", text.replace("\r\n", ""))
        rows = list(csv.reader(io.StringIO(text.removeprefix(BYTE_ORDER_MARK))))
        self.assertEqual(rows[1], ["خط الطفل", "'+86 12355"])
        self.assertEqual(rows[2], ["儿童热线", "12355"])


class CsvResponseTests(SimpleTestCase):
    def test_attachment_is_utf8_with_bom_and_crlf(self):
        response = csv_response("report.csv", [["a", "=b"], ["ج", "中"]])
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertEqual(response["Content-Disposition"], 'attachment; filename="report.csv"')
        self.assertEqual(response.content, "\ufeffa,'=b\r\nج,中\r\n".encode())

    def test_a_filename_cannot_break_the_header_or_name_a_path(self):
        response = csv_response('x"\r\nSet-Cookie: a=b/../..\\evil.csv', [["a"]])
        header = response["Content-Disposition"]
        self.assertNotIn("\r", header)
        self.assertNotIn("\n", header)
        self.assertNotIn("/", header)
        self.assertNotIn("\\", header)
        self.assertEqual(header.count('"'), 2)
        self.assertEqual(safe_filename("../.."), "export.csv")

    def test_a_non_ascii_filename_is_sent_encoded(self):
        response = csv_response("صف-٣.csv", [["a"]])
        self.assertTrue(response["Content-Disposition"].startswith("attachment; filename*=utf-8''"))
