"""Sign-up, sign-in, password and account deletion forms.

Django's form rendering ties each error and help text to its field
(aria-describedby, aria-invalid), so the templates render fields as field groups.
"""

import secrets

from django import forms
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from . import recovery, throttling
from .models import DigitalConsentAge, User
from .names import clean_name
from .throttling import paused_message

child_username_validator = RegexValidator(
    r"^[\w.-]+\Z",
    _("Use only letters, numbers, dots, dashes and underscores (no spaces, no @)."),
)


class NoLabelSuffixMixin:
    """Labels end as written: an added ":" reads badly after a question mark."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class PasswordFieldsMixin(NoLabelSuffixMixin, forms.Form):
    """A password typed twice, checked by the project's password validators."""

    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters. Not only numbers, not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_password2(self):
        password1 = self.cleaned_data.get("password1")
        password2 = self.cleaned_data.get("password2")
        if password1 and password2 and password1 != password2:
            raise forms.ValidationError(_("The two passwords are not the same."))
        return password2

    def check_password_strength(self, user):
        password = self.cleaned_data.get("password1")
        if password:
            try:
                password_validation.validate_password(password, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)


class AdultSignupForm(PasswordFieldsMixin, forms.ModelForm):
    """An adult's account: email, password and role; a display name if they like."""

    email = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("You sign in with it. We send no newsletters."),
    )
    role = forms.TypedChoiceField(
        label=_("I am"),
        choices=User.Role.choices,
        widget=forms.RadioSelect,
    )
    display_name = forms.CharField(
        label=_("Name on certificates (optional)"),
        max_length=80,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )

    class Meta:
        model = User
        fields = ["email", "role", "display_name"]

    field_order = ["email", "password1", "password2", "role", "display_name"]

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"].strip())
        if User.objects.filter(kind=User.Kind.ADULT, email__iexact=email).exists():
            raise forms.ValidationError(
                _("An account with this email address already exists. Try signing in.")
            )
        return email

    def clean_display_name(self):
        return clean_name(self.cleaned_data["display_name"])

    def _post_clean(self):
        self.instance.kind = User.Kind.ADULT
        self.instance.username = self.unused_username()
        super()._post_clean()
        self.check_password_strength(self.instance)

    @staticmethod
    def unused_username():
        """Adults sign in with their email; the username is an internal handle."""
        while True:
            username = f"adult-{secrets.token_hex(5)}"
            if not User.objects.filter(username__iexact=username).exists():
                return username

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_password(self.cleaned_data["password1"])
        if commit:
            user.save()
        return user


class ChildSignupForm(PasswordFieldsMixin, forms.ModelForm):
    """A child's account: username, password, age band and country. Nothing else.

    The country and age band decide the age-of-digital-consent rule; when it refuses,
    `refused` is True and the view explains instead of creating the account.
    """

    username = forms.CharField(
        label=_("Username"),
        max_length=30,
        validators=[child_username_validator],
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}
        ),
        help_text=_("Make one up. Don't use your real name."),
    )
    age_band = forms.ChoiceField(
        label=_("How old are you?"),
        choices=User.AgeBand.choices,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = User
        fields = ["username", "age_band", "country"]
        labels = {"country": _("Where do you live?")}
        help_texts = {"country": ""}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The model's country field lists the countries lazily, named in the
        # learner's language; a child must choose one.
        self.fields["country"].required = True

    field_order = ["username", "password1", "password2", "age_band", "country"]

    def clean_username(self):
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This username is taken. Try another one."))
        return username

    @property
    def refused(self):
        """True when the child is younger than their country's age of digital consent.

        Decided as soon as the age band and country are valid, whatever else is wrong.
        """
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        age_band = self.cleaned_data.get("age_band")
        country = self.cleaned_data.get("country")
        if not age_band or not country:
            return False
        return not DigitalConsentAge.child_may_self_register(country, age_band)

    def _post_clean(self):
        self.instance.kind = User.Kind.CHILD
        super()._post_clean()
        self.check_password_strength(self.instance)

    def save(self, commit=True):
        if self.refused:
            raise ValueError("A child below the age of digital consent gets no account.")
        user = super().save(commit=False)
        user.set_password(self.cleaned_data["password1"])
        if commit:
            user.save()
        return user


class SignInForm(NoLabelSuffixMixin, AuthenticationForm):
    """Username (or an adult's email) and password, through the throttled backends."""

    username = forms.CharField(
        label=_("Username or email address"),
        max_length=254,
        widget=forms.TextInput(
            attrs={"autofocus": True, "autocomplete": "username", "autocapitalize": "none"}
        ),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _(
            "The username or email address and the password do not match. Check them and try again."
        ),
        "inactive": _("This account is switched off."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        # Long enough for an email address, not only a username.
        self.fields["username"].max_length = 254
        self.fields["username"].widget.attrs["maxlength"] = 254

    def get_invalid_login_error(self):
        """While the account's tries are paused, say so (even for the right password)."""
        wait = getattr(self.request, "sign_in_paused_for", None)
        if wait is not None:
            return forms.ValidationError(paused_message(wait), code="paused")
        return super().get_invalid_login_error()


class DeleteAccountForm(NoLabelSuffixMixin, forms.Form):
    """Deleting an account needs the password and a tick: it cannot be undone."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and everything I did here will be deleted."),
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_password(self):
        password = self.cleaned_data["password"]
        check_current_password(self.request, password)
        return password


def check_current_password(request, password):
    """Raise a form error unless `password` is the signed-in user's, throttled like sign-in.

    Through authenticate() so that someone who finds a signed-in phone cannot guess
    the password here faster than at the sign-in page.
    """
    user = request.user
    if authenticate(request, username=user.get_username(), password=password) != user:
        wait = getattr(request, "sign_in_paused_for", None)
        if wait is not None:
            raise forms.ValidationError(paused_message(wait), code="paused")
        raise forms.ValidationError(_("This is not your password."), code="password_incorrect")


class NewPasswordForm(NoLabelSuffixMixin, auth_forms.SetPasswordForm):
    """A new password typed twice (Django's form, with the site's words)."""

    error_messages = {"password_mismatch": _("The two passwords are not the same.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("New password")
        self.fields["new_password1"].help_text = PasswordFieldsMixin.base_fields[
            "password1"
        ].help_text
        self.fields["new_password2"].label = _("New password again")
        self.fields["new_password2"].help_text = ""


class ChangePasswordForm(NewPasswordForm):
    """The current password, then the new one twice."""

    old_password = forms.CharField(
        label=_("Your current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    field_order = ["old_password", "new_password1", "new_password2"]

    def __init__(self, user, *args, request, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.request = request

    def clean_old_password(self):
        password = self.cleaned_data["old_password"]
        check_current_password(self.request, password)
        return password


class PasswordResetForm(NoLabelSuffixMixin, auth_forms.PasswordResetForm):
    """An adult's email address; the link goes only to an active adult account's address.

    Child accounts have no email address, so they are never found here.
    """

    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def get_users(self, email):
        return (user for user in super().get_users(email) if user.kind == User.Kind.ADULT)


class RecoverPasswordForm(PasswordFieldsMixin):
    """A child's username and recovery code, and the new password twice.

    Every check of a code counts against the account's sign-in budget
    (accounts.throttling), so codes cannot be guessed faster than passwords. The code
    is only checked once the rest of the form is right, so a typo in the new password
    costs no try.
    """

    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )
    recovery_code = forms.CharField(
        label=_("Recovery code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}
        ),
        help_text=_("The code you printed or wrote down when you made your account."),
    )

    field_order = ["username", "recovery_code", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = self.matched_code = None

    def clean(self):
        cleaned = super().clean()
        username = (cleaned.get("username") or "").strip()
        # A stand-in account with the typed username: the similarity check needs one.
        self.check_password_strength(User(username=username))
        if self.errors:
            return cleaned
        user = User.objects.filter(kind=User.Kind.CHILD, username__iexact=username).first()
        wait = throttling.reserve_try(username, user)
        if wait is not None:
            raise forms.ValidationError(throttling.recovery_paused_message(wait), code="paused")
        self.matched_code = recovery.matching_code(user, cleaned["recovery_code"])
        if self.matched_code is None or not user.is_active:
            raise forms.ValidationError(
                _("This username and recovery code do not match. Check them and try again."),
                code="no_match",
            )
        self.user = user
        return cleaned
