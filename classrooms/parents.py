"""Parent links: a one-time code from the child (or their educator) links a parent."""

import datetime

from django.db import transaction
from django.utils import timezone

from .models import ParentLink, ParentLinkCode, new_link_code, normalise_join_code

CODE_LIFETIME = datetime.timedelta(days=7)


def issue_code(child):
    """A fresh code for the child, replacing any earlier one."""
    code, _created = ParentLinkCode.objects.update_or_create(
        child=child,
        defaults={"code": new_link_code(), "expires": timezone.now() + CODE_LIFETIME},
    )
    return code


def redeem(parent, raw_code):
    """Link the parent to the code's child and spend the code; None if it is not valid."""
    with transaction.atomic():
        code = (
            ParentLinkCode.objects.select_for_update()
            .filter(code=normalise_join_code(raw_code), expires__gt=timezone.now())
            .select_related("child")
            .first()
        )
        if code is None or code.child_id == parent.pk:
            return None
        ParentLink.objects.get_or_create(parent=parent, child=code.child)
        code.delete()
        return code.child
