"""The "Interactive activity" lesson block: an H5P activity played inside a lesson.

courses builds lessons from its own blocks and those named in
settings.LESSON_EXTRA_BLOCKS, this one among them, so courses never imports h5p. The
block id (given by the lesson's StreamField and copied into every translation) names
the activity's results in learner records, as a quiz's id does; which activity, whether
it counts towards the lesson and its pass mark are not text, so wagtail-localize keeps
them the same in every language.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .content_text import texts

DEFAULT_PASS_MARK = 70


def player_url(activity):
    """Where a lesson frames the activity's player: H5P_PLAYER_ORIGIN, or the lesson's own."""
    return settings.H5P_PLAYER_ORIGIN + reverse("h5p:player", args=[activity.pk])


def semantics_of(key):
    """The semantics of an installed library, by (machine name, major, minor)."""
    from .models import H5PLibrary

    name, major, minor = key
    library = H5PLibrary.objects.filter(
        machine_name=name, major_version=major, minor_version=minor
    ).first()
    return library.semantics if library else None


def activity_texts(activity):
    """The activity's own texts (its content.json's text fields), in semantics order."""
    if activity.main_library is None:
        return []
    return texts(activity.content_json, activity.main_library.semantics, semantics_of)


class InteractiveActivityBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=200,
        help_text=_(
            "Shown above the activity, in the lesson's language. Leave empty to "
            "show the activity's title."
        ),
    )
    activity = SnippetChooserBlock(
        "h5p.H5PActivity",
        label=_("H5P activity"),
        help_text=_("Upload activities under Snippets, H5P activities."),
    )
    counts_towards_completion = blocks.BooleanBlock(
        label=_("Counts towards completion"),
        required=False,
        help_text=_(
            "Tick to finish the lesson for a learner who reaches the pass mark in this "
            "activity, as passing a knowledge check does."
        ),
    )
    texts = blocks.ListBlock(
        blocks.TextBlock(label=_("Text"), required=False),
        label=_("Activity texts"),
        default=[],
        help_text=_(
            "The words of the activity, in the lesson's language. Filled in from the "
            "activity when the lesson is saved; translators translate them with the rest "
            "of the lesson."
        ),
    )
    pass_mark = blocks.IntegerBlock(
        label=_("Pass mark (%)"),
        default=DEFAULT_PASS_MARK,
        min_value=0,
        max_value=100,
        help_text=_("The share of the activity's points a learner needs to pass it."),
    )

    class Meta:
        icon = "pick"
        label = _("Interactive activity")
        template = "h5p/blocks/interactive_activity.html"

    def clean(self, value):
        """Fill in the activity's texts (from its content.json) when none are given, or
        when they cannot be the chosen activity's (another number of them, e.g. after
        choosing another activity): such texts would never be played."""
        value = super().clean(value)
        activity = value.get("activity")
        if activity is None:
            return value
        own = activity_texts(activity)
        given = list(value.get("texts") or ())
        if not any(given) or len(given) != len(own):
            value["texts"] = self.child_blocks["texts"].to_python(own)
        return value

    def get_context(self, value, parent_context=None):
        """Adds where to load the player and where to send results.

        Results need a saved lesson and the block's id; the editor's preview of a
        single block has neither and plays the activity without recording anything.
        """
        context = super().get_context(value, parent_context=parent_context)
        activity = value["activity"]
        page, block_id = context.get("page"), context.get("id")
        context["player_url"] = player_url(activity) if activity is not None else ""
        context["result_url"] = ""
        if page is not None and page.pk and block_id:
            context["result_url"] = reverse("h5p_results:submit", args=[page.pk, block_id])
            # The player plays the content with this block's texts (the page's language).
            context["player_url"] += "?" + urlencode({"lesson": page.pk, "block": block_id})
        return context
