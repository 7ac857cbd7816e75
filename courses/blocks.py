"""Blocks of the learning content: the shared content blocks, teaching blocks and quizzes.

Quiz text (questions, choices, feedback, explanations) is made of CharBlock/TextBlock
values, so wagtail-localize offers it as segments; which choice is correct and the pass
mark are a BooleanBlock and an IntegerBlock, which it copies unchanged into every
translation, so the right answers cannot drift between languages. Questions and choices
are ListBlock items: their ids are copied into translations too, and learner records
refer to them.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.utils import ErrorList
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from cms.blocks import BaseStreamBlock, ConversationStarterBlock, KeyTakeawaysBlock

from .quiz_order import attempt_seed, choice_position, quiz_key
from .scenarios import play_state

DEFAULT_PASS_MARK = 70


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple select")
    TRUE_FALSE = "true_false", _("True or false")


class AnswerChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    is_correct = blocks.BooleanBlock(
        label=_("Correct answer"),
        required=False,
        help_text=_("Tick every correct answer. The same in every language."),
    )
    feedback = blocks.CharBlock(
        label=_("Feedback"),
        required=False,
        max_length=400,
        help_text=_("Optional: shown after answering to a learner who picked this answer."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Answer choice")


class QuestionBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Question type"),
        choices=QuestionKind.choices,
        default=QuestionKind.SINGLE,
        help_text=_("Single choice and true or false have one correct answer."),
    )
    text = blocks.CharBlock(label=_("Question"), max_length=400)
    choices = blocks.ListBlock(AnswerChoiceBlock(), min_num=2, max_num=8, label=_("Answers"))
    explanation = blocks.TextBlock(
        label=_("Explanation"),
        required=False,
        help_text=_("Optional: shown to every learner after answering."),
    )

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for choice in value["choices"] if choice["is_correct"])
        message = None
        if value["kind"] == QuestionKind.TRUE_FALSE and len(value["choices"]) != 2:
            message = _("A true or false question has exactly two answers.")
        elif value["kind"] != QuestionKind.MULTIPLE and correct != 1:
            message = _("Mark exactly one answer as correct.")
        elif correct < 1:
            message = _("Mark at least one answer as correct.")
        if message:
            raise StructBlockValidationError(
                block_errors={"choices": ErrorList([ValidationError(message)])}
            )
        return value

    class Meta:
        icon = "help"
        label = _("Question")


class QuizBlock(blocks.StructBlock):
    """A quiz graded on the server: in a lesson a knowledge check, in a module its final quiz.

    The block's id (given by the StreamField) names the quiz in learner records.
    """

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    pass_mark = blocks.IntegerBlock(
        label=_("Pass mark (%)"),
        default=DEFAULT_PASS_MARK,
        min_value=0,
        max_value=100,
        help_text=_("The percentage of questions a learner must get right to pass."),
    )
    questions = blocks.ListBlock(QuestionBlock(), min_num=1, max_num=30, label=_("Questions"))

    class Meta:
        icon = "tasks"
        label = _("Quiz")
        template = "courses/blocks/quiz_block.html"

    def get_context(self, value, parent_context=None):
        """Adds `questions`: (question, its choices in this attempt's order) pairs.

        On a learner's page (a request, a page and the quiz's id) the choices are
        shuffled for the attempt (courses.quiz_order); in the block preview of the
        editor, which has neither, they stay in the written order.
        """
        context = super().get_context(value, parent_context=parent_context)
        request, page, quiz_id = (context.get(name) for name in ("request", "page", "quiz_id"))
        seed = None
        if request is not None and page is not None and quiz_id:
            seed = attempt_seed(request, quiz_key(page, quiz_id))
        context["questions"] = [
            (question, ordered_choices(question, seed))
            for question in value["questions"].bound_blocks
        ]
        return context


def ordered_choices(question, seed):
    """A question's choices (bound blocks) in the order the attempt with `seed` shows them.

    Each choice is placed by a hash of the seed and its own id, so the order is the
    same for the same seed in every language. True-or-false questions keep their
    written order: their two answers are read as labels, not positions, and a learner
    expects "True" before "False". Without a seed, the written order.
    """
    choices = list(question.value["choices"].bound_blocks)
    if seed is None or question.value["kind"] == QuestionKind.TRUE_FALSE:
        return choices
    return sorted(choices, key=lambda choice: choice_position(seed, question.id, choice.id))


MIN_SCENARIO_CHOICES = 2
MAX_SCENARIO_CHOICES = 4


class ScenarioChoiceBlock(blocks.StructBlock):
    """One thing the learner could do, what happens then, and what to learn from it.

    Which choices are best is a BooleanBlock, copied unchanged into every translation
    (as a quiz's correct answers are), so the best outcome is the same in every language.
    """

    text = blocks.CharBlock(label=_("Choice"), max_length=200)
    is_best = blocks.BooleanBlock(
        label=_("Best choice"),
        required=False,
        help_text=_("Tick every choice that is a best thing to do. The same in every language."),
    )
    consequence = blocks.TextBlock(
        label=_("What happens"), help_text=_("What happens next if the learner chooses this.")
    )
    feedback = blocks.TextBlock(
        label=_("Feedback"), help_text=_("Why this is, or is not, a good thing to do.")
    )

    class Meta:
        icon = "radio-full"
        label = _("Choice")


class ScenarioChoicesChecked:
    """For a scenario's steps: 2 to 4 choices, at least one of them a best choice."""

    def clean(self, value):
        value = super().clean(value)
        choices = value["choices"]
        if not MIN_SCENARIO_CHOICES <= len(choices) <= MAX_SCENARIO_CHOICES:
            message = _("Give between 2 and 4 choices.")
        elif not any(choice["is_best"] for choice in choices):
            message = _("Mark at least one choice as a best choice.")
        else:
            return value
        raise StructBlockValidationError(
            block_errors={"choices": ErrorList([ValidationError(message)])}
        )


class ScenarioStepBlock(ScenarioChoicesChecked, blocks.StructBlock):
    """A situation and the choices it offers; the follow-up step of a scenario's choice."""

    situation = blocks.TextBlock(label=_("Situation"))
    choices = blocks.ListBlock(
        ScenarioChoiceBlock(),
        min_num=MIN_SCENARIO_CHOICES,
        max_num=MAX_SCENARIO_CHOICES,
        label=_("Choices"),
    )

    class Meta:
        icon = "arrow-right"
        label = _("Follow-up step")


class ScenarioFirstChoiceBlock(ScenarioChoiceBlock):
    """A choice of the first situation, which may lead to one more step (and no deeper:
    the follow-up's choices are plain ScenarioChoiceBlocks)."""

    follow_up = blocks.ListBlock(
        ScenarioStepBlock(),
        min_num=0,
        max_num=1,
        label=_("Follow-up step (optional)"),
        help_text=_("A second situation that this choice leads to, with its own choices."),
    )


class ScenarioBlock(ScenarioChoicesChecked, blocks.StructBlock):
    """A "What would you do?" scenario: a situation, choices and their consequences.

    The learner picks a choice and sees what happens and why (and, for a choice with a
    follow-up, a second situation). The learner's path ends at a choice without a
    follow-up or at a follow-up's choice; when every choice on it is a best choice, the
    lesson is done, as when its knowledge check is passed (courses.scenarios). The
    block's id and the choices' ids name them in the form and in learner records.
    """

    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=200,
        help_text=_('Optional: "What would you do?" when left empty.'),
    )
    situation = blocks.TextBlock(
        label=_("Situation"), help_text=_("A short situation the learner can picture.")
    )
    choices = blocks.ListBlock(
        ScenarioFirstChoiceBlock(),
        min_num=MIN_SCENARIO_CHOICES,
        max_num=MAX_SCENARIO_CHOICES,
        label=_("Choices"),
    )

    def get_context(self, value, parent_context=None):
        """Adds `play`: what the learner chose so far (courses.scenarios.play_state)."""
        context = super().get_context(value, parent_context=parent_context)
        context["play"] = play_state(value, context)
        return context

    class Meta:
        icon = "pick"
        label = _("What would you do? (scenario)")
        template = "courses/blocks/scenario_block.html"
        preview_value = {
            "situation": "A player you do not know asks for your home address.",
            "choices": [
                {
                    "text": "Block and report the player",
                    "is_best": True,
                    "consequence": "The player cannot message you any more.",
                    "feedback": "Blocking and reporting keeps you safe.",
                },
                {
                    "text": "Send your address",
                    "is_best": False,
                    "consequence": "A stranger now knows where you live.",
                    "feedback": "Your address is private information.",
                },
            ],
        }


def extra_lesson_blocks():
    """The blocks other apps add to lessons (settings.LESSON_EXTRA_BLOCKS), e.g. H5P
    activities: they depend on courses, so courses names them only in settings."""
    return [(name, import_string(path)()) for name, path in settings.LESSON_EXTRA_BLOCKS]


class LessonStreamBlock(BaseStreamBlock):
    """A lesson's body: the shared content blocks, the teaching blocks and other apps'."""

    key_takeaways = KeyTakeawaysBlock()
    conversation_starter = ConversationStarterBlock()
    quiz = QuizBlock(label=_("Knowledge check"))
    scenario = ScenarioBlock()

    def __init__(self, local_blocks=None, **kwargs):
        super().__init__([*(local_blocks or ()), *extra_lesson_blocks()], **kwargs)


class FinalQuizStreamBlock(blocks.StreamBlock):
    quiz = QuizBlock(label=_("Final quiz"))

    class Meta:
        max_num = 1
