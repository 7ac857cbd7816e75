"""URL configuration.

The admin and documents live outside the language prefix; every public page lives
under /<language>/ (i18n_patterns), and `/` redirects by the browser's language.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import views as cms_views
from offline import views as offline_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("health/", include("health.urls")),
    # The indicators API: token in the Authorization header, no session (indicators/api.py).
    path("api/indicators/v1/", include("indicators.api_urls")),
    # A CSRF token for forms on pages from the shared cache (cms/page_cache.py).
    path("form-token/", cms_views.form_token, name="form_token"),
    # The H5P player and its files: no language prefix, no session (see h5p/views.py).
    path("h5p/", include("h5p.urls")),
    # At the root, so that the worker may look after every page of the site.
    path("sw.js", offline_views.service_worker, name="service_worker"),
    # The Open Badges issuer profile and public keys: ids written into every badge.
    path("badges/", include("badges.issuer_urls")),
    # LTI 1.3: the tool's public key set, which platforms are given.
    path("lti/", include("lti.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    # App routes come before the page catch-all below, which would otherwise take them.
    path("account/", include("accounts.urls")),
    path("", include("courses.urls")),
    path("", include("badges.urls")),
    path("", include("helplines.urls")),
    path("classes/", include("classrooms.urls")),
    path("classes/", include("parent_links.urls")),
    path("learn/activities/", include("h5p.result_urls")),
    path("", include("offline.urls")),
    # Pages are served through a wrapper that falls back to the source page when a
    # translation is missing, instead of answering 404. Wagtail's own `_util/` views
    # (sign-in and password forms of restricted pages) stay reachable below it.
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", cms_views.serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
