"""{% icon "shield" %}: a decorative picture from the project's SVG sprite.

Icons sit beside text that already says what they mean, so screen readers skip them
(aria-hidden) and they never take focus.
"""

from django import template

from ..icons import icon_svg

register = template.Library()


@register.simple_tag
def icon(name, css_class=""):
    return icon_svg(name, css_class)
