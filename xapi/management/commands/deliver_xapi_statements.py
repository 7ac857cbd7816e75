"""Send the xAPI statements that are due (for a scheduler, e.g. every few minutes)."""

from django.core.management.base import BaseCommand

from xapi.delivery import deliver_due


class Command(BaseCommand):
    help = "Send due xAPI statements to the Learning Record Store and retry failed ones."

    def handle(self, *args, **options):
        self.stdout.write(f"{deliver_due()} statements delivered")
