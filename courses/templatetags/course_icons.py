"""{% icon "shield" %}: a decorative picture from the project's SVG sprite.

Icons sit beside text that already says what they mean, so screen readers skip them
(aria-hidden) and they never take focus.
"""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

from ..icons import SPRITE

register = template.Library()


@register.simple_tag
def icon(name, css_class=""):
    classes = f"icon {css_class}".strip()
    return format_html(
        '<svg class="{}" aria-hidden="true" focusable="false"><use href="{}#{}"></use></svg>',
        classes,
        static(SPRITE),
        name,
    )
