from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParentLinksConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "parent_links"
    verbose_name = _("Parent links")

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
