from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelplinesConfig(AppConfig):
    """Getting help: the child helpline directory, the Get help page and reporting guidance."""

    name = "helplines"
    verbose_name = _("Getting help")
