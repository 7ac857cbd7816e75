from django.contrib.auth.models import AbstractUser
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """The platform's user model, in place from the first migration.

    Django cannot swap AUTH_USER_MODEL once tables exist, so the learner features
    (child accounts without email, age bands, roles) will extend this model rather
    than replace it. Email is already optional in AbstractUser, which child accounts need.
    """

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
        swappable = "AUTH_USER_MODEL"
