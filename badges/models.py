"""The issuer's signing keys and the learners' choice to put their name on badges."""

from django.conf import settings
from django.db import models


class SigningKey(models.Model):
    """An RSA key the platform signs Open Badges with, made on first use.

    Only used when no key is given in the BADGES_SIGNING_KEY setting (see badges.keys).
    Retired keys no longer sign but stay published, so badges signed with them can
    still be checked.
    """

    # Not shown to editors: made by badges.keys and the rotate_badge_key command.
    kid = models.CharField(max_length=64, unique=True)  # RFC 7638 thumbprint
    private_key = models.TextField()  # PEM, PKCS#8
    created = models.DateTimeField(auto_now_add=True)
    retired = models.DateTimeField(null=True, blank=True)  # no longer signs

    def __str__(self):
        return self.kid


class NameOnBadges(models.Model):
    """A learner's badges carry their name only while this row exists.

    Badges carry a pseudonymous identifier by default. The learner chooses to add their
    name; for a child under 13 only a linked parent or carer may choose it.
    """

    learner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"name on badges for {self.learner_id}"
