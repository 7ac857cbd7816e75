"""Learner records: what a signed-in learner has done.

Records name content by the page's `translation_key` (shared by its six translations)
and a quiz by its StreamField block id (copied into every translation), never by a
locale-specific page id: a learner who switches language keeps all their progress.
Unique constraints make a second "done" (double click, two tabs, a retried request)
find the existing row instead of adding one. Deleting the user deletes all of this.
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class CompletionSource(models.TextChoices):
    MARKED_DONE = "marked_done", _("Marked as done")
    QUIZ_PASSED = "quiz_passed", _("Knowledge check passed")
    ACTIVITY_PASSED = "activity_passed", _("Interactive activity passed")


class AttemptKind(models.TextChoices):
    KNOWLEDGE_CHECK = "knowledge_check", _("Knowledge check")
    FINAL = "final", _("Final quiz")
    PRE_TEST = "pre_test", _("Pre-test")
    # A finished way through a "What would you do?" scenario (courses.blocks.ScenarioBlock):
    # its best outcome completes the lesson as a passed knowledge check does, but trying
    # the other choices is how a scenario is explored, so they are not failures.
    SCENARIO = "scenario", _("Scenario")
    ACTIVITY = "activity", _("Interactive activity")


class CertificateKind(models.TextChoices):
    MODULE = "module", _("Module")
    PATH = "path", _("Learning path")


class LearnerRecord(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class LessonCompletion(LearnerRecord):
    lesson_key = models.UUIDField(help_text="translation_key of the lesson page")
    module_key = models.UUIDField(help_text="translation_key of the lesson's module")
    source = models.CharField(max_length=16, choices=CompletionSource.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "lesson_key"], name="unique_lesson_completion"
            )
        ]

    def __str__(self):
        return f"{self.learner_id}: lesson {self.lesson_key}"


class LastOpenedLesson(LearnerRecord):
    """The lesson a signed-in learner opened last: where "Continue where you left off" leads.

    One row per learner, overwritten each time they open a lesson (in one upsert
    query), so it costs the same however much they read. An anonymous visitor's is
    kept in their session instead (courses.progress.records.SessionProgress).
    """

    lesson_key = models.UUIDField(help_text="translation_key of the lesson page")
    opened = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["learner"], name="unique_last_opened_lesson")
        ]

    def __str__(self):
        return f"{self.learner_id}: last opened {self.lesson_key}"


class QuizAttempt(LearnerRecord):
    """One submission of a quiz, graded on the server, with the rule that applied.

    Retries are allowed, so attempts are not unique; `uid` lets an attempt made before
    signing in move into the account exactly once.

    `results` keeps, per question, what was answered and whether it was right when the
    attempt was graded: {question id: {"answer": [choice ids], "correct": bool}}, as
    Kolibri's attempt logs do. A JSON field rather than a row per question: an attempt is
    written and read whole (its feedback, the class report), never one question at a
    time, and a child table would add a query to every report. Reports read these
    results and never grade old answers again, so an editor who later changes a correct
    answer changes neither past scores nor past reports; new attempts use the new key.
    Attempts made before results were stored were graded once, by a migration, with the
    answer key of that day: `results_regraded` says so.

    An interactive (H5P) activity's result is an attempt too, of kind ACTIVITY, named by
    the lesson and the block's id: its score is what the learner's browser reported,
    clamped to [0, max] and marked `self_reported`, with no answers or results.
    """

    uid = models.UUIDField(unique=True)
    page_key = models.UUIDField(help_text="translation_key of the lesson or module page")
    module_key = models.UUIDField(help_text="translation_key of the module")
    quiz_id = models.CharField(max_length=64, help_text="StreamField block id of the quiz")
    kind = models.CharField(max_length=16, choices=AttemptKind.choices)
    answers = models.JSONField(help_text="question id -> list of chosen choice ids")
    score = models.PositiveSmallIntegerField()
    max_score = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    pass_mark = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    passed = models.BooleanField()
    results = models.JSONField(
        default=dict,
        blank=True,
        help_text='question id -> {"answer": [choice ids], "correct": bool}, as graded',
    )
    results_regraded = models.BooleanField(
        default=False,
        help_text="results were worked out after the attempt, with a later answer key",
    )
    self_reported = models.BooleanField(
        default=False,
        help_text="the score came from the learner's browser (an interactive activity), "
        "clamped but not graded here",
    )

    class Meta:
        ordering = ["-created"]
        indexes = [models.Index(fields=["learner", "module_key"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__lte=models.F("max_score")), name="score_within_max"
            )
        ]

    def __str__(self):
        return f"{self.learner_id}: {self.kind} {self.quiz_id} {self.score}/{self.max_score}"

    @property
    def percent(self):
        return round(100 * self.score / self.max_score)


class ModuleCompletion(LearnerRecord):
    module_key = models.UUIDField()
    path_key = models.UUIDField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "module_key"], name="unique_module_completion"
            )
        ]

    def __str__(self):
        return f"{self.learner_id}: module {self.module_key}"


class PathCompletion(LearnerRecord):
    path_key = models.UUIDField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["learner", "path_key"], name="unique_path_completion")
        ]

    def __str__(self):
        return f"{self.learner_id}: path {self.path_key}"


def new_certificate_code():
    """About 80 random bits, readable aloud: e.g. K7QF-2MXA-9TPD-4HWC."""
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    raw = "".join(secrets.choice(alphabet) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


class Certificate(LearnerRecord):
    """Proof of a completed module or path, checkable by anyone who has its code."""

    kind = models.CharField(max_length=8, choices=CertificateKind.choices)
    content_key = models.UUIDField(help_text="translation_key of the module or path page")
    code = models.CharField(max_length=19, unique=True, default=new_certificate_code)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "kind", "content_key"], name="unique_certificate"
            )
        ]

    def __str__(self):
        return f"{self.kind} certificate {self.code}"
