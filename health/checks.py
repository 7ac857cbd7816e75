"""What a load balancer asks before sending traffic to an app server.

Each check answers True or False and never raises: one failing service must not hide the
others' state. Reasons go to the server log, never to the response, which anyone may read.
"""

import logging
import uuid

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connections

logger = logging.getLogger(__name__)


def database():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def shared_cache():
    """A round trip through the cache (Redis in production): sessions and throttles use it."""
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    try:
        return cache.get(key) == "ok"
    finally:
        cache.delete(key)


def media_storage():
    """The media storage answers (local disk or S3-compatible), without writing to it."""
    default_storage.exists("health-check-probe")
    return True


CHECKS = {"database": database, "cache": shared_cache, "storage": media_storage}


def run_checks():
    """{name: True/False} for every check; a check that raises counts as failed."""
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = bool(check())
        except Exception:
            logger.exception("Health check %s failed", name)
            results[name] = False
    return results
