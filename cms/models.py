"""The site's shell: the home page of each language tree and plain standard pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .blocks import BaseStreamBlock

# Page fields every page type translates. The slug is synchronised, so a page has the
# same path in every language and only the /<language>/ prefix differs: switching
# language and falling back to the source page both work by path.
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    SynchronizedField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
]


class HomePage(Page):
    """The root of one language tree; its children are the audiences."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences welcoming visitors, shown under the title."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "courses.AudiencePage",
        "cms.StandardPage",
        "helplines.ReportingGuidancePage",
    ]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("intro"),
        TranslatableField("body"),
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().specific()
        return context


class StandardPage(Page):
    """A plain content page such as About or Privacy."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("Shown under the title."))
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("intro"),
        TranslatableField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")
