from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelplinesConfig(AppConfig):
    """Getting help: the child helpline directory, the Get help page and reporting guidance."""

    name = "helplines"
    verbose_name = _("Getting help")

    def ready(self):
        from cms.page_cache import forget_on_change

        from .models import Helpline

        # The Get help page lists helplines; pages from the shared cache must show the new ones.
        forget_on_change(Helpline, prefix="helplines")
