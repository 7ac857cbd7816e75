"""The rollup as a background task (django-tasks), for a nightly scheduler.

Arguments are ISO dates, as task arguments must survive JSON.
"""

import datetime

from django_tasks import task

from .rollup import rebuild


@task()
def rollup_indicators_task(first, last=None):
    first = datetime.date.fromisoformat(first)
    last = datetime.date.fromisoformat(last) if last else first
    return rebuild(first, last)
