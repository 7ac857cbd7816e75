"""New learner records become statements in the outbox, in the record's own transaction.

Only when an administrator has switched the LRS on: otherwise nothing is written. The
delivery task is queued once the transaction commits, so it never sends a statement
about a record that was rolled back.
"""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from courses.models import LessonCompletion, ModuleCompletion, QuizAttempt

from . import statements
from .models import LearningRecordStore, PendingStatement
from .tasks import deliver_statements_task

BUILDERS = {
    LessonCompletion: statements.lesson_completed,
    QuizAttempt: statements.quiz_answered,
    ModuleCompletion: statements.module_completed,
}


def _queue_delivery():
    deliver_statements_task.enqueue()


def record_statement(sender, instance, created, raw=False, **kwargs):
    if not created or raw or not LearningRecordStore.load().is_configured:
        return
    PendingStatement.objects.create(statement=BUILDERS[sender](instance), next_try=timezone.now())
    transaction.on_commit(_queue_delivery)


for model in BUILDERS:
    receiver(post_save, sender=model, dispatch_uid=f"xapi_{model.__name__}")(record_statement)
