"""django-modeltranslation registration: the directory's words, one column per language.

Numbers, addresses and flags are shared by every language; only what a visitor reads
as text is translated.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Helpline

TRANSLATED_FIELDS = ("name", "hours", "notes")


@register(Helpline)
class HelplineTranslationOptions(TranslationOptions):
    fields = TRANSLATED_FIELDS
    required_languages = {"en": ("name",)}
