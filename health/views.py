"""Liveness and readiness endpoints for load balancers and orchestrators.

Outside the language prefix, never cached, no cookie, no personal data: only which
services answer. /health/live says the process serves requests (restart it if not);
/health/ready says it can serve learners now (send it traffic), 503 otherwise.
"""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .checks import run_checks


@require_safe
@never_cache
def live(request):
    return JsonResponse({"status": "ok"})


@require_safe
@never_cache
def ready(request):
    results = run_checks()
    healthy = all(results.values())
    return JsonResponse(
        {
            "status": "ok" if healthy else "unavailable",
            "checks": {name: "ok" if passed else "failed" for name, passed in results.items()},
        },
        status=200 if healthy else 503,
    )
