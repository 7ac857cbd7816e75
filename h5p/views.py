"""The H5P player and the files it loads, kept away from the learner's session.

Uploaded H5P JavaScript is untrusted. The player page is meant to sit in a sandboxed
iframe without `allow-same-origin`, and its own Content-Security-Policy carries the
`sandbox` directive too, so even opened on its own it runs in an opaque origin: it can
read no cookie and no page of the site, and its requests carry no session. Files it
loads by fetch (h5p.json, library.json, content.json, fonts) are therefore cross-origin
requests from "null" and are answered with `Access-Control-Allow-Origin: *`; they hold
only published package content and library code. Files are read through Django's
storage API and only those the database lists are served, so no path from the URL
reaches the storage unchecked.
"""

import mimetypes
import posixpath
import re

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_exempt, xframe_options_sameorigin
from django.views.decorators.http import require_safe

from courses.models import LessonPage

from .blocks import semantics_of
from .content_text import with_texts
from .models import H5PActivity, H5PLibrary

PLAYER_CSP = "; ".join(
    [
        "sandbox allow-scripts",
        "default-src 'self'",
        # H5P core and many content types build code and styles at run time.
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "media-src 'self' blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self' about:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
)
FILE_CSP = "default-src 'none'; style-src 'self' 'unsafe-inline'; sandbox"
LIBRARY_FOLDER = re.compile(r"^(?P<name>[\w.-]+)-(?P<major>\d+)\.(?P<minor>\d+)$", re.ASCII)


def player_policy():
    """The player's Content-Security-Policy: framed by the lesson origin and its own."""
    ancestors = " ".join(filter(None, ["'self'", settings.H5P_LESSON_ORIGIN]))
    return f"{PLAYER_CSP}; frame-ancestors {ancestors}"


@require_safe
@xframe_options_exempt  # frame-ancestors in the policy says who may frame it
def player(request, pk):
    """A page that plays one activity with h5p-standalone, to be framed by a lesson.

    The lesson may be on another origin (H5P_PLAYER_ORIGIN, H5P_LESSON_ORIGIN): the
    policy's frame-ancestors names both, which X-Frame-Options cannot do.
    """
    activity = get_object_or_404(H5PActivity, pk=pk, main_library__isnull=False)
    content_url = reverse("h5p:content_root", args=[activity.pk])
    language = activity.h5p_json.get("language") or "en"
    lesson, block_id = request.GET.get("lesson", ""), request.GET.get("block", "")
    placed = _placed_block(activity, lesson, block_id) if lesson.isdigit() else None
    if placed is not None:
        # The content as this lesson's block words it (its translation's texts).
        content_url = reverse("h5p:lesson_content_root", args=[activity.pk, lesson, block_id])
        language = placed[0].locale.language_code
    embed_types = activity.h5p_json.get("embedTypes") or []
    response = render(
        request,
        "h5p/player.html",
        {
            "activity": activity,
            "language": language,
            "bidi": language.split("-")[0] in settings.LANGUAGES_BIDI,
            "options": {
                "h5pJsonPath": content_url.rstrip("/"),
                "librariesPath": reverse("h5p:libraries_root").rstrip("/"),
                "frameJs": static("h5p-standalone/frame.bundle.js"),
                "frameCss": static("h5p-standalone/styles/h5p.css"),
                # The player page is the isolation boundary already; content that can
                # be embedded in a div needs no nested frame.
                "embedType": "div" if "div" in embed_types else "iframe",
            },
            "parent_origin": settings.H5P_LESSON_ORIGIN
            or f"{request.scheme}://{request.get_host()}",
        },
    )
    response["Content-Security-Policy"] = player_policy()
    if not settings.H5P_LESSON_ORIGIN:  # one origin: older browsers read this instead
        response["X-Frame-Options"] = "SAMEORIGIN"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _placed_block(activity, page_id, block_id):
    """(lesson, block value) where a live lesson places `activity` as `block_id`, or None."""
    lesson = LessonPage.objects.live().public().filter(pk=page_id).first()
    for child in lesson.body if lesson is not None else ():
        if child.block_type == "interactive_activity" and child.id == block_id:
            chosen = child.value["activity"]
            return (lesson, child.value) if chosen and chosen.pk == activity.pk else None
    return None


def _cross_origin_headers(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["Content-Security-Policy"] = FILE_CSP
    response["X-Content-Type-Options"] = "nosniff"
    # The sandboxed player has an opaque origin: "same-site" would block it.
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


def _serve(name):
    """A stored file with the headers a cross-origin, sandboxed reader needs."""
    try:
        handle = default_storage.open(name)
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if name.endswith(".js"):
        content_type = "text/javascript"
    response = _cross_origin_headers(FileResponse(handle, content_type=content_type))
    response["Cache-Control"] = "public, max-age=3600"
    return response


@require_safe
@xframe_options_sameorigin
def content_file(request, pk, path):
    """A file of an activity's content (h5p.json, content/content.json, media)."""
    activity = get_object_or_404(H5PActivity, pk=pk, main_library__isnull=False)
    name = f"{activity.content_folder}/{path}"
    if path != "h5p.json" and name not in activity.content_files:
        raise Http404
    return _serve(name)


@require_safe
@xframe_options_sameorigin
def lesson_content_file(request, pk, page_id, block_id, path):
    """An activity's files as a lesson's block plays it: content.json with the block's
    texts (so each translation of the lesson plays in its language), the rest as is."""
    activity = get_object_or_404(H5PActivity, pk=pk, main_library__isnull=False)
    placed = _placed_block(activity, page_id, block_id)
    if placed is None:
        raise Http404
    if path != "content/content.json":
        return content_file(request, pk, path)
    strings = [str(text) for text in placed[1]["texts"] or ()]
    content = with_texts(
        activity.content_json, activity.main_library.semantics, strings, semantics_of
    )
    response = _cross_origin_headers(JsonResponse(content, json_dumps_params={"indent": 1}))
    # Follows the lesson's edits and translations at once.
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
@xframe_options_sameorigin
def library_file(request, folder, path):
    """A file of an installed library, addressed as H5P does: Name-major.minor/path."""
    match = LIBRARY_FOLDER.match(folder)
    if not match:
        raise Http404
    library = get_object_or_404(
        H5PLibrary,
        machine_name=match["name"],
        major_version=int(match["major"]),
        minor_version=int(match["minor"]),
    )
    path = posixpath.normpath(path)
    if path not in library.files:
        raise Http404
    return _serve(f"{library.folder}/{path}")


def no_listing(request, **kwargs):
    """The folders the player is told about; they list nothing."""
    raise Http404
