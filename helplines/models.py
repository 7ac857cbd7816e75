"""Getting help: the helpline directory, anonymous help-seeking counts, reporting guidance.

The directory is reference data, not editorial content: one row per helpline, with its
name, opening hours and notes translated by django-modeltranslation (see translation.py)
and its numbers shared by every language. Counts are aggregates from the first write:
a row per country, day and channel, and nothing that could point to a person.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from cms.models import IntroBodyPage

PHONE_PATTERN = r"^\+?[0-9][0-9 ().-]*$"
phone_validator = RegexValidator(
    PHONE_PATTERN,
    _("Enter a phone number with digits, spaces, dashes or brackets, optionally starting with +."),
)
LANGUAGE_CODE_PATTERN = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
# Numbers shared by child helplines across countries (EC Decision 2007/698/EC for 116 111).
HARMONISED_NUMBERS = {"116111", "116"}


def dial_string(number):
    """A number as a tel:/sms: link needs it: digits, with a leading + kept."""
    digits = re.sub(r"[^0-9]", "", number)
    return f"+{digits}" if number.strip().startswith("+") else digits


def validate_phone_lines(value):
    for line in value.splitlines():
        if line.strip():
            phone_validator(line.strip())


def validate_language_codes(value):
    for code in split_list(value):
        if not LANGUAGE_CODE_PATTERN.match(code):
            raise ValidationError(
                _("“%(code)s” is not a language code such as en, fr or zh-hans."),
                params={"code": code},
            )


def split_list(value, separators=",;\n"):
    return [item.strip() for item in re.split(f"[{separators}]", value or "") if item.strip()]


class FreeOfCharge(models.TextChoices):
    YES = "yes", _("Free of charge")
    NO = "no", _("May cost money")
    UNKNOWN = "unknown", _("Cost not known")


class Channel(models.TextChoices):
    """The ways of contacting a helpline; the counts are kept per channel."""

    PHONE = "phone", _("Phone")
    SMS = "sms", _("SMS")
    WHATSAPP = "whatsapp", _("WhatsApp")
    CHAT = "chat", _("Chat")
    EMAIL = "email", _("Email")
    WEB = "web", _("Website")


class Helpline(models.Model):
    """One child helpline: how to reach it, when, in which languages, and for whom.

    `key` is a stable identifier so a CSV import updates the row it describes instead
    of adding a copy. `needs_verification` stays on until someone has checked the
    numbers with the helpline itself; public pages say so while it is on.
    """

    key = models.SlugField(
        _("key"),
        max_length=80,
        unique=True,
        help_text=_("Stable identifier used by CSV import and export, e.g. gb-childline."),
    )
    country = CountryField(_("country"), help_text=_("Country the helpline serves."))
    name = models.CharField(
        _("name"), max_length=200, help_text=_("Name of the service, as people know it.")
    )
    phone_numbers = models.TextField(
        _("phone numbers"),
        blank=True,
        validators=[validate_phone_lines],
        help_text=_("One number per line, as dialled in the country, e.g. 116 111."),
    )
    sms = models.CharField(
        _("SMS number"),
        max_length=40,
        blank=True,
        validators=[phone_validator],
        help_text=_("Number to send a text message to, if any."),
    )
    whatsapp = models.CharField(
        _("WhatsApp number"),
        max_length=40,
        blank=True,
        validators=[phone_validator],
        help_text=_("WhatsApp number in international form (+ and country code), if any."),
    )
    chat_url = models.URLField(
        _("chat address"), blank=True, help_text=_("Web page of the helpline's online chat.")
    )
    email = models.EmailField(_("email"), blank=True, help_text=_("Email address, if any."))
    web_url = models.URLField(_("website"), blank=True, help_text=_("The helpline's website."))
    hours = models.CharField(
        _("opening hours"),
        max_length=200,
        blank=True,
        help_text=_("When the helpline answers, e.g. 24 hours a day, 7 days a week."),
    )
    languages = models.CharField(
        _("languages served"),
        max_length=200,
        blank=True,
        validators=[validate_language_codes],
        help_text=_("Language codes separated by commas, e.g. en, fr, ar."),
    )
    free_of_charge = models.CharField(
        _("free of charge"),
        max_length=10,
        choices=FreeOfCharge.choices,
        default=FreeOfCharge.UNKNOWN,
        help_text=_("Whether calling or writing costs the caller nothing."),
    )
    serves_children = models.BooleanField(
        _("for children"), default=True, help_text=_("Children and young people can contact it.")
    )
    serves_parents = models.BooleanField(
        _("for parents"), default=False, help_text=_("Parents and carers can contact it.")
    )
    last_verified = models.DateField(
        _("last verified"),
        null=True,
        blank=True,
        help_text=_("Date someone last checked these details with the helpline."),
    )
    needs_verification = models.BooleanField(
        _("needs verification"),
        default=True,
        help_text=_("Leave on until the details are checked; visitors are told they are."),
    )
    notes = models.TextField(
        _("notes"), blank=True, help_text=_("Anything a visitor should know, shown publicly.")
    )

    class Meta:
        ordering = ["country", "key"]
        verbose_name = _("helpline")
        verbose_name_plural = _("helplines")

    def __str__(self):
        return f"{self.name} ({self.country.code})"

    def clean(self):
        super().clean()
        if not any([self.phone_numbers.strip(), self.sms, self.whatsapp, self.chat_url]) and not (
            self.email or self.web_url
        ):
            raise ValidationError(_("Give at least one way to contact the helpline."))

    @property
    def phones(self):
        """Each number with its tel: form and whether it is a shared child helpline number."""
        return [
            {
                "number": line.strip(),
                "dial": dial_string(line),
                "harmonised": dial_string(line) in HARMONISED_NUMBERS,
            }
            for line in self.phone_numbers.splitlines()
            if line.strip()
        ]

    @property
    def sms_dial(self):
        return dial_string(self.sms) if self.sms else ""

    @property
    def whatsapp_dial(self):
        return dial_string(self.whatsapp).lstrip("+") if self.whatsapp else ""

    @property
    def language_names(self):
        names = []
        for code in split_list(self.languages):
            try:
                names.append(get_language_info(code)["name_translated"])
            except KeyError:
                names.append(code)
        return names

    def channels(self):
        """The channels this helpline can be reached by (the only ones counted for it)."""
        available = {
            Channel.PHONE: bool(self.phone_numbers.strip()),
            Channel.SMS: bool(self.sms),
            Channel.WHATSAPP: bool(self.whatsapp),
            Channel.CHAT: bool(self.chat_url),
            Channel.EMAIL: bool(self.email),
            Channel.WEB: bool(self.web_url),
        }
        return {channel for channel, present in available.items() if present}


class HelpSeekingCount(models.Model):
    """How many times a helpline contact link was used, per country, day and channel.

    Deliberately holds no user, session, IP address or helpline-level detail: it is an
    aggregate from the moment it is written, for the help-seeking indicator.
    """

    country = CountryField(_("country"))
    day = models.DateField(_("day"))
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("help-seeking count")
        verbose_name_plural = _("help-seeking counts")
        constraints = [
            models.UniqueConstraint(
                fields=["country", "day", "channel"], name="unique_help_count_per_day"
            )
        ]

    def __str__(self):
        return f"{self.country.code} {self.day} {self.channel}: {self.count}"

    @classmethod
    def increment(cls, country, channel, day=None):
        """Add one, atomically: concurrent requests never lose a count.

        The UPDATE ... SET count = count + 1 is atomic in the database; when the row does
        not exist yet, two requests may race to create it, and the loser retries the update.
        """
        day = day or timezone.localdate()
        lookup = {"country": country, "day": day, "channel": channel}
        for _attempt in range(3):
            if cls.objects.filter(**lookup).update(count=F("count") + 1):
                return
            try:
                with transaction.atomic():
                    cls.objects.create(count=1, **lookup)
                return
            except IntegrityError:
                continue
        raise IntegrityError("Could not record a help-seeking count.")


class ReportingGuidancePage(IntroBodyPage):
    """How to report harm: platform reporting tools, national hotlines and the police.

    A translatable page like any other, so lessons and the Get help page can link to it
    in every language.
    """

    parent_page_types = ["cms.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("reporting guidance page")
