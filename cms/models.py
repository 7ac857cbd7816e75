"""The site's shell: the home page of each language tree, plain standard pages, the footer."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .blocks import BaseStreamBlock
from .page_cache import SharedWithEveryoneMixin

# Page fields every page type translates. The slug is synchronised, so a page has the
# same path in every language and only the /<language>/ prefix differs: switching
# language and falling back to the source page both work by path.
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    SynchronizedField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
]


class IntroBodyPage(SharedWithEveryoneMixin, Page):
    """A page made of a short introduction and a body of blocks.

    The home page, standard pages and the reporting guidance share these fields, their
    editor panels, search fields and translatable fields; one abstract model keeps them
    the same. A plain abstract model, not Wagtail's custom base page setting, which
    wagtail-localize does not support. Visitors without a session get them from the
    shared cache (cms.page_cache).
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown under the title."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("intro"),
        TranslatableField("body"),
    ]

    class Meta:
        abstract = True


class HomePage(IntroBodyPage):
    """The root of one language tree.

    Its children are whatever page types name the home page among their parents
    (audiences, standard pages, reporting guidance), so cms names no other app's models.
    """

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().specific()
        return context


class StandardPage(IntroBodyPage):
    """A plain content page such as About or Privacy."""

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class FooterLinkBlock(blocks.StructBlock):
    """A footer link to a page of the site; the label defaults to the page's title."""

    page = blocks.PageChooserBlock(label=_("page"))
    label = blocks.CharBlock(
        label=_("label"), required=False, help_text=_("Leave empty to use the page title.")
    )

    class Meta:
        icon = "link"
        label = _("link")


class SiteFooter(TranslatableMixin, models.Model):
    """The footer of every page: a sentence about the site and links such as Privacy.

    A translatable snippet, so editors change it in the CMS and translators bring it into
    every language with the same workflow as pages. One footer per language; where a
    language has none yet, the shell shows its built-in sentence.
    """

    text = models.TextField(
        _("text"),
        help_text=_("One or two sentences about the site, shown at the foot of every page."),
    )
    links = StreamField(
        [("link", FooterLinkBlock())], blank=True, verbose_name=_("links"), max_num=8
    )

    panels = [FieldPanel("text"), FieldPanel("links")]
    translatable_fields = [TranslatableField("text"), TranslatableField("links")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site footer")
        verbose_name_plural = _("site footers")
        constraints = [
            models.UniqueConstraint(fields=["locale"], name="one_site_footer_per_language"),
        ]

    def __str__(self):
        return str(_("Site footer (%(language)s)") % {"language": self.locale.get_display_name()})
