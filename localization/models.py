"""The COP glossary: terms translators keep consistent across every module."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class GlossaryTerm(DraftStateMixin, RevisionMixin, TranslatableMixin, index.Indexed, models.Model):
    """A Child Online Protection term with its agreed definition in each language.

    Translatable like a page: the English entry is the source and each language's
    entry is a wagtail-localize translation, so the status board tracks it and the
    same segment editor and PO files work for it. The note to translators is shared
    by every language (it is written for them, not for learners).
    """

    term = models.CharField(
        _("term"), max_length=120, help_text=_("The term as it appears in lessons.")
    )
    definition = models.TextField(
        _("definition"), help_text=_("A plain-language definition, one or two sentences.")
    )
    note_to_translators = models.TextField(
        _("note to translators"),
        blank=True,
        help_text=_("How to translate the term, or what to avoid (not shown to learners)."),
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="glossaryterm")

    panels = [FieldPanel("term"), FieldPanel("definition"), FieldPanel("note_to_translators")]
    translatable_fields = [
        TranslatableField("term"),
        TranslatableField("definition"),
        SynchronizedField("note_to_translators"),
    ]
    search_fields = [index.SearchField("term"), index.AutocompleteField("term")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]

    def __str__(self):
        return self.term

    @property
    def revisions(self):
        return self._revisions
