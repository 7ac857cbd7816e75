"""Who may add to the help-seeking counts: our own pages, a few times a day per address.

The count beacon must stay cookie-free and anonymous, so it cannot use sessions or CSRF
tokens. Instead:
- only a same-origin post counts: the browser's Origin header must be this site's own
  scheme and host, and Sec-Fetch-Site, when the browser sends it, must say
  same-origin. A page elsewhere (or a script with no Origin) cannot feed the indicator.
- each client address is counted at most HELP_COUNT_DAILY_LIMIT times a day. The tally
  lives in the shared cache (Redis in production), so every app server sees it. Its key
  is a keyed hash (HMAC with SECRET_KEY) of the day and the address, so the cache never
  holds an address and a key cannot be linked to one without the secret; it expires at
  midnight. No address is ever written to the database.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac

from cms.rate_limits import count_in_window

KEY_PREFIX = "help-count:"


def same_origin(request):
    """Whether the post came from one of this site's own pages."""
    origin = request.headers.get("Origin", "")
    own = f"{request.scheme}://{request.get_host()}"
    fetch_site = request.headers.get("Sec-Fetch-Site")
    return origin == own and fetch_site in (None, "same-origin")


def client_address(request):
    """The client's address, read past TRUSTED_PROXY_COUNT reverse proxies.

    Each trusted proxy appends the address it saw to X-Forwarded-For, so the client is
    that many entries from the end; anything before came from the client itself. This
    is the rule sign-in throttling follows; helplines may not import accounts.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.headers.get("X-Forwarded-For", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _seconds_to_midnight(now):
    midnight = datetime.datetime.combine(
        now.date() + datetime.timedelta(days=1), datetime.time(), tzinfo=now.tzinfo
    )
    return max(1, int((midnight - now).total_seconds()))


def within_daily_limit(request):
    """Record one more post from this address today; False once it is over the limit."""
    day = timezone.localdate()
    digest = salted_hmac(KEY_PREFIX, f"{day.isoformat()} {client_address(request)}")
    key = KEY_PREFIX + digest.hexdigest()
    used = count_in_window(key, _seconds_to_midnight(timezone.localtime()))
    return used <= settings.HELP_COUNT_DAILY_LIMIT
