"""Places on an educator's pupil pages that apps built on classrooms fill in.

Parent links depend on classrooms (a link may come through a class), so classrooms
may not import them. Classrooms sends these signals where its pages have room for
them, and shows what the receivers return: HTML rendered from the receivers' own
templates. It is the same arrangement as accounts' signals for data downloads and
deletion, the other way round.
"""

from django.dispatch import Signal
from django.utils.html import format_html_join

from .models import Class

# Each is sent with sender=Class.
pupil_row_actions = Signal()
"""Buttons beside a pupil in the class's list. Arguments: request, school_class,
membership (a ClassPupil). Returns HTML, or "" for nothing."""

pupil_page_sections = Signal()
"""Sections of a pupil's page, between the pupil's details and the actions. Arguments:
request, school_class, membership. Returns HTML."""

pupil_leaving = Signal()
"""What ends when the pupil leaves the class, shown before the removal is confirmed.
Arguments: request, school_class, pupil. Returns list items (<li>...</li>)."""

pupil_removed = Signal()
"""The pupil leaves the class: receivers end what came through it. Sent inside the
transaction that deletes the membership. Arguments: school_class, pupil."""


def collect(signal, **kwargs):
    """What the receivers of `signal` return, joined, in the order they connected.

    Receivers return SafeString from render_to_string; anything else is escaped.
    """
    answers = signal.send(sender=Class, **kwargs)
    return format_html_join("", "{}", ((answer,) for _receiver, answer in answers if answer))
