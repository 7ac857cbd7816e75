"""Parent links' answers to accounts and classrooms.

To accounts: its part of a data download (the links both ways). Deleting an account
needs nothing more: links and codes go with either account (on_delete=CASCADE).

To classrooms, on an educator's pages: the "Code for a parent" button beside a pupil,
the pupil's links (to confirm or end), and on removal from a class, the links and
unused codes made through it, which end with the membership.
"""

from django.dispatch import receiver
from django.template.loader import render_to_string

from accounts.signals import personal_data_requested
from classrooms import hooks
from classrooms.models import Class

from .links import end_class_links
from .models import ParentLink


def _link_data(link, other):
    return {
        "name": other.display_name,
        "username": other.username,
        "since": link.created.isoformat(),
        "status": link.status,
        "through_class": link.school_class.name if link.school_class else None,
    }


@receiver(personal_data_requested, dispatch_uid="parent_links_personal_data")
def export_parent_links(sender, user, **kwargs):
    links = ParentLink.objects.select_related("parent", "child", "school_class")
    data = {
        "children_followed": [
            _link_data(link, link.child) for link in links.filter(parent=user).order_by("pk")
        ],
        "followed_by": [
            _link_data(link, link.parent) for link in links.filter(child=user).order_by("pk")
        ],
    }
    return "parent_links", data


@receiver(hooks.pupil_row_actions, dispatch_uid="parent_links_pupil_row_actions")
def code_button(sender, request, school_class, membership, **kwargs):
    """Only accounts made for the class get codes from its educators."""
    if not membership.account_made_for_class:
        return ""
    return render_to_string(
        "parent_links/_pupil_row_actions.html",
        {"class": school_class, "pupil": membership.pupil},
        request=request,
    )


@receiver(hooks.pupil_page_sections, dispatch_uid="parent_links_pupil_page")
def pupil_links(sender, request, school_class, membership, **kwargs):
    """Who follows the pupil (for an account made for the class), with the class each
    link came through; a waiting link from one of the educator's classes can be confirmed."""
    links = []
    if membership.account_made_for_class:
        links = list(
            ParentLink.objects.filter(child=membership.pupil)
            .select_related("parent", "school_class")
            .order_by("status", "created")
        )
    taught = set(Class.taught_by(request.user).values_list("pk", flat=True))
    for link in links:
        link.confirmable = not link.is_active and link.school_class_id in taught
    return render_to_string(
        "parent_links/_pupil_links.html",
        {
            "class": school_class,
            "membership": membership,
            "pupil": membership.pupil,
            "links": links,
        },
        request=request,
    )


@receiver(hooks.pupil_leaving, dispatch_uid="parent_links_pupil_leaving")
def links_ending(sender, request, school_class, pupil, **kwargs):
    count = ParentLink.objects.filter(school_class=school_class, child=pupil).count()
    return render_to_string(
        "parent_links/_pupil_leaving.html", {"parent_links": count}, request=request
    )


@receiver(hooks.pupil_removed, dispatch_uid="parent_links_pupil_removed")
def end_links_through_class(sender, school_class, pupil, **kwargs):
    end_class_links(school_class, pupil)
