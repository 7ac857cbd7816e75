"""Where a learner's progress is kept.

Signed-in learners' progress lives in the database (DatabaseProgress); an anonymous
visitor's in their session (SessionProgress), with the same shape, until they sign in
or sign up and it is merged into their account (merge_session_progress). What counts as
done is decided in .rules, which reads either store through this shape.
"""

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from ..models import (
    Certificate,
    LastOpenedLesson,
    LessonCompletion,
    ModuleCompletion,
    ModulePage,
    PathCompletion,
    QuizAttempt,
)
from ..models.progress import AttemptKind, CertificateKind
from .rules import update_completions

SESSION_KEY = "learning"
MAX_SESSION_ATTEMPTS = 100


@dataclass
class SessionAttempt:
    """An attempt kept in the session: the same fields a QuizAttempt has."""

    uid: str
    page_key: str
    module_key: str
    quiz_id: str
    kind: str
    answers: dict
    score: int
    max_score: int
    pass_mark: int
    passed: bool
    created: datetime
    results: dict = field(default_factory=dict)  # as QuizAttempt.results
    results_regraded: bool = False
    self_reported: bool = False

    @property
    def percent(self):
        return round(100 * self.score / self.max_score)

    def get_kind_display(self):
        return AttemptKind(self.kind).label


class DatabaseProgress:
    """A signed-in learner's records."""

    is_saved = True

    def __init__(self, user):
        self.user = user

    def lesson_keys(self, module_key=None):
        completions = LessonCompletion.objects.filter(learner=self.user)
        if module_key is not None:
            completions = completions.filter(module_key=module_key)
        return {str(key) for key in completions.values_list("lesson_key", flat=True)}

    def lessons(self):
        """{lesson key: module key} of every completed lesson."""
        return {
            str(lesson): str(module)
            for lesson, module in LessonCompletion.objects.filter(learner=self.user).values_list(
                "lesson_key", "module_key"
            )
        }

    def has_lesson(self, lesson_key):
        return LessonCompletion.objects.filter(learner=self.user, lesson_key=lesson_key).exists()

    def mark_lesson(self, lesson_key, module_key, source):
        LessonCompletion.objects.get_or_create(
            learner=self.user,
            lesson_key=lesson_key,
            defaults={"module_key": module_key, "source": source},
        )

    def open_lesson(self, lesson_key):
        """Remember the lesson opened last, in one query (an upsert on the learner)."""
        LastOpenedLesson.objects.bulk_create(
            [LastOpenedLesson(learner=self.user, lesson_key=lesson_key, opened=timezone.now())],
            update_conflicts=True,
            unique_fields=["learner"],
            update_fields=["lesson_key", "opened"],
        )

    def last_lesson_key(self):
        key = (
            LastOpenedLesson.objects.filter(learner=self.user)
            .values_list("lesson_key", flat=True)
            .first()
        )
        return str(key) if key else None

    def add_attempt(self, **fields):
        fields.setdefault("uid", uuid.uuid4())
        created = fields.pop("created", None)
        attempt, was_created = QuizAttempt.objects.get_or_create(
            uid=fields.pop("uid"), defaults={"learner": self.user, **fields}
        )
        if was_created and created is not None:
            QuizAttempt.objects.filter(pk=attempt.pk).update(created=created)
        return attempt

    def attempts(self, module_key=None):
        attempts = QuizAttempt.objects.filter(learner=self.user)
        if module_key is not None:
            attempts = attempts.filter(module_key=module_key)
        return list(attempts.defer("answers", "results"))

    def module_keys(self):
        return {
            str(key)
            for key in ModuleCompletion.objects.filter(learner=self.user).values_list(
                "module_key", flat=True
            )
        }

    def complete_module(self, module_key, path_key):
        ModuleCompletion.objects.get_or_create(
            learner=self.user, module_key=module_key, defaults={"path_key": path_key}
        )
        Certificate.objects.get_or_create(
            learner=self.user, kind=CertificateKind.MODULE, content_key=module_key
        )

    def path_keys(self):
        return {
            str(key)
            for key in PathCompletion.objects.filter(learner=self.user).values_list(
                "path_key", flat=True
            )
        }

    def complete_path(self, path_key):
        PathCompletion.objects.get_or_create(learner=self.user, path_key=path_key)
        Certificate.objects.get_or_create(
            learner=self.user, kind=CertificateKind.PATH, content_key=path_key
        )

    def certificates(self):
        return list(Certificate.objects.filter(learner=self.user).order_by("-created"))


class SessionProgress:
    """An anonymous visitor's progress, in their session (nothing identifies them)."""

    is_saved = False

    def __init__(self, session):
        self.session = session

    @property
    def data(self):
        return self.session.get(SESSION_KEY) or {}

    def _write(self, name, value):
        data = dict(self.data)
        data[name] = value
        self.session[SESSION_KEY] = data

    def lesson_keys(self, module_key=None):
        lessons = self.data.get("lessons", {})
        return {
            key
            for key, info in lessons.items()
            if module_key is None or info["module"] == str(module_key)
        }

    def lessons(self):
        return {key: info["module"] for key, info in self.data.get("lessons", {}).items()}

    def has_lesson(self, lesson_key):
        return str(lesson_key) in self.data.get("lessons", {})

    def mark_lesson(self, lesson_key, module_key, source):
        lessons = dict(self.data.get("lessons", {}))
        lessons.setdefault(
            str(lesson_key),
            {"module": str(module_key), "source": source, "at": timezone.now().isoformat()},
        )
        self._write("lessons", lessons)

    def open_lesson(self, lesson_key):
        if self.data.get("last_lesson") != str(lesson_key):
            self._write("last_lesson", str(lesson_key))

    def last_lesson_key(self):
        return self.data.get("last_lesson")

    def add_attempt(self, **fields):
        record = {
            "uid": str(uuid.uuid4()),
            "created": timezone.now().isoformat(),
            **{key: str(value) if key.endswith("_key") else value for key, value in fields.items()},
        }
        attempts = [*self.data.get("attempts", []), record][-MAX_SESSION_ATTEMPTS:]
        self._write("attempts", attempts)
        return self._attempt(record)

    @staticmethod
    def _attempt(record):
        return SessionAttempt(**{**record, "created": datetime.fromisoformat(record["created"])})

    def attempts(self, module_key=None):
        attempts = [self._attempt(record) for record in self.data.get("attempts", [])]
        if module_key is not None:
            attempts = [a for a in attempts if a.module_key == str(module_key)]
        return sorted(attempts, key=lambda attempt: attempt.created, reverse=True)

    def module_keys(self):
        return set(self.data.get("modules", {}))

    def complete_module(self, module_key, path_key):
        modules = dict(self.data.get("modules", {}))
        modules.setdefault(
            str(module_key), {"path": str(path_key), "at": timezone.now().isoformat()}
        )
        self._write("modules", modules)

    def path_keys(self):
        return set(self.data.get("paths", {}))

    def complete_path(self, path_key):
        paths = dict(self.data.get("paths", {}))
        paths.setdefault(str(path_key), {"at": timezone.now().isoformat()})
        self._write("paths", paths)

    def certificates(self):
        return []


def progress_for(request):
    if request.user.is_authenticated:
        return DatabaseProgress(request.user)
    return SessionProgress(request.session)


def record_lesson_opened(request, lesson):
    """Remember where the learner is, for "Continue where you left off".

    A visitor without a session keeps none: starting one only for this would send a
    cookie with every lesson page and make it uncacheable for them. Their session
    starts when they first record progress (a lesson done, a quiz answered), and from
    then on lessons they open are remembered.
    """
    if request.user.is_authenticated:
        DatabaseProgress(request.user).open_lesson(lesson.translation_key)
        return
    visitor = SessionProgress(request.session)
    visitor.data  # noqa: B018 - loading forgets a session cookie the server no longer knows
    if request.session.session_key is not None:
        visitor.open_lesson(lesson.translation_key)


def merge_session_progress(session, user):
    """Move an anonymous visitor's progress into their account; safe to run twice."""
    data = session.get(SESSION_KEY)
    if not data:
        return
    account = DatabaseProgress(user)
    visitor = SessionProgress(session)
    with transaction.atomic():
        for lesson_key, info in data.get("lessons", {}).items():
            account.mark_lesson(lesson_key, info["module"], info["source"])
        for attempt in visitor.attempts():
            account.add_attempt(**vars(attempt))
        if data.get("last_lesson"):
            account.open_lesson(data["last_lesson"])
        module_keys = {info["module"] for info in data.get("lessons", {}).values()}
        module_keys |= {attempt.module_key for attempt in visitor.attempts()}
        default = Locale.get_default()
        for module in ModulePage.objects.filter(translation_key__in=module_keys, locale=default):
            update_completions(account, module)
    del session[SESSION_KEY]
