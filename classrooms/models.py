"""Classes and their membership: who teaches a class and who learns in it.

Only membership lives here. What pupils have done stays in courses' learner records,
which classrooms reads but never writes; courses knows nothing of classes.

Educators are adult accounts with the role "educator" (chosen at adult sign-up). They
reach their pages at /<language>/classes/; nobody else may open them.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

# No 0/O, 1/I/L: a code read aloud or copied from a board is typed right first time.
JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
JOIN_CODE_LENGTH = 8  # 31**8, about 8.5e11 codes: not guessable under rate limiting


def new_join_code():
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalise_join_code(value):
    """What a pupil types, made comparable: spaces and dashes dropped, upper case."""
    return "".join(ch for ch in str(value).upper() if ch not in " -")


class Class(models.Model):
    name = models.CharField(
        _("name"), max_length=100, help_text=_("For example: Year 6 blue, or Tuesday club.")
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("The language of the login cards and the class pages."),
    )
    country = CountryField(
        _("country"),
        blank=True,
        help_text=_("Optional. Pupil accounts created for the class get this country."),
    )
    # The AudiencePage's translation_key, like assignments' content: one value for
    # all six translations of the audience.
    audience = models.UUIDField(
        _("audience"),
        null=True,
        blank=True,
        help_text=_("Assign work then offers this audience's paths and modules first."),
    )
    join_code = models.CharField(
        _("join code"),
        max_length=JOIN_CODE_LENGTH,
        unique=True,
        default=new_join_code,
        help_text=_("Signed-in pupils enter this code to join the class."),
    )
    archived = models.BooleanField(
        _("archived"),
        default=False,
        help_text=_("An archived class takes no new pupils and is listed apart."),
    )
    created = models.DateTimeField(auto_now_add=True)
    educators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="ClassEducator", related_name="taught_classes"
    )
    pupils = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="ClassPupil",
        through_fields=("school_class", "pupil"),
        related_name="classes",
    )

    class Meta:
        verbose_name = _("class")
        verbose_name_plural = _("classes")
        ordering = ["archived", "name"]

    def __str__(self):
        return self.name

    def regenerate_join_code(self):
        self.join_code = new_join_code()
        self.save(update_fields=["join_code"])

    @classmethod
    def taught_by(cls, user):
        return cls.objects.filter(educator_links__educator=user)


class ClassEducator(models.Model):
    """An educator of a class; a class may have several (co-teachers), all equal."""

    school_class = models.ForeignKey(Class, on_delete=models.CASCADE, related_name="educator_links")
    educator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    added = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["school_class", "educator"], name="unique_class_educator"
            )
        ]

    def __str__(self):
        return f"{self.educator_id} teaches {self.school_class_id}"


class ClassPupil(models.Model):
    """A pupil's membership of a class.

    `created_by` names the educator who made the pupil's account for this class (empty
    when the pupil joined with the code): only such an account may be deleted by an
    educator of the class.
    """

    school_class = models.ForeignKey(Class, on_delete=models.CASCADE, related_name="pupil_links")
    pupil = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    joined = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["school_class", "pupil"], name="unique_class_pupil")
        ]

    def __str__(self):
        return f"{self.pupil_id} in {self.school_class_id}"

    @property
    def account_made_for_class(self):
        """The educator made this account for the class; a pupil who joined owns theirs.

        Only such an account may get a new password, be deleted or get parent codes from
        the class's educators.
        """
        return self.created_by_id is not None


class Assignment(models.Model):
    """A module or learning path set for a class, or for some of its pupils.

    Content is named by the source page's translation_key, like learner records, so an
    assignment holds in every language. No pupils chosen means the whole class.
    """

    class Kind(models.TextChoices):
        MODULE = "module", _("Module")
        PATH = "path", _("Learning path")

    school_class = models.ForeignKey(Class, on_delete=models.CASCADE, related_name="assignments")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    content_key = models.UUIDField(help_text="translation_key of the module or path page")
    pupils = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        verbose_name=_("pupils"),
        help_text=_("Leave empty to assign to the whole class."),
    )
    due_date = models.DateField(
        _("due date"), null=True, blank=True, help_text=_("Optional: the day it should be done by.")
    )
    note = models.CharField(
        _("note"), max_length=300, blank=True, help_text=_("Optional: a few words for the pupils.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["due_date", "created"]

    def __str__(self):
        return f"{self.kind} {self.content_key} for {self.school_class_id}"

    def is_for(self, pupil_id, chosen_ids):
        return not chosen_ids or pupil_id in chosen_ids


def new_link_code():
    """Kept for migration 0003, which names it; parent links now live in parent_links."""
    return new_join_code()
