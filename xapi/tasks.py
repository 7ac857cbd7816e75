"""Delivery as a background task (django-tasks), queued after each new statement."""

from django_tasks import task

from .delivery import deliver_due


@task()
def deliver_statements_task():
    return deliver_due()
