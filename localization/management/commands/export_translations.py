from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from localization.po import export_po, po_filename, subtree_translations


class Command(BaseCommand):
    help = (
        "Write one PO file per translated page (and translatable snippet) into a "
        "directory, named by the page's path, e.g. for a translation agency."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument("--language", required=True, help="Target language, e.g. fr")
        parser.add_argument(
            "--page", type=int, help="Only this English page and the pages below it (page id)"
        )

    def handle(self, directory, language, page=None, **options):
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            raise CommandError(f"No such language: {language}")
        if page is not None:
            root = Page.objects.filter(pk=page).first()
            if root is None:
                raise CommandError(f"No such page: {page}")
            translations = subtree_translations(root, locale)
        else:
            translations = Translation.objects.filter(
                target_locale=locale, enabled=True
            ).select_related("source", "target_locale")
        count = 0
        for translation in translations:
            path = directory / po_filename(translation.source.get_source_instance())
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(str(export_po(translation)), encoding="utf-8")
            count += 1
        self.stdout.write(f"Wrote {count} PO files to {directory}")
