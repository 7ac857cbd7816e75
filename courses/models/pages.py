"""Course content: Audience -> Learning path -> Module -> Lesson.

Content only: who is assigned what and what a learner has done live elsewhere, and
refer to these pages by translation_key so all six translations share them. A visitor
without a session sees no progress, so these pages come to them from the shared cache
(cms.page_cache).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks, hooks
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from cms.models import PAGE_TRANSLATABLE_FIELDS
from cms.page_cache import SharedWithEveryoneMixin

from ..blocks import FinalQuizStreamBlock, LessonStreamBlock
from ..icons import Icon, icon_svg

# Learner progress reaches course pages through these hooks (registered in
# courses.wagtail_hooks), so that content models never import learner records.
LEARNER_CONTEXT_HOOK = "courses_add_learner_context"
LESSON_OPENED_HOOK = "courses_lesson_opened"


def add_learner_context(page, request, context):
    """Add what the page shows about the learner (progress, attempts) to `context`."""
    for add in hooks.get_hooks(LEARNER_CONTEXT_HOOK):
        add(page, request, context)


class Audience(models.TextChoices):
    CHILDREN = "children", _("Children")
    PARENTS_CARERS = "parents_carers", _("Parents and carers")
    EDUCATORS = "educators", _("Educators")
    INDUSTRY = "industry", _("Industry")
    POLICY_MAKERS = "policy_makers", _("Policy-makers")


class AgeBand(models.TextChoices):
    UNDER_9 = "under_9", _("Under 9")
    AGE_9_12 = "9_12", _("9 to 12")
    AGE_13_17 = "13_17", _("13 to 17")


class AudiencePage(SharedWithEveryoneMixin, Page):
    """Everything for one audience, e.g. children aged 9-12 or parents and carers."""

    audience = models.CharField(
        _("audience"),
        max_length=32,
        choices=Audience.choices,
        help_text=_("Who this section is written for."),
    )
    age_band = models.CharField(
        _("age band"),
        max_length=16,
        choices=AgeBand.choices,
        blank=True,
        help_text=_("For children's sections only: the ages the material is written for."),
    )
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("A sentence or two, shown on the home page.")
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    icon = models.CharField(
        _("icon"),
        max_length=32,
        choices=Icon.choices,
        default=Icon.FRIENDS,
        help_text=_(
            "The picture shown beside this section's title and on its card. "
            "For children, the friendly character works well."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("audience"),
        FieldPanel("age_band"),
        FieldPanel("icon"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["courses.LearningPathPage"]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        SynchronizedField("audience"),
        SynchronizedField("age_band"),
        SynchronizedField("icon"),
        TranslatableField("intro"),
        TranslatableField("body"),
    ]

    class Meta:
        verbose_name = _("audience page")

    def clean(self):
        super().clean()
        if self.age_band and self.audience != Audience.CHILDREN:
            raise ValidationError({"age_band": _("Only children's sections have an age band.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["learning_paths"] = LearningPathPage.objects.child_of(self).live().public()
        return context

    def card_icon(self):
        """The picture on this section's card on the home page.

        The home page (cms) knows no course models: it shows whatever a child page's
        `card_icon` gives, so the sprite and its names stay in courses.
        """
        return icon_svg(self.icon, "card__icon")


class LearningPathPage(SharedWithEveryoneMixin, Page):
    """An ordered sequence of modules that a learner follows from start to finish."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("What the path covers."))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["courses.AudiencePage"]
    subpage_types = ["courses.ModulePage"]
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("intro")]

    class Meta:
        verbose_name = _("learning path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["modules"] = list(ModulePage.objects.child_of(self).live().public())
        add_learner_context(self, request, context)
        return context


class ModulePage(SharedWithEveryoneMixin, Page):
    """One COP guideline module: objectives, an estimated time and ordered lessons.

    Lessons are ordered by their position in the page tree, which editors change by
    dragging them in the Wagtail page explorer.
    """

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("What the module is about.")
    )
    objectives = StreamField(
        [("objective", blocks.CharBlock(label=_("Objective"), max_length=250))],
        blank=True,
        verbose_name=_("learning objectives"),
        help_text=_('What a learner can do after the module, e.g. "Tell a trusted adult when...".'),
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"),
        default=15,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text=_("How long the whole module takes, in minutes."),
    )
    final_quiz = StreamField(
        FinalQuizStreamBlock(),
        blank=True,
        verbose_name=_("final quiz"),
        help_text=_("Optional: a learner must pass it, after the lessons, to finish the module."),
    )
    icon = models.CharField(
        _("icon"),
        max_length=32,
        choices=Icon.choices,
        default=Icon.SHIELD,
        help_text=_(
            "The picture on this module's card and page. Pick the one closest to its "
            "topic, e.g. a padlock for privacy or a chat bubble for talking online."
        ),
    )
    offer_pre_test = models.BooleanField(
        _("offer a pre-test"),
        default=False,
        help_text=_(
            "Let learners take the final quiz once before the lessons, to measure what they learnt."
        ),
    )

    # The educator's lesson plan (classrooms builds it from the module's lessons and
    # quiz). Every field is optional: an empty one is replaced by a default there.
    class_minutes = models.PositiveSmallIntegerField(
        _("class time in minutes"),
        null=True,
        blank=True,
        validators=[MinValueValidator(10), MaxValueValidator(600)],
        help_text=_(
            "How long the lesson takes in class. Leave empty to work it out from the "
            "lessons' reading time, the activity, the discussion and the quiz."
        ),
    )
    class_activity = RichTextField(
        _("class activity"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "What the class does together, step by step, e.g. a role play or a poster. "
            "Leave empty for a general activity."
        ),
    )
    discussion_questions = StreamField(
        [("question", blocks.CharBlock(label=_("Question"), max_length=300))],
        blank=True,
        verbose_name=_("discussion questions"),
        help_text=_(
            "Questions the educator asks the class. Leave empty to use the lessons' "
            "conversation starters."
        ),
    )
    handout = RichTextField(
        _("handout"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "One page for learners to take home. Leave empty to print the lessons' key takeaways."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("objectives"),
        FieldPanel("estimated_minutes"),
        FieldPanel("icon"),
        FieldPanel("final_quiz"),
        FieldPanel("offer_pre_test"),
    ]
    lesson_plan_panels = [
        FieldPanel("class_minutes"),
        FieldPanel("class_activity"),
        FieldPanel("discussion_questions"),
        FieldPanel("handout"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(lesson_plan_panels, heading=_("Lesson plan")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["courses.LearningPathPage"]
    subpage_types = ["courses.LessonPage"]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("intro"),
        TranslatableField("objectives"),
        SynchronizedField("estimated_minutes"),
        SynchronizedField("icon"),
        TranslatableField("final_quiz"),
        SynchronizedField("offer_pre_test"),
        SynchronizedField("class_minutes"),
        TranslatableField("class_activity"),
        TranslatableField("discussion_questions"),
        TranslatableField("handout"),
    ]

    class Meta:
        verbose_name = _("module")

    def lessons(self):
        return LessonPage.objects.child_of(self).live().public()

    @property
    def quiz(self):
        """The final quiz as a StreamField child (with its id), or None."""
        return self.final_quiz[0] if self.final_quiz else None

    def find_quiz(self, quiz_id):
        quiz = self.quiz
        return quiz if quiz is not None and quiz.id == quiz_id else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = list(self.lessons())
        add_learner_context(self, request, context)
        return context


class LessonPage(SharedWithEveryoneMixin, Page):
    """A short lesson inside a module, built from StreamField blocks."""

    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One sentence shown in the module's lesson list.")
    )
    body = StreamField(LessonStreamBlock(), verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("summary"),
        TranslatableField("body"),
    ]

    class Meta:
        verbose_name = _("lesson")

    def find_quiz(self, quiz_id):
        """The knowledge check with this StreamField block id, or None."""
        for child in self.body:
            if child.block_type == "quiz" and child.id == quiz_id:
                return child
        return None

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if not getattr(request, "is_preview", False):
            for remember in hooks.get_hooks(LESSON_OPENED_HOOK):
                remember(self, request)
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.position_in_module())
        add_learner_context(self, request, context)
        context["audience"] = self.audience()
        return context

    def audience(self):
        """Who the lesson's section is for (an Audience value), "" outside any section.

        Conversation boxes read it: a parents' or educators' lesson must not show the
        children's "talk to a trusted adult" wording.
        """
        section = AudiencePage.objects.ancestor_of(self).only("audience").first()
        return section.audience if section else ""

    def position_in_module(self):
        """Previous and next lesson, and this lesson's number, in one query.

        A draft being previewed is placed among the live lessons by tree order.
        """
        siblings = list(
            LessonPage.objects.sibling_of(self)
            .filter(models.Q(live=True) | models.Q(pk=self.pk))
            .public()
            .defer_streamfields()
        )
        positions = [sibling.pk for sibling in siblings]
        if self.pk not in positions:  # previewing a lesson that is not saved yet
            return {"lesson_count": len(siblings)}
        position = positions.index(self.pk)
        return {
            "previous_lesson": siblings[position - 1] if position > 0 else None,
            "next_lesson": siblings[position + 1] if position + 1 < len(siblings) else None,
            "lesson_number": position + 1,
            "lesson_count": len(siblings),
        }
