"""The helpline directory in the Wagtail admin: a snippet with one tab per language,
plus CSV import and export reached from the listing's header."""

from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from . import admin_views
from .models import Helpline
from .translation import TRANSLATED_FIELDS


def language_tab(code, name):
    return ObjectList(
        [FieldPanel(build_localized_fieldname(field, code)) for field in TRANSLATED_FIELDS],
        heading=name,
    )


class HelplineIndexView(IndexView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        user = self.request.user
        if user.has_perm("helplines.add_helpline") and user.has_perm("helplines.change_helpline"):
            buttons.append(
                Button(_("Import CSV"), url=reverse("helplines_admin:import"), icon_name="upload")
            )
        buttons.append(
            Button(_("Export CSV"), url=reverse("helplines_admin:export"), icon_name="download")
        )
        return buttons


class HelplineViewSet(SnippetViewSet):
    model = Helpline
    icon = "help"
    menu_label = _("Helplines")
    add_to_admin_menu = True
    menu_order = 250
    index_view_class = HelplineIndexView
    list_display = ["name", "country", "needs_verification", "last_verified"]
    list_filter = ["country", "needs_verification"]
    ordering = ["country", "key"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("key"),
                    FieldPanel("country"),
                    MultiFieldPanel(
                        [
                            FieldPanel("phone_numbers"),
                            FieldPanel("sms"),
                            FieldPanel("whatsapp"),
                            FieldPanel("chat_url"),
                            FieldPanel("email"),
                            FieldPanel("web_url"),
                        ],
                        heading=_("Contacts"),
                    ),
                    FieldPanel("languages"),
                    FieldPanel("free_of_charge"),
                    FieldPanel("serves_children"),
                    FieldPanel("serves_parents"),
                    FieldPanel("last_verified"),
                    FieldPanel("needs_verification"),
                ],
                heading=_("Details"),
            ),
            *[language_tab(code, name) for code, name in settings.LANGUAGES],
        ]
    )


register_snippet(HelplineViewSet)


@hooks.register("register_admin_urls")
def register_csv_urls():
    return [
        path(
            "helplines/csv/",
            (
                [
                    path("import/", admin_views.import_view, name="import"),
                    path("export/", admin_views.export_view, name="export"),
                ],
                "helplines_admin",
                "helplines_admin",
            ),
        )
    ]
