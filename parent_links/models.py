"""Parent links: a parent's or carer's read-only view of a child's learning.

A link needs no class: a child can give their own code to a parent. Some links come
through a class, when an educator printed the code for an account made for it; those
name the class, wait for a teacher of that class to confirm them, and end when the
child leaves it. That is why this app depends on classrooms and never the other way.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from classrooms.models import JOIN_CODE_LENGTH, Class, new_join_code


def new_link_code():
    return new_join_code()


class ParentLinkCode(models.Model):
    """A one-time code that lets a parent's account see a child's progress.

    Made by the child, or by an educator of a class for an account made for it; it
    works once, before it expires; a new code replaces the child's previous one. A code
    an educator made names the educator and the class, and the link it makes waits for
    an educator of that class to confirm it: a printed code can reach the wrong adult.
    """

    child = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    code = models.CharField(max_length=JOIN_CODE_LENGTH, unique=True, default=new_link_code)
    expires = models.DateTimeField()
    school_class = models.ForeignKey(
        Class, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    def __str__(self):
        return f"parent code for {self.child_id}"


class ParentLink(models.Model):
    """A parent's read-only view of a child's learning, made with a ParentLinkCode.

    `school_class` names the class whose educator made the code (empty when the child
    made it): removing the child from that class ends the link. Such a link waits until
    an educator of the class confirms it; until then the parent sees nothing.
    """

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for the teacher to confirm")
        ACTIVE = "active", _("Active")

    parent = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    child = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.ACTIVE)
    school_class = models.ForeignKey(
        Class, on_delete=models.CASCADE, null=True, blank=True, related_name="parent_links"
    )
    created = models.DateTimeField(auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["parent", "child"], name="unique_parent_link")
        ]

    def __str__(self):
        return f"{self.parent_id} follows {self.child_id}"

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE
