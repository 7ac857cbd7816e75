"""Make a new badge signing key; the former one stops signing but stays published."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from badges.keys import generate_key


class Command(BaseCommand):
    help = "Generate a new Open Badges signing key in the database and retire the current one."

    def handle(self, *args, **options):
        if settings.BADGES_SIGNING_KEY:
            raise CommandError(
                "BADGES_SIGNING_KEY is set: rotate by changing it (keep the old key published "
                "by storing it as a retired SigningKey), not with this command."
            )
        key = generate_key()
        self.stdout.write(f"New signing key {key.kid}")
