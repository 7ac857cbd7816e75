"""Country names sorted the way a reader of the page's language looks for them.

django-countries sorts names with pyuca, the Unicode Collation Algorithm's default
table. That order suits Arabic, Cyrillic and Latin scripts, but it puts Chinese
characters in radical-and-stroke order, which no Chinese reader expects in a list of
countries: Chinese lists are sorted by pinyin (阿富汗 Āfùhàn first, 法国 Fǎguó
before 中国 Zhōngguó). pypinyin gives each name its pinyin by word, so characters
with several readings get the one the name uses.

django-countries has no setting for the sort order, so `install()` (called once, when
the site app is ready) replaces its module-level sort key; every country list, form
and menu of every app then follows it, and django-countries still caches the sorted
list per language.
"""

import django_countries
import pyuca
from django.utils.translation import get_language

_collator = pyuca.Collator()


def pinyin_sort_key(name):
    """Letters first, then tones (1-4, 5 for the neutral tone), as dictionaries sort."""
    from pypinyin import Style, lazy_pinyin  # its dictionaries load only when needed

    letters = lazy_pinyin(name, style=Style.NORMAL)
    tones = lazy_pinyin(name, style=Style.TONE3, neutral_tone_with_five=True)
    return (" ".join(letters), [syllable[-1:] for syllable in tones], name)


def name_sort_key(name, language=None):
    language = (language or get_language() or "").lower()
    if language.startswith("zh"):
        return (pinyin_sort_key(name),)
    return (_collator.sort_key(name),)


def country_sort_key(item):
    """django-countries' sort key: item is (code, translated name)."""
    return name_sort_key(str(item[1]).strip())


def install():
    django_countries.sort_key = country_sort_key
