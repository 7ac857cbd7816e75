"""Loading the starter glossary through wagtail-localize, as a translator would.

The English entry is published, then each language's entry is made as a
wagtail-localize translation whose segments are filled from the seed, so the board,
the segment editor and PO files all treat the glossary like any other content.
Entries that exist already are left alone.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from .glossary_seed import TERMS
from .models import GlossaryTerm


@transaction.atomic
def load_glossary(terms=TERMS):
    """Create missing terms and translations; return (terms created, translations created)."""
    source_locale = Locale.get_default()
    created_terms = created_translations = 0
    for item in terms:
        term, definition = item["en"]
        entry = GlossaryTerm.objects.filter(locale=source_locale, term=term).first()
        if entry is None:
            entry = GlossaryTerm.objects.create(
                locale=source_locale,
                term=term,
                definition=definition,
                note_to_translators=item.get("note", ""),
            )
            entry.save_revision().publish()
            created_terms += 1
        for language, values in item.items():
            if language in ("en", "note"):
                continue
            locale = Locale.objects.filter(language_code=language).first()
            if locale is None or entry.has_translation(locale):
                continue
            source, _created = TranslationSource.get_or_create_from_instance(entry)
            translation, _created = Translation.objects.get_or_create(
                source=source, target_locale=locale
            )
            texts = dict(zip(("term", "definition"), values, strict=True))
            for segment in StringSegment.objects.filter(source=source).select_related(
                "context", "string"
            ):
                if segment.context.path in texts:
                    StringTranslation.objects.update_or_create(
                        translation_of=segment.string,
                        locale=locale,
                        context=segment.context,
                        defaults={
                            "data": texts[segment.context.path],
                            "updated_at": timezone.now(),
                        },
                    )
            translation.save_target(publish=True)
            created_translations += 1
    return created_terms, created_translations


def glossary_pairs(language=None):
    """Live English terms, each with its live entry in `language` (or None), in two queries."""
    source_locale = Locale.get_default()
    sources = list(GlossaryTerm.objects.filter(locale=source_locale, live=True).order_by("term"))
    targets = {}
    if language and language != source_locale.language_code:
        targets = {
            term.translation_key: term
            for term in GlossaryTerm.objects.filter(locale__language_code=language, live=True)
        }
    return [{"source": source, "target": targets.get(source.translation_key)} for source in sources]
