"""A printable lesson plan for one module: objectives, timing, activity, discussion, handout.

Educators teach a module in class rather than leave pupils alone with it, so each module
gets a plan built from what the module already holds (its objectives, lessons, key
takeaways, conversation starters and final quiz) plus the optional fields editors fill
in on the module's "Lesson plan" tab. Whatever an editor leaves empty gets a sensible
default, so every module has a usable plan from the day it is published.

The plan is built in one language (the class's, or the educator's). Where the module is
not translated into it, the source module stands in and the plan says which language its
content is in, so the page can mark it (lang/dir). Timing is always worked out from the
source lessons, so the same module takes the same time in every language.
"""

import math
import re
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.translation import get_language_info
from wagtail.models import Locale

from courses.models import AudiencePage, LessonPage, ModulePage
from courses.models.pages import Audience

# Reading a lesson aloud with a class and stopping for questions is slower than silent
# reading: about 120 words a minute, and never less than a few minutes per lesson.
WORDS_PER_MINUTE = 120
MIN_LESSON_MINUTES = 3
INTRODUCTION_MINUTES = 5
ACTIVITY_MINUTES = 15
MIN_ACTIVITY_MINUTES = 5
DISCUSSION_MINUTES = 10
MIN_CHECK_MINUTES = 5
MAX_DISCUSSION_QUESTIONS = 6

# Chinese and Japanese text has no spaces between words: count its characters instead,
# at roughly two characters a word.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def word_count(text):
    """Words in plain text, counting CJK characters two to a word."""
    cjk = len(CJK.findall(text))
    return len(CJK.sub(" ", text).split()) + math.ceil(cjk / 2)


def strings_in(value):
    """Every string inside a StreamField's raw data (text, headings, quiz wording)."""
    if isinstance(value, str):
        yield strip_tags(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("type", "id"):
                yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def reading_minutes(lesson):
    """How long a class needs to read and talk through one lesson."""
    words = word_count(" ".join(strings_in(list(lesson.body.raw_data))))
    return max(MIN_LESSON_MINUTES, math.ceil(words / WORDS_PER_MINUTE))


@dataclass
class LessonInPlan:
    title: str
    summary: str
    minutes: int
    takeaways: list = field(default_factory=list)
    conversation_starters: list = field(default_factory=list)


@dataclass
class QuizQuestion:
    text: str
    choices: list  # (text, is_correct)


@dataclass
class Step:
    """One part of the class, in the order it is taught. `kind` names it for the template."""

    kind: str
    minutes: int
    title: str = ""


@dataclass
class LessonPlan:
    module: ModulePage
    language: str  # the language the plan's content is written in
    lessons: list
    steps: list
    objectives: list
    activity: str  # the editor's rich text, "" for the default activity
    discussion_questions: list
    discussion_from: str  # "module", "lessons" or "" (the default questions)
    quiz_questions: list
    handout: str  # the editor's rich text, "" for the default handout
    for_children: bool = False  # the handout then speaks to the child

    @property
    def total_minutes(self):
        return sum(step.minutes for step in self.steps)

    @property
    def dir(self):
        return "rtl" if get_language_info(self.language)["bidi"] else "ltr"

    @property
    def takeaways(self):
        return [item for lesson in self.lessons for item in lesson.takeaways]


def module_in_language(module_key, language):
    """The live module with this translation key in `language`, else the source module.

    None when no such module is live. One query.
    """
    default = Locale.get_default()
    modules = {
        module.locale.language_code: module
        for module in ModulePage.objects.live()
        .filter(translation_key=module_key)
        .filter(locale__language_code__in={language, default.language_code})
        .select_related("locale")
    }
    return modules.get(language) or modules.get(default.language_code)


def lesson_in_plan(lesson, minutes):
    takeaways, starters = [], []
    for block in lesson.body:
        if block.block_type == "key_takeaways":
            takeaways.extend(str(item) for item in block.value["items"])
        elif block.block_type == "conversation_starter":
            starters.append(block.value["prompt"])
    return LessonInPlan(lesson.title, lesson.summary, minutes, takeaways, starters)


def quiz_questions(module):
    quiz = module.quiz
    if quiz is None:
        return []
    return [
        QuizQuestion(
            question["text"],
            [(choice["text"], bool(choice["is_correct"])) for choice in question["choices"]],
        )
        for question in quiz.value["questions"]
    ]


def source_minutes(module):
    """{lesson translation_key: minutes}, read from the source module's lessons."""
    source = module if module.locale_id == Locale.get_default().pk else None
    if source is None:
        source = (
            ModulePage.objects.live()
            .filter(translation_key=module.translation_key, locale=Locale.get_default())
            .first()
        ) or module
    return {lesson.translation_key: reading_minutes(lesson) for lesson in source.lessons()}


def audience_of(module):
    section = AudiencePage.objects.ancestor_of(module).only("audience").first()
    return section.audience if section else ""


def build_lesson_plan(module):
    """The lesson plan of `module`, in the module's own language."""
    minutes = source_minutes(module)
    lessons = [
        lesson_in_plan(lesson, minutes.get(lesson.translation_key) or reading_minutes(lesson))
        for lesson in LessonPage.objects.child_of(module).live().public()
    ]
    questions = quiz_questions(module)

    discussion = [str(block.value) for block in module.discussion_questions]
    discussion_from = "module" if discussion else ""
    if not discussion:
        discussion = [s for lesson in lessons for s in lesson.conversation_starters]
        discussion = discussion[:MAX_DISCUSSION_QUESTIONS]
        discussion_from = "lessons" if discussion else ""

    steps = [Step("introduction", INTRODUCTION_MINUTES)]
    steps += [Step("lesson", lesson.minutes, lesson.title) for lesson in lessons]
    activity = Step("activity", ACTIVITY_MINUTES)
    steps += [activity, Step("discussion", DISCUSSION_MINUTES)]
    if questions:
        steps.append(Step("check", max(MIN_CHECK_MINUTES, len(questions))))
    if module.class_minutes:
        # The editor's class time wins: the activity takes what the rest leaves over.
        others = sum(step.minutes for step in steps) - activity.minutes
        activity.minutes = max(MIN_ACTIVITY_MINUTES, module.class_minutes - others)

    return LessonPlan(
        module=module,
        language=module.locale.language_code,
        lessons=lessons,
        steps=steps,
        objectives=[str(block.value) for block in module.objectives],
        activity=str(module.class_activity or ""),
        discussion_questions=discussion,
        discussion_from=discussion_from,
        quiz_questions=questions,
        handout=str(module.handout or ""),
        for_children=audience_of(module) == Audience.CHILDREN,
    )
