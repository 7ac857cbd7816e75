from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from indicators.disclosure import SUPPRESSED

register = template.Library()


def figure_text(value, unit=""):
    """A figure as text: a number with its unit, "suppressed", or a dash for no data."""
    if value is SUPPRESSED:
        return _("suppressed")
    if value is None:
        return "–"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = number_format(value, decimal_pos=1 if isinstance(value, float) else None)
    if unit == "%":
        return f"{text} %"
    return f"{text} {unit}" if unit else text


@register.simple_tag
def figure(value, unit=""):
    css = "indicators-suppressed" if value is SUPPRESSED else "indicators-figure"
    return format_html('<span class="{}">{}</span>', css, figure_text(value, unit))
