"""Delivering the outbox to the LRS, one statement at a time, idempotently.

Each statement is PUT with its own id (statements?statementId=...), so sending it again
after a lost answer is harmless: the LRS answers 409 for an id it already holds, which
counts as delivered. When the LRS cannot be reached, or answers 5xx, 408 or 429, the
statement and those after it wait (1, 2, 4 ... minutes, at most 6 hours) and are tried
again by the next delivery (the task, queued after each new statement, or the
`deliver_xapi_statements` command a scheduler runs). A statement the LRS refuses as
malformed (another 4xx) is not sent again; it is kept, marked, with the LRS's answer.
"""

import base64
import datetime
import json
import urllib.error
import urllib.parse
import urllib.request

from django.utils import timezone

from .models import LearningRecordStore, PendingStatement
from .statements import XAPI_VERSION

MAX_TRIES = 12
BATCH = 100
TIMEOUT_SECONDS = 10
RETRYABLE_STATUSES = {408, 429}


class Unavailable(Exception):
    """The LRS could not take the statement now; try again later."""


class Refused(Exception):
    """The LRS refused the statement itself; sending it again will not help."""


def backoff(tries):
    return datetime.timedelta(minutes=min(2 ** (tries - 1), 360))


def put_statement(lrs, statement):
    url = (
        lrs.endpoint.rstrip("/")
        + "/statements?"
        + urllib.parse.urlencode({"statementId": statement["id"]})
    )
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise Refused("The endpoint is not an http(s) address.")
    credentials = base64.b64encode(f"{lrs.key}:{lrs.secret}".encode()).decode()
    request = urllib.request.Request(  # noqa: S310 (scheme checked above)
        url,
        data=json.dumps(statement).encode(),
        method="PUT",
        headers={
            "Content-Type": "application/json",
            "X-Experience-API-Version": XAPI_VERSION,
            "Authorization": f"Basic {credentials}",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS):  # noqa: S310
            return
    except urllib.error.HTTPError as error:
        if error.code == 409:  # the LRS holds this statement already
            return
        message = f"HTTP {error.code}"
        if error.code >= 500 or error.code in RETRYABLE_STATUSES:
            raise Unavailable(message) from error
        raise Refused(message) from error
    except (urllib.error.URLError, OSError) as error:
        raise Unavailable(str(error)) from error


def deliver_due(now=None):
    """Send the statements that are due; returns how many the LRS took."""
    lrs = LearningRecordStore.load()
    if not lrs.is_configured:
        return 0
    now = now or timezone.now()
    sent = 0
    while True:
        due = list(
            PendingStatement.objects.filter(given_up=False, next_try__lte=now).order_by("pk")[
                :BATCH
            ]
        )
        if not due:
            return sent
        for position, pending in enumerate(due):
            try:
                put_statement(lrs, pending.statement)
            except Refused as error:
                pending.tries += 1
                pending.given_up = True
                pending.last_error = str(error)[:300]
                pending.save(update_fields=["tries", "given_up", "last_error"])
            except Unavailable as error:
                _postpone(due[position:], now, str(error))
                return sent
            else:
                pending.delete()
                sent += 1


def _postpone(pending_statements, now, error):
    for pending in pending_statements:
        pending.tries += 1
        pending.next_try = now + backoff(pending.tries)
        pending.last_error = error[:300]
        pending.given_up = pending.tries >= MAX_TRIES
    PendingStatement.objects.bulk_update(
        pending_statements, ["tries", "next_try", "last_error", "given_up"]
    )
