"""Pages for one kind of account: the decorators every app's views put in front.

Which kind an account is lives on the user model (is_child, is_educator, is_parent);
these decorators apply it the same way everywhere: a visitor who is not signed in goes
to the sign-in page, a signed-in account of another kind gets 403.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def account_kind_required(check):
    """A decorator that lets in signed-in users for whom `check(user)` is true."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not check(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


child_required = account_kind_required(lambda user: user.is_child)
educator_required = account_kind_required(lambda user: user.is_educator)
parent_required = account_kind_required(lambda user: user.is_parent)
