"""Translation status board, PO download/upload and submission for review."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from courses.models import LearningPathPage, ModulePage

from . import po
from .glossary import glossary_pairs
from .po import (
    POError,
    export_archive,
    export_po,
    import_files,
    po_filename,
    read_upload,
    subtree_translations,
    user_can_translate,
)
from .roles import can_use_board, target_languages, user_languages
from .status import Status, build_board
from .workflow import submit_for_review

MAX_REFUSALS_SHOWN = 20


def _require_board(request):
    if not can_use_board(request.user):
        raise PermissionDenied


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("PO file or zip archive"),
        help_text=gettext_lazy("A .po file downloaded from this board, or a .zip of them."),
    )


def board(request):
    _require_board(request)
    language = request.GET.get("language") or ""
    if not language and not request.user.is_superuser:
        mine = sorted(user_languages(request.user))
        language = mine[0] if len(mine) == 1 else ""
    audience = request.GET.get("audience") or ""
    status = request.GET.get("status") or ""
    if status not in Status.labels:
        status = ""
    data = build_board(request.user, language=language, audience=audience, status=status)
    my_languages = user_languages(request.user)
    return TemplateResponse(
        request,
        "localization/board.html",
        {
            **data,
            "language": language,
            "audience": audience,
            "status": status,
            "statuses": [(key, Status.labels[key]) for key in Status.order],
            "language_names": {
                locale.language_code: locale.get_display_name()
                for locale in Locale.objects.filter(language_code__in=target_languages())
            },
            "my_languages": my_languages,
            "glossary": glossary_pairs(language),
            "glossary_language": language,
            "upload_form": UploadForm(),
        },
    )


def po_download(request, translation_id):
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"),
        uuid=translation_id,
        enabled=True,
    )
    if not user_can_translate(request.user, translation):
        raise PermissionDenied
    name = po_filename(translation.source.get_source_instance()).replace("/", "--")
    language = translation.target_locale.language_code
    response = HttpResponse(
        str(export_po(translation)), content_type="text/x-gettext-translation; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{name[:-3]}.{language}.po"'
    return response


def po_archive(request, page_id, language):
    page = get_object_or_404(Page, pk=page_id, locale__language_code="en")
    if page.specific_class not in (LearningPathPage, ModulePage):
        raise PermissionDenied
    locale = get_object_or_404(Locale, language_code=language)
    translations = [
        translation
        for translation in subtree_translations(page, locale)
        if user_can_translate(request.user, translation)
    ]
    if not translations:
        raise PermissionDenied
    response = HttpResponse(export_archive(translations), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.{language}.zip"'
    return response


class CappedUploadHandler(FileUploadHandler):
    """Stops receiving an upload once it passes the limit, before Django spools it.

    Django would otherwise write an upload of any size to a temporary file before the
    view runs; with this first in line, at most MAX_UPLOAD_BYTES is ever kept.
    """

    too_large = False
    file_label = ""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.file_label = self.file_name or ""

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > po.MAX_UPLOAD_BYTES:
            self.too_large = True
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size):
        return None


@csrf_exempt  # checked below, once the capped handler is in place
@require_POST
def po_upload(request):
    handler = CappedUploadHandler(request)
    request.upload_handlers.insert(0, handler)
    return _po_upload(request, handler)


@csrf_protect
def _po_upload(request, handler):
    _require_board(request)
    form = UploadForm(request.POST, request.FILES)
    if handler.too_large:
        error = _("%(file)s is too large (at most %(size)s KB).") % {
            "file": handler.file_label,
            "size": po.MAX_UPLOAD_BYTES // 1024,
        }
        messages.error(request, _("Nothing was imported: %(error)s") % {"error": error})
        return redirect("localization:board")
    if not form.is_valid():
        messages.error(request, _("Choose a PO file or zip archive to upload."))
        return redirect("localization:board")
    upload = form.cleaned_data["file"]
    try:
        files = read_upload(upload)
        report = import_files(files, user=request.user)
    except POError as error:
        messages.error(request, _("Nothing was imported: %(error)s") % {"error": error})
        return redirect("localization:board")
    messages.success(
        request,
        ngettext(
            "Imported %(files)d file: %(applied)d segments applied, %(unchanged)d unchanged, "
            "%(unknown)d unknown.",
            "Imported %(files)d files: %(applied)d segments applied, %(unchanged)d unchanged, "
            "%(unknown)d unknown.",
            report.files,
        )
        % {
            "files": report.files,
            "applied": report.applied,
            "unchanged": report.unchanged,
            "unknown": report.unknown,
        },
    )
    for refusal in report.refused[:MAX_REFUSALS_SHOWN]:
        messages.warning(
            request,
            _("Refused, not imported: %(file)s, %(segment)s: %(reason)s")
            % {"file": refusal.file, "segment": refusal.segment, "reason": refusal.reason},
        )
    if len(report.refused) > MAX_REFUSALS_SHOWN:
        messages.warning(
            request,
            _("More strings were refused: %(count)s.")
            % {"count": len(report.refused) - MAX_REFUSALS_SHOWN},
        )
    return redirect("localization:board")


@require_POST
def submit_review(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if page.locale.language_code not in target_languages() or not (
        page.permissions_for_user(request.user).can_edit()
    ):
        raise PermissionDenied
    try:
        submit_for_review(page, request.user)
    except ValueError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("“%(title)s” was submitted for review.") % {"title": page.title}
        )
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        return redirect(next_url)
    return redirect("localization:board")
