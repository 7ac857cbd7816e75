"""Where xAPI statements go (the administrator's Learning Record Store) and the outbox.

Statements are written to the outbox in the same transaction as the learner record they
describe, then delivered in the background (xapi.delivery); a statement the LRS did not
take stays in the outbox and is tried again later, so an LRS that is down loses nothing.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from .widgets import SecretInput


@register_setting(icon="upload")
class LearningRecordStore(BaseGenericSetting):
    """The LRS learner activity is sent to. Nothing is sent until it is switched on."""

    enabled = models.BooleanField(
        _("send statements"),
        default=False,
        help_text=_(
            "Send learner activity (lessons and modules completed, quiz answers) to this "
            "Learning Record Store. Learners are named by an opaque code, never by name."
        ),
    )
    endpoint = models.URLField(
        _("endpoint"),
        blank=True,
        help_text=_("The LRS's xAPI address, e.g. https://lrs.example.org/xapi/"),
    )
    key = models.CharField(
        _("key"), max_length=200, blank=True, help_text=_("The LRS client's key (user name).")
    )
    secret = models.CharField(
        _("secret"), max_length=200, blank=True, help_text=_("The LRS client's secret.")
    )

    panels = [
        FieldPanel("enabled"),
        FieldPanel("endpoint"),
        FieldPanel("key"),
        FieldPanel("secret", widget=SecretInput),
    ]

    class Meta:
        verbose_name = _("Learning Record Store")

    @property
    def is_configured(self):
        return self.enabled and bool(self.endpoint)


class PendingStatement(models.Model):
    """A statement not yet taken by the LRS. Deleted once it is; given up after MAX_TRIES."""

    statement = models.JSONField()
    created = models.DateTimeField(auto_now_add=True)
    tries = models.PositiveSmallIntegerField(default=0)
    next_try = models.DateTimeField(db_index=True)
    last_error = models.CharField(max_length=300, blank=True)
    given_up = models.BooleanField(default=False)

    def __str__(self):
        return str(self.statement.get("id", ""))
