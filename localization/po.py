"""PO file round trip: export a page (or a whole subtree) and import translated files.

An upload is checked completely before anything is written: archive limits and paths,
PO syntax, the translation each file names, its language, and the uploader's right to
translate into that language. Only then are the strings saved, in one transaction, and
a draft of each translated page is refreshed with them. Strings wagtail-localize would
not use (bad HTML, unknown link placeholders, values the page refuses) are reported as
refused, with the reason, and not saved.

Uploads are streamed: never more than the limits below is read, and uploaded text is
only ever parsed as content (see `parse_po`).
"""

import io
import os
import tempfile
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import NamedTuple

import polib
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.strings import StringValue, validate_translation_links

from .roles import user_can_edit_snippet_in_locale
from .workflow import save_draft

MAX_FILES = 500
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_TOTAL_BYTES = 20 * 1024 * 1024
MAX_UPLOAD_BYTES = 10 * 1024 * 1024  # an upload as sent, before unpacking
MAX_COMPRESSION_RATIO = 100
TRANSLATION_ID = "X-WagtailLocalize-TranslationID"
ZIP_SIGNATURE = b"PK\x03\x04"  # a zip archive's first bytes


class POError(Exception):
    """A file that cannot be imported; the message is shown to the uploader."""


@dataclass
class Refusal:
    """A translated string that was not saved, and why."""

    file: str
    segment: str
    reason: str


class Change(NamedTuple):
    """A translated string to save: (string id, context id) of its segment, and where from."""

    translation: Translation
    key: tuple
    text: str
    file: str
    segment: str


@dataclass
class ImportReport:
    applied: int = 0
    unchanged: int = 0
    unknown: int = 0
    files: int = 0
    changes: list = field(default_factory=list)
    translations: dict = field(default_factory=dict)
    refused: list = field(default_factory=list)


def language_code(value):
    return value.strip().lower().replace("_", "-")


def po_filename(instance):
    """A file's name inside an archive: the page's path, or the snippet's type and key."""
    if isinstance(instance, Page):
        return instance.url_path.strip("/") + ".po"
    meta = instance._meta
    return f"snippets/{meta.app_label}.{meta.model_name}/{instance.translation_key}.po"


def export_po(translation):
    po = translation.export_po()
    po.metadata["Language"] = translation.target_locale.language_code
    return po


def export_archive(translations):
    """A zip of one PO file per translation, named by the source's path."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for translation in translations:
            name = po_filename(translation.source.get_source_instance())
            archive.writestr(name, str(export_po(translation)))
    return buffer.getvalue()


def subtree_translations(page, locale):
    """Enabled translations into `locale` of `page` and every page below it."""
    keys = page.get_descendants(inclusive=True).values("translation_key")
    return (
        Translation.objects.filter(
            source__object_id__in=keys,
            source__locale_id=page.locale_id,
            target_locale=locale,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .order_by("source__object_repr")
    )


def _safe_member(name):
    path = PurePosixPath(name)
    return (
        "\\" not in name
        and not path.is_absolute()
        and ".." not in path.parts
        and path.suffix == ".po"
        and ":" not in name
    )


def parse_po(text):
    """A polib catalogue parsed from `text`, which is only ever treated as content.

    polib.pofile() takes a path or a file's content and opens the path when a file of
    that name exists, so an upload whose content is a server path would import that
    file. The text is written to a temporary file of our own and parsed from there.
    """
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".po", delete=False) as handle:
        handle.write(text)
    try:
        return polib.pofile(handle.name, encoding="utf-8")
    finally:
        os.unlink(handle.name)


def _too_large(label, limit):
    return POError(
        _("%(file)s is too large (at most %(size)s KB).") % {"file": label, "size": limit // 1024}
    )


def read_upload(upload):
    """[(file name or None, text)] from one uploaded PO file or zip archive.

    `upload` is a file object with a name (Django keeps large uploads on disk); it is
    read in bounded pieces, never wholly into memory.
    """
    name = upload.name or ""
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_UPLOAD_BYTES:
        raise _too_large(name, MAX_UPLOAD_BYTES)
    is_archive = upload.read(len(ZIP_SIGNATURE)) == ZIP_SIGNATURE
    upload.seek(0)
    if is_archive:
        return _read_archive(upload)
    if not name.lower().endswith(".po"):
        raise POError(_("Upload a .po file or a .zip archive of .po files."))
    data = upload.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(name, MAX_FILE_BYTES)
    return [(None, _decode(name, data))]


def _decode(name, data):
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise POError(_("%(file)s is not encoded in UTF-8.") % {"file": name}) from error


def _check_members(members):
    if not members:
        raise POError(_("The archive holds no PO files."))
    if len(members) > MAX_FILES:
        raise POError(
            _("The archive holds too many files (at most %(count)d).") % {"count": MAX_FILES}
        )
    if sum(info.file_size for info in members) > MAX_TOTAL_BYTES:
        raise POError(_("The archive is too large once unpacked."))
    seen = set()
    for info in members:
        if not _safe_member(info.filename):
            raise POError(
                _("The archive holds an unexpected file: %(file)s") % {"file": info.filename}
            )
        if info.filename in seen:
            raise POError(_("The archive holds %(file)s twice.") % {"file": info.filename})
        seen.add(info.filename)
        if info.flag_bits & 0x1:
            raise POError(
                _("%(file)s is encrypted; upload it without a password.") % {"file": info.filename}
            )
        if info.file_size > MAX_FILE_BYTES:
            raise _too_large(info.filename, MAX_FILE_BYTES)
        _check_ratio(info, info.file_size)


def _check_ratio(info, size):
    if size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
        raise POError(
            _("%(file)s is compressed suspiciously well; it was refused.") % {"file": info.filename}
        )


def _read_archive(stream):
    try:
        archive = zipfile.ZipFile(stream)
        members = [info for info in archive.infolist() if not info.is_dir()]
    except zipfile.BadZipFile as error:
        raise POError(_("The archive is damaged.")) from error
    _check_members(members)
    files = []
    total = 0
    for info in members:
        # The sizes in the archive's directory may lie: count what is really unpacked.
        try:
            with archive.open(info) as member:
                content = member.read(MAX_FILE_BYTES + 1)
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError) as error:
            raise POError(_("The archive is damaged.")) from error
        if len(content) > MAX_FILE_BYTES:
            raise _too_large(info.filename, MAX_FILE_BYTES)
        _check_ratio(info, len(content))
        total += len(content)
        if total > MAX_TOTAL_BYTES:
            raise POError(_("The archive is too large once unpacked."))
        files.append((info.filename, _decode(info.filename, content)))
    return files


def user_can_translate(user, translation):
    """Whether `user` may change the translated page or snippet of `translation`.

    No user may change nothing: the platform acting for itself says so with
    `as_platform` where it imports, never by leaving the user out.
    """
    if user is None:
        return False
    try:
        target = translation.get_target_instance()
    except Exception:
        return False
    if isinstance(target, Page):
        return target.specific_deferred.permissions_for_user(user).can_edit()
    return user_can_edit_snippet_in_locale(user, type(target), target.locale)


def _translation_for(label, po):
    value = po.metadata.get(TRANSLATION_ID, "")
    try:
        translation_id = uuid.UUID(value)
    except ValueError:
        translation_id = None
    translation = (
        translation_id
        and Translation.objects.filter(uuid=translation_id, enabled=True)
        .select_related("source", "target_locale")
        .first()
    )
    if not translation:
        raise POError(
            _("%(file)s does not belong to any translation on this site.") % {"file": label}
        )
    return translation


def plan_import(files, user=None, locale=None, *, as_platform=False):
    """Check every file and work out what would change; write nothing.

    Each file's translation must be one `user` may edit, unless `as_platform` says the
    platform itself imports (a management command run by the deployer). Raises POError
    on the first problem, naming the file.
    """
    if user is None and not as_platform:
        raise ValueError("Import for a user, or say as_platform=True.")
    report = ImportReport()
    for name, text in files:
        label = name or _("The file")
        try:
            po = parse_po(text)
        except (OSError, ValueError) as error:
            raise POError(_("%(file)s is not a valid PO file.") % {"file": label}) from error
        translation = _translation_for(label, po)
        target_language = translation.target_locale.language_code
        declared = po.metadata.get("Language")
        if (declared and language_code(declared) != target_language) or (
            locale is not None and locale.pk != translation.target_locale_id
        ):
            raise POError(
                _("%(file)s is in the wrong language for its translation (%(language)s).")
                % {"file": label, "language": target_language}
            )
        if name is not None:
            try:
                expected = po_filename(translation.source.get_source_instance())
            except Exception:
                expected = None
            if name != expected:
                raise POError(
                    _("%(file)s does not match the page it translates (expected %(expected)s).")
                    % {"file": name, "expected": expected}
                )
        if not as_platform and not user_can_translate(user, translation):
            raise POError(_("You may not translate %(file)s into this language.") % {"file": label})
        segments = {
            (path, data): (string_id, context_id)
            for path, data, string_id, context_id in StringSegment.objects.filter(
                source_id=translation.source_id
            ).values_list("context__path", "string__data", "string_id", "context_id")
        }
        existing = {
            (string_id, context_id): data
            for string_id, context_id, data in StringTranslation.objects.filter(
                context__object_id=translation.source.object_id,
                locale_id=translation.target_locale_id,
                has_error=False,
            ).values_list("translation_of_id", "context_id", "data")
        }
        report.files += 1
        report.translations[translation.pk] = translation
        model = translation.source.specific_content_type.model_class()
        for entry in po:
            if entry.obsolete or not entry.msgstr:
                continue
            key = segments.get((entry.msgctxt, entry.msgid))
            if key is None:
                report.unknown += 1
                continue
            if existing.get(key) == entry.msgstr:
                report.unchanged += 1
                continue
            reason = string_error(entry.msgid, entry.msgstr) or field_error(
                model, entry.msgctxt, entry.msgstr
            )
            if reason:
                report.refused.append(Refusal(label, entry.msgctxt, reason))
            else:
                report.applied += 1
                report.changes.append(Change(translation, key, entry.msgstr, label, entry.msgctxt))
    return report


def string_error(source, text):
    """Why wagtail-localize would not use `text` as a translation of `source`, or None.

    These are the checks it runs when a translation is saved (it then keeps the string
    but marks it as an error and leaves it out of the page).
    """
    try:
        StringValue.from_translated_html(text)
        validate_translation_links(source, text)
    except ValueError as error:
        return str(error.args[0]) if error.args else _("The text is not valid.")
    return None


def field_error(model, path, text):
    """Why `model` would refuse `text` for the plain field at `path` (e.g. too long), or None.

    Checked before saving because wagtail-localize cannot report such an error itself
    (it expects errors by field and fails on a single field's error).
    """
    if model is None or not path or "." in path:
        return None
    try:
        model_field = model._meta.get_field(path)
    except FieldDoesNotExist:
        return None
    try:
        model_field.clean(text, None)
    except ValidationError as error:
        return " ".join(error.messages)
    return None


def _validation_reasons(error):
    """{field name or None: reason} from a ValidationError raised while saving."""
    if hasattr(error, "error_dict"):
        return {
            name: " ".join(str(message) for item in errors for message in item.messages)
            for name, errors in error.error_dict.items()
        }
    return {None: " ".join(str(message) for message in error.messages)}


@transaction.atomic
def apply_import(report, user=None):
    """Save the planned strings and refresh a draft of each translated page.

    Each translation is saved in a savepoint: when the translated page refuses some
    values (a title too long, for example), those strings are reported as refused
    with the page's reason and the rest is saved again without them.
    """
    by_translation = {}
    for change in report.changes:
        by_translation.setdefault(change.translation.pk, []).append(change)
    for changes in by_translation.values():
        while changes:
            try:
                with transaction.atomic():
                    _save_strings(changes, user)
                break
            except ValidationError as error:
                reasons = _validation_reasons(error)
                named = [change for change in changes if _field_reason(change, reasons)]
                refused = named if 0 < len(named) < len(changes) else changes
                for change in refused:
                    reason = _field_reason(change, reasons) or " ".join(reasons.values())
                    report.refused.append(Refusal(change.file, change.segment, reason))
                    report.applied -= 1
                changes = [change for change in changes if change not in refused]
    return report


def _field_reason(change, reasons):
    return reasons.get(change.segment) or reasons.get(change.segment.split(".")[0])


def _save_strings(changes, user):
    now = timezone.now()
    translation = changes[0].translation
    for change in changes:
        string_id, context_id = change.key
        StringTranslation.objects.update_or_create(
            translation_of_id=string_id,
            locale_id=translation.target_locale_id,
            context_id=context_id,
            defaults={
                "data": change.text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "tool_name": "",
                "last_translated_by": user,
                "updated_at": now,
                "has_error": False,
                "field_error": "",
            },
        )
    # Translators cannot publish: pages and draftable snippets get a draft for
    # review; snippets without drafts are saved as they are.
    save_draft(translation, user)


def import_files(files, user=None, locale=None, *, as_platform=False):
    """Check, then apply: a translator's upload (`user`) or the platform's own import."""
    report = plan_import(files, user=user, locale=locale, as_platform=as_platform)
    return apply_import(report, user=user)
