from django.core.management.base import BaseCommand
from django.db import transaction

from curriculum.loader import LoadReport, build_source_pages, write_catalogues
from curriculum.source import load_site


class Command(BaseCommand):
    help = (
        "Write the translation catalogues (PO) of the starter curriculum for every target "
        "language from the English source files, keeping translations already made."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            pages = build_source_pages(load_site(), LoadReport(), update=True)
            written = write_catalogues(pages)
        for path in written:
            self.stdout.write(str(path.relative_to(path.parents[2])))
