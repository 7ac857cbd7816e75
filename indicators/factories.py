"""Learner records at chosen moments, for rollup and dashboard tests and the bench."""

import datetime
import uuid

from django.utils import timezone

from courses.models.progress import AttemptKind, LessonCompletion, ModuleCompletion, QuizAttempt

NOON = datetime.time(12)


def at(day, time=NOON):
    return datetime.datetime.combine(day, time, tzinfo=timezone.get_current_timezone())


def backdate(record, day, time=NOON):
    """Records stamp `created` themselves; tests need them on a given day."""
    type(record).objects.filter(pk=record.pk).update(created=at(day, time))
    return record


def lesson_done(learner, module_key, day, time=NOON):
    record = LessonCompletion.objects.create(
        learner=learner,
        lesson_key=uuid.uuid4(),
        module_key=module_key,
        source="marked_done",
    )
    return backdate(record, day, time)


def module_done(learner, module_key, day):
    record = ModuleCompletion.objects.create(
        learner=learner, module_key=module_key, path_key=uuid.uuid4()
    )
    return backdate(record, day)


def quiz_attempt(learner, module_key, day, score, max_score=10, kind=AttemptKind.FINAL, time=NOON):
    record = QuizAttempt.objects.create(
        learner=learner,
        uid=uuid.uuid4(),
        page_key=module_key,
        module_key=module_key,
        quiz_id="final" if kind == AttemptKind.FINAL else kind,
        kind=kind,
        answers={},
        score=score,
        max_score=max_score,
        pass_mark=70,
        passed=100 * score >= 70 * max_score,
    )
    return backdate(record, day, time)
