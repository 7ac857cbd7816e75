from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalizationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "localization"
    verbose_name = _("Translation")

    def ready(self):
        from . import signals

        guard_segment_editor_snippets()
        signals.connect()


def guard_segment_editor_snippets():
    """Apply the per-language snippet rule to wagtail-localize's segment editor API.

    Its views (save a segment, upload a PO file, stop a translation...) check a snippet
    with the model-wide "change" permission only, which would let a French translator
    edit the Arabic glossary through the API. They all call the module's
    `user_can_edit_instance`, so the language check is added there; pages keep
    Wagtail's page permissions.
    """
    from wagtail_localize.views import edit_translation

    from .roles import snippet_models, user_can_edit_snippet_in_locale

    original = edit_translation.user_can_edit_instance
    if getattr(original, "checks_language", False):
        return

    def user_can_edit_instance(user, instance):
        if type(instance) in snippet_models():
            return user_can_edit_snippet_in_locale(user, type(instance), instance.locale)
        return original(user, instance)

    user_can_edit_instance.checks_language = True
    edit_translation.user_can_edit_instance = user_can_edit_instance
