"""CSV files that open safely and correctly in spreadsheet programs, in every language.

Every CSV the site hands out goes through here, so each one:
- neutralises cells a spreadsheet would run as a formula (a cell starting with = + - @,
  a tab or a carriage return gets a leading apostrophe, which spreadsheets hide and
  treat as "this is text"); a cell that already starts with an apostrophe gets one
  too, so `restore` gives back exactly what was written;
- starts with a UTF-8 byte order mark, without which Excel reads UTF-8 as the local
  legacy code page and shows Arabic, Chinese or Russian as mojibake;
- ends lines with CRLF, as RFC 4180 and Excel expect;
- is served as an attachment whose name cannot break the header (non-ASCII names are
  sent as RFC 6266 `filename*`).

Importers of our own files call `restore` on each cell to undo the apostrophe.
"""

import csv
import re

from django.http import HttpResponse
from django.utils.http import content_disposition_header

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARKER = "'"
BYTE_ORDER_MARK = "\ufeff"
CONTENT_TYPE = "text/csv; charset=utf-8"
# Anything that could end the header, split the path or hide in a file manager.
UNSAFE_FILENAME_CHARACTERS = re.compile(r'[\x00-\x1f\x7f"\\/:*?<>|]+')


def neutralise(value):
    """The cell as text a spreadsheet shows as written and never runs as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES + (TEXT_MARKER,)):
        return TEXT_MARKER + text
    return text


def restore(text):
    """Undo `neutralise`: the cell's text as it was before export."""
    if text.startswith(TEXT_MARKER) and text[1:].startswith(FORMULA_PREFIXES + (TEXT_MARKER,)):
        return text[1:]
    return text


class SpreadsheetWriter:
    """Writes neutralised rows to a text stream, after a byte order mark."""

    def __init__(self, out):
        self.out = out
        self.writer = csv.writer(out, lineterminator="\r\n")
        self.started = False

    def writerow(self, row):
        if not self.started:
            self.out.write(BYTE_ORDER_MARK)
            self.started = True
        self.writer.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def safe_filename(name, default="export.csv"):
    """`name` without characters that could break a Content-Disposition header or a path."""
    cleaned = UNSAFE_FILENAME_CHARACTERS.sub("-", name).strip(" .-")
    return cleaned or default


def csv_response(filename, rows):
    """An HTTP attachment holding `rows` as a spreadsheet-safe CSV file."""
    response = HttpResponse(content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, safe_filename(filename))
    SpreadsheetWriter(response).writerows(rows)
    return response
