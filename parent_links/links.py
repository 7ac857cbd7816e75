"""Parent links: a one-time code from the child (or their educator) links a parent.

A code the child makes links at once: the child chose to share. A code an educator
makes is printed for the family and may reach the wrong adult, so the link it makes
waits until an educator of the class confirms it on the pupil's page. The child, the
parent and (for accounts made for a class) its educators can end any link.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from classrooms.models import ClassPupil, normalise_join_code

from .models import ParentLink, ParentLinkCode, new_link_code

CODE_LIFETIME = datetime.timedelta(days=7)


def issue_code(child, school_class=None, issued_by=None):
    """A fresh code for the child, replacing any earlier one."""
    code, _created = ParentLinkCode.objects.update_or_create(
        child=child,
        defaults={
            "code": new_link_code(),
            "expires": timezone.now() + CODE_LIFETIME,
            "school_class": school_class,
            "issued_by": issued_by,
        },
    )
    return code


def redeem(parent, raw_code):
    """Link the parent to the code's child and spend the code; None if it is not valid.

    Returns the link: active for a child's own code, waiting for an educator's.
    """
    with transaction.atomic():
        code = (
            ParentLinkCode.objects.select_for_update()
            .filter(code=normalise_join_code(raw_code), expires__gt=timezone.now())
            .select_related("child")
            .first()
        )
        if code is None or code.child_id == parent.pk:
            return None
        if code.school_class_id is None:
            link, _created = ParentLink.objects.update_or_create(
                parent=parent,
                child=code.child,
                defaults={"status": ParentLink.Status.ACTIVE, "school_class": None},
            )
        else:
            link, _created = ParentLink.objects.get_or_create(
                parent=parent,
                child=code.child,
                defaults={
                    "status": ParentLink.Status.WAITING,
                    "school_class_id": code.school_class_id,
                },
            )
        code.delete()
        return link


def confirm(link, educator):
    """An educator of the link's class lets the parent see the child's progress."""
    ParentLink.objects.filter(pk=link.pk, status=ParentLink.Status.WAITING).update(
        status=ParentLink.Status.ACTIVE, confirmed_by=educator
    )


def end_class_links(school_class, child):
    """The child leaves the class: links and unused codes made through it end too."""
    ParentLink.objects.filter(school_class=school_class, child=child).delete()
    ParentLinkCode.objects.filter(school_class=school_class, child=child).delete()


def managed_by(educator, child):
    """Whether the educator teaches a class for which the child's account was made.

    Only then may they see and end the child's parent links, as they may reset the
    password: a child who joined with their own account decides for themselves.
    """
    return ClassPupil.objects.filter(
        pupil=child, created_by__isnull=False, school_class__educator_links__educator=educator
    ).exists()
