"""Rows of the summary table, written directly: the dashboard tests need no rollup."""

import datetime

from indicators.models import Indicator, IndicatorCell, Period

JANUARY = datetime.date(2026, 1, 1)


def add_cell(country, group, learners, indicator=Indicator.LEARNERS_REACHED, value=None):
    IndicatorCell.objects.create(
        period=Period.MONTH,
        period_start=JANUARY,
        indicator=indicator,
        country=country,
        group=group,
        value=learners if value is None else value,
        learners=learners,
    )
