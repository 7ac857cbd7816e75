from django.core.management.base import BaseCommand, CommandError

from curriculum.loader import CatalogueError, load
from curriculum.source import SourceError, load_site


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
        parser.add_argument(
            "--module",
            action="append",
            dest="modules",
            metavar="SLUG",
            help=(
                "Load only this module (repeat for more) with its audience and path, "
                "the home page and the site's other pages. Default: the whole curriculum."
            ),
        )

    def handle(self, *args, update=False, modules=None, **options):
        try:
            report = load(load_site(modules=modules), update=update)
        except (CatalogueError, SourceError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Curriculum loaded: {report.pages_created} page(s) created, "
                f"{report.pages_updated} updated, {report.translations_saved} translation(s) saved."
            )
        )
