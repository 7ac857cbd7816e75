"""The installable web app: its manifest, service worker, offline page and save lists.

Everything here is served from the site's own origin and loads nothing from elsewhere.
The service worker lives at /sw.js so that it may look after every page of the site
(a worker controls only the URLs under its own); the rest lives under the language
prefix, so each language installs as an app of its own, in its own direction.
"""

import hashlib
from functools import cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.template.loader import get_template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Page

from helplines.views import reporting_page

from .contents import SAVEABLE, save_manifest

THEME_COLOR = "#0b5394"  # --brand in cms/css/site.css
ICONS = [
    ("offline/icons/icon.svg", "any", "image/svg+xml"),
    ("offline/icons/icon-192.png", "192x192", "image/png"),
    ("offline/icons/icon-512.png", "512x512", "image/png"),
    ("offline/icons/icon-maskable-512.png", "512x512", "image/png"),
]


@require_GET
def web_app_manifest(request):
    """The web app manifest in the current language (name, icons, start page, direction)."""
    language = get_language()
    start = reverse("wagtail_serve", args=[""])
    manifest = {
        "id": start,
        "name": _("COP Learn: Child Online Protection training"),
        "short_name": _("COP Learn"),
        "description": _(
            "COP Learn: Child Online Protection training for children, parents, "
            "educators, industry and policy-makers."
        ),
        "lang": language,
        "dir": "rtl" if get_language_bidi() else "ltr",
        "start_url": start,
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "icons": [
            {
                "src": static(name),
                "sizes": sizes,
                "type": kind,
                "purpose": "maskable" if "maskable" in name else "any",
            }
            for name, sizes, kind in ICONS
        ],
    }
    response = JsonResponse(manifest, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    patch_cache_control(response, public=True, max_age=60 * 60)
    return response


@cache
def _worker_version():
    """Changes whenever the worker or the script it imports changes, so browsers update."""
    digest = hashlib.sha256()
    digest.update(get_template("offline/service_worker.js").template.source.encode())
    digest.update(static("offline/js/store.js").encode())
    with open(finders.find("offline/js/store.js"), "rb") as store:
        digest.update(store.read())
    return digest.hexdigest()[:12]


@require_GET
def service_worker(request):
    """The service worker, at the site's root so that its scope is the whole site.

    No session, no language: one worker serves every language, and each page tells it
    (by a message) which language's offline page and help pages to keep.
    """
    response = render(
        request,
        "offline/service_worker.js",
        {
            "store_url": static("offline/js/store.js"),
            "version": _worker_version(),
            "languages": [code for code, _name in settings.LANGUAGES],
            "default_language": settings.LANGUAGE_CODE,
        },
        content_type="application/javascript; charset=utf-8",
    )
    response["Service-Worker-Allowed"] = "/"
    # Browsers check for a new worker at least daily; no-cache makes them ask every time.
    patch_cache_control(response, no_cache=True)
    return response


def help_pages():
    """The help a learner needs offline too: Get help and How to report, in this language."""
    pages = [reverse("helplines:help")]
    reporting = reporting_page()
    if reporting is not None:
        pages.append(reporting.get_url())
    return pages


@require_GET
def offline_page(request):
    """Shown by the service worker in place of a page not saved on the device.

    The list of saved pages is the browser's own (read by offline-page.js from the
    Cache Storage), so the same cached copy of this page serves every learner.
    """
    reporting = reporting_page()
    return render(request, "offline/offline_page.html", {"reporting_page": reporting})


@require_GET
def essentials(request):
    """What the service worker keeps from a learner's first visit in this language.

    The offline page and the help pages; the worker adds the files they use.
    """
    response = JsonResponse(
        {
            "language": get_language(),
            "pages": [reverse("offline:page"), *help_pages()],
        }
    )
    patch_cache_control(response, private=True, no_cache=True)
    return response


@require_GET
def saved_files(request, page_id):
    """The files to download to save a path or module, with their sizes and version.

    404 for a page this request may not see, a page that is neither a path nor a
    module, or a page in another language than the URL's (its copies would be saved
    under the wrong language).
    """
    page = Page.objects.live().filter(pk=page_id).specific().first()
    if (
        page is None
        or not isinstance(page, SAVEABLE)
        or page.locale.language_code != get_language()
        or any(not r.accept_request(request) for r in page.get_view_restrictions())
    ):
        raise Http404(_("This page cannot be saved for offline use."))
    manifest = save_manifest(page, request)
    manifest["manifest_url"] = request.path
    response = JsonResponse(manifest, json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, private=True, no_store=True)
    return response
