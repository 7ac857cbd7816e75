"""The progress rules: when a lesson, a module and a learning path count as done.

A lesson is done when the learner marks it done or passes its knowledge check. A module's
steps are its live, public lessons and its final quiz (if any): it is done when every
step is, and a path when all its live modules are. The structure is read from the
source-language tree, so every language counts the same steps. Progress pages, My
learning and the class report all count steps with ModuleSteps, so the rule is written
once.

The rules work on any progress store with the shape of .records.DatabaseProgress (the
session's has the same), and never import one.
"""

from dataclasses import dataclass

from django.db import transaction

from cms.pages_in_language import source_page

from ..models import LearningPathPage, LessonPage, ModulePage
from ..models.progress import AttemptKind


@dataclass(frozen=True)
class ModuleSteps:
    """A module's steps: the translation keys of its live, public lessons, and whether it
    has a final quiz (the last step)."""

    lesson_keys: frozenset
    has_final_quiz: bool

    @property
    def total(self):
        return len(self.lesson_keys) + self.has_final_quiz

    def done(self, lessons_done, final_passed, completed=False):
        """How many steps are done. A recorded completion counts as every step: it stays
        earned when an editor later adds a lesson."""
        if completed:
            return self.total
        return len(self.lesson_keys & lessons_done) + (self.has_final_quiz and final_passed)

    def is_complete(self, lessons_done, final_passed):
        """Whether the module is finished now (an empty module never is)."""
        return self.total > 0 and self.done(lessons_done, final_passed) == self.total


def passes_final_quiz(attempt, quiz_id):
    """Whether `attempt` passed the final quiz `quiz_id` (a replaced quiz does not count)."""
    return attempt.passed and attempt.kind == AttemptKind.FINAL and attempt.quiz_id == quiz_id


def module_steps(module):
    """The steps of `module` in the source-language tree (one query)."""
    module = source_page(module)
    lesson_keys = frozenset(
        str(key)
        for key in LessonPage.objects.child_of(module)
        .live()
        .public()
        .values_list("translation_key", flat=True)
    )
    return ModuleSteps(lesson_keys, module.quiz is not None)


def passed_final_quiz(progress, module):
    quiz = module.quiz
    if quiz is None:
        return True
    return any(
        passes_final_quiz(attempt, quiz.id)
        for attempt in progress.attempts(module_key=module.translation_key)
    )


@transaction.atomic
def update_completions(progress, module):
    """Record the module (and its path) as completed if the rules say so. Idempotent.

    The module's completion, its certificate, the path's completion and its certificate
    are written together or not at all.
    """
    module = source_page(module)
    steps = module_steps(module)
    lessons_done = progress.lesson_keys(module_key=module.translation_key)
    # The attempts are read only once the lessons are done (a query saved on most calls).
    final_passed = (
        steps.has_final_quiz
        and steps.lesson_keys <= lessons_done
        and passed_final_quiz(progress, module)
    )
    if not steps.is_complete(lessons_done, final_passed):
        return False
    path = LearningPathPage.objects.parent_of(module).first()
    progress.complete_module(module.translation_key, path.translation_key)
    module_keys = {
        str(key)
        for key in ModulePage.objects.child_of(path)
        .live()
        .public()
        .values_list("translation_key", flat=True)
    }
    if module_keys <= progress.module_keys():
        progress.complete_path(path.translation_key)
    return True


@transaction.atomic
def mark_lesson_done(progress, lesson, source):
    """Record the lesson, and the module and path it completes, together or not at all."""
    module = ModulePage.objects.parent_of(lesson).first()
    progress.mark_lesson(lesson.translation_key, module.translation_key, source)
    update_completions(progress, module)


def pre_test_attempt(progress, module, quiz_id):
    """The learner's pre-test of this module's final quiz, or None."""
    attempts = [
        attempt
        for attempt in progress.attempts(module_key=module.translation_key)
        if attempt.kind == AttemptKind.PRE_TEST and attempt.quiz_id == quiz_id
    ]
    return min(attempts, key=lambda attempt: attempt.created, default=None)


def pre_test_available(progress, module, attempts=None, lessons_done=None):
    """The final quiz may be taken as a pre-test once, before any lesson or attempt."""
    if not (module.offer_pre_test and module.quiz):
        return False
    if attempts is None:
        attempts = progress.attempts(module_key=module.translation_key)
    if lessons_done is None:
        lessons_done = progress.lesson_keys(module_key=module.translation_key)
    return not attempts and not lessons_done
