"""CSV import and export of the helpline directory, inside the Wagtail admin.

Wagtail's admin URLs already require admin access; on top of that, importing needs the
permissions to add and change helplines, and exporting the permission to view them.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.csv_export import csv_response

from .csvio import MAX_CSV_BYTES, CsvImportError, export_rows, import_csv


class CsvUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8 CSV with the same columns as the export, at most 1 MB."),
    )


@permission_required(["helplines.add_helpline", "helplines.change_helpline"], raise_exception=True)
def import_view(request):
    form = CsvUploadForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            # Never read more than the limit (plus one byte, to detect it).
            data = upload.read(MAX_CSV_BYTES + 1)
            report = import_csv(data)
        except CsvImportError as error:
            errors = error.errors
        else:
            messages.success(
                request,
                _("Helplines imported: %(created)s created, %(updated)s updated.")
                % {"created": report.created, "updated": report.updated},
            )
            return redirect("wagtailsnippets_helplines_helpline:list")
    return TemplateResponse(
        request,
        "helplines/admin/import.html",
        {"form": form, "errors": errors},
        status=400 if errors else 200,
    )


@permission_required("helplines.view_helpline", raise_exception=True)
def export_view(request):
    # Today in the site's time zone, not the server's (the name an editor sees).
    return csv_response(f"helplines-{timezone.localdate().isoformat()}.csv", export_rows())
