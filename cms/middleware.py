"""Site-wide request checks: the Content Security Policy and well-formed request headers.

Learner pages load nothing from elsewhere: no CDN, no analytics, no web fonts. The
policy makes that a rule the browser enforces. The Wagtail admin is left to Wagtail.
"""

import re

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _

LEARNER_CSP = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "media-src 'self'",
        "style-src 'self'",
        "script-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)
EXEMPT_PREFIXES = ("/admin/", "/django-admin/")


def learner_csp():
    """The learner policy, letting pages frame the origins in LEARNER_FRAME_SOURCES too
    (e.g. an H5P player served from a host of its own)."""
    extra = [origin for origin in getattr(settings, "LEARNER_FRAME_SOURCES", ()) if origin]
    if not extra:
        return LEARNER_CSP
    return LEARNER_CSP.replace("frame-src 'self'", " ".join(["frame-src 'self'", *extra]))


WHOLE_NUMBER = re.compile(r"[0-9]+")


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(EXEMPT_PREFIXES):
            response.headers.setdefault("Content-Security-Policy", learner_csp())
        return response


class ContentLengthMiddleware:
    """Answers 400 to a request whose Content-Length is not a whole number of bytes.

    Browsers never send such a header; a view that trusts it (the quiz submission
    compares it with its size limit) would crash with a server error. HTTP allows only
    digits (RFC 9110, 8.6), so anything else, including a negative number, a list or
    spaces, is refused here, after the language is known and before any view or
    middleware reads the body.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length = request.META.get("CONTENT_LENGTH")
        if length and not WHOLE_NUMBER.fullmatch(length):
            return HttpResponseBadRequest(
                _("This request could not be read. Reload the page and try again."),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
