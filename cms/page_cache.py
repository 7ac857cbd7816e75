"""Anonymous pages from the shared cache: the same bytes for every visitor without a session.

Most visitors read without an account, on slow and costly connections, and a national
roll-out brings thousands at once. A page that shows nothing about its reader (no
session, no account) is the same for all of them, so it is rendered once per address
(host, path, language prefix, compression) and then served from the shared cache
(Redis in production) by the outermost middleware, before any other middleware or
view runs: no database query, no session, no cookie. `Cache-Control` lets a CDN or
proxy hold it too, for a short while; `Vary: Cookie` keeps it from anyone with a
session.

Rules, each for a reason:
- Only a GET without a query string, carrying no cookie but the CSRF and language
  cookies, is served from or stored in the cache: any other cookie (a session, a
  flash message, the helpline country) may change what the page shows.
- Only responses a view opted in with `share_with_everyone` are stored, and only when
  they are 200 and set no cookie. Forms on such pages carry no CSRF token (the token
  is each browser's own); `{% form_token %}` (cms_tags) leaves an empty field that
  cms/js/form-token.js fills from `cms.views.form_token` before sending, and views
  without JavaScript answer a token-less post with a fresh form to confirm (never by
  acting on it).
- Every entry holds the cache generation it was rendered in. Publishing, unpublishing,
  moving or deleting a page, or saving anything pages show (footer, helplines, images,
  documents, view restrictions, sites) starts a new generation (`forget_all_pages`),
  so every entry is stale at once: a page shows its neighbours' titles, its
  translations in the language menu and the footer, so partial invalidation would miss
  some. Editing is rare, reading is not. A random generation (not a counter) cannot
  come back after the cache evicts it.
- Signed-in visitors and visitors with a session get `Cache-Control: private,
  no-cache`: their progress and name never enter a shared cache.
- Each process also keeps the pages it served last for ANONYMOUS_PAGE_LOCAL_SECONDS
  (one second), so a busy page costs no round trip to Redis, which on a loaded
  machine waits its turn for the processor; another server's publishing reaches it
  that much later. The process that publishes forgets its own copies at once.
"""

import hashlib
import logging
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

logger = logging.getLogger(__name__)

GENERATION_KEY = "cms:page-cache:generation"
ENTRY_KEY = "cms:page-cache:page:{scheme}:{host}:{encoding}:{path}"
# Set on the request by the middleware: this render may be stored for everyone.
SHARED_RENDER = "_render_for_everyone"
# Set on the response by the view: the page shows nothing about its reader.
SHAREABLE = "_shareable_with_everyone"
# This process's copies: key -> (monotonic deadline, entry). Emptied when full.
_recent = {}
RECENT_MAX_ENTRIES = 500


def share_with_everyone(response):
    """Let the middleware store `response` for every visitor without a session.

    Call it only from a view whose page, for a visitor without a session, depends on
    nothing but its address and published content. The middleware still refuses a
    response that sets a cookie or answers anything but 200.
    """
    setattr(response, SHAREABLE, True)
    return response


class SharedWithEveryoneMixin:
    """For page models whose page shows a visitor without a session nothing of their own.

    Put it before Page among the bases. Previews are never shared.
    """

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if not getattr(request, "is_preview", False):
            share_with_everyone(response)
        return response


def renders_for_everyone(request):
    """True while rendering a page that may be stored for every visitor: no CSRF token."""
    return getattr(request, SHARED_RENDER, False)


def visitor_has_no_session(request):
    """An anonymous visitor without a session sees what the cache serves to everyone."""
    session = getattr(request, "session", None)
    user = getattr(request, "user", None)
    return (user is None or not user.is_authenticated) and (
        session is None or session.session_key is None
    )


def forget_all_pages(**kwargs):
    """Start a new generation: every stored page is stale from now on (a signal receiver).

    An unreachable cache does not stop the publishing that asked: it is logged, and
    the pages it holds, if it comes back with them, expire with their time to live.
    """
    _recent.clear()
    try:
        cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
    except Exception:
        logger.exception("The page cache could not be told that content changed.")


def _generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY)
    return generation


def _ignored_cookies():
    return {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}


def _entry_key(request):
    """One entry per scheme, host, compression and path (which holds the language).

    The path is hashed: a visitor chooses it, and a cache key must stay short and plain.
    """
    encoding = "gzip" if "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "") else "identity"
    path = hashlib.sha256(request.path.encode()).hexdigest()
    return ENTRY_KEY.format(
        scheme=request.scheme, host=request.get_host(), encoding=encoding, path=path
    )


def _in_a_language(path):
    """Public pages live under /<language>/; the admin, health checks, the APIs, the
    H5P player and files never go through the page cache."""
    prefix = path.split("/", 2)[1] if path.count("/") >= 2 else ""
    return prefix in {code for code, _name in settings.LANGUAGES}


def _eligible(request):
    return (
        settings.ANONYMOUS_PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and not request.META.get("QUERY_STRING")
        and set(request.COOKIES) <= _ignored_cookies()
        and _in_a_language(request.path)
    )


class AnonymousPageCacheMiddleware:
    """Serves stored anonymous pages, and stores those views shared (see the module doc).

    First in MIDDLEWARE: a hit skips every other middleware, and what is stored is the
    finished response, compressed and with its security headers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _eligible(request):
            return self._private(self.get_response(request))
        key = _entry_key(request)
        now = time.monotonic()
        recent = _recent.get(key)
        if recent is not None and recent[0] > now:
            return self._served(recent[1])
        try:
            found = cache.get_many([GENERATION_KEY, key])
            generation = found.get(GENERATION_KEY)
            entry = found.get(key)
            if entry is not None and generation is not None and entry[0] == generation:
                self._keep_recent(key, entry, now)
                return self._served(entry)
            generation = generation or _generation()
        except Exception:
            # The cache is down: the site still answers, rendering every page.
            logger.warning("Page cache unreachable; serving without it.", exc_info=True)
            return self._private(self.get_response(request))
        setattr(request, SHARED_RENDER, True)
        response = self.get_response(request)
        if self._storable(response):
            self._public(response)
            entry = (generation, response.status_code, list(response.items()), response.content)
            try:
                cache.set(key, entry, settings.ANONYMOUS_PAGE_CACHE_SECONDS)
            except Exception:
                logger.warning("Page cache unreachable; page not stored.", exc_info=True)
            self._keep_recent(key, entry, now)
        else:
            self._private(response)
        return response

    @staticmethod
    def _served(entry):
        _generation_seen, status, headers, content = entry
        return HttpResponse(content, status=status, headers=headers)

    @staticmethod
    def _keep_recent(key, entry, now):
        if settings.ANONYMOUS_PAGE_LOCAL_SECONDS <= 0:
            return
        if len(_recent) >= RECENT_MAX_ENTRIES:
            _recent.clear()
        _recent[key] = (now + settings.ANONYMOUS_PAGE_LOCAL_SECONDS, entry)

    @staticmethod
    def _storable(response):
        control = response.get("Cache-Control", "")
        return (
            getattr(response, SHAREABLE, False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in control
            and "no-store" not in control
        )

    @staticmethod
    def _public(response):
        patch_cache_control(
            response,
            public=True,
            max_age=settings.ANONYMOUS_PAGE_BROWSER_SECONDS,
            s_maxage=settings.ANONYMOUS_PAGE_PROXY_SECONDS,
        )
        patch_vary_headers(response, ["Cookie"])

    @staticmethod
    def _private(response):
        """A page that could have been shared, shown to one visitor: no shared cache keeps it."""
        if getattr(response, SHAREABLE, False):
            patch_cache_control(response, private=True, no_cache=True)
            patch_vary_headers(response, ["Cookie"])
        return response


def connect_signals():
    """Forget every stored page when published content, or anything pages show, changes.

    Other apps connect the models they own (helplines, H5P activities) in their ready().
    """
    from django.db.models.signals import post_delete
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models import SiteFooter

    page_published.connect(forget_all_pages, dispatch_uid="cms-page-cache-published")
    page_unpublished.connect(forget_all_pages, dispatch_uid="cms-page-cache-unpublished")
    post_page_move.connect(forget_all_pages, dispatch_uid="cms-page-cache-moved")
    # Deleting a page of any type deletes its base row too, which sends this.
    post_delete.connect(forget_all_pages, sender=Page, dispatch_uid="cms-page-cache-deleted")
    forget_on_change(
        SiteFooter,
        PageViewRestriction,
        Site,
        Locale,
        get_image_model(),
        get_document_model(),
        prefix="cms",
    )


def forget_on_change(*models, prefix):
    """Forget every stored page whenever one of `models` is saved or deleted."""
    from django.db.models.signals import post_delete, post_save

    for model in models:
        name = f"{prefix}-page-cache-{model._meta.label_lower}"
        post_save.connect(forget_all_pages, sender=model, dispatch_uid=f"{name}-saved")
        post_delete.connect(forget_all_pages, sender=model, dispatch_uid=f"{name}-deleted")
