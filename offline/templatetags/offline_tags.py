from django import template
from django.utils.translation import get_language

from ..contents import SAVEABLE

register = template.Library()


@register.inclusion_tag("offline/includes/save_button.html")
def offline_save_button(page):
    """The "Save for offline" box for a path or module shown in its own language.

    Nothing for other pages, nor for a source page standing in for a missing
    translation (its copies would be saved under another language's URLs).
    """
    saveable = isinstance(page, SAVEABLE) and page.locale.language_code == get_language()
    return {"page": page if saveable else None}
