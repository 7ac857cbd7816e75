from django.core.management.base import BaseCommand

from localization.roles import setup_roles, target_languages


class Command(BaseCommand):
    help = (
        "Give each language's translator and reviewer groups their page and glossary "
        "permissions on that language's tree, and its review workflow. Run after the "
        "content is loaded; running it again changes nothing."
    )

    def handle(self, *args, **options):
        missing = setup_roles()
        for language in target_languages():
            if language in missing:
                self.stdout.write(f"  {language}: no home page yet, only the groups exist")
            else:
                self.stdout.write(f"  {language}: translators, reviewers and review workflow ready")
