"""What a saved learning path or module is made of, for the browser to download.

A learner on costly, intermittent data saves a path or module while online and reads it
later without a connection. The browser needs the list of URLs beforehand (pages, and
the stylesheets, scripts, images and captions those pages use) with their sizes, so it
can say how much it will download and check the device has room, and a version that
changes when any page is republished, so it knows when its copy is out of date.

Only pages the learner may see are listed: live ones, outside any view restriction
that does not accept this request. The pages are rendered here as the learner would
get them to find what they use; a lesson's side effects (remembering the last lesson
opened) come from serving it, which this never does.
"""

import copy
import hashlib
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import default_storage
from django.template.response import TemplateResponse
from wagtail.models import Page, PageViewRestriction

from courses.models import LearningPathPage, LessonPage, ModulePage

SAVEABLE = (LearningPathPage, ModulePage)
# How long the list of files a page version uses is remembered: a deployment can
# change the static files' hashed names without republishing any page.
ASSETS_CACHE_SECONDS = 60 * 60
# Attributes whose same-origin URLs a saved page needs (srcset is read separately).
URL_ATTRIBUTES = {"src", "href", "poster", "data"}
ASSET_TAGS = {"link", "script", "img", "source", "track", "video", "audio", "use", "image"}


class AssetParser(HTMLParser):
    """Collects the static and media files an HTML page loads (not the pages it links)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls = []

    def handle_starttag(self, tag, attrs):
        if tag not in ASSET_TAGS:
            return
        attributes = dict(attrs)
        if tag == "link" and "stylesheet" not in (attributes.get("rel") or "").split():
            return
        for name, value in attributes.items():
            if name in URL_ATTRIBUTES or name == "xlink:href":
                self.add(value)
            elif name == "srcset" and value:
                for candidate in value.split(","):
                    self.add(candidate.strip().split(" ")[0])

    def add(self, url):
        if not url:
            return
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            return  # learner pages load nothing from elsewhere (CSP)
        local = parts.path.startswith((settings.STATIC_URL, settings.MEDIA_URL))
        if local and parts.path not in self.urls:
            self.urls.append(parts.path)


def assets_in(html):
    parser = AssetParser()
    parser.feed(html)
    return parser.urls


def file_size(url):
    """The size in bytes of a static or media file named by its URL, or 0 if not found."""
    if url.startswith(settings.STATIC_URL):
        name = url.removeprefix(settings.STATIC_URL)
        try:
            return staticfiles_storage.size(name)
        except (ImproperlyConfigured, OSError, NotImplementedError, ValueError):
            # No collected static files (development, tests): the app folders have them.
            found = finders.find(name)
            return _size_of_path(found) if found else 0
    name = url.removeprefix(settings.MEDIA_URL)
    try:
        return default_storage.size(name)
    except (OSError, NotImplementedError):
        return 0


def _size_of_path(path):
    try:
        with open(path, "rb") as handle:
            handle.seek(0, 2)
            return handle.tell()
    except OSError:
        return 0


def page_version(page):
    published = page.last_published_at or page.latest_revision_created_at
    return published.isoformat() if published else ""


def visible_pages(root, request):
    """`root` and its live descendants that this request may see, in tree order.

    Path -> modules -> lessons, or module -> lessons: the pages a saved copy holds.
    """
    pages = (
        Page.objects.descendant_of(root, inclusive=True)
        .live()
        .type(LearningPathPage, ModulePage, LessonPage)
    )
    restrictions = PageViewRestriction.objects.select_related("page")
    relevant = [
        *restrictions.filter(page__path__in=_ancestor_paths(root)),
        *restrictions.filter(page__path__startswith=root.path).exclude(page=root),
    ]
    refused = [r.page.path for r in relevant if not r.accept_request(request)]
    return [
        page
        for page in pages.order_by("path").specific()
        if not any(page.path.startswith(path) for path in refused)
    ]


def _ancestor_paths(page):
    step = page.steplen
    return [page.path[:end] for end in range(step, len(page.path) + 1, step)]


def render_html(page, request):
    """The page's HTML as `request`'s user gets it, without serving it (no side effects)."""
    url = page.get_url(request)
    subrequest = copy.copy(request)
    subrequest.path = subrequest.path_info = url
    subrequest.GET = subrequest.GET.copy()
    subrequest.GET.clear()
    response = TemplateResponse(
        subrequest, page.get_template(subrequest), page.get_context(subrequest)
    )
    response.render()
    return response.content


def page_files(page, request):
    """(bytes of the page's HTML, URLs of the files it uses), remembered per version."""
    key = "offline:page:{}:{}:{}:{}".format(
        page.pk,
        page_version(page),
        request.LANGUAGE_CODE,
        "user" if request.user.is_authenticated else "visitor",
    )
    found = cache.get(key)
    if found is None:
        html = render_html(page, request)
        found = (len(html), assets_in(html.decode("utf-8")))
        cache.set(key, found, ASSETS_CACHE_SECONDS)
    return found


def save_manifest(root, request):
    """Everything the browser downloads to save `root` (a path or module) for offline use."""
    pages = visible_pages(root, request)
    files, assets, version = [], [], hashlib.sha256()
    for page in pages:
        html_bytes, page_assets = page_files(page, request)
        url = page.get_url(request)
        files.append({"url": url, "bytes": html_bytes})
        version.update(f"{url} {page_version(page)}\n".encode())
        assets.extend(asset for asset in page_assets if asset not in assets)
    for asset in assets:
        files.append({"url": asset, "bytes": file_size(asset)})
        version.update(f"{asset}\n".encode())
    return {
        "key": f"{root.translation_key}-{root.locale.language_code}",
        "title": root.title,
        "url": root.get_url(request),
        "language": root.locale.language_code,
        "version": version.hexdigest()[:16],
        "pages": [
            {"url": page.get_url(request), "title": page.title, "version": page_version(page)}
            for page in pages
        ],
        "files": files,
        "total_bytes": sum(item["bytes"] for item in files),
        # Pages rendered for a signed-in learner show their progress: forgotten at sign-out.
        "personal": request.user.is_authenticated,
    }
