from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from helplines.csvio import CsvImportError, import_csv

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample_helplines.csv"


class Command(BaseCommand):
    help = (
        "Add the sample child helplines (all flagged as needing verification). "
        "Safe to run again: helplines that already exist are left as they are."
    )

    def handle(self, *args, **options):
        try:
            report = import_csv(SAMPLE.read_bytes(), create_only=True)
        except CsvImportError as error:
            raise CommandError("\n".join(error.errors)) from error
        self.stdout.write(self.style.SUCCESS(f"Sample helplines: {report.created} added."))
