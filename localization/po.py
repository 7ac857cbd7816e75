"""PO file round trip: export a page (or a whole subtree) and import translated files.

An upload is checked completely before anything is written: archive limits and paths,
PO syntax, the translation each file names, its language, and the uploader's right to
translate into that language. Only then are the strings saved, in one transaction, and
a draft of each translated page is refreshed with them.
"""

import io
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import polib
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from .roles import user_can_edit_snippet_in_locale
from .workflow import save_draft

MAX_FILES = 500
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_TOTAL_BYTES = 20 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
TRANSLATION_ID = "X-WagtailLocalize-TranslationID"


class POError(Exception):
    """A file that cannot be imported; the message is shown to the uploader."""


@dataclass
class ImportReport:
    applied: int = 0
    unchanged: int = 0
    unknown: int = 0
    files: int = 0
    changes: list = field(default_factory=list)
    translations: dict = field(default_factory=dict)


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


def read_upload(name, data):
    """[(file name or None, text)] from one uploaded PO file or zip archive."""
    if zipfile.is_zipfile(io.BytesIO(data)):
        return _read_archive(data)
    if not name.lower().endswith(".po"):
        raise POError(_("Upload a .po file or a .zip archive of .po files."))
    if len(data) > MAX_FILE_BYTES:
        raise POError(_("The file is too large."))
    return [(None, _decode(name, data))]


def _decode(name, data):
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise POError(_("%(file)s is not encoded in UTF-8.") % {"file": name}) from error


def _read_archive(data):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [info for info in archive.infolist() if not info.is_dir()]
    except zipfile.BadZipFile as error:
        raise POError(_("The archive is damaged.")) from error
    if not members:
        raise POError(_("The archive holds no PO files."))
    if len(members) > MAX_FILES:
        raise POError(
            _("The archive holds too many files (at most %(count)d).") % {"count": MAX_FILES}
        )
    if sum(info.file_size for info in members) > MAX_TOTAL_BYTES:
        raise POError(_("The archive is too large once unpacked."))
    for info in members:
        if not _safe_member(info.filename):
            raise POError(
                _("The archive holds an unexpected file: %(file)s") % {"file": info.filename}
            )
        if info.file_size > MAX_FILE_BYTES:
            raise POError(_("%(file)s is too large.") % {"file": info.filename})
        if info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
            raise POError(
                _("%(file)s is compressed suspiciously well; it was refused.")
                % {"file": info.filename}
            )
    files = []
    for info in members:
        with archive.open(info) as member:
            content = member.read(MAX_FILE_BYTES + 1)
        if len(content) > MAX_FILE_BYTES:
            raise POError(_("%(file)s is too large.") % {"file": info.filename})
        files.append((info.filename, _decode(info.filename, content)))
    return files


def user_can_translate(user, translation):
    """Whether `user` may change the translated page or snippet of `translation`."""
    if user is None:  # management commands act for the platform
        return True
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


def plan_import(files, user=None, locale=None):
    """Check every file and work out what would change; write nothing.

    Raises POError on the first problem, naming the file.
    """
    report = ImportReport()
    for name, text in files:
        label = name or _("The file")
        try:
            po = polib.pofile(text)
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
        if not user_can_translate(user, translation):
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
        for entry in po:
            if entry.obsolete or not entry.msgstr:
                continue
            key = segments.get((entry.msgctxt, entry.msgid))
            if key is None:
                report.unknown += 1
            elif existing.get(key) == entry.msgstr:
                report.unchanged += 1
            else:
                report.applied += 1
                report.changes.append((translation, key, entry.msgstr))
    return report


@transaction.atomic
def apply_import(report, user=None):
    """Save the planned strings and refresh a draft of each translated page."""
    now = timezone.now()
    touched = {}
    for translation, (string_id, context_id), text in report.changes:
        StringTranslation.objects.update_or_create(
            translation_of_id=string_id,
            locale_id=translation.target_locale_id,
            context_id=context_id,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "tool_name": "",
                "last_translated_by": user,
                "updated_at": now,
                "has_error": False,
                "field_error": "",
            },
        )
        touched[translation.pk] = translation
    for translation in touched.values():
        # Translators cannot publish: pages and draftable snippets get a draft for
        # review; snippets without drafts are saved as they are.
        save_draft(translation, user)
    return report


def import_files(files, user=None, locale=None):
    return apply_import(plan_import(files, user=user, locale=locale), user=user)
