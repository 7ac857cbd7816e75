from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalizationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "localization"
    verbose_name = _("Translation")

    def ready(self):
        from . import signals
        from .localize_patches import install

        install()
        signals.connect()
