from django.core.management.base import BaseCommand

from localization.glossary import load_glossary


class Command(BaseCommand):
    help = (
        "Load the starter COP glossary in English and its translations. Existing entries "
        "are left as they are, so running it twice changes nothing."
    )

    def handle(self, *args, **options):
        terms, translations = load_glossary()
        self.stdout.write(f"Glossary: {terms} terms and {translations} translations created")
