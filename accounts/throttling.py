"""How django-axes names the account and the client behind a failed sign-in."""

from django.conf import settings


def submitted_username(request, credentials):
    """The identifier typed at sign-in, trimmed and case-folded.

    One account can be reached as "Sam@example.org" or "sam@example.org"; counting
    those as one target keeps an attacker from multiplying their tries by changing case.
    """
    value = (credentials or {}).get("username")
    if value is None:
        value = request.POST.get("username", "") if request is not None else ""
    return str(value).strip().casefold()


def client_ip(request):
    """The address login throttling counts failures against.

    Behind TRUSTED_PROXY_COUNT reverse proxies, each appends the address it saw to
    X-Forwarded-For, so the client's address is that many entries from the end; any
    entries before it came from the client and are not trusted. With no proxy,
    REMOTE_ADDR is the client.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
