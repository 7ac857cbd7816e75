from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    """COP indicators: daily rollups, disclosure control, dashboards and exports.

    It reads the other apps' records and nothing imports it, so the figures can change
    without touching learning, classes or helplines.
    """

    name = "indicators"
    verbose_name = _("COP indicators")
