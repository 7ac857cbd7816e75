"""The class report: pupils x assigned items, read from courses' learner records.

Everything is fetched in a fixed number of queries (class, pupils with whether they
need help, assignments, the assigned content's structure, three kinds of learner
records and the final quizzes' results), then combined in Python, so the report costs
the same number of queries for 5 pupils or 500. The database sums the learner records
up per pupil and module, so Python handles at most one row per cell, however many
lessons and attempts lie behind it.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FloatField,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from courses.models import LessonCompletion, LessonPage, ModuleCompletion, ModulePage, QuizAttempt
from courses.models.progress import AttemptKind
from courses.progress.rules import ModuleSteps

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
    # The whole class, whichever pupils `rows` shows: for paging and "needs help".
    pupils: list = field(default_factory=list)
    needing_help: list = field(default_factory=list)


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


def _any_of(pairs, first, second):
    """Q matching rows whose (`first`, `second`) is one of `pairs`; matches none if empty."""
    condition = Q(pk__in=[])
    for a, b in pairs:
        condition |= Q(**{first: a, second: b})
    return condition


def needs_help(module_keys):
    """An expression for a class's pupil links: the pupil failed one quiz of these
    modules FAILED_ATTEMPTS_FOR_HELP times or more (worked out in the pupils' query).
    Scenario outcomes other than the best are tries, the way a scenario is explored,
    never failures."""
    return Exists(
        QuizAttempt.objects.filter(
            learner_id=OuterRef("pupil_id"), module_key__in=module_keys, passed=False
        )
        .exclude(kind=AttemptKind.SCENARIO)
        .values("module_key", "quiz_id")
        .annotate(failed=Count("pk"))
        .filter(failed__gte=FAILED_ATTEMPTS_FOR_HELP)
    )


@dataclass
class Summary:
    """One pupil's records in one module, as the database sums them up."""

    lessons_done: int = 0
    best_percent: int | None = None
    passed_final: bool = False
    completed: bool = False
    last_activity: object = None


def learner_summaries(pupil_ids, modules, lessons):
    """{(pupil id, module index): Summary} for `modules` (source ModulePages): three
    queries, whatever the number of records.

    The database groups the records by pupil and module, so what reaches Python is one
    row per pupil and module with a record (at most pupils x modules), not one per
    lesson or attempt. Modules are named by their index in `modules`, worked out in SQL,
    so no UUID has to be converted per row.
    """
    summaries = {}
    if not pupil_ids or not modules:
        return summaries
    keys = [m.translation_key for m in modules]
    index = Case(
        *(When(module_key=key, then=Value(number)) for number, key in enumerate(keys)),
        output_field=IntegerField(),
    )
    # Lesson keys of one module go together: (module_key, [lesson keys]) pairs.
    live_lesson = Q(pk__in=[])
    for module in modules:
        if lessons[module.translation_key]:
            live_lesson |= Q(
                module_key=module.translation_key,
                lesson_key__in=list(lessons[module.translation_key]),
            )
    current_final = _any_of(
        ((m.translation_key, m.quiz.id) for m in modules if m.quiz is not None),
        "module_key",
        "quiz_id",
    ) & Q(kind=AttemptKind.FINAL, passed=True)

    def summary(learner, module):
        key = (learner, module)
        if key not in summaries:
            summaries[key] = Summary()
        return summaries[key]

    def seen(record, when):
        if when is not None and (record.last_activity is None or when > record.last_activity):
            record.last_activity = when

    mine = {"learner_id__in": pupil_ids, "module_key__in": keys}
    for learner, module, done, last in (
        LessonCompletion.objects.filter(**mine)
        .annotate(module=index)
        .values("learner_id", "module")
        .annotate(done=Count("pk", filter=live_lesson), last=Max("created"))
        .values_list("learner_id", "module", "done", "last")
        .order_by()
    ):
        record = summary(learner, module)
        record.lessons_done = done
        seen(record, last)
    # The same division as QuizAttempt.percent, in floating point, so rounding agrees.
    percent = Cast("score", FloatField()) * 100 / F("max_score")
    for learner, module, best, passed, last in (
        QuizAttempt.objects.filter(**mine)
        .annotate(module=index)
        .values("learner_id", "module")
        .annotate(
            best=Max(percent, filter=Q(kind=AttemptKind.FINAL)),
            passed=Count("pk", filter=current_final),
            last=Max("created"),
        )
        .values_list("learner_id", "module", "best", "passed", "last")
        .order_by()
    ):
        record = summary(learner, module)
        record.best_percent = None if best is None else round(best)
        record.passed_final = bool(passed)
        seen(record, last)
    for learner, module in (
        ModuleCompletion.objects.filter(**mine)
        .annotate(module=index)
        .values_list("learner_id", "module")
    ):
        summary(learner, module).completed = True
    return summaries


def class_report(school_class, today=None, shown=None):
    """The report of `school_class`: rows for the pupils in the slice `shown` of the
    class (by username; all when None), the rest (needs help, hardest questions) for the
    whole class. A page of pupils costs the same queries as the whole class."""
    today = today or timezone.localdate()
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
    modules = list({m.translation_key: m for item in items for m in item.modules}.values())
    number = {m.translation_key: n for n, m in enumerate(modules)}
    links = list(
        school_class.pupil_links.select_related("pupil")
        .annotate(needs_help=needs_help([m.translation_key for m in modules]))
        .order_by("pupil__username")
    )
    everyone = [link.pupil for link in links]
    needing_help = {link.pupil_id for link in links if link.needs_help}
    pupils = everyone if shown is None else everyone[shown]
    summaries = learner_summaries([p.pk for p in pupils], modules, lessons)
    # Per item, each module's index and step count, worked out once for all pupils.
    steps_by_item = [
        [
            (
                number[m.translation_key],
                ModuleSteps(frozenset(lessons[m.translation_key]), m.quiz is not None).total,
                m.quiz is not None,
            )
            for m in item.modules
        ]
        for item in items
    ]
    chosen_by_item = [{p.pk for p in item.assignment.pupils.all()} for item in items]
    overdue_by_item = [
        bool(item.assignment.due_date and item.assignment.due_date < today) for item in items
    ]
    last_by_pupil = {}
    for (learner, _module), record in summaries.items():
        when = record.last_activity
        if when and (last_by_pupil.get(learner) is None or when > last_by_pupil[learner]):
            last_by_pupil[learner] = when
    empty = Summary()
    rows = []
    for pupil in pupils:
        cells = []
        for item, chosen, module_steps, overdue in zip(
            items, chosen_by_item, steps_by_item, overdue_by_item, strict=True
        ):
            if not item.assignment.is_for(pupil.pk, chosen):
                cells.append(Cell(Status.NOT_STARTED, assigned=False))
                continue
            steps = done = 0
            best, activity, all_done = None, None, bool(module_steps)
            for index, total, has_quiz in module_steps:
                record = summaries.get((pupil.pk, index), empty)
                steps += total
                if record.completed:
                    done += total
                else:
                    all_done = False
                    done += record.lessons_done + (has_quiz and record.passed_final)
                if record.best_percent is not None and (best is None or record.best_percent > best):
                    best = record.best_percent
                when = record.last_activity
                if when and (activity is None or when > activity):
                    activity = when
            if all_done:
                status = Status.DONE
            elif overdue:
                status = Status.OVERDUE
            elif done or activity:
                status = Status.IN_PROGRESS
            else:
                status = Status.NOT_STARTED
            percent = 100 if all_done else (round(100 * done / steps) if steps else 0)
            cells.append(Cell(status, percent, best, activity))
        rows.append(Row(pupil, cells, pupil.pk in needing_help, last_by_pupil.get(pupil.pk)))
    return Report(
        items,
        rows,
        hardest_questions(items, [p.pk for p in everyone], content),
        pupils=everyone,
        needing_help=[p for p in everyone if p.pk in needing_help],
    )


def hardest_questions(items, pupil_ids, content, limit=10):
    """Final-quiz questions by share of wrong answers, across the class's attempts,
    worded as in the class language (`content`). One query: the results of the pupils'
    attempts at the current final quizzes, identical ones counted together.

    Each attempt counts as it was graded (QuizAttempt.results): an answer key changed
    since does not change what the report says about earlier answers. Questions no
    longer in the quiz are left out, having no wording to show.
    """
    modules = {m.translation_key: m for item in items for m in item.modules if m.quiz is not None}
    if not modules or not pupil_ids:
        return []
    questions = {
        key: {q.id: q.value["text"] for q in module.quiz.value["questions"].bound_blocks}
        for key, module in modules.items()
    }
    answered, wrong = defaultdict(int), defaultdict(int)
    # Identical results are counted by the database: a class answers a quiz in far fewer
    # ways than it has attempts, so far fewer JSON documents reach Python.
    for module_key, results, attempts in (
        QuizAttempt.objects.filter(
            _any_of(((key, m.quiz.id) for key, m in modules.items()), "module_key", "quiz_id"),
            learner_id__in=pupil_ids,
            kind=AttemptKind.FINAL,
        )
        .values("module_key", "results")
        .annotate(attempts=Count("pk"))
        .values_list("module_key", "results", "attempts")
        .order_by()
    ):
        texts = questions[module_key]
        for question_id, result in results.items():
            if question_id not in texts:
                continue
            answered[(module_key, question_id)] += attempts
            if not result["correct"]:
                wrong[(module_key, question_id)] += attempts
    rows = [
        {
            "module": content.title(modules[module_key]),
            "question": content.question(
                modules[module_key], question_id, questions[module_key][question_id]
            ),
            "answered": answered[(module_key, question_id)],
            "wrong": count,
            "percent_wrong": round(100 * count / answered[(module_key, question_id)]),
        }
        for (module_key, question_id), count in wrong.items()
    ]
    rows.sort(key=lambda row: (-row["percent_wrong"], -row["wrong"]))
    return rows[:limit]
