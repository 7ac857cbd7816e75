"""Classrooms' answers to accounts: its part of a data export, and account deletion.

An educator's account may go only if no pupil account they made is left without an
educator: in a class with a co-teacher, the class and the management of the accounts
pass to the co-teacher; a class with such accounts and no co-teacher blocks deletion.
"""

from django.db.models import Exists, OuterRef
from django.dispatch import receiver
from django.utils.translation import ngettext

from accounts.signals import account_deleting, account_deletion_checked, personal_data_requested

from .models import Class, ClassEducator, ClassPupil


@receiver(personal_data_requested, dispatch_uid="classrooms_personal_data")
def export_classroom_data(sender, user, **kwargs):
    data = {
        "classes_taught": [
            {"class": link.school_class.name, "since": link.added.isoformat()}
            for link in ClassEducator.objects.filter(educator=user).select_related("school_class")
        ],
        "classes_joined": [
            {
                "class": link.school_class.name,
                "since": link.joined.isoformat(),
                "account_created_by_educator": link.created_by_id is not None,
            }
            for link in ClassPupil.objects.filter(pupil=user).select_related("school_class")
        ],
    }
    return "classes", data


def _created_pupils_by_class(user):
    """{class: number of its pupil accounts the user made}."""
    counts = {}
    for link in ClassPupil.objects.filter(created_by=user).select_related("school_class"):
        counts[link.school_class] = counts.get(link.school_class, 0) + 1
    return counts


def _co_teacher(school_class, user):
    """The educator who has taught the class longest, other than the user."""
    link = (
        ClassEducator.objects.filter(school_class=school_class)
        .exclude(educator=user)
        .order_by("added", "pk")
        .first()
    )
    return link.educator_id if link else None


@receiver(account_deletion_checked, dispatch_uid="classrooms_deletion_check")
def classes_left_without_educator(sender, user, **kwargs):
    reasons = []
    for school_class, count in sorted(
        _created_pupils_by_class(user).items(), key=lambda item: item[0].name
    ):
        if _co_teacher(school_class, user) is None:
            reasons.append(
                ngettext(
                    "Class “%(name)s”: you made %(count)d pupil account in it and nobody "
                    "else teaches it. Add a co-teacher (the class and the account pass to "
                    "them), or delete that pupil account first.",
                    "Class “%(name)s”: you made %(count)d pupil accounts in it and nobody "
                    "else teaches it. Add a co-teacher (the class and the accounts pass to "
                    "them), or delete those pupil accounts first.",
                    count,
                )
                % {"name": school_class.name, "count": count}
            )
    return reasons


@receiver(account_deleting, dispatch_uid="classrooms_hand_over")
def hand_over_classes(sender, user, **kwargs):
    """Pass the accounts the educator made to a co-teacher; delete classes nobody else teaches.

    A class nobody teaches any more holds only pupils who joined with their own
    accounts (the deletion check refused otherwise): they keep their accounts.
    """
    for school_class in _created_pupils_by_class(user):
        co_teacher = _co_teacher(school_class, user)
        if co_teacher is not None:
            ClassPupil.objects.filter(school_class=school_class, created_by=user).update(
                created_by_id=co_teacher
            )
    others = ClassEducator.objects.filter(school_class=OuterRef("pk")).exclude(educator=user)
    Class.objects.filter(educator_links__educator=user).exclude(Exists(others)).delete()
