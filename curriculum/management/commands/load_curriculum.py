from django.core.management.base import BaseCommand, CommandError

from curriculum.loader import CatalogueError, load
from curriculum.source import load_site


class Command(BaseCommand):
    help = (
        "Create the starter curriculum's pages in English and their translations in every "
        "site language. Safe to run again: existing pages are left as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Also bring existing pages and translations back in line with the files.",
        )

    def handle(self, *args, update=False, **options):
        try:
            report = load(load_site(), update=update)
        except CatalogueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Curriculum loaded: {report.pages_created} page(s) created, "
                f"{report.pages_updated} updated, {report.translations_saved} translation(s) saved."
            )
        )
