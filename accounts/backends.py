"""Signing in with a username, or with an email address for adults."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Value
from django.db.models.functions import Lower

from . import throttling


class UsernameOrEmailBackend(ModelBackend):
    """Children sign in with their username; adults may type their email instead.

    Both ignore case: pupils type what their login card shows and phones capitalise
    the first letter ("Lucia-4846" for "lucia-4846"). Usernames are unique ignoring
    case (a database constraint), and so are adults' emails. Child usernames cannot
    contain "@", so an identifier with "@" that is no username is looked up as an
    adult's email. Every try counts against the account's budget (accounts.throttling)
    before the password is checked. Permissions work as in ModelBackend, which the
    Wagtail admin needs.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        User = get_user_model()
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if not username or password is None:
            return None
        identifier = str(username).strip()
        user = self.find_user(identifier)
        wait = throttling.reserve_try(identifier, user)
        if wait is not None:
            if request is not None:
                request.sign_in_paused_for = wait
            return None
        if user is None:
            # Hash anyway so that unknown accounts take as long as known ones.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            throttling.forget_tries(identifier, user)
            return user
        return None

    @staticmethod
    def find_user(identifier):
        """The account a username or (adult) email names, ignoring case; None if none.

        Lower() on both sides matches the unique constraints (one row at most) and
        lets PostgreSQL use their indexes.
        """
        User = get_user_model()
        by_username = User.objects.alias(folded=Lower("username")).filter(
            folded=Lower(Value(identifier))
        )
        user = by_username.first()
        if user is None and "@" in identifier:
            by_email = User.objects.alias(folded=Lower("email")).filter(
                kind=User.Kind.ADULT, folded=Lower(Value(identifier))
            )
            user = by_email.first()
        return user
