"""Badge downloads for learners, the name choice, and the issuer's public documents.

The download and the name choice live under the language prefix (a badge is issued in
the language it is downloaded in). The issuer profile and its keys do not: their
addresses are ids written into every badge, and must not change with the language.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.models import User
from cms.pages_in_language import localized_pages, page_in_language
from courses.models import Certificate

from . import names
from .credentials import CONTEXT, MEDIA_TYPE, build_credential, issuer_profile, sign
from .keys import published_keys


@require_GET
def download(request, code):
    """The certificate as a signed Open Badges 3.0 credential: for its owner only."""
    if not request.user.is_authenticated:
        raise Http404
    certificate = get_object_or_404(Certificate, code=code, learner=request.user)
    key = str(certificate.content_key)
    page = page_in_language(localized_pages({key}, get_language()), key, get_language())
    if page is None:
        raise Http404
    credential = build_credential(
        certificate,
        page.specific,
        page.locale.language_code,
        name=names.badge_name(request.user),
    )
    response = HttpResponse(sign(credential), content_type=MEDIA_TYPE)
    response["Content-Disposition"] = f'attachment; filename="cop-learn-{certificate.code}.jwt"'
    response["Cache-Control"] = "private, no-store"
    return response


def _name_choice_page(request, children, error="", status=200):
    user = request.user
    shown = set(
        names.NameOnBadges.objects.filter(learner__in=[user, *children]).values_list(
            "learner_id", flat=True
        )
    )
    context = {
        "self_may_choose": names.may_choose(user, user),
        "self_shown": user.pk in shown,
        "self_name": user.display_name or user.get_full_name() or user.get_username(),
        "children": [(child, child.pk in shown) for child in children],
        "error": error,
    }
    return render(request, "badges/name_choice.html", context, status=status)


@login_required
def name_choice(request):
    """Whether the learner's badges (and those of the children they look after) name them."""
    user = request.user
    children = names.children_whose_names_they_choose(user)
    if request.method != "POST":
        return _name_choice_page(request, children)
    show = request.POST.get("show")
    try:
        learner = User.objects.get(pk=int(request.POST.get("learner", "")))
    except (ValueError, User.DoesNotExist):
        learner = None
    if learner is None or show not in ("yes", "no"):
        error = _("This choice could not be saved. Choose one of the options and try again.")
        return _name_choice_page(request, children, error=error, status=400)
    if not names.may_choose(user, learner):
        raise Http404
    names.set_name_on_badges(user, learner, show == "yes")
    if show == "yes":
        messages.success(request, _("From now on, badges you download carry the name."))
    else:
        messages.success(request, _("From now on, badges you download carry no name."))
    return redirect("badges:name_choice")


def _public_json(data):
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_GET
def issuer(request):
    """The issuer profile every badge names (Open Badges 3.0 Profile)."""
    return _public_json({"@context": CONTEXT, **issuer_profile()})


@require_GET
def key_set(request):
    """Every public key a badge may be signed with (JWKS, RFC 7517)."""
    return _public_json({"keys": [key.public_jwk for key in published_keys()]})


@require_GET
def key(request, kid):
    """One public key: the `kid` in a badge's header points here."""
    for candidate in published_keys():
        if candidate.kid == kid:
            return _public_json(candidate.public_jwk)
    raise Http404
