"""H5P activities in the Wagtail admin: a snippet listing where editors upload packages."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, Panel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import H5PActivityForm
from .models import H5PActivity


class PackageSummaryPanel(Panel):
    """What the installed package is: content type, languages, libraries and files.

    Shown once an activity exists, so the editor can check that the upload is the one
    they meant before placing it in a lesson.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "h5p/admin/package_summary.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            activity = self.instance
            context.update(
                activity=activity,
                libraries=activity.libraries.all(),
                languages=activity.h5p_json.get("language", ""),
                file_count=len(activity.content_files),
            )
            return context


class H5PActivityViewSet(SnippetViewSet):
    model = H5PActivity
    icon = "form"
    menu_label = _("H5P activities")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["title", "content_type_label", "usage_count", "updated_at"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("package"),
            PackageSummaryPanel(heading=_("Installed package")),
        ],
        base_form_class=H5PActivityForm,
    )


register_snippet(H5PActivityViewSet)
