"""Forgotten and changed passwords: a link by email for adults, a recovery code for
children, and a change form for everyone signed in.

None of these pages says whether an account exists: the reset form answers the same
for any address, and a wrong username or a wrong code get the same message.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from . import recovery, throttling
from .access import child_required
from .forms import ChangePasswordForm, NewPasswordForm, PasswordResetForm, RecoverPasswordForm
from .views import SIGNUP_BACKEND, landing_page, safe_next


class PasswordResetView(auth_views.PasswordResetView):
    """An adult asks for a link by email, in the language of the page they are on.

    The link in the email is reversed while that language is active, so it opens the
    next page in the same language. Requests are capped per client address (the form
    says so) and per email address (silently: the answer must be the same whether or
    not an account has that address).
    """

    form_class = PasswordResetForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        if throttling.reset_limit_reached("client", throttling.client_ip(self.request)):
            form.add_error(
                None,
                _("Too many requests from your network. Please wait an hour and try again."),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if throttling.reset_limit_reached("email", form.cleaned_data["email"]):
            return HttpResponseRedirect(self.get_success_url())
        self.extra_email_context = {"hours": max(1, settings.PASSWORD_RESET_TIMEOUT // 3600)}
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The page the emailed link opens: a new password, then on to sign in."""

    form_class = NewPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:login")

    def form_valid(self, form):
        response = super().form_valid(form)
        # The owner of the mailbox proved who they are: lift any sign-in pause.
        throttling.forget_tries(None, form.user)
        messages.success(self.request, _("Your new password is set. You can sign in with it now."))
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    """Change the password while signed in; Django keeps this session signed in."""

    form_class = ChangePasswordForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:account")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password is changed."))
        return response


@sensitive_post_parameters("recovery_code", "password1", "password2")
@never_cache
def recover_password(request):
    """A child sets a new password with their username and recovery code.

    The code is used up: the child is signed in and shown a new one, once.
    """
    form = RecoverPasswordForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = form.user
        with transaction.atomic():
            code = recovery.replace_code(form.matched_code)
            if code is not None:
                user.set_password(form.cleaned_data["password1"])
                user.save(update_fields=["password"])
        if code is None:  # a parallel request used the same code first
            form.add_error(None, _("This recovery code has just been used. Ask for help."))
        else:
            throttling.forget_tries(user.username, user)
            login(request, user, backend=SIGNUP_BACKEND)
            recovery.remember_in_session(request, code)
            messages.success(
                request,
                _(
                    "Your new password is set and you are signed in. Your old recovery code "
                    "no longer works: here is a new one."
                ),
            )
            return redirect("accounts:recovery_code")
    return render(request, "accounts/password_recover.html", {"form": form})


@child_required
@never_cache
def recovery_code(request):
    """A child's recovery code: shown once right after it is made; POST makes a new one."""
    if request.method == "POST":
        recovery.remember_in_session(request, recovery.issue_code(request.user))
        return redirect("accounts:recovery_code")
    code = request.session.pop(recovery.SESSION_KEY, None)
    return render(
        request,
        "accounts/recovery_code.html",
        {
            "code": code,
            "next": safe_next(request) or landing_page(request.user),
            "has_code": hasattr(request.user, "recovery_code"),
        },
    )
