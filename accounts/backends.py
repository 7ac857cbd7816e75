"""Signing in with a username, or with an email address for adults."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UsernameOrEmailBackend(ModelBackend):
    """Children sign in with their username; adults may type their email instead.

    Child usernames cannot contain "@", so an identifier with "@" that is no username
    is looked up as an adult's email, ignoring case (emails are unique among adults
    ignoring case). Permissions work as in ModelBackend, which the Wagtail admin needs.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        User = get_user_model()
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if not username or password is None:
            return None
        user = User.objects.filter(username=username).first()
        if user is None and "@" in username:
            user = User.objects.filter(kind=User.Kind.ADULT, email__iexact=username.strip()).first()
        if user is None:
            # Hash anyway so that unknown accounts take as long as known ones.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
