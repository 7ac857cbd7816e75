"""Sign-in throttling: how django-axes names the account and client, and a pause per account.

django-axes counts failures per typed name and address (AXES_* settings). On top of
that, every account has one budget of tries from anywhere (SIGN_IN_* settings).
"""

import hashlib
import math
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, models, transaction
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone
from django.utils.translation import ngettext

from .models import SignInThrottle


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


# Per-account throttling. django-axes above counts per name *and* address; this counts
# per account from anywhere, so more addresses buy an attacker no more tries.


def current_time():
    """The throttle's clock (tests move it forward instead of waiting)."""
    return timezone.now()


def delay_after(tries):
    """How long an account waits after its `tries`-th unsuccessful try in a row.

    The first SIGN_IN_FREE_TRIES tries wait for nothing; then 1, 2, 4, 8 minutes,
    and never more than SIGN_IN_MAX_DELAY, so an attacker can keep a child out of
    their account for a quarter of an hour at most after the child's last chance.
    """
    over = tries - settings.SIGN_IN_FREE_TRIES
    if over < 0:
        return None
    return min(settings.SIGN_IN_FIRST_DELAY * 2 ** min(over, 32), settings.SIGN_IN_MAX_DELAY)


def throttle_key(identifier, user):
    """The account's id when the identifier names one, else a digest of the identifier.

    A username and an email address of one account share the account's budget. A name
    that matches no account is counted as itself, so it is paused exactly like an
    account (the pause reveals nothing), and stored only as a digest.
    """
    if user is not None:
        return f"account:{user.pk}"
    folded = str(identifier).strip().casefold()
    return "name:" + hashlib.sha256(folded.encode()).hexdigest()


def _next_try_at(now, old_tries, stale):
    """SQL for the next allowed try once this one is counted (tries = old + 1)."""
    whens = [When(stale, then=Value(_after(now, 1)))]
    tries = 1
    while (delay := delay_after(tries)) is None or delay < settings.SIGN_IN_MAX_DELAY:
        whens.append(When(**{old_tries: tries - 1}, then=Value(_after(now, tries))))
        tries += 1
    return Case(
        *whens,
        default=Value(now + settings.SIGN_IN_MAX_DELAY),
        output_field=models.DateTimeField(),
    )


def _after(now, tries):
    delay = delay_after(tries)
    return None if delay is None else now + delay


def _count_try(key, now):
    """Count one try unless the account must wait: one UPDATE, safe under concurrency."""
    stale = Q(last_try_at__lt=now - settings.SIGN_IN_FORGET_AFTER)
    return (
        SignInThrottle.objects.filter(key=key)
        .filter(Q(next_try_at__isnull=True) | Q(next_try_at__lte=now) | stale)
        .update(
            tries=Case(When(stale, then=Value(1)), default=F("tries") + 1),
            last_try_at=now,
            next_try_at=_next_try_at(now, "tries", stale),
        )
    )


def reserve_try(identifier, user):
    """Count a sign-in try against the account before its password is checked.

    Returns None when the try may go ahead, else how long the account must still wait.
    Counting first (and forgetting on success, see forget_tries) means parallel
    requests cannot slip extra tries in while a slow password hash runs. Tries refused
    during a pause are not counted, so hammering an account does not lengthen it.
    """
    if not settings.AXES_ENABLED:  # the one switch for sign-in throttling
        return None
    key = throttle_key(identifier, user)
    now = current_time()
    if _count_try(key, now):
        return None
    if not SignInThrottle.objects.filter(key=key).exists():
        # Rows untouched for a day count for nothing: drop them (one indexed DELETE
        # per new row keeps names typed once from piling up).
        stale_before = now - settings.SIGN_IN_FORGET_AFTER
        SignInThrottle.objects.filter(last_try_at__lt=stale_before).delete()
        try:
            with transaction.atomic():
                SignInThrottle.objects.create(
                    key=key, user=user, tries=1, last_try_at=now, next_try_at=_after(now, 1)
                )
            return None
        except IntegrityError:  # another request created it just now
            if _count_try(key, now):
                return None
    next_try_at = (
        SignInThrottle.objects.filter(key=key).values_list("next_try_at", flat=True).first()
    )
    return max((next_try_at or now) - now, timedelta(seconds=1))


def forget_tries(identifier, user):
    """A successful sign-in clears the account's count."""
    SignInThrottle.objects.filter(key=throttle_key(identifier, user)).delete()


def paused_message(wait):
    """The sentence the lockout page uses, so both pauses read the same."""
    minutes = max(1, math.ceil(wait.total_seconds() / 60))
    return ngettext(
        "The password was wrong too many times, so signing in is paused for this account. "
        "Please wait %(minutes)s minute and try again.",
        "The password was wrong too many times, so signing in is paused for this account. "
        "Please wait %(minutes)s minutes and try again.",
        minutes,
    ) % {"minutes": minutes}


def recovery_paused_message(wait):
    """Wrong recovery codes use the account's sign-in budget; the pause says so."""
    minutes = max(1, math.ceil(wait.total_seconds() / 60))
    return ngettext(
        "Too many wrong tries for this account. Please wait %(minutes)s minute and try again.",
        "Too many wrong tries for this account. Please wait %(minutes)s minutes and try again.",
        minutes,
    ) % {"minutes": minutes}


# Password reset emails. Cache counters (shared by app servers through Redis) cap the
# requests from one address and the emails sent to one address in a window, so the form
# can be used neither to flood someone's inbox nor to send mail in bulk.


def reset_limit_reached(kind, value):
    """Count one reset request against `kind` ("client" or "email") and say if over."""
    limit = {
        "client": settings.PASSWORD_RESET_REQUESTS_PER_CLIENT,
        "email": settings.PASSWORD_RESET_EMAILS_PER_RECIPIENT,
    }[kind]
    digest = hashlib.sha256(str(value).strip().casefold().encode()).hexdigest()
    key = f"accounts:password-reset:{kind}:{digest}"
    window = int(settings.PASSWORD_RESET_LIMIT_WINDOW.total_seconds())
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, window)
        count = 1
    return count > limit
