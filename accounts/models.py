from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from .names import clean_name

# Ages the consent table may hold: GDPR Art. 8 lets states choose 13 to 16, other laws
# go up to 18. The age bands below are built so that every age in this range decides.
MIN_CONSENT_AGE = 13
MAX_CONSENT_AGE = 18


class User(AbstractUser):
    """The platform's user model, in place from the first migration.

    Learners hold as little data as the platform needs. A child account has a
    username, a password, an age band and a country: no email, no birth date, no real
    name (database constraints keep email and names empty). An adult account has an
    email (unique among adults, ignoring case) and a role. Staff accounts made in the
    Wagtail admin are adults too.
    """

    class Kind(models.TextChoices):
        CHILD = "child", _("Child")
        ADULT = "adult", _("Adult")

    class Role(models.TextChoices):
        PARENT = "parent", _("Parent or carer")
        EDUCATOR = "educator", _("Educator")
        INDUSTRY = "industry", _("Industry")
        POLICY_MAKER = "policy_maker", _("Policy-maker")

    class AgeBand(models.TextChoices):
        """A child's age, no finer than the age-of-digital-consent rule needs.

        The rule asks "is this child at least the age of digital consent of their
        country?". A band answers it only if no consent age falls inside it: with a
        13-15 band and a consent age of 14 (Austria), a 13-year-old and a 15-year-old
        would get the same answer, one of them wrongly. Consent ages run from 13 to 18
        (MIN_CONSENT_AGE, MAX_CONSENT_AGE), so every child is either under 13 (below
        any consent age: always refused) or in a one-year band from 13 to 17. Then
        "the consent age is above the top of the band" and "some child in the band is
        under the consent age" say the same thing, and the answer is never a guess.
        Reports group these bands into wider ones where counts would be small.
        """

        UNDER_13 = "under_13", _("Under 13")
        AGE_13 = "13", "13"
        AGE_14 = "14", "14"
        AGE_15 = "15", "15"
        AGE_16 = "16", "16"
        AGE_17 = "17", "17"

        @classmethod
        def top_age(cls, band):
            """The oldest age in the band (12 for "under 13")."""
            return MIN_CONSENT_AGE - 1 if band == cls.UNDER_13 else int(band)

    kind = models.CharField(
        _("kind of account"),
        max_length=8,
        choices=Kind.choices,
        default=Kind.ADULT,
        help_text=_("Child accounts have no email and no real name."),
    )
    role = models.CharField(
        _("role"),
        max_length=16,
        choices=Role.choices,
        blank=True,
        help_text=_("What brings an adult here. Empty for children."),
    )
    age_band = models.CharField(
        _("age band"),
        max_length=8,
        choices=AgeBand.choices,
        blank=True,
        help_text=_("A child's age band, used for the age-of-consent rule. Empty for adults."),
    )
    country = CountryField(
        _("country"),
        blank=True,
        help_text=_("Optional for adults; a child's country decides the age of digital consent."),
    )
    display_name = models.CharField(
        _("display name"),
        max_length=80,
        blank=True,
        help_text=_("Shown on certificates. A nickname is fine."),
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
        swappable = "AUTH_USER_MODEL"
        constraints = [
            # Sign-in ignores the case of a username (phones capitalise the first
            # letter), so two usernames may not differ only in case.
            models.UniqueConstraint(
                Lower("username"),
                name="accounts_user_username_unique_ci",
                violation_error_message=_("This username is taken. Try another one."),
            ),
            models.UniqueConstraint(
                Lower("email"),
                condition=models.Q(kind="adult") & ~models.Q(email=""),
                name="accounts_user_adult_email_unique_ci",
                violation_error_message=_("An account with this email address already exists."),
            ),
            models.CheckConstraint(
                condition=models.Q(kind="adult") | models.Q(email="", first_name="", last_name=""),
                name="accounts_user_child_has_no_email_or_name",
                violation_error_message=_("A child account has no email address and no name."),
            ),
            models.CheckConstraint(
                condition=models.Q(kind="adult", age_band="")
                | (models.Q(kind="child", role="") & ~models.Q(age_band="")),
                name="accounts_user_age_band_only_for_children",
                violation_error_message=_(
                    "A child account needs an age band and no role; an adult has no age band."
                ),
            ),
        ]

    def __str__(self):
        return self.username

    # Names others see lose invisible formatting characters (accounts.names), in
    # forms (through clean) and however else an account is saved (pupils an
    # educator creates, the admin, scripts).
    NAME_FIELDS = ("display_name", "first_name", "last_name")

    def clean_names(self):
        for field in self.NAME_FIELDS:
            setattr(self, field, clean_name(getattr(self, field)))

    def clean(self):
        super().clean()
        self.clean_names()

    def save(self, *args, **kwargs):
        self.clean_names()
        super().save(*args, **kwargs)

    @property
    def is_child(self):
        return self.kind == self.Kind.CHILD

    @property
    def is_educator(self):
        """An adult who teaches classes: their pages are the class pages."""
        return self.kind == self.Kind.ADULT and self.role == self.Role.EDUCATOR

    @property
    def is_parent(self):
        """A parent or carer: they may follow linked children's progress."""
        return self.kind == self.Kind.ADULT and self.role == self.Role.PARENT

    @property
    def name_on_certificates(self):
        """The display name if the learner gave one, else their username."""
        return self.display_name or self.username


class SignInThrottle(models.Model):
    """Unsuccessful sign-in tries in a row against one account, from any address.

    django-axes counts failures per name and address, so an attacker with many
    addresses would get five tries from each. This row gives the account one budget,
    whichever address or identifier (username or email) is used: after a few tries,
    each further try waits longer (see accounts.throttling). It lives in the database
    so that every app server sees the same count. Names that match no account get a
    row too, keyed by a digest of the name, so a pause says nothing about whether an
    account exists; deleting an account deletes its row.
    """

    # Internal bookkeeping that no page shows, hence no translated labels.
    key = models.CharField(max_length=80, unique=True)
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    tries = models.PositiveIntegerField(default=0)
    last_try_at = models.DateTimeField(db_index=True)
    next_try_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.key}: {self.tries}"


class RecoveryCode(models.Model):
    """The code with which a child without email sets a new password on their own.

    Children have no email address to receive a reset link, so at sign-up they get a
    code to print or give to a parent or carer (accounts.recovery). Like a password it
    is stored only as a hash; using it replaces it with a new one, and the child can
    make a new one at any time, which invalidates the old.
    """

    # Internal bookkeeping that no page shows, hence no translated labels.
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="recovery_code")
    code_hash = models.CharField(max_length=128)
    created = models.DateTimeField()

    def __str__(self):
        return f"recovery code of {self.user_id}"


class DigitalConsentAge(models.Model):
    """The age from which a child may agree to the platform's data use by themselves.

    It differs between countries and laws change, so it is data editors keep up to
    date, never a rule in the code. The row without a country is the default for every
    country not listed. Published tables disagree for several countries: rows stay
    marked "verify locally" until someone has checked the national law.
    """

    country = CountryField(
        _("country"),
        blank=True,
        unique=True,
        help_text=_("Leave empty for the default row, used for every country not listed."),
    )
    age = models.PositiveSmallIntegerField(
        _("age of digital consent"),
        validators=[MinValueValidator(MIN_CONSENT_AGE), MaxValueValidator(MAX_CONSENT_AGE)],
        help_text=_(
            "Children younger than this may not create an account by themselves "
            "(between 13 and 18)."
        ),
    )
    verify_locally = models.BooleanField(
        _("verify locally"),
        default=True,
        help_text=_("Keep ticked until the age has been checked against the national law."),
    )
    notes = models.TextField(
        _("notes"),
        blank=True,
        help_text=_("Sources, the law that sets the age, and when it was last checked."),
    )

    class Meta:
        verbose_name = _("age of digital consent")
        verbose_name_plural = _("ages of digital consent")
        ordering = ["country"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(age__gte=MIN_CONSENT_AGE, age__lte=MAX_CONSENT_AGE),
                name="accounts_digitalconsentage_age_in_range",
            ),
        ]

    def __str__(self):
        return f"{self.country_name}: {self.age}"

    @property
    def country_name(self):
        return self.country.name if self.country else _("Default (countries not listed)")

    @classmethod
    def age_for(cls, country_code):
        """The age of digital consent for a country: its own row, else the default row.

        With neither (an editor deleted the default), the highest possible age applies:
        the platform then refuses child self-registration rather than guess.
        """
        rows = {
            row.country.code or "": row.age
            for row in cls.objects.filter(country__in=[country_code or "", ""])
        }
        return rows.get(country_code or "", rows.get("", MAX_CONSENT_AGE))

    @classmethod
    def child_may_self_register(cls, country_code, age_band):
        """True when every child in the age band is at least the country's consent age."""
        return User.AgeBand.top_age(age_band) >= cls.age_for(country_code)
