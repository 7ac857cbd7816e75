"""Course pages ask for learner progress through hooks, so content models need not
import learner records (courses.progress imports the models, never the reverse)."""

from wagtail import hooks

from .models.pages import LEARNER_CONTEXT_HOOK, LESSON_OPENED_HOOK
from .progress import context, records


@hooks.register(LEARNER_CONTEXT_HOOK)
def add_learner_context(page, request, page_context):
    add = {
        "learningpathpage": context.learning_path_context,
        "modulepage": context.module_context,
        "lessonpage": context.lesson_context,
    }.get(page._meta.model_name)
    if add is not None:
        add(request, page, page_context)


@hooks.register(LESSON_OPENED_HOOK)
def remember_lesson_opened(lesson, request):
    records.record_lesson_opened(request, lesson)
