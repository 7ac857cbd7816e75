"""The read-only indicators API: the JSON export, for scripts, with a per-user token.

`Authorization: Bearer <token>` on every request; no session and no cookie, so nothing
here can be reached by a browser's credentials or a cross-site form. The token's user
sees exactly what they see on the dashboard (roles.py), checked on every request.
"""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import api_tokens
from .dashboard import available_months
from .roles import visible_countries
from .views import SCHEMA_VERSION, chosen_month, figures_document, json_response


def refused(status, error, description):
    response = JsonResponse({"error": error, "error_description": description}, status=status)
    if status == 401:
        response["WWW-Authenticate"] = f'Bearer realm="cop-indicators", error="{error}"'
    return response


def token_scope(request):
    """(scope, None) for a good token, or (None, the refusal to send)."""
    header = request.headers.get("Authorization", "")
    scheme, _space, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None, refused(401, "invalid_request", "Send Authorization: Bearer <token>.")
    user = api_tokens.user_for(token.strip())
    if user is None:
        return None, refused(401, "invalid_token", "Unknown or revoked token.")
    scope = visible_countries(user)
    if scope is None:
        return None, refused(403, "insufficient_scope", "This account sees no figures.")
    return scope, None


@never_cache
@require_GET
def months(request):
    """The months with published figures, newest first."""
    scope, refusal = token_scope(request)
    if refusal:
        return refusal
    return json_response(
        {
            "schema": "cop-indicators-months",
            "schema_version": SCHEMA_VERSION,
            "months": [month.strftime("%Y-%m") for month in available_months()],
        }
    )


@never_cache
@require_GET
def figures(request):
    """One month's figures (?month=YYYY-MM, else the latest), as the JSON export."""
    scope, refusal = token_scope(request)
    if refusal:
        return refusal
    known = available_months()
    if request.GET.get("month") and request.GET["month"] not in {
        month.strftime("%Y-%m") for month in known
    }:
        # 400, not 404: a 404 here would be redirected to a language prefix by LocaleMiddleware.
        return refused(400, "unknown_month", "No published figures for that month (YYYY-MM).")
    return json_response(figures_document(chosen_month(request, known), scope))
