"""The footer each language shows, kept in the cache so pages pay no query for it.

Every page renders the footer, and the lesson page's query count is pinned; the footer
changes rarely, so it is read once per language and dropped from the cache whenever a
footer is saved or deleted, or a page is published, moved or unpublished (its title or
URL may be what a footer link shows).
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import SiteFooter

CACHE_KEY = "cms:site-footer:v1:{language}"
# Saving drops the entry from the shared cache at once; a server whose cache is its own
# memory (a laptop, or several workers without Redis) sees the change within this time.
FRESH_FOR_SECONDS = 10 * 60


def footer_for(language_code):
    """The footer for a language as {"text", "links": [(label, url)]}, or None."""
    key = CACHE_KEY.format(language=language_code)
    cached = cache.get(key)
    if cached is not None:
        return cached or None
    footer = (
        SiteFooter.objects.filter(locale__language_code=language_code)
        .select_related("locale")
        .first()
    )
    value = {}
    if footer is not None:
        value = {"text": footer.text, "links": list(_links(footer))}
    cache.set(key, value, FRESH_FOR_SECONDS)
    return value or None


def _links(footer):
    """Each linked live page, in the footer's language where it has a translation there."""
    for block in footer.links:
        page = block.value["page"]
        if page is None:
            continue
        page = page.get_translation_or_none(footer.locale) or page
        if not page.live:
            continue
        yield (block.value["label"] or page.title, page.url)


def forget_footers(**kwargs):
    languages = Locale.objects.values_list("language_code", flat=True)
    cache.delete_many([CACHE_KEY.format(language=code) for code in languages])


def connect_signals():
    post_save.connect(forget_footers, sender=SiteFooter, dispatch_uid="cms-footer-saved")
    post_delete.connect(forget_footers, sender=SiteFooter, dispatch_uid="cms-footer-deleted")
    page_published.connect(forget_footers, dispatch_uid="cms-footer-page-published")
    page_unpublished.connect(forget_footers, dispatch_uid="cms-footer-page-unpublished")
    post_page_move.connect(forget_footers, dispatch_uid="cms-footer-page-moved")
