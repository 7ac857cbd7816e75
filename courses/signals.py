"""How courses joins in account events: sign-in merges progress, data export lists records."""

import uuid
from datetime import datetime

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from accounts.signals import personal_data_requested

from .models import (
    Certificate,
    LastOpenedLesson,
    LessonCompletion,
    ModuleCompletion,
    PathCompletion,
    QuizAttempt,
)
from .progress.records import merge_session_progress


def _json_value(value):
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    return value


@receiver(user_logged_in, dispatch_uid="courses_merge_session_progress")
def merge_progress_on_login(sender, request, user, **kwargs):
    """Progress made before signing in (or signing up) moves into the account."""
    if request is not None and hasattr(request, "session"):
        merge_session_progress(request.session, user)


@receiver(personal_data_requested, dispatch_uid="courses_personal_data")
def export_learning_records(sender, user, **kwargs):
    def rows(model, *fields):
        return [
            {name: _json_value(value) for name, value in row.items()}
            for row in model.objects.filter(learner=user).order_by("created").values(*fields)
        ]

    data = {
        "lessons_completed": rows(
            LessonCompletion, "lesson_key", "module_key", "source", "created"
        ),
        "quiz_attempts": rows(
            QuizAttempt,
            "uid",
            "page_key",
            "module_key",
            "quiz_id",
            "kind",
            "answers",
            "score",
            "max_score",
            "pass_mark",
            "passed",
            "self_reported",
            "created",
        ),
        "modules_completed": rows(ModuleCompletion, "module_key", "path_key", "created"),
        "paths_completed": rows(PathCompletion, "path_key", "created"),
        "certificates": rows(Certificate, "kind", "content_key", "code", "created"),
        "last_lesson_opened": rows(LastOpenedLesson, "lesson_key", "opened"),
    }
    return "learning", data
