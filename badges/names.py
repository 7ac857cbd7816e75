"""Whose name a badge carries, and who may choose to add it.

By default, none: a badge names its subject by an opaque id. A learner aged 13 or over
(or an adult) may choose to add their name; for a child under 13 only a parent or carer
with an active link to the child may choose it (the child cannot, and neither can an
educator).
"""

from accounts.models import User
from parent_links.models import ParentLink

from .models import NameOnBadges


def badge_name(learner):
    """The name shown on the learner's badges, or "" when they carry none."""
    if not NameOnBadges.objects.filter(learner=learner).exists():
        return ""
    return learner.display_name or learner.get_full_name() or learner.get_username()


def is_under_13(learner):
    return learner.is_child and learner.age_band == User.AgeBand.UNDER_13


def children_whose_names_they_choose(user):
    """The under-13 children whose badge names this user decides, through an active parent link."""
    if not user.is_authenticated:
        return []
    child_ids = ParentLink.objects.filter(parent=user, status=ParentLink.Status.ACTIVE).values_list(
        "child_id", flat=True
    )
    return list(
        User.objects.filter(
            pk__in=child_ids, kind=User.Kind.CHILD, age_band=User.AgeBand.UNDER_13
        ).order_by("username")
    )


def may_choose(user, learner):
    if not user.is_authenticated:
        return False
    if user.pk == learner.pk:
        return not is_under_13(learner)
    return learner in children_whose_names_they_choose(user)


def set_name_on_badges(user, learner, show):
    if show:
        NameOnBadges.objects.get_or_create(learner=learner, defaults={"chosen_by": user})
    else:
        NameOnBadges.objects.filter(learner=learner).delete()
