"""Keeping numbers, addresses and Latin names readable inside right-to-left text.

In an Arabic sentence the bidirectional algorithm lays out "0800 1111" as "1111 0800"
(the space between two numbers takes the sentence's direction), turns "116 111 و116"
around, and moves the closing bracket of "Kids Help Phone (Canada)" to the wrong end.
Wrapping such runs in their own isolate fixes it in every language: numbers, short
codes, email and web addresses are always left-to-right (`<bdi dir="ltr">`, numbers
kept on one line); names
from the directory take the direction of their own first letter (`<bdi>`).
"""

import re

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()

# A phone number, short code, time or date: digits in groups joined by one space or
# one of + ( ) . / : -
NUMBER = r"\+?\(?\d(?:[\d().:/-]|\s(?=[\d(]))*"
ADDRESS = r"https?://[^\s<>\"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
LEFT_TO_RIGHT_RUN = re.compile(f"{ADDRESS}|{NUMBER}")
ADDRESS_ONLY = re.compile(ADDRESS)
TRAILING_PUNCTUATION = ".,:;/-"


@register.filter
def ltr(value):
    """The value isolated as left-to-right text: for a number or an address."""
    return format_html('<bdi dir="ltr">{}</bdi>', value)


@register.filter
def number(value):
    """A phone number or short code: left-to-right, and never broken across lines."""
    return format_html('<bdi dir="ltr" class="number">{}</bdi>', value)


@register.filter
def isolate(value):
    """The value isolated in its own direction: for a name in any script."""
    return format_html("<bdi>{}</bdi>", value)


def _trim(run):
    """The run without sentence punctuation or an unmatched closing bracket at its end."""
    while run and (
        run[-1] in TRAILING_PUNCTUATION or (run[-1] == ")" and run.count(")") > run.count("("))
    ):
        run = run[:-1]
    return run


@register.filter(needs_autoescape=True)
def isolate_numbers(value, autoescape=True):
    """Plain text with each number, email and web address isolated as left-to-right."""
    escape = conditional_escape if autoescape else str
    text = str(value or "")
    parts = []
    position = 0
    for match in LEFT_TO_RIGHT_RUN.finditer(text):
        run = _trim(match.group())
        if not run:
            continue
        start = match.start()
        parts.append(escape(text[position:start]))
        parts.append(ltr(run) if ADDRESS_ONLY.fullmatch(run) else number(run))
        position = start + len(run)
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above
