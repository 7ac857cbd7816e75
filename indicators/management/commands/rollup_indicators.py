"""Rebuild the COP indicators for a date range (default: yesterday)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from indicators.rollup import rebuild


def iso_date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value}") from error


class Command(BaseCommand):
    help = (
        "Recompute the indicator summary rows of every day in the range and of every month "
        "it touches. Safe to run again: it replaces those periods' rows."
    )

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="first", type=iso_date, help="First day, YYYY-MM-DD.")
        parser.add_argument("--to", dest="last", type=iso_date, help="Last day, YYYY-MM-DD.")

    def handle(self, *args, first=None, last=None, **options):
        yesterday = timezone.localdate() - datetime.timedelta(days=1)
        first = first or last or yesterday
        last = last or first
        if last < first:
            raise CommandError("--to is before --from.")
        written = rebuild(first, last)
        self.stdout.write(f"Indicators rebuilt from {first} to {last}: {written} rows.")
