from pathlib import Path

from django.core.management.base import BaseCommand

from helplines.csvio import export_csv


class Command(BaseCommand):
    help = "Export the helpline directory to a UTF-8 CSV file, one column per language."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="CSV file to write ('-' for stdout).")

    def handle(self, *args, path, **options):
        if str(path) == "-":
            export_csv(self.stdout)
            return
        with path.open("w", encoding="utf-8", newline="") as out:
            export_csv(out)
        self.stdout.write(self.style.SUCCESS(f"Helplines exported to {path}."))
