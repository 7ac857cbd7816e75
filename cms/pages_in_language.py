"""Which page to show in which language: lookups any app may use.

Content is organised as one tree per language, the pages of a tree linked to their
translations by `translation_key`. Learner records, class assignments and reports name
content by that key; these helpers turn keys back into pages in the reader's language,
falling back to the source-language page where no translation is live, in a fixed number
of queries. They need only Wagtail's Page and Locale, so cms (which imports no other app
of ours) is where they live.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language_info
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page


def source_page(page):
    """The page in the source language (the structure every language follows)."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    source = type(page).objects.filter(translation_key=page.translation_key, locale=default)
    return source.first() or page


def page_in_language(pages_by_locale, key, language_code):
    """The translation of `key` in the active language, else the source page."""
    return pages_by_locale.get((key, language_code)) or pages_by_locale.get((key, None))


def localized_pages(keys, language_code, default=None):
    """{(translation_key, language or None for source): page} in one query."""
    default = default or Locale.get_default()
    pages = (
        Page.objects.filter(translation_key__in=keys, live=True)
        .filter(locale__language_code__in={language_code, default.language_code})
        .select_related("locale")
        .only("title", "url_path", "translation_key", "locale__language_code", "path", "depth")
    )
    result = {}
    for page in pages:
        code = page.locale.language_code
        if code == default.language_code:
            result[(str(page.translation_key), None)] = page
        if code == language_code:
            result[(str(page.translation_key), code)] = page
    return result


@dataclass(frozen=True)
class Text:
    """A piece of page content and the language it is written in, so that a page in
    another language can mark it (lang/dir)."""

    text: str
    lang: str

    def __str__(self):
        return self.text

    @property
    def dir(self):
        return "rtl" if get_language_info(self.lang)["bidi"] else "ltr"


def source_language():
    """The default Locale's language code, worked out without a query (as
    Locale.get_default does)."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def live_titles(keys, language_code):
    """{translation_key: title} of the live pages in `language_code` among `keys` (one
    query)."""
    return dict(
        Page.objects.live()
        .filter(translation_key__in=keys, locale__language_code=language_code)
        .values_list("translation_key", "title")
    )
