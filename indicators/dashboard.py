"""The published figures of one month, built from the summary table only.

`MonthFigures` reads every monthly row of the month in one query, protects each
indicator's table over all countries (so a focal point's row is suppressed exactly as
it is in the all-country view, and the two views cannot be played against each other),
and then keeps the rows the user may see. Derived figures (rates, mean gain) are
computed from protected cells only.

Trends put several months side by side. Each month is protected on its own, exactly
as when it is shown alone: months do not overlap, so no figure of one month can be
worked out from another's, and a trend shows nothing the month views do not.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from helplines.models import Channel

from .disclosure import SUPPRESSED, TOTAL, Count, protect, rate
from .models import Indicator, IndicatorCell, LearnerGroup, Period
from .roles import ALL_COUNTRIES

CHANNELS = ["phone", "sms", "whatsapp", "chat", "email", "web"]


@dataclass(frozen=True)
class Measure:
    """One figure the dashboard offers: a count, a rate or a mean, and its breakdown."""

    key: str
    label: str
    numerator: str
    denominator: str = ""
    kind: str = "count"  # count, rate (%), mean (points)
    breakdown: str = "group"  # the column dimension: group, channel or language

    @property
    def unit(self):
        return {"rate": "%", "mean": _("points")}.get(self.kind, "")


MEASURES = [
    Measure("learners_reached", _("Learners reached"), Indicator.LEARNERS_REACHED),
    Measure("module_starts", _("Module starts"), Indicator.MODULE_STARTS),
    Measure("module_completions", _("Module completions"), Indicator.MODULE_COMPLETIONS),
    Measure(
        "completion_rate",
        _("Completion rate"),
        Indicator.MODULE_COMPLETIONS,
        Indicator.MODULE_STARTS,
        "rate",
    ),
    Measure(
        "pass_rate",
        _("Final-quiz pass rate"),
        Indicator.FINAL_QUIZ_PASSERS,
        Indicator.FINAL_QUIZ_TAKERS,
        "rate",
    ),
    Measure(
        "knowledge_gain",
        _("Knowledge gain"),
        Indicator.KNOWLEDGE_GAIN_SUM,
        Indicator.KNOWLEDGE_GAIN_PAIRS,
        "mean",
    ),
    Measure(
        "help_contacts",
        _("Help-seeking contacts"),
        Indicator.HELP_CONTACTS,
        breakdown="channel",
    ),
    Measure("active_classes", _("Active classes"), Indicator.ACTIVE_CLASSES, breakdown="language"),
    Measure(
        "active_educators",
        _("Active educators"),
        Indicator.ACTIVE_EDUCATORS,
        breakdown="language",
    ),
]
MEASURES_BY_KEY = {measure.key: measure for measure in MEASURES}
HEADLINES = ["learners_reached", "module_completions", "completion_rate", "pass_rate"]
HEADLINES += ["knowledge_gain", "help_contacts"]


def min_cell():
    return settings.INDICATORS_MIN_CELL


def columns_of(breakdown):
    """(key, label) of a breakdown's columns, in a fixed order."""
    if breakdown == "group":
        return list(LearnerGroup.choices)
    if breakdown == "channel":
        return list(Channel.choices)
    return [(code, name) for code, name in settings.LANGUAGES]


def country_label(code):
    return countries.name(code) if code else _("Country not given")


def parse_month(value):
    """The first day of a YYYY-MM month, or None. Only whole months are published."""
    try:
        day = datetime.date.fromisoformat(f"{value}-01")
    except (TypeError, ValueError):
        return None
    return day if len(value) == 7 else None


def available_months():
    return list(
        IndicatorCell.objects.filter(period=Period.MONTH)
        .order_by("-period_start")
        .values_list("period_start", flat=True)
        .distinct()
    )


@dataclass
class Comparison:
    """Every country's headline figures, sorted as asked."""

    measures: list
    rows: list  # (country code, label, [(figure, unit) per measure])
    sort: str
    descending: bool

    def headers(self):
        """Per column: key, label, unit, the order its link asks for and its aria-sort.

        A click on the sorted column reverses it; a click on another figure sorts
        largest first, on the country column A to Z.
        """
        columns = [("country", _("Country"), "")]
        columns += [(m.key, m.label, m.unit) for m in self.measures]
        headers = []
        for key, label, unit in columns:
            current = key == self.sort
            if current:
                order = "asc" if self.descending else "desc"
                aria_sort = "descending" if self.descending else "ascending"
            else:
                order, aria_sort = ("asc" if key == "country" else "desc"), None
            headers.append(
                {"key": key, "label": label, "unit": unit, "order": order, "aria_sort": aria_sort}
            )
        return headers


TREND_MONTHS = 12


def trend_months(month, months):
    """The last TREND_MONTHS of `months` (those with figures) up to `month`, oldest first."""
    return sorted(m for m in months if m <= month)[-TREND_MONTHS:]


def trend(measure, month_figures):
    """(month, figure) per MonthFigures: each month's headline, as that month shows it."""
    return [(figures.month, figures.headline(measure)) for figures in month_figures]


@dataclass
class Breakdown:
    """A measure's table as one user may see it: rows, cells, totals and chart bars."""

    measure: Measure
    columns: list
    rows: list  # (country code, label, [cell per column], row total)
    column_totals: list | None  # only for those who see every country
    grand_total: object


CELL_FIELDS = ("indicator", "country", "group", "language", "channel", "value", "learners")


class MonthFigures:
    def __init__(self, month, scope, rows=None):
        """`rows`: the month's CELL_FIELDS tuples when already read (see `for_months`)."""
        self.month, self.scope = month, scope
        self.cells, self.coverage = {}, {}
        if rows is None:
            rows = IndicatorCell.objects.filter(
                period=Period.MONTH, period_start=month
            ).values_list(*CELL_FIELDS)
        for indicator, country, group, language, channel, value, learners in rows:
            if indicator == Indicator.MODULES_LIVE:
                self.coverage[language] = value
                continue
            column = group or channel or language
            self.cells.setdefault(indicator, {})[country, column] = Count(value, learners)
        self.countries = sorted(
            {country for table in self.cells.values() for country, _column in table},
            key=lambda code: (code == "", str(country_label(code))),
        )
        self.tables = {}

    @classmethod
    def for_months(cls, months, scope):
        """One MonthFigures per month, from a single query."""
        rows = defaultdict(list)
        query = IndicatorCell.objects.filter(period=Period.MONTH, period_start__in=months)
        for month, *cell in query.values_list("period_start", *CELL_FIELDS):
            rows[month].append(cell)
        return [cls(month, scope, rows[month]) for month in months]

    def table(self, indicator, breakdown):
        if indicator not in self.tables:
            columns = [key for key, _label in columns_of(breakdown)]
            self.tables[indicator] = protect(
                self.cells.get(indicator, {}), self.countries, columns, min_cell()
            )
        return self.tables[indicator]

    def visible_rows(self):
        if self.scope == ALL_COUNTRIES:
            return self.countries
        return [country for country in self.countries if country in self.scope]

    def figure(self, measure, row, column):
        """A published value, SUPPRESSED, or None (no data to rate)."""
        numerator = self.table(measure.numerator, measure.breakdown).cell(row, column)
        if measure.kind == "count":
            return numerator
        denominator = self.table(measure.denominator, measure.breakdown).cell(row, column)
        if measure.kind == "rate":
            return rate(numerator, denominator)
        share = rate(numerator, denominator)
        return share if share in (None, SUPPRESSED) else round(share / 100, 1)

    def headline(self, measure):
        if self.scope == ALL_COUNTRIES:
            return self.figure(measure, TOTAL, TOTAL)
        rows = self.visible_rows()
        return self.figure(measure, rows[0], TOTAL) if rows else None

    def comparison(self, sort="country", descending=False):
        """Countries side by side on the headline figures, for those who see them all.

        Sorted by country name or by one headline figure; countries whose figure is
        suppressed or missing come last whichever the direction, so sorting never
        ranks a hidden value.
        """
        if self.scope != ALL_COUNTRIES:
            return None
        measures = [MEASURES_BY_KEY[key] for key in HEADLINES]
        rows = [
            (
                country,
                str(country_label(country)),
                [(self.figure(measure, country, TOTAL), measure.unit) for measure in measures],
            )
            for country in self.countries
        ]
        if sort in HEADLINES:
            index = HEADLINES.index(sort)

            def value(row):
                return row[2][index][0]

            shown = [row for row in rows if isinstance(value(row), int | float)]
            hidden = [row for row in rows if not isinstance(value(row), int | float)]
            shown.sort(key=value, reverse=descending)
            rows = shown + hidden
        elif descending:
            rows.reverse()
        return Comparison(measures, rows, sort, descending)

    def headlines(self):
        return [(MEASURES_BY_KEY[key], self.headline(MEASURES_BY_KEY[key])) for key in HEADLINES]

    def breakdown(self, measure):
        columns = columns_of(measure.breakdown)
        rows = [
            (
                country,
                country_label(country),
                [self.figure(measure, country, column) for column, _label in columns],
                self.figure(measure, country, TOTAL),
            )
            for country in self.visible_rows()
        ]
        every_country = self.scope == ALL_COUNTRIES
        return Breakdown(
            measure,
            columns,
            rows,
            [self.figure(measure, TOTAL, column) for column, _l in columns]
            if every_country
            else None,
            self.figure(measure, TOTAL, TOTAL) if every_country else None,
        )

    def content_coverage(self):
        """(language name, modules live, % of the English modules): pages, not people."""
        source = self.coverage.get(settings.LANGUAGE_CODE, 0)
        return [
            (name, self.coverage.get(code, 0), rate(self.coverage.get(code, 0), source))
            for code, name in settings.LANGUAGES
        ]

    def chart_bars(self, breakdown):
        """(label, value) per column: all countries' totals, or the focal point's row."""
        if breakdown.column_totals is not None:
            values = breakdown.column_totals
        elif breakdown.rows:
            values = breakdown.rows[0][2]
        else:
            values = []
        return [
            (label, value) for (_key, label), value in zip(breakdown.columns, values, strict=False)
        ]
