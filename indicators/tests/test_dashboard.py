import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.users.models import UserProfile

from cms.csv_export import BYTE_ORDER_MARK
from indicators.models import Indicator, IndicatorCell, LearnerGroup, Period
from indicators.tests.summary_rows import JANUARY, add_cell

pytestmark = pytest.mark.django_db


def get(client, user, name="indicators:dashboard", **params):
    if user is not None:
        client.force_login(user)
    return client.get(reverse(name), params)


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("admin", {"FR", "DE"}),
        ("itu", {"FR", "DE"}),
        ("focal_FR", {"FR"}),
        ("focal_DE", {"DE"}),
        ("editor", None),
        ("child", None),
        ("anonymous", None),
    ],
)
@pytest.mark.parametrize("name", ["indicators:dashboard", "indicators:export_csv"])
def test_role_by_country_matrix(client, figures, users, role, sees, name):
    response = get(client, users.get(role), name, month="2026-01")
    if sees is None:
        assert response.status_code == 302
        return
    assert response.status_code == 200
    text = response.content.decode()
    for code, country in (("FR", "France"), ("DE", "Germany")):
        shown = (country in text) if name == "indicators:dashboard" else (f",{code}," in text)
        assert shown == (code in sees), (role, code)


def test_a_unique_child_is_suppressed_with_a_partner_for_everyone(client, figures, users):
    rows = get(client, users["focal_FR"], "indicators:export_json", month="2026-01").json()
    reached = {
        (item["country"], item["category"]): item
        for item in rows["figures"]
        if item["indicator"] == "learners_reached"
    }
    assert reached["FR", LearnerGroup.CHILD_13]["suppressed"] is True
    assert reached["FR", LearnerGroup.CHILD_13]["value"] is None
    hidden = [key for key, item in reached.items() if item["suppressed"]]
    assert len(hidden) >= 2
    assert rows["schema"] == "cop-indicators" and rows["month"] == "2026-01"


def test_the_csv_marks_suppression_and_opens_safely(client, figures, users):
    response = get(client, users["itu"], "indicators:export_csv", month="2026-01")
    text = response.content.decode()
    assert text.startswith(BYTE_ORDER_MARK)
    assert "2026-01,learners_reached,count,FR,group,child_13,,suppressed" in text
    assert "2026-01,learners_reached,count,DE,group,child_14,27,published" in text


def test_rates_are_shown_only_with_both_parts_published(client, figures, users):
    response = get(client, users["itu"], "indicators:export_json", month="2026-01")
    rates = {
        (item["country"], item["category"]): item["value"]
        for item in response.json()["figures"]
        if item["indicator"] == "completion_rate"
    }
    assert rates["FR", LearnerGroup.CHILD_14] == 50.0


def test_only_whole_months_are_offered(client, figures, users):
    IndicatorCell.objects.create(
        period=Period.DAY,
        period_start=datetime.date(2026, 1, 5),
        indicator=Indicator.LEARNERS_REACHED,
        country="FR",
        group=LearnerGroup.CHILD_13,
        value=99,
        learners=99,
    )
    for month in ("2026-01-05", "2026-01", "garbage"):
        response = get(client, users["itu"], "indicators:export_json", month=month)
        assert response.json()["month"] == "2026-01"
        assert 99 not in [item["value"] for item in response.json()["figures"]]


def test_the_dashboard_is_in_the_users_language_and_mirrored_in_arabic(client, figures, users):
    client.force_login(users["itu"])
    profile = UserProfile.get_for_user(users["itu"])
    profile.preferred_language = "ar"
    profile.save()
    response = client.get(reverse("indicators:dashboard"))
    text = response.content.decode()
    assert 'dir="rtl"' in text
    assert "مؤشرات" in text
    svg = text[text.index("<svg") : text.index("</svg>")]
    assert not re.search(r'(x|width)="[^"]*,', svg)  # no decimal commas in coordinates
    first_label = text.index('text-anchor="end"')
    assert 'x="516"' in text[first_label - 40 : first_label]  # labels on the right


def test_the_dashboard_query_count_does_not_grow_with_countries(client, users):
    last = []

    def queries():
        client.force_login(users["focal_FR"])
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse("indicators:dashboard")).status_code == 200
        last[:] = context.captured_queries
        return len(context)

    add_cell("FR", LearnerGroup.CHILD_14, 40)
    few = queries()
    for index in range(40):
        country = ["DE", "ES", "IT", "PT", "NL", "BE", "PL", "SE"][index % 8]
        add_cell(country, list(LearnerGroup)[index % 11], 20 + index, Indicator.HELP_CONTACTS)
    assert queries() == few
    ours = [query["sql"] for query in last if "indicators_" in query["sql"]]
    # The focal point's country, the months, the cells of the month and its trend.
    assert len(ours) == 3, ours
    assert few <= 13, "\n".join(query["sql"][:150] for query in last)


def test_the_menu_item_is_shown_only_to_those_who_see_figures(client, users):
    for role, shown in (("focal_FR", True), ("itu", True), ("editor", False)):
        client.force_login(users[role])
        text = client.get(reverse("wagtailadmin_home")).content.decode()
        assert (reverse("indicators:dashboard") in text) == shown, role


def test_administrators_name_focal_points_in_the_settings(client, users):
    client.force_login(users["admin"])
    response = client.get(reverse("focal_points:index"))
    assert response.status_code == 200
    assert "focal-FR" in response.content.decode()
    client.force_login(users["focal_FR"])
    assert client.get(reverse("focal_points:index")).status_code == 302


def add_month(month, country, learners, indicator=Indicator.LEARNERS_REACHED):
    IndicatorCell.objects.create(
        period=Period.MONTH,
        period_start=month,
        indicator=indicator,
        country=country,
        group=LearnerGroup.PARENTS_CARERS,
        value=learners,
        learners=learners,
    )


def trend_rows(text):
    """(month label, figure) rows of the trend's data table."""
    table = text[text.index("trend-caption") :]
    table = table[table.index("<tbody>") : table.index("</tbody>")]
    return re.findall(r'<th scope="row">([^<]+)</th><td[^>]*>([^<]+)</td>', table)


def test_the_trend_shows_each_month_as_its_headline_does(client, users):
    for month, learners in ((1, 40), (2, 3), (3, 55)):
        add_month(datetime.date(2026, month, 1), "DE", learners)
        add_month(datetime.date(2026, month, 1), "FR", 12)
    response = get(client, users["itu"], month="2026-03")
    rows = trend_rows(response.content.decode())
    assert [label for label, _value in rows] == ["Jan 2026", "Feb 2026", "Mar 2026"]
    assert [value for _label, value in rows] == ["52", "15", "67"]
    # A focal point sees their own country's row, with its own suppression.
    rows = trend_rows(get(client, users["focal_DE"], month="2026-03").content.decode())
    assert [value for _label, value in rows] == ["40", "suppressed", "55"]
    # Months after the chosen one are not in its trend.
    rows = trend_rows(get(client, users["itu"], month="2026-02").content.decode())
    assert [label for label, _value in rows] == ["Jan 2026", "Feb 2026"]


def test_the_trend_reads_all_its_months_in_one_query(client, users):
    def queries():
        client.force_login(users["itu"])
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse("indicators:dashboard")).status_code == 200
        return len(context)

    add_month(datetime.date(2025, 12, 1), "DE", 40)
    few = queries()
    for month in range(1, 13):
        add_month(datetime.date(2026, month, 1), "DE", 40)
    assert queries() == few


def comparison_countries(text):
    table = text[text.index('id="comparison-caption"') :]
    table = table[table.index("<tbody>") : table.index("</tbody>")]
    return re.findall(r'<th scope="row">([^<]+)</th>', table)


def test_countries_are_compared_side_by_side_and_sorted_by_any_figure(client, users):
    january = JANUARY
    for country, learners in (("DE", 40), ("FR", 900), ("ES", 3), ("IT", 12), ("PT", 25)):
        add_month(january, country, learners)
    text = get(client, users["itu"], month="2026-01").content.decode()
    assert comparison_countries(text) == ["France", "Germany", "Italy", "Portugal", "Spain"]
    assert 'aria-sort="ascending"' in text
    text = get(
        client, users["itu"], month="2026-01", sort="learners_reached", order="desc"
    ).content.decode()
    # Spain's 3 learners are suppressed (and a partner with it): hidden values come last.
    countries = comparison_countries(text)
    assert countries[0] == "France"
    assert countries[-1] == "Spain"
    assert 'aria-sort="descending"' in text
    assert "sort=learners_reached&amp;order=asc#comparison" in text
    text = get(
        client, users["itu"], month="2026-01", sort="learners_reached", order="asc"
    ).content.decode()
    assert comparison_countries(text)[-1] == "Spain"
    # Anything else in the address sorts by country, and a focal point gets no comparison.
    text = get(client, users["itu"], month="2026-01", sort="value); drop").content.decode()
    assert comparison_countries(text)[0] == "France"
    assert 'id="comparison"' not in get(client, users["focal_FR"], month="2026-01").content.decode()
