from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from helplines.csvio import CsvImportError, import_csv


class Command(BaseCommand):
    help = (
        "Import the helpline directory from a UTF-8 CSV file (the export's format). "
        "Every row is checked first; if any is wrong, nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="CSV file to read.")
        parser.add_argument(
            "--create-only",
            action="store_true",
            help="Only add helplines whose key is new; leave existing ones unchanged.",
        )

    def handle(self, *args, path, create_only=False, **options):
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error
        try:
            report = import_csv(data, create_only=create_only)
        except CsvImportError as error:
            raise CommandError("Nothing was imported.\n" + "\n".join(error.errors)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Helplines imported: {report.created} created, {report.updated} updated."
            )
        )
