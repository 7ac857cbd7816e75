"""The class report: pupils x assigned items, read from courses' learner records.

Everything is fetched in a fixed number of queries (class, pupils, assignments, the
assigned content's structure, and three kinds of learner records), then combined in
Python, so the report costs the same number of queries for 5 pupils or 500.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from courses.models import LessonCompletion, LessonPage, ModuleCompletion, ModulePage, QuizAttempt
from courses.models.progress import AttemptKind
from courses.progress.rules import ModuleSteps, passes_final_quiz

from .content import ContentInLanguage
from .models import Assignment

FAILED_ATTEMPTS_FOR_HELP = 3


class Status:
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    OVERDUE = "overdue"

    LABELS = {
        NOT_STARTED: _("Not started"),
        IN_PROGRESS: _("In progress"),
        DONE: _("Done"),
        OVERDUE: _("Overdue"),
    }


@dataclass
class Cell:
    status: str
    percent: int = 0
    best_score: int | None = None
    last_activity: object = None
    assigned: bool = True

    @property
    def label(self):
        return Status.LABELS[self.status]


@dataclass
class Item:
    assignment: Assignment
    title: object  # content.Text, in the class language where translated
    modules: list  # source ModulePages


@dataclass
class Row:
    pupil: object
    cells: list
    needs_help: bool = False
    last_activity: object = None


@dataclass
class Report:
    items: list
    rows: list
    hardest: list = field(default_factory=list)


def assignment_structure(assignments):
    """Source modules of every assigned module or path, and their lesson keys (2 queries)."""
    default = Locale.get_default()
    keys = {a.content_key for a in assignments}
    if not keys:
        return {}, {}, {}
    roots = list(
        Page.objects.filter(translation_key__in=keys, locale=default).only(
            "title", "path", "depth", "translation_key"
        )
    )
    if not roots:
        return {}, {}, {}
    within = Q()
    for root in roots:
        within |= Q(path__startswith=root.path)
    modules = list(ModulePage.objects.live().filter(within, locale=default).order_by("path"))
    lesson_within = Q()
    for module in modules:
        lesson_within |= Q(path__startswith=module.path, depth=module.depth + 1)
    lessons = defaultdict(set)
    if modules:
        by_path = {module.path: module for module in modules}
        for path, key in (
            LessonPage.objects.live()
            .public()
            .filter(lesson_within)
            .values_list("path", "translation_key")
        ):
            module = by_path.get(path[: -LessonPage.steplen])
            if module:
                lessons[module.translation_key].add(key)
    roots_by_key = {root.translation_key: root for root in roots}
    modules_by_root = defaultdict(list)
    for root in roots:
        modules_by_root[root.translation_key] = [m for m in modules if m.path.startswith(root.path)]
    return roots_by_key, modules_by_root, lessons


def class_report(school_class, today=None):
    today = today or timezone.localdate()
    links = list(school_class.pupil_links.select_related("pupil").order_by("pupil__username"))
    pupils = [link.pupil for link in links]
    assignments = list(school_class.assignments.prefetch_related("pupils"))
    roots, modules_by_root, lessons = assignment_structure(assignments)
    content = ContentInLanguage(
        school_class.language,
        [*roots.values(), *(m for modules in modules_by_root.values() for m in modules)],
        with_quizzes=True,
    )
    items = [
        Item(a, content.title(roots[a.content_key]), modules_by_root[a.content_key])
        for a in assignments
        if a.content_key in roots
    ]
    module_keys = {m.translation_key for item in items for m in item.modules}
    pupil_ids = [p.pk for p in pupils]
    done_lessons = defaultdict(set)
    last = {}

    def seen(pupil_id, module_key, when):
        for key in ((pupil_id, module_key), (pupil_id, None)):
            if last.get(key) is None or when > last[key]:
                last[key] = when

    for learner, module, lesson, created in LessonCompletion.objects.filter(
        learner_id__in=pupil_ids, module_key__in=module_keys
    ).values_list("learner_id", "module_key", "lesson_key", "created"):
        done_lessons[(learner, module)].add(lesson)
        seen(learner, module, created)
    completed = set(
        ModuleCompletion.objects.filter(
            learner_id__in=pupil_ids, module_key__in=module_keys
        ).values_list("learner_id", "module_key")
    )
    attempts = list(
        QuizAttempt.objects.filter(learner_id__in=pupil_ids, module_key__in=module_keys).only(
            "learner_id",
            "module_key",
            "quiz_id",
            "kind",
            "results",
            "score",
            "max_score",
            "passed",
            "created",
        )
    )
    final_quiz_ids = {
        m.translation_key: m.quiz.id for item in items for m in item.modules if m.quiz is not None
    }
    best, failed, passed_final = {}, defaultdict(int), set()
    for attempt in attempts:
        key = (attempt.learner_id, attempt.module_key)
        seen(attempt.learner_id, attempt.module_key, attempt.created)
        if attempt.kind == AttemptKind.FINAL:
            best[key] = max(best.get(key, 0), attempt.percent)
            if passes_final_quiz(attempt, final_quiz_ids.get(attempt.module_key)):
                passed_final.add(key)
        if not attempt.passed and attempt.kind != AttemptKind.SCENARIO:  # tries, not failures
            failed[(attempt.learner_id, attempt.module_key, attempt.quiz_id)] += 1

    needing_help = {
        learner for (learner, _m, _q), count in failed.items() if count >= FAILED_ATTEMPTS_FOR_HELP
    }
    chosen_by_item = [{p.pk for p in item.assignment.pupils.all()} for item in items]
    rows = []
    for pupil in pupils:
        cells = []
        for item, chosen in zip(items, chosen_by_item, strict=True):
            if not item.assignment.is_for(pupil.pk, chosen):
                cells.append(Cell(Status.NOT_STARTED, assigned=False))
                continue
            steps = done = 0
            scores, activity = [], None
            for module in item.modules:
                key = (pupil.pk, module.translation_key)
                module_steps = ModuleSteps(
                    frozenset(lessons[module.translation_key]), module.quiz is not None
                )
                steps += module_steps.total
                done += module_steps.done(
                    done_lessons[key], key in passed_final, completed=key in completed
                )
                if key in best:
                    scores.append(best[key])
                when = last.get(key)
                if when and (activity is None or when > activity):
                    activity = when
            all_done = bool(item.modules) and all(
                (pupil.pk, m.translation_key) in completed for m in item.modules
            )
            percent = round(100 * done / steps) if steps else 0
            if all_done:
                status = Status.DONE
            elif item.assignment.due_date and item.assignment.due_date < today:
                status = Status.OVERDUE
            elif done or activity:
                status = Status.IN_PROGRESS
            else:
                status = Status.NOT_STARTED
            cells.append(
                Cell(status, 100 if all_done else percent, max(scores, default=None), activity)
            )
        rows.append(Row(pupil, cells, pupil.pk in needing_help, last.get((pupil.pk, None))))
    return Report(items, rows, hardest_questions(items, attempts, content))


def hardest_questions(items, attempts, content, limit=10):
    """Final-quiz questions by share of wrong answers, across the class's attempts,
    worded as in the class language (`content`).

    Each attempt counts as it was graded (QuizAttempt.results): an answer key changed
    since does not change what the report says about earlier answers. Questions no
    longer in the quiz are left out, having no wording to show.
    """
    modules = {m.translation_key: m for item in items for m in item.modules if m.quiz is not None}
    questions = {
        key: (
            module.quiz.id,
            {q.id: q.value["text"] for q in module.quiz.value["questions"].bound_blocks},
        )
        for key, module in modules.items()
    }
    answered, wrong = defaultdict(int), defaultdict(int)
    for attempt in attempts:
        quiz_id, texts = questions.get(attempt.module_key, (None, {}))
        if attempt.kind != AttemptKind.FINAL or attempt.quiz_id != quiz_id:
            continue
        for question_id, result in attempt.results.items():
            if question_id not in texts:
                continue
            answered[(attempt.module_key, question_id)] += 1
            if not result["correct"]:
                wrong[(attempt.module_key, question_id)] += 1
    rows = [
        {
            "module": content.title(modules[module_key]),
            "question": content.question(
                modules[module_key], question_id, questions[module_key][1][question_id]
            ),
            "answered": answered[(module_key, question_id)],
            "wrong": count,
            "percent_wrong": round(100 * count / answered[(module_key, question_id)]),
        }
        for (module_key, question_id), count in wrong.items()
    ]
    rows.sort(key=lambda row: (-row["percent_wrong"], -row["wrong"]))
    return rows[:limit]
