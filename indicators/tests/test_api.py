"""The read-only indicators API and the page where users make their token."""

import re

import pytest
from django.urls import reverse

from indicators.models import ApiToken, FocalPoint, LearnerGroup
from indicators.tests.summary_rows import add_cell

pytestmark = pytest.mark.django_db


def make_token(client, user):
    client.force_login(user)
    response = client.post(reverse("indicators:api_token"), {"action": "issue"})
    assert response.status_code == 200
    client.logout()
    return re.search(r'value="(copind_[^"]+)"', response.content.decode()).group(1)


def call(client, token, name="indicators_api:figures", **params):
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    return client.get(reverse(name), params, headers=headers)


def countries(response):
    return {item["country"] for item in response.json()["figures"]}


def test_a_token_sees_what_its_user_sees_on_the_dashboard(client, figures, users):
    focal = make_token(client, users["focal_FR"])
    itu = make_token(client, users["itu"])
    assert countries(call(client, focal, month="2026-01")) == {"FR"}
    assert countries(call(client, itu, month="2026-01")) >= {"FR", "DE", "all"}
    document = call(client, itu).json()
    assert document["schema"] == "cop-indicators" and document["month"] == "2026-01"
    assert call(client, itu, "indicators_api:months").json()["months"] == ["2026-01"]


def test_suppressed_cells_stay_suppressed_through_the_api(client, figures, users):
    token = make_token(client, users["itu"])
    reached = {
        (item["country"], item["category"]): item
        for item in call(client, token, month="2026-01").json()["figures"]
        if item["indicator"] == "learners_reached"
    }
    # The one child alone in France's 13-year-olds: no value, only the mark.
    assert reached["FR", LearnerGroup.CHILD_13]["value"] is None
    assert reached["FR", LearnerGroup.CHILD_13]["suppressed"] is True
    published = reached["DE", LearnerGroup.CHILD_14]
    assert (published["value"], published["suppressed"]) == (27, False)


@pytest.mark.parametrize(
    "header",
    [None, "Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "Bearer copind_made-up", "Token abc"],
)
def test_no_token_or_a_wrong_one_is_refused(client, figures, users, header):
    client.force_login(users["admin"])  # a session is not a token
    headers = {"Authorization": header} if header is not None else {}
    response = client.get(reverse("indicators_api:figures"), headers=headers)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith('Bearer realm="cop-indicators"')
    assert "figures" not in response.json()


def test_a_revoked_or_replaced_token_stops_working(client, figures, users):
    old = make_token(client, users["itu"])
    new = make_token(client, users["itu"])
    assert call(client, old).status_code == 401
    assert call(client, new).status_code == 200
    client.force_login(users["itu"])
    client.post(reverse("indicators:api_token"), {"action": "revoke"})
    assert call(client, new).status_code == 401
    assert not ApiToken.objects.exists()


def test_losing_the_role_or_the_account_closes_the_api(client, figures, users):
    token = make_token(client, users["focal_FR"])
    FocalPoint.objects.filter(user=users["focal_FR"]).delete()
    assert call(client, token).status_code == 403
    other = make_token(client, users["itu"])
    users["itu"].is_active = False
    users["itu"].save()
    assert call(client, other).status_code == 401


def test_the_api_sets_no_cookie_and_is_not_cached(client, figures, users):
    token = make_token(client, users["itu"])
    response = call(client, token)
    assert not response.cookies
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert ApiToken.objects.get().last_used is not None


def test_an_unknown_month_is_an_error_not_another_month(client, figures, users):
    token = make_token(client, users["itu"])
    for month in ("2025-12", "2026-1", "x"):
        response = call(client, token, month=month)
        assert response.status_code == 400
        assert response.json()["error"] == "unknown_month"


def test_the_token_is_shown_once_and_only_its_digest_is_kept(client, users):
    client.force_login(users["focal_DE"])
    page = reverse("indicators:api_token")
    assert "You have no token." in client.get(page).content.decode()
    text = client.post(page, {"action": "issue"}).content.decode()
    token = re.search(r'value="(copind_[^"]+)"', text).group(1)
    stored = ApiToken.objects.get(user=users["focal_DE"])
    assert token not in stored.digest and len(stored.digest) == 64
    again = client.get(page).content.decode()
    assert token not in again and "You have a token" in again


def test_only_users_who_see_figures_may_make_a_token(client, users):
    for role in ("editor", "child"):
        client.force_login(users[role])
        response = client.post(reverse("indicators:api_token"), {"action": "issue"})
        assert response.status_code == 302
    assert not ApiToken.objects.exists()


def test_the_api_query_count_does_not_grow_with_countries(
    client, users, django_assert_max_num_queries
):
    token = make_token(client, users["itu"])
    for index, country in enumerate(["DE", "ES", "IT", "PT", "NL", "BE", "PL", "SE"] * 3):
        add_cell(country, list(LearnerGroup)[index % 11], 20 + index)
    with django_assert_max_num_queries(7):
        assert call(client, token).status_code == 200
