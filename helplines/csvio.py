"""The helpline directory as CSV: one row per helpline, one column per language.

Export goes through cms.csv_export (formula neutralisation, byte order mark, CRLF), so
the file opens correctly in spreadsheets in every language; import accepts the byte
order mark and takes off the apostrophe the export put before cells such as "+44 ...".
Import checks the whole file before writing anything: size, encoding, header, then
every row (the model's own validation, plus duplicate keys). Any problem is reported
with its line number and nothing is saved; otherwise every row is written in one
transaction. The admin upload view and the management commands share this code.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from cms.csv_export import SpreadsheetWriter, restore

from .models import Helpline

MAX_CSV_BYTES = 1024 * 1024
MAX_CSV_ROWS = 5000
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
TRUE_WORDS = {"yes", "true", "1"}
FALSE_WORDS = {"no", "false", "0"}


def translated_columns(name):
    return [build_localized_fieldname(name, code) for code in LANGUAGE_CODES]


COLUMNS = [
    "key",
    "country",
    *translated_columns("name"),
    "phone_numbers",
    "sms",
    "whatsapp",
    "chat_url",
    "email",
    "web_url",
    *translated_columns("hours"),
    "languages",
    "free_of_charge",
    "serves_children",
    "serves_parents",
    "last_verified",
    "needs_verification",
    *translated_columns("notes"),
]
# Optional translations are stored as NULL when empty, as the admin form does, so the
# page falls back to English for them.
NULLABLE_COLUMNS = {
    *translated_columns("name"),
    *translated_columns("hours"),
    *translated_columns("notes"),
} - {"name_en"}
BOOLEAN_COLUMNS = {"serves_children", "serves_parents", "needs_verification"}
PHONE_SEPARATOR = ";"


class CsvImportError(Exception):
    """The file cannot be imported; `errors` lists every problem found, in order."""

    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    skipped: int = 0
    keys: list = field(default_factory=list)


def export_rows(queryset=None):
    """The header, then one row per helpline of the directory (or of `queryset`)."""
    yield COLUMNS
    for helpline in queryset if queryset is not None else Helpline.objects.order_by("key"):
        row = []
        for column in COLUMNS:
            value = getattr(helpline, column)
            if column == "country":
                value = value.code
            elif column == "phone_numbers":
                value = f"{PHONE_SEPARATOR} ".join(p["number"] for p in helpline.phones)
            elif column in BOOLEAN_COLUMNS:
                value = "yes" if value else "no"
            elif column == "last_verified":
                value = value.isoformat() if value else ""
            row.append(value or "")
        yield row


def export_csv(out, queryset=None):
    """Write the directory (or `queryset`) to the text stream `out`, spreadsheet-safe."""
    SpreadsheetWriter(out).writerows(export_rows(queryset))


def decode(data):
    """The upload's text, or CsvImportError if it is too big or not UTF-8."""
    if len(data) > MAX_CSV_BYTES:
        raise CsvImportError(
            [_("The file is too big: the limit is %(size)s KB.") % {"size": MAX_CSV_BYTES // 1024}]
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CsvImportError(
            [
                _("The file is not UTF-8 text (byte %(position)s). Save it as CSV UTF-8.")
                % {"position": error.start + 1}
            ]
        ) from error


def _parse_value(column, raw):
    # Our own export puts an apostrophe before cells such as "+44 800 1111" so that
    # spreadsheets do not run them as formulas; take it off again.
    raw = restore(raw).strip()
    if column in NULLABLE_COLUMNS and not raw:
        return None
    if column == "country":
        return raw.upper()
    if column == "phone_numbers":
        return "\n".join(part.strip() for part in raw.split(PHONE_SEPARATOR) if part.strip())
    if column in BOOLEAN_COLUMNS:
        if raw.lower() in TRUE_WORDS:
            return True
        if raw.lower() in FALSE_WORDS:
            return False
        raise ValidationError(_("write yes or no, not “%(value)s”.") % {"value": raw})
    if column == "last_verified":
        if not raw:
            return None
        try:
            return datetime.date.fromisoformat(raw)
        except ValueError:
            raise ValidationError(
                _("write the date as YYYY-MM-DD, not “%(value)s”.") % {"value": raw}
            ) from None
    return raw


def _row_errors(line, error):
    if hasattr(error, "error_dict"):
        return [
            _("Line %(line)s, column %(column)s: %(message)s")
            % {"line": line, "column": column, "message": " ".join(messages)}
            if column != "__all__"
            else _("Line %(line)s: %(message)s") % {"line": line, "message": " ".join(messages)}
            for column, messages in error.message_dict.items()
        ]
    return [_("Line %(line)s: %(message)s") % {"line": line, "message": " ".join(error.messages)}]


def parse(text, create_only=False):
    """Check the CSV text; return the helplines to save, or raise CsvImportError."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames
    if not header:
        raise CsvImportError([_("The file is empty.")])
    header = [name.strip() for name in header]
    reader.fieldnames = header
    missing = [column for column in COLUMNS if column not in header]
    unknown = [column for column in header if column not in COLUMNS]
    errors = []
    if missing:
        errors.append(
            _("Line 1: missing column(s): %(columns)s.") % {"columns": ", ".join(missing)}
        )
    if unknown:
        errors.append(
            _("Line 1: unknown column(s): %(columns)s.") % {"columns": ", ".join(unknown)}
        )
    if errors:
        raise CsvImportError(errors)

    existing = {h.key: h for h in Helpline.objects.all()}
    seen = {}
    instances = []
    rows = 0
    try:
        for row in reader:
            line = reader.line_num
            rows += 1
            if rows > MAX_CSV_ROWS:
                raise CsvImportError(
                    [_("The file has more than %(count)s rows.") % {"count": MAX_CSV_ROWS}]
                )
            if None in row or any(value is None for value in row.values()):
                errors.append(
                    _("Line %(line)s: the row does not have %(count)s columns.")
                    % {"line": line, "count": len(COLUMNS)}
                )
                continue
            key = row["key"].strip()
            if key in seen:
                errors.append(
                    _("Line %(line)s: the key “%(key)s” is already used on line %(first)s.")
                    % {"line": line, "key": key, "first": seen[key]}
                )
                continue
            seen[key] = line
            if create_only and key in existing:
                continue
            helpline = existing.get(key) or Helpline()
            field_errors = {}
            for column in COLUMNS:
                try:
                    setattr(helpline, column, _parse_value(column, row[column]))
                except ValidationError as error:
                    field_errors[column] = error.messages
            if field_errors:
                errors.extend(_row_errors(line, ValidationError(field_errors)))
                continue
            try:
                helpline.full_clean()
            except ValidationError as error:
                errors.extend(_row_errors(line, error))
                continue
            instances.append(helpline)
    except csv.Error as error:
        errors.append(_("Line %(line)s: %(message)s") % {"line": reader.line_num, "message": error})
    if errors:
        raise CsvImportError(errors)
    return instances


def import_csv(data, create_only=False):
    """Import CSV bytes. All or nothing: raises CsvImportError without writing anything.

    With `create_only`, helplines whose key already exists are left as they are (used by
    the sample data, so re-running it never overwrites an editor's corrections).
    """
    text = decode(data)
    instances = parse(text, create_only=create_only)
    report = ImportReport()
    with transaction.atomic():
        for helpline in instances:
            if helpline.pk:
                report.updated += 1
            else:
                report.created += 1
            helpline.save()
            report.keys.append(helpline.key)
    return report
