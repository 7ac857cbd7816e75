"""Classrooms' part of a user's data export: the classes they teach or belong to."""

from django.dispatch import receiver

from accounts.signals import personal_data_requested

from .models import ClassEducator, ClassPupil, ParentLink


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
        "children_followed": [
            link.child.username
            for link in ParentLink.objects.filter(parent=user).select_related("child")
        ],
        "followed_by_parents": ParentLink.objects.filter(child=user).count(),
    }
    return "classes", data
