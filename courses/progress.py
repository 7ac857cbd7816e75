"""Progress rules, and where a learner's progress is kept.

A lesson is done when the learner marks it done or passes its knowledge check; a
module when all its live lessons are done and its final quiz (if any) is passed; a
learning path when all its live modules are. The course structure is read from the
source-language tree, so every language counts the same lessons.

Signed-in learners' progress lives in the database (DatabaseProgress); an anonymous
visitor's in their session (SessionProgress), with the same shape, until they sign in
or sign up and it is merged into their account (merge_session_progress).
"""

import uuid
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from .models import (
    Certificate,
    LastOpenedLesson,
    LearningPathPage,
    LessonCompletion,
    LessonPage,
    ModuleCompletion,
    ModulePage,
    PathCompletion,
    QuizAttempt,
)
from .models.progress import AttemptKind, CertificateKind

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
        return list(attempts.defer("answers"))

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


def source_page(page):
    """The page in the source language (the structure every language follows)."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    source = type(page).objects.filter(translation_key=page.translation_key, locale=default)
    return source.first() or page


def passed_final_quiz(progress, module):
    quiz = module.quiz
    if quiz is None:
        return True
    return any(
        attempt.passed and attempt.kind == AttemptKind.FINAL and attempt.quiz_id == quiz.id
        for attempt in progress.attempts(module_key=module.translation_key)
    )


def update_completions(progress, module):
    """Record the module (and its path) as completed if the rules say so. Idempotent."""
    module = source_page(module)
    lesson_keys = {
        str(key)
        for key in LessonPage.objects.child_of(module)
        .live()
        .public()
        .values_list("translation_key", flat=True)
    }
    if not lesson_keys and module.quiz is None:
        return False
    if not lesson_keys <= progress.lesson_keys(module_key=module.translation_key):
        return False
    if not passed_final_quiz(progress, module):
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


def mark_lesson_done(progress, lesson, source):
    module = ModulePage.objects.parent_of(lesson).first()
    progress.mark_lesson(lesson.translation_key, module.translation_key, source)
    update_completions(progress, module)


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


def page_in_language(pages_by_locale, key, language_code):
    """The translation of `key` in the active language, else the source page."""
    return pages_by_locale.get((key, language_code)) or pages_by_locale.get((key, None))


def localized_pages(keys, language_code, default=None):
    """{(translation_key, language or None for source): page} in one query."""
    default = default or Locale.get_default()
    pages = (
        Page.objects.filter(translation_key__in=keys, live=True)
        .filter(locale__language_code__in={language_code, default.language_code})
        .select_related("locale")
        .only("title", "url_path", "translation_key", "locale__language_code", "path", "depth")
    )
    result = {}
    for page in pages:
        code = page.locale.language_code
        if code == default.language_code:
            result[(str(page.translation_key), None)] = page
        if code == language_code:
            result[(str(page.translation_key), code)] = page
    return result


def module_progress(request, module):
    """What the module page shows about the learner: lessons done, attempts, completion."""
    progress = progress_for(request)
    key = module.translation_key
    attempts = progress.attempts(module_key=key)
    finals = [a for a in attempts if a.kind == AttemptKind.FINAL]
    lessons_done = progress.lesson_keys(module_key=key)
    completed = str(key) in progress.module_keys()
    certificate = None
    if completed and progress.is_saved:
        certificate = Certificate.objects.filter(
            learner=progress.user, kind=CertificateKind.MODULE, content_key=key
        ).first()
    return {
        "lessons_done": lessons_done,
        "next_module": next_module(module) if completed else None,
        "attempts": attempts,
        "attempt_rows": [(attempt, None) for attempt in attempts],
        "best_percent": max((a.percent for a in finals), default=None),
        "module_completed": completed,
        "certificate": certificate,
        "progress_saved": progress.is_saved,
        "pre_test_available": pre_test_available(progress, module, attempts, lessons_done),
    }


def next_step_after_final_quiz(progress, module, language_code):
    """What a learner who has just passed the final quiz of `module` should do next.

    A completed module leads to its certificate (or to signing in for one) and the
    next module; otherwise to the lessons still to do, in the learner's language (the
    source page where one is not translated), then the next module.
    """
    key = str(module.translation_key)
    step = {
        "module_completed": key in progress.module_keys(),
        "progress_saved": progress.is_saved,
        "next_module": next_module(module),
        "certificate": None,
        "lessons_left": [],
    }
    if step["module_completed"]:
        if progress.is_saved:
            step["certificate"] = Certificate.objects.filter(
                learner=progress.user, kind=CertificateKind.MODULE, content_key=key
            ).first()
        return step
    done = progress.lesson_keys(module_key=key)
    left = [
        str(lesson_key)
        for lesson_key in LessonPage.objects.child_of(source_page(module))
        .live()
        .public()
        .values_list("translation_key", flat=True)
        if str(lesson_key) not in done
    ]
    pages = localized_pages(set(left), language_code)
    step["lessons_left"] = [
        page for page in (page_in_language(pages, k, language_code) for k in left) if page
    ]
    return step


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


@dataclass
class ModuleCard:
    """One module on its learning path's page, with how far the learner has got."""

    page: object
    lessons_total: int
    lessons_done: int
    completed: bool

    @property
    def started(self):
        return self.lessons_done > 0 or self.completed

    @property
    def percent(self):
        if self.completed:
            return 100
        return round(100 * self.lessons_done / self.lessons_total) if self.lessons_total else 0


def path_progress(request, path, modules):
    """Cards for a path's modules, and how many are done, in a fixed number of queries.

    Lessons are counted in the source-language tree (as the progress rules do) and
    matched to the shown modules by translation_key, so every language shows the same
    counts.
    """
    progress = progress_for(request)
    source = source_page(path)
    module_of = {}
    for page_path, key in (
        ModulePage.objects.child_of(source).live().public().values_list("path", "translation_key")
    ):
        module_of[page_path] = str(key)
    lessons_by_module = {}
    for page_path, key in (
        LessonPage.objects.descendant_of(source)
        .live()
        .public()
        .values_list("path", "translation_key")
    ):
        module_key = module_of.get(page_path[: -LessonPage.steplen])
        if module_key is not None:
            lessons_by_module.setdefault(module_key, set()).add(str(key))
    lessons_done = progress.lesson_keys()
    modules_done = progress.module_keys()
    cards = []
    for module in modules:
        key = str(module.translation_key)
        cards.append(
            ModuleCard(
                page=module,
                lessons_total=len(lessons_by_module.get(key, ())),
                lessons_done=len(lessons_by_module.get(key, set()) & lessons_done),
                completed=key in modules_done,
            )
        )
    return {
        "module_cards": cards,
        "modules_done": sum(card.completed for card in cards),
        "modules_total": len(cards),
    }


def next_module(module):
    """The module after this one in its learning path, or None at the end."""
    return (
        ModulePage.objects.sibling_of(module, inclusive=False)
        .filter(path__gt=module.path)
        .live()
        .public()
        .order_by("path")
        .first()
    )
