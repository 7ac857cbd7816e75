"""Create the "ITU" and "National focal points" groups (safe to run again)."""

from django.core.management.base import BaseCommand

from indicators.roles import ensure_groups


class Command(BaseCommand):
    help = 'Create the "ITU" and "National focal points" groups with access to the admin.'

    def handle(self, *args, **options):
        groups = ensure_groups()
        self.stdout.write("Indicator roles ready: " + ", ".join(sorted(groups)) + ".")
