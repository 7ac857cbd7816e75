"""Sign-up, sign-in and sign-out, the account page, data download and account deletion.

Every view that shows or changes an account works on the signed-in user only: no
view takes a user id, so nobody can reach another learner's data.
"""

import json

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET

from . import recovery
from .forms import AdultSignupForm, ChildSignupForm, DeleteAccountForm, SignInForm
from .models import DigitalConsentAge
from .signals import account_deleting, account_deletion_checked, personal_data_requested

# The backend that sign-up names when it signs the new learner in.
SIGNUP_BACKEND = "accounts.backends.UsernameOrEmailBackend"


@require_GET
def signup(request):
    """Choose between an adult's and a child's account."""
    if request.user.is_authenticated:
        return redirect("accounts:account")
    return render(request, "accounts/signup.html", {"next": safe_next(request)})


@sensitive_post_parameters("password1", "password2")
@never_cache
def signup_adult(request):
    if request.user.is_authenticated:
        return redirect("accounts:account")
    form = AdultSignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        return _sign_in_new_account(request, user)
    return render(request, "accounts/signup_adult.html", {"form": form})


@sensitive_post_parameters("password1", "password2")
@never_cache
def signup_child(request):
    """A child's sign-up, refused kindly below their country's age of digital consent."""
    if request.user.is_authenticated:
        return redirect("accounts:account")
    # Bound on every POST, even an empty one: `refused` reads the cleaned data.
    form = ChildSignupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.refused:
            return render(request, "accounts/signup_refused.html", refusal_context(form))
        if form.is_valid():
            with transaction.atomic():
                user = form.save()
                code = recovery.issue_code(user)
            response = _sign_in_new_account(request, user)
            # A child has no email to get a reset link: first they see the recovery
            # code (once), then go on to where they were going.
            recovery.remember_in_session(request, code)
            return redirect(
                reverse("accounts:recovery_code") + "?" + urlencode({"next": response.url})
            )
    return render(request, "accounts/signup_child.html", {"form": form})


def refusal_context(form):
    """What the refusal page may truthfully say about the rule that applied.

    Only a country with its own row in the consent table has a known law; for any
    other, the page says the site's default age applies, not "the law where you live".
    """
    country = form.cleaned_data["country"]
    return {
        "country_has_own_rule": DigitalConsentAge.objects.filter(country=country).exists(),
        "consent_age": DigitalConsentAge.age_for(country),
    }


def safe_next(request):
    """The page to return to after sign-up (`?next=`), if it is on this site."""
    target = request.GET.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def _sign_in_new_account(request, user):
    # login() keeps the session's data (progress made before signing up) and sends
    # user_logged_in, on which other apps attach that progress to the new account.
    login(request, user, backend=SIGNUP_BACKEND)
    messages.success(request, _("Welcome! Your account is ready and you are signed in."))
    return redirect(safe_next(request) or landing_page(user))


def landing_page(user):
    """Where someone lands after signing in with no page to return to: their own work."""
    return resolve_url(
        settings.LOGIN_REDIRECT_URL_BY_ROLE.get(user.role, settings.LOGIN_REDIRECT_URL)
    )


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return landing_page(self.request.user)


class SignOutView(auth_views.LogoutView):
    """Sign out by POST only (Django refuses GET), then go to `next` if it is safe."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("You are signed out."))
        return response


def locked_out(request, original_response=None, credentials=None):
    """The page django-axes shows after too many failed sign-ins (AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "accounts/locked_out.html",
        {"minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


@login_required
@require_GET
def account(request):
    return render(request, "accounts/account.html", {"account": request.user})


@login_required
@require_GET
@never_cache
def download_data(request):
    """Everything stored about the signed-in learner, as a JSON file.

    Other apps add their sections through the personal_data_requested signal.
    """
    user = request.user
    data = {"exported_at": timezone.now(), "account": account_data(user)}
    attempts = failed_sign_ins(user)
    if attempts:
        data["failed_sign_in_attempts"] = attempts
    for receiver, (section, section_data) in personal_data_requested.send(
        sender=get_user_model(), user=user
    ):
        if section in data:
            raise ValueError(f"Two parts of the data export are called {section!r} ({receiver}).")
        data[section] = section_data
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="cop-learn-data-{stamp}.json"'
    return response


def account_data(user):
    """The account's own fields. Never the password hash, nor the recovery code's."""
    return {
        "username": user.username,
        "kind": user.kind,
        "role": user.role,
        "age_band": user.age_band,
        "country": user.country.code or "",
        "display_name": user.display_name,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "is_active": user.is_active,
        "is_staff": user.is_staff,
        "groups": sorted(user.groups.values_list("name", flat=True)),
        # When the child's recovery code was made; never the code or its hash.
        "recovery_code_made_at": getattr(getattr(user, "recovery_code", None), "created", None),
    }


def _sign_in_names(user):
    """What the learner may have typed at sign-in, as login throttling records it."""
    return {name.casefold() for name in (user.username, user.email) if name}


def failed_sign_ins(user):
    """Recent failed sign-ins recorded by login throttling under this learner's names.

    When and how many, not the address or browser: those may be someone else's.
    """
    return list(
        AccessAttempt.objects.filter(username__in=_sign_in_names(user))
        .order_by("attempt_time")
        .values("attempt_time", "failures_since_start")
    )


def deletion_obstacles(user):
    """Why the account may not be deleted yet, as other apps tell it (empty: it may)."""
    reasons = []
    for _receiver, answer in account_deletion_checked.send(sender=get_user_model(), user=user):
        reasons.extend(answer or [])
    return reasons


@login_required
@sensitive_post_parameters("password")
@never_cache
def delete_account(request):
    obstacles = deletion_obstacles(request.user)
    if obstacles:
        status = 409 if request.method == "POST" else 200
        return render(request, "accounts/delete.html", {"obstacles": obstacles}, status=status)
    form = DeleteAccountForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        user = request.user
        # Sign out first (it ends the session and tells other apps while the account
        # still exists), then delete: records elsewhere point at the user with
        # on_delete=CASCADE and go with it, after other apps have handed over what
        # must outlive the account.
        logout(request)
        with transaction.atomic():
            account_deleting.send(sender=get_user_model(), user=user)
            AccessAttempt.objects.filter(username__in=_sign_in_names(user)).delete()
            user.delete()
        return redirect("accounts:deleted")
    return render(request, "accounts/delete.html", {"form": form})


@require_GET
def account_deleted(request):
    return render(request, "accounts/deleted.html")
