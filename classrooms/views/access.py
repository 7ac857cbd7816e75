"""Who may see a class and its pupils: the rules every educator view starts with.

Every educator view finds the class among the signed-in educator's own classes, so
another educator's class answers 404; non-educators get 403. Pupils are found among the
members of that class only, and what only the class's own accounts allow (a new
password, deletion, parent codes) asks `account_made_for_class`.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from ..models import Class, ClassPupil


def my_class(request, pk):
    return get_object_or_404(Class.taught_by(request.user), pk=pk)


def membership(school_class, user_id):
    return get_object_or_404(
        ClassPupil.objects.select_related("pupil"), school_class=school_class, pupil_id=user_id
    )


def account_made_for_class(school_class, user_id):
    """The membership of a pupil whose account an educator made for this class.

    A pupil who joined with the code owns their account: the class may not set its
    password, delete it or hand out parent codes for it (403).
    """
    found = membership(school_class, user_id)
    if not found.account_made_for_class:
        raise PermissionDenied
    return found
