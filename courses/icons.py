"""The pictures editors can give an audience or a module.

Each is a symbol in one small SVG sprite drawn for the project
(static/courses/img/icons.svg), so a page of cards downloads a single cacheable file
and no picture comes from another host. The names here are the sprite's symbol ids.
"""

from django.db import models
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _


class Icon(models.TextChoices):
    BUDDY = "buddy", _("Friendly character")
    FRIENDS = "friends", _("Two friends")
    SHIELD = "shield", _("Shield")
    LOCK = "lock", _("Padlock")
    CHAT = "chat", _("Chat bubble")
    CAMERA = "camera", _("Camera")
    PHONE = "phone", _("Phone")
    HEART = "heart", _("Heart")
    HELPING_HAND = "helping-hand", _("Helping hand")
    BOOK = "book", _("Book")
    BUILDING = "building", _("Building")
    GLOBE = "globe", _("Globe")
    CLOCK = "clock", _("Clock")


SPRITE = "courses/img/icons.svg"


def icon_svg(name, css_class=""):
    """A decorative picture from the sprite: beside text that says what it means, so
    screen readers skip it (aria-hidden) and it never takes focus."""
    classes = f"icon {css_class}".strip()
    return format_html(
        '<svg class="{}" aria-hidden="true" focusable="false"><use href="{}#{}"></use></svg>',
        classes,
        static(SPRITE),
        name,
    )
