"""What course pages show about the learner: the template context of learner progress.

Content models do not import learner records: each course page asks, through a Wagtail
hook (courses.wagtail_hooks), for the learner context of its kind, and the functions
here build it from .records (where progress is kept) and .rules (what counts as done).
"""

from dataclasses import dataclass

from cms.pages_in_language import localized_pages, page_in_language, source_page

from ..models import Certificate, LessonPage, ModulePage
from ..models.progress import AttemptKind, CertificateKind
from .records import progress_for
from .rules import pre_test_available


def learning_path_context(request, path, context):
    context.update(path_progress(request, path, context["modules"]))


def module_context(request, module, context):
    context.update(module_progress(request, module))
    done = context["lessons_done"]
    context["lesson_rows"] = [
        (lesson, str(lesson.translation_key) in done) for lesson in context["lessons"]
    ]
    context["lessons_done_count"] = sum(is_done for _lesson, is_done in context["lesson_rows"])
    # Once started, the module page leads on to the first lesson not done yet.
    context["next_lesson"] = next(
        (lesson for lesson, is_done in context["lesson_rows"] if not is_done), None
    )
    if not context["lessons_done_count"]:
        context["next_lesson"] = None


def lesson_context(request, lesson, context):
    context["lesson_done"] = progress_for(request).has_lesson(lesson.translation_key)


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
