"""What "My learning" shows, built in a fixed number of queries.

The learner's records name content by translation_key; the structure (paths, modules,
lessons) comes from the source-language tree in three queries whatever its size, and
the titles and links in the visitor's language (falling back to the source page) in one
more.
"""

from collections import namedtuple
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Locale, PageViewRestriction

from cms.pages_in_language import localized_pages, page_in_language

from .models import LearningPathPage, LessonPage, ModulePage
from .models.progress import AttemptKind
from .progress.rules import ModuleSteps, passes_final_quiz

Node = namedtuple("Node", ["path", "translation_key"])


@dataclass
class ModuleSummary:
    key: str
    page: object
    lessons: list
    lessons_done: int
    has_final_quiz: bool
    final_passed: bool
    completed: bool
    steps_total: int = 0  # lessons and final quiz, counted by progress.rules.ModuleSteps
    steps_done: int = 0
    best_percent: int | None = None
    completed_at: object = None
    certificate: object = None


@dataclass
class PathSummary:
    key: str
    page: object
    modules: list = field(default_factory=list)
    completed: bool = False
    certificate: object = None
    next_page: object = None

    @property
    def units(self):
        return sum(m.steps_total for m in self.modules)

    @property
    def units_done(self):
        return sum(m.steps_done for m in self.modules)

    @property
    def percent(self):
        return round(100 * self.units_done / self.units) if self.units else 0


def summarise(progress, language_code):
    lesson_modules = progress.lessons()
    lesson_keys = set(lesson_modules)
    attempts = progress.attempts()
    module_done = progress.module_keys()
    path_done = progress.path_keys()
    certificates = {(c.kind, str(c.content_key)): c for c in progress.certificates()}
    touched_modules = {str(a.module_key) for a in attempts} | module_done
    touched_modules |= set(lesson_modules.values())
    default = Locale.get_default()
    # The lesson opened last leads "Continue where you left off", and its module counts
    # as started even before anything in it is done.
    last_key = progress.last_lesson_key()
    in_touched = Q(translation_key__in=touched_modules)
    last_path = None
    if last_key:
        last_path = (
            LessonPage.objects.filter(translation_key=last_key, locale=default)
            .live()
            .values_list("path", flat=True)
            .first()
        )
        if last_path:
            in_touched |= Q(path=last_path[: -LessonPage.steplen])

    touched = list(
        ModulePage.objects.filter(in_touched, locale=default).live().only("path", "depth")
    )
    parent_paths = {module.path[: -ModulePage.steplen] for module in touched}
    # View restrictions are read once and applied here, rather than by .public() per query.
    restricted = [
        restriction.page.path
        for restriction in PageViewRestriction.objects.select_related("page").only("page__path")
    ]

    restricted = tuple(restricted)

    def public(pages):
        return [page for page in pages if not (restricted and page.path.startswith(restricted))]

    paths = public(LearningPathPage.objects.filter(path__in=parent_paths).live().order_by("path"))
    if not paths:
        return {"paths": [], "completed_modules": [], "attempts": [], "certificates": []}
    if last_path and not public([Node(last_path, last_key)]):
        last_path = None
    in_paths = reduce(or_, (Q(path__startswith=p.path) for p in paths))
    modules = public(
        ModulePage.objects.filter(in_paths, depth=paths[0].depth + 1)
        .live()
        .order_by("path")
        .only("path", "depth", "translation_key", "final_quiz")
    )
    lessons_by_module = {}
    for lesson in public(
        Node(*row)
        for row in LessonPage.objects.filter(in_paths, depth=paths[0].depth + 2)
        .live()
        .order_by("path")
        .values_list("path", "translation_key")
    ):
        lessons_by_module.setdefault(lesson.path[: -LessonPage.steplen], []).append(lesson)

    best = {}
    finals = {}
    for attempt in attempts:
        module_key = str(attempt.module_key)
        if attempt.kind == AttemptKind.FINAL:
            best[module_key] = max(best.get(module_key, 0), attempt.percent)
            finals.setdefault(module_key, []).append(attempt)

    summaries = []
    next_keys = {}
    for path in paths:
        summary = PathSummary(
            key=str(path.translation_key),
            page=None,
            completed=str(path.translation_key) in path_done,
            certificate=certificates.get(("path", str(path.translation_key))),
        )
        for module in (m for m in modules if m.path.startswith(path.path)):
            key = str(module.translation_key)
            module_lessons = lessons_by_module.get(module.path, [])
            quiz = module.quiz
            steps = ModuleSteps(
                frozenset(str(le.translation_key) for le in module_lessons), quiz is not None
            )
            final_passed = quiz is not None and any(
                passes_final_quiz(attempt, quiz.id) for attempt in finals.get(key, ())
            )
            module_summary = ModuleSummary(
                key=key,
                page=None,
                lessons=module_lessons,
                lessons_done=sum(str(le.translation_key) in lesson_keys for le in module_lessons),
                has_final_quiz=quiz is not None,
                final_passed=final_passed,
                completed=key in module_done,
                steps_total=steps.total,
                steps_done=steps.done(lesson_keys, final_passed, completed=key in module_done),
                best_percent=best.get(key),
                certificate=certificates.get(("module", key)),
            )
            summary.modules.append(module_summary)
            if summary.key not in next_keys and not module_summary.completed:
                pending = [
                    le for le in module_lessons if str(le.translation_key) not in lesson_keys
                ]
                next_keys[summary.key] = str(pending[0].translation_key) if pending else key
        summaries.append(summary)

    # Titles and links in the visitor's language, only for what the page shows.
    keys = {s.key for s in summaries} | set(next_keys.values())
    if last_path:
        keys.add(last_key)
    keys |= {m.key for s in summaries for m in s.modules if m.completed}
    keys |= {str(a.page_key) for a in attempts}
    keys |= {content_key for _kind, content_key in certificates}
    pages = localized_pages(keys, language_code, default)

    def local(key):
        return page_in_language(pages, str(key), language_code)

    for summary in summaries:
        summary.page = local(summary.key)
        if summary.key in next_keys:
            summary.next_page = local(next_keys[summary.key])
        for module in summary.modules:
            if module.completed:
                module.page = local(module.key)

    # The path the learner was reading last comes first, then the others in tree order.
    page_order = {s.key: index for index, s in enumerate(summaries)}
    current = next(
        (str(p.translation_key) for p in paths if last_path and last_path.startswith(p.path)),
        None,
    )
    summaries.sort(key=lambda s: (s.completed, s.key != current, page_order[s.key]))
    continue_page = local(last_key) if last_path else None
    if continue_page is None:
        continue_page = next((s.next_page for s in summaries if not s.completed), None)
    return {
        "continue_page": continue_page,
        "paths": summaries,
        "in_progress": [s for s in summaries if not s.completed],
        "completed_modules": [
            m for s in summaries for m in s.modules if m.completed and m.page is not None
        ],
        "attempts": [(attempt, local(attempt.page_key)) for attempt in attempts],
        "certificates": [(c, local(c.content_key)) for c in certificates.values()],
    }
