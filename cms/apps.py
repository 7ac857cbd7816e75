from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cms"
    verbose_name = _("Site")

    def ready(self):
        from . import collation, footer, page_cache

        collation.install()
        footer.connect_signals()
        page_cache.connect_signals()
