from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from localization.po import MAX_FILE_BYTES, MAX_FILES, POError, import_files


class Command(BaseCommand):
    help = (
        "Import a directory of PO files written by export_translations. Every file is "
        "checked first; if any is wrong, nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument("--language", help="Refuse files for any other language, e.g. fr")

    def handle(self, directory, language=None, **options):
        locale = None
        if language:
            locale = Locale.objects.filter(language_code=language).first()
            if locale is None:
                raise CommandError(f"No such language: {language}")
        paths = sorted(directory.rglob("*.po"))
        if not paths:
            raise CommandError(f"No PO files in {directory}")
        if len(paths) > MAX_FILES:
            raise CommandError(f"Too many files (at most {MAX_FILES})")
        files = []
        for path in paths:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise CommandError(f"{path} is too large")
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError as error:
                raise CommandError(f"{path} is not UTF-8") from error
            files.append((path.relative_to(directory).as_posix(), text))
        try:
            report = import_files(files, locale=locale, as_platform=True)
        except POError as error:
            raise CommandError(f"Nothing was imported: {error}") from error
        self.stdout.write(
            f"Imported {report.files} files: {report.applied} segments applied, "
            f"{report.unchanged} unchanged, {report.unknown} unknown, "
            f"{len(report.refused)} refused."
        )
        for refusal in report.refused:
            self.stdout.write(f"  refused: {refusal.file}, {refusal.segment}: {refusal.reason}")
