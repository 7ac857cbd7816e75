"""Factories for course pages, and a small translated tree for tests that need one."""

from dataclasses import dataclass

import factory
import wagtail_factories
from django.conf import settings
from wagtail.models import Locale, Page, Site

from cms.factories import HomePageFactory

from .models import AudiencePage, LearningPathPage, LessonPage, ModulePage
from .models.pages import AgeBand, Audience


class AudiencePageFactory(wagtail_factories.PageFactory):
    title = "Children (9 to 12)"
    slug = factory.Sequence(lambda n: f"audience-{n}")
    audience = Audience.CHILDREN
    age_band = AgeBand.AGE_9_12
    intro = "Lessons for children."

    class Meta:
        model = AudiencePage


class LearningPathPageFactory(wagtail_factories.PageFactory):
    title = "Staying safe online"
    slug = factory.Sequence(lambda n: f"path-{n}")
    intro = "What to keep private and where to get help."

    class Meta:
        model = LearningPathPage


class ModulePageFactory(wagtail_factories.PageFactory):
    title = "My private information"
    slug = factory.Sequence(lambda n: f"module-{n}")
    intro = "Some things about you are private."
    estimated_minutes = 10
    objectives = factory.LazyFunction(lambda: [("objective", "Say what is private.")])

    class Meta:
        model = ModulePage


class LessonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Lesson {n}")
    slug = factory.Sequence(lambda n: f"lesson-{n}")
    summary = "A short lesson."
    body = factory.LazyFunction(
        lambda: [
            ("heading", {"text": "Private means just for you", "level": "h2"}),
            ("paragraph", "<p>Your address and passwords are private.</p>"),
            ("callout", {"kind": "tip", "title": "Ask yourself", "text": "<p>Would I say it?</p>"}),
            ("key_takeaways", {"heading": "Remember", "items": ["Keep passwords secret."]}),
            ("conversation_starter", {"prompt": "What is private?", "adult_guidance": ""}),
        ]
    )

    class Meta:
        model = LessonPage


def quiz_data(prefix, questions=None, pass_mark=70, title=""):
    """A QuizBlock's raw value with stable question and choice ids derived from `prefix`.

    `questions` is a list of (kind, text, [(choice text, is_correct, feedback)], explanation);
    by default three questions, one of each kind.
    """
    questions = questions or SAMPLE_QUESTIONS
    return {
        "title": title,
        "pass_mark": pass_mark,
        "questions": [
            {
                "type": "item",
                "id": f"{prefix}-q{number}",
                "value": {
                    "kind": kind,
                    "text": text,
                    "explanation": explanation,
                    "choices": [
                        {
                            "type": "item",
                            "id": f"{prefix}-q{number}-{letter}",
                            "value": {"text": choice, "is_correct": correct, "feedback": feedback},
                        }
                        for letter, (choice, correct, feedback) in zip(
                            "abcdefgh", choices, strict=False
                        )
                    ],
                },
            }
            for number, (kind, text, choices, explanation) in enumerate(questions, start=1)
        ],
    }


SAMPLE_QUESTIONS = [
    (
        "single",
        "Which of these is private information?",
        [
            ("Your home address", True, "Yes: your address tells people where to find you."),
            ("Your favourite colour", False, "A favourite colour cannot tell anyone who you are."),
        ],
        "Private information tells people who you are or where to find you.",
    ),
    (
        "multiple",
        "Which of these should you keep secret?",
        [
            ("Your password", True, ""),
            ("Your game nickname", False, "A nickname is fine to share: it hides your name."),
            ("Your PIN code", True, ""),
        ],
        "Passwords and PIN codes are just for you and a parent or carer.",
    ),
    (
        "true_false",
        "It is fine to share your password with your best friend.",
        [("True", False, "Even best friends should not know it."), ("False", True, "")],
        "",
    ),
]

# The right answers of the sample quiz, as {question suffix: [choice suffixes]}.
SAMPLE_RIGHT_ANSWERS = {"q1": ["a"], "q2": ["a", "c"], "q3": ["b"]}


def quiz_answers(prefix, answers=None):
    """POST data answering the quiz built by quiz_data(prefix): the right answers, except
    for the questions given in `answers`."""
    answers = {**SAMPLE_RIGHT_ANSWERS, **(answers or {})}
    data = {"quiz": prefix}
    for question, choices in answers.items():
        data[f"q-{prefix}-{question}"] = [f"{prefix}-{question}-{choice}" for choice in choices]
    return data


def lesson_body_with_quiz(quiz_id, **quiz_options):
    return [
        {"type": "paragraph", "value": "<p>Your address is private.</p>", "id": f"{quiz_id}-text"},
        {"type": "quiz", "value": quiz_data(quiz_id, **quiz_options), "id": quiz_id},
    ]


def final_quiz_data(quiz_id, **quiz_options):
    return [{"type": "quiz", "value": quiz_data(quiz_id, **quiz_options), "id": quiz_id}]


@dataclass
class CourseTree:
    home: Page
    audience: AudiencePage
    path: LearningPathPage
    module: ModulePage
    lessons: list

    @property
    def pages(self):
        return [self.home, self.audience, self.path, self.module, *self.lessons]


def ensure_locales():
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }


def build_course_tree(lesson_count=2, translate_to=(), quizzes=False, module_count=1):
    """An English home -> audience -> path -> module -> lessons tree, set as the site.

    Each language in `translate_to` gets a published translation of every page, made
    with Wagtail's copy_for_translation and titled "<English title> [<language>]".
    With `quizzes`, the first lesson of each module has a knowledge check ("check") and
    each module a final quiz ("final") that may be taken as a pre-test. With
    `module_count` > 1, `tree.modules` holds every module and `tree.lessons` the first's.
    """
    locales = ensure_locales()
    home = HomePageFactory(parent=Page.get_first_root_node(), locale=locales["en"])
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()  # saving (not .update()) clears Wagtail's cached site root paths
    audience = AudiencePageFactory(parent=home)
    path = LearningPathPageFactory(parent=audience)
    modules, all_lessons = [], []
    for _ in range(module_count):
        quiz_fields = {"final_quiz": final_quiz_data("final"), "offer_pre_test": True}
        module = ModulePageFactory(parent=path, **(quiz_fields if quizzes else {}))
        lessons = [
            LessonPageFactory(
                parent=module, **({"body": lesson_body_with_quiz("check")} if quizzes else {})
            )
            for _ in range(lesson_count)
        ]
        modules.append(module)
        all_lessons.append(lessons)
    tree = CourseTree(home, audience, path, modules[0], all_lessons[0])
    tree.modules = modules
    tree.all_lessons = [lesson for lessons in all_lessons for lesson in lessons]
    for code in translate_to:
        for page in [home, audience, path, *modules, *tree.all_lessons]:
            translation = page.copy_for_translation(locales[code])
            translation.title = f"{page.title} [{code}]"
            translation.save_revision().publish()
    return tree


def scenario_data(prefix, title=""):
    """A ScenarioBlock's raw value with ids derived from `prefix`.

    Choice "a" is best and has no follow-up, "b" is not best, and "c" is best and leads
    to a follow-up step ("{prefix}-c-next") whose choice "a" is best and "b" is not.
    """

    def choice(letter, text, is_best, consequence, feedback, parent=prefix, follow_up=None):
        value = {
            "text": text,
            "is_best": is_best,
            "consequence": consequence,
            "feedback": feedback,
        }
        if follow_up is not None:
            value["follow_up"] = follow_up
        return {"type": "item", "id": f"{parent}-{letter}", "value": value}

    next_step = {
        "type": "item",
        "id": f"{prefix}-c-next",
        "value": {
            "situation": "The adult asks what the message said.",
            "choices": [
                choice(
                    "a",
                    "Show the adult the message",
                    True,
                    "The adult helps you block and report.",
                    "Showing a trusted adult lets them help.",
                    f"{prefix}-c",
                ),
                choice(
                    "b",
                    "Say it was nothing",
                    False,
                    "The adult cannot help.",
                    "It is never your fault: you can tell them.",
                    f"{prefix}-c",
                ),
            ],
        },
    }
    return {
        "title": title,
        "situation": "A stranger in a game asks for your home address.",
        "choices": [
            choice(
                "a",
                "Block and report the player",
                True,
                "The player cannot message you.",
                "Blocking keeps you safe.",
                follow_up=[],
            ),
            choice(
                "b",
                "Send your address",
                False,
                "The stranger knows where you live.",
                "Your address is private information.",
                follow_up=[],
            ),
            choice(
                "c",
                "Tell a trusted adult",
                True,
                "A trusted adult listens.",
                "Telling someone you trust is brave.",
                follow_up=[next_step],
            ),
        ],
    }


def lesson_body_with_scenario(scenario_id):
    return [
        {"type": "paragraph", "value": "<p>Strangers online.</p>", "id": f"{scenario_id}-text"},
        {"type": "scenario", "value": scenario_data(scenario_id), "id": scenario_id},
    ]
