"""Admin wiring: the glossary snippet with per-language rights on every action, the board."""

from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import urls
from .models import GlossaryTerm
from .permissions import LanguagePermissionPolicy, guard_object_urls
from .roles import can_use_board, snippet_models, user_can_edit_snippet_in_locale


class GlossaryTermViewSet(SnippetViewSet):
    """Glossary snippets; every URL naming an entry checks the entry's language first."""

    model = GlossaryTerm
    icon = "doc-full"
    menu_label = _("Glossary")
    list_display = ["term", "locale", "live"]
    list_filter = ["locale"]
    search_fields = ["term"]

    def get_urlpatterns(self):
        return guard_object_urls(
            super().get_urlpatterns(), self.model, policy_registry.get_by_type(self.model)
        )


for _model in snippet_models():
    register_permission_policy(_model, LanguagePermissionPolicy(_model), exact_class=True)
register_snippet(GlossaryTermViewSet)


def _guard(request, instance, action):
    if type(instance) in snippet_models() and not user_can_edit_snippet_in_locale(
        request.user, type(instance), instance.locale, action
    ):
        raise PermissionDenied


# Run before wagtail-localize's hooks, which replace the edit view with the translation
# editor for translated entries: the language check must come first.
@hooks.register("before_edit_snippet", order=-10)
def only_edit_snippets_in_own_language(request, instance):
    _guard(request, instance, "change")


@hooks.register("before_delete_snippet", order=-10)
def only_delete_snippets_in_own_language(request, instances):
    for instance in instances:
        _guard(request, instance, "delete")


@hooks.register("before_create_snippet", order=-10)
def only_create_snippets_in_own_language(request, model):
    if model in snippet_models():
        code = request.GET.get("locale") or Locale.get_default().language_code
        locale = Locale.objects.filter(language_code=code).first() or Locale.get_default()
        if not user_can_edit_snippet_in_locale(request.user, model, locale, "add"):
            raise PermissionDenied


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("translations/", include((urls, "localization"), namespace="localization"))]


class BoardMenuItem(MenuItem):
    def is_shown(self, request):
        return can_use_board(request.user)


@hooks.register("register_admin_menu_item")
def register_board_menu_item():
    return BoardMenuItem(
        _("Translation status"),
        reverse("localization:board"),
        icon_name="wagtail-localize-language",
        order=250,
    )
