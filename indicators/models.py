"""Summary tables: the only data the dashboards and exports read.

A row counts something for one period and one cell of the breakdowns; it never names a
learner. `learners` is the number of distinct learners behind the row: disclosure
control decides on it, never on the raw value (a learner finishing five modules is still
one person).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class Period(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")


class Indicator(models.TextChoices):
    LEARNERS_REACHED = "learners_reached", _("Learners reached")
    MODULE_STARTS = "module_starts", _("Module starts")
    MODULE_COMPLETIONS = "module_completions", _("Module completions")
    FINAL_QUIZ_TAKERS = "final_quiz_takers", _("Final-quiz takers")
    FINAL_QUIZ_PASSERS = "final_quiz_passers", _("Final-quiz passers")
    KNOWLEDGE_GAIN_SUM = "knowledge_gain_sum", _("Knowledge gain (sum of points)")
    KNOWLEDGE_GAIN_PAIRS = "knowledge_gain_pairs", _("Learners with pre-test and final quiz")
    HELP_CONTACTS = "help_contacts", _("Help-seeking contacts")
    ACTIVE_CLASSES = "active_classes", _("Active classes")
    ACTIVE_EDUCATORS = "active_educators", _("Active educators")
    MODULES_LIVE = "modules_live", _("Modules available")


class LearnerGroup(models.TextChoices):
    """Audience and age band in one breakdown: age bands exist only for children."""

    CHILD_UNDER_13 = "child_under_13", _("Children under 13")
    CHILD_13 = "child_13", _("Children aged 13")
    CHILD_14 = "child_14", _("Children aged 14")
    CHILD_15 = "child_15", _("Children aged 15")
    CHILD_16 = "child_16", _("Children aged 16")
    CHILD_17 = "child_17", _("Children aged 17")
    PARENTS_CARERS = "parents_carers", _("Parents and carers")
    EDUCATORS = "educators", _("Educators")
    INDUSTRY = "industry", _("Industry")
    POLICY_MAKERS = "policy_makers", _("Policy-makers")
    OTHER_ADULTS = "other_adults", _("Other adults")


class IndicatorCell(models.Model):
    """One figure: an indicator for one period and one cell of its breakdowns.

    Empty strings mean "not a breakdown of this indicator" (or, for country, "not
    given"). The rollup deletes and rewrites whole periods, so rows are never edited.
    """

    period = models.CharField(max_length=8, choices=Period.choices)
    period_start = models.DateField()
    indicator = models.CharField(max_length=24, choices=Indicator.choices)
    country = CountryField(blank=True)
    group = models.CharField(max_length=16, choices=LearnerGroup.choices, blank=True)
    language = models.CharField(max_length=10, blank=True)
    channel = models.CharField(max_length=10, blank=True)
    value = models.BigIntegerField()
    learners = models.PositiveIntegerField(
        null=True, blank=True, help_text="Distinct learners behind the value; empty if none."
    )

    class Meta:
        indexes = [models.Index(fields=["period", "period_start", "indicator"])]
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "period",
                    "period_start",
                    "indicator",
                    "country",
                    "group",
                    "language",
                    "channel",
                ],
                name="unique_indicator_cell",
            )
        ]

    def __str__(self):
        return f"{self.period} {self.period_start} {self.indicator} {self.country}: {self.value}"


class FocalPoint(models.Model):
    """A national focal point: the person who sees one country's indicators.

    A row of its own rather than a group: a group cannot hold a country, and a
    one-to-one row makes "one person, one country" a database rule that a view cannot
    forget. The "National focal points" group only grants entry to the admin.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="focal_point",
        verbose_name=_("user"),
    )
    country = CountryField(_("country"), help_text=_("The country whose figures they see."))

    class Meta:
        verbose_name = _("national focal point")
        verbose_name_plural = _("national focal points")

    def __str__(self):
        return f"{self.user} ({self.country.code})"


class ApiToken(models.Model):
    """A user's key to the read-only indicators API, for scripts and national systems.

    Only a SHA-256 digest is kept: the token is shown once, when made, and a copy of the
    database gives no one access. One per user; making a new one replaces the old. What
    the token opens is decided on every request by the user's role (roles.py), so a
    focal point who loses the role loses the API with it.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="indicators_api_token",
        verbose_name=_("user"),
    )
    digest = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("indicators API token")
        verbose_name_plural = _("indicators API tokens")

    def __str__(self):
        return f"{self.user} ({self.created:%Y-%m-%d})"
