"""Serving pages so that a missing translation never answers 404; forms' CSRF tokens."""

from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page, Site
from wagtail.views import serve as wagtail_serve


def serve_page(request, path):
    """Serve the page at `path` in the active language, or else its source page.

    Slugs are synchronised across languages, so when the active language's tree has no
    page at this path (not translated yet), the same path in the default-language tree
    is the source page. Wagtail caches the route on the request
    (`request._wagtail_route_for_request`, see Page.route_for_request), so setting the
    fallback route there lets Wagtail's own serve view run its hooks (view
    restrictions included) on the source page. The page is rendered in the learner's UI
    language; templates show a notice because the page's locale differs from it.
    """
    if Page.route_for_request(request, path) is None:
        request._wagtail_route_for_request = _route_in_default_locale(request, path)
    return wagtail_serve(request, path)


def _route_in_default_locale(request, path):
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page.get_translation_or_none(Locale.get_default())
    if root is None:
        return None
    components = [component for component in path.split("/") if component]
    try:
        return root.specific.route(request, components)
    except Http404:
        return None


@require_GET
def form_token(request):
    """This browser's CSRF token, for a form on a page served from the shared cache.

    Fetched by cms/js/form-token.js just before such a form is sent; it sets the CSRF
    cookie as any form page does. Another site cannot read the answer (no CORS), and
    nothing may store it.
    """
    response = HttpResponse(get_token(request), content_type="text/plain; charset=utf-8")
    patch_cache_control(response, private=True, no_store=True)
    return response
