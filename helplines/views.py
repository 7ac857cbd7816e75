"""The Get help page and the anonymous count of helpline contacts.

The visitor's country comes only from their own choice (a plain form that works without
JavaScript), remembered in a cookie holding nothing but the country code. It is never
guessed from the IP address or asked of any other service.
"""

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.shortcuts import render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_countries import countries

from cms.page_cache import share_with_everyone

from .beacon import same_origin, within_daily_limit
from .forms import CountryForm
from .models import Helpline, HelpSeekingCount, ReportingGuidancePage

COUNTRY_COOKIE = "help_country"
COUNTRY_COOKIE_MAX_AGE = 365 * 24 * 60 * 60
# The fields Helpline.channels() reads, so the count view loads nothing else.
CHANNEL_FIELDS = ["phone_numbers", "sms", "whatsapp", "chat_url", "email", "web_url"]


def valid_country(code):
    code = (code or "").strip().upper()
    return code if code and code in countries else ""


def reporting_page():
    """The reporting guidance in the visitor's language, else in the source language."""
    languages = [get_language(), settings.LANGUAGE_CODE]
    pages = (
        ReportingGuidancePage.objects.live()
        .public()
        .filter(locale__language_code__in=languages)
        .select_related("locale")
        .order_by("path")
    )
    by_language = {}
    for page in pages:
        by_language.setdefault(page.locale.language_code, page)
    return by_language.get(languages[0]) or by_language.get(languages[1])


def help_page(request):
    chosen = "country" in request.GET
    form = CountryForm(request.GET if chosen else None)
    country = ""
    if chosen and form.is_valid():
        country = valid_country(form.cleaned_data["country"])
    if not country:
        country = valid_country(request.COOKIES.get(COUNTRY_COOKIE))
        if country and not chosen:
            form = CountryForm(initial={"country": country})
    helplines = list(Helpline.objects.filter(country=country)) if country else []
    response = render(
        request,
        "helplines/help_page.html",
        {
            "form": form,
            "country": country,
            "country_name": countries.name(country) if country else "",
            "helplines": helplines,
            "reporting_page": reporting_page(),
        },
        status=400 if chosen and form.errors else 200,
    )
    if chosen and country and form.is_valid():
        response.set_cookie(
            COUNTRY_COOKIE,
            country,
            max_age=COUNTRY_COOKIE_MAX_AGE,
            samesite="Lax",
            secure=request.is_secure(),
            httponly=True,
        )
    patch_vary_headers(response, ["Cookie"])
    if chosen or country:
        patch_cache_control(response, private=True)
    else:
        # No country chosen: the same page for everyone (cms.page_cache); a visitor
        # with the country cookie is never served from the shared cache.
        share_with_everyone(response)
    return response


# Sent by navigator.sendBeacon from a cacheable page, so there is no CSRF token; the
# same-origin check in beacon.py takes its place.
@csrf_exempt
@require_POST
def count_contact(request):
    """Add one to today's count for the helpline's country and the channel used.

    Only a post from our own pages, within the address's daily limit, for a known
    helpline and one of its own channels is counted. Nothing about the request is kept:
    no cookie, session or user is read or set, and the address only becomes a keyed
    hash in the cache for the rest of the day (see beacon.py).
    """
    if not same_origin(request):
        return HttpResponseForbidden()
    if not within_daily_limit(request):
        return HttpResponse(status=429)
    key = request.POST.get("helpline", "")
    channel = request.POST.get("channel", "")
    helpline = Helpline.objects.filter(key=key).only("country", *CHANNEL_FIELDS).first()
    if helpline is None or channel not in helpline.channels():
        return HttpResponseBadRequest()
    HelpSeekingCount.increment(helpline.country.code, channel)
    return HttpResponse(status=204)
