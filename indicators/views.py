"""The indicators dashboard and its exports, in the Wagtail admin.

Each view asks `roles.visible_countries` first: no role, no figures (PermissionDenied,
which the admin turns into a redirect to its home page). Figures come from
`dashboard.MonthFigures`, which reads the summary table only.
"""

import json

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.dateformat import format as format_date
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from cms.csv_export import csv_response

from . import api_tokens
from .chart import bar_chart
from .dashboard import (
    HEADLINES,
    MEASURES,
    MEASURES_BY_KEY,
    MonthFigures,
    available_months,
    parse_month,
    trend,
    trend_months,
)
from .disclosure import SUPPRESSED
from .models import ApiToken
from .roles import ALL_COUNTRIES, visible_countries
from .templatetags.indicator_figures import figure_text

SCHEMA_VERSION = 1


def scope_or_refuse(user):
    scope = visible_countries(user)
    if scope is None:
        raise PermissionDenied
    return scope


def chosen_month(request, months):
    month = parse_month(request.GET.get("month", ""))
    if month is None or month not in months:
        return months[0] if months else None
    return month


@require_GET
def dashboard(request):
    scope = scope_or_refuse(request.user)
    months = available_months()
    month = chosen_month(request, months)
    measure = MEASURES_BY_KEY.get(request.GET.get("measure", ""), MEASURES[0])
    context = {
        "months": months,
        "month": month,
        "measures": MEASURES,
        "measure": measure,
        "every_country": scope == ALL_COUNTRIES,
        "min_cell": settings.INDICATORS_MIN_CELL,
    }
    if month is not None:
        # The chosen month is the trend's last: all of them come from one query.
        trend_figures = MonthFigures.for_months(trend_months(month, months), scope)
        figures = trend_figures[-1]
        breakdown = figures.breakdown(measure)
        context.update(
            headlines=figures.headlines(),
            breakdown=breakdown,
            chart=bar_chart(
                figures.chart_bars(breakdown),
                rtl=get_language_bidi(),
                suppressed_text=_("suppressed"),
                format_value=lambda value: figure_text(value, measure.unit),
            ),
            coverage=figures.content_coverage(),
            trend=trend_chart(measure, trend_figures),
        )
        sort, descending = chosen_sort(request)
        context.update(comparison=figures.comparison(sort, descending))
    return render(request, "indicators/dashboard.html", context)


def chosen_sort(request):
    """The comparison table's order from ?sort=&order=; anything else means by country."""
    sort = request.GET.get("sort", "country")
    if sort not in HEADLINES:
        sort = "country"
    return sort, request.GET.get("order") == "desc"


def trend_chart(measure, month_figures):
    """The measure's headline month by month, as chart geometry."""
    return bar_chart(
        [(format_date(day, "M Y"), value) for day, value in trend(measure, month_figures)],
        rtl=get_language_bidi(),
        suppressed_text=_("suppressed"),
        format_value=lambda value: figure_text(value, measure.unit),
    )


def export_rows(month, scope):
    """Every published figure of the month the user may see, one dict per cell."""
    figures = MonthFigures(month, scope)
    for measure in MEASURES:
        breakdown = figures.breakdown(measure)
        for country, _label, cells, total in breakdown.rows:
            for (column, _name), value in zip(breakdown.columns, [*cells], strict=True):
                yield record(month, measure, country, column, value)
            yield record(month, measure, country, "total", total)
        if breakdown.column_totals is not None:
            for (column, _name), value in zip(
                breakdown.columns, breakdown.column_totals, strict=True
            ):
                yield record(month, measure, "all", column, value)
            yield record(month, measure, "all", "total", breakdown.grand_total)


def record(month, measure, country, column, value):
    suppressed = value is SUPPRESSED
    return {
        "month": month.strftime("%Y-%m"),
        "indicator": measure.key,
        "unit": measure.kind,
        "country": country or "not_given",
        "breakdown": measure.breakdown,
        "category": column,
        "value": None if suppressed else value,
        "suppressed": suppressed,
    }


CSV_COLUMNS = ["month", "indicator", "unit", "country", "breakdown", "category", "value"]


@require_GET
def export_csv(request):
    scope = scope_or_refuse(request.user)
    month = chosen_month(request, available_months())
    rows = [[*CSV_COLUMNS, "status"]]
    if month is not None:
        for item in export_rows(month, scope):
            value = "" if item["value"] is None else item["value"]
            status = "suppressed" if item["suppressed"] else "published"
            rows.append([*(item[column] for column in CSV_COLUMNS[:-1]), value, status])
    name = f"cop-indicators-{month:%Y-%m}.csv" if month else "cop-indicators.csv"
    return csv_response(name, rows)


def figures_document(month, scope):
    """The JSON export and the API's figures: the schema is in docs/indicators.md."""
    return {
        "schema": "cop-indicators",
        "schema_version": SCHEMA_VERSION,
        "month": month.strftime("%Y-%m") if month else None,
        "figures": list(export_rows(month, scope)) if month else [],
    }


def json_response(document, **kwargs):
    return HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=1),
        content_type="application/json",
        **kwargs,
    )


@require_GET
def export_json(request):
    scope = scope_or_refuse(request.user)
    month = chosen_month(request, available_months())
    response = json_response(figures_document(month, scope))
    response["Content-Disposition"] = 'attachment; filename="cop-indicators.json"'
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def api_token(request):
    """The signed-in user's own API token: make one (shown once), replace or revoke it."""
    scope_or_refuse(request.user)
    new_token = None
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            api_tokens.revoke(request.user)
        else:
            new_token = api_tokens.issue(request.user)
    months_url = request.build_absolute_uri(reverse("indicators_api:months"))
    figures_url = request.build_absolute_uri(reverse("indicators_api:figures"))
    context = {
        "token": ApiToken.objects.filter(user=request.user).first(),
        "new_token": new_token,
        "examples": (
            f'curl -H "Authorization: Bearer <token>" {months_url}\n'
            f'curl -H "Authorization: Bearer <token>" "{figures_url}?month=YYYY-MM"'
        ),
    }
    return render(request, "indicators/api_token.html", context)
