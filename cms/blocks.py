"""StreamField blocks shared by every page type of the site.

Each block carries its own template, icon, label and preview so editors see what a
learner will see. Text values are CharBlock/RichTextBlock so wagtail-localize offers
them as translatable segments; choices (callout kind, heading level) are synchronised
across languages.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        help_text=_("Use a section heading before sub-headings so headings stay in order."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "cms/blocks/heading_block.html"
        preview_value = {"text": "Keeping your information private", "level": "h2"}


class AccessibleImageBlock(blocks.StructBlock):
    """An image that cannot be published without a text alternative."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it. Required."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "cms/blocks/image_block.html"


class VideoBlock(blocks.StructBlock):
    """A video, uploaded or linked, that always comes with captions or a transcript.

    An external video is shown as a link rather than an embedded player, so opening a
    lesson never makes a request to another site; the learner chooses to leave.
    """

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    video_file = DocumentChooserBlock(
        label=_("Video file"),
        required=False,
        help_text=_("An MP4 or WebM file uploaded to the document library."),
    )
    external_url = blocks.URLBlock(
        label=_("External video address"),
        required=False,
        help_text=_("Use instead of a file for a video hosted elsewhere."),
    )
    captions = DocumentChooserBlock(
        label=_("Captions (WebVTT)"),
        required=False,
        help_text=_("A .vtt captions file for the uploaded video."),
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"), required=False, features=RICH_TEXT_FEATURES
    )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        has_file, has_url = bool(value.get("video_file")), bool(value.get("external_url"))
        if has_file == has_url:
            message = _("Choose either a video file or an external video address.")
            errors["video_file"] = ErrorList([ValidationError(message)])
            errors["external_url"] = ErrorList([ValidationError(message)])
        if not value.get("captions") and not value.get("transcript"):
            errors["transcript"] = ErrorList(
                [ValidationError(_("Add captions or a transcript so everyone can follow."))]
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "media"
        label = _("Video")
        template = "cms/blocks/video_block.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("tip", _("Tip")), ("warning", _("Warning"))],
        default="tip",
    )
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Tip or warning")
        template = "cms/blocks/callout_block.html"
        preview_value = {
            "kind": "tip",
            "title": "Tip",
            "text": "<p>Ask before you share a photo of someone else.</p>",
        }


class KeyTakeawaysBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default="Key takeaways")
    items = blocks.ListBlock(blocks.CharBlock(max_length=250), label=_("Takeaways"))

    class Meta:
        icon = "list-ul"
        label = _("Key takeaways")
        template = "cms/blocks/key_takeaways_block.html"
        preview_value = {
            "heading": "Key takeaways",
            "items": [
                "Keep passwords to yourself.",
                "Tell a trusted adult if something feels wrong.",
            ],
        }


class ConversationStarterBlock(blocks.StructBlock):
    """A question for a trusted adult and a child to talk about together."""

    prompt = blocks.CharBlock(
        label=_("Question to talk about"),
        max_length=300,
        help_text=_("Written so that a child and a trusted adult can discuss it."),
    )
    adult_guidance = blocks.TextBlock(
        label=_("Guidance for the adult"),
        required=False,
        help_text=_("Optional: how to listen and respond without blame."),
    )

    class Meta:
        icon = "openquote"
        label = _("Conversation starter")
        template = "cms/blocks/conversation_starter_block.html"
        preview_value = {
            "prompt": "Which apps do you use most, and what do you like about them?",
            "adult_guidance": "Listen first. Show interest rather than worry.",
        }


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks every content page may use."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="cms/blocks/paragraph_block.html",
    )
    image = AccessibleImageBlock()
    video = VideoBlock()
    callout = CalloutBlock()
