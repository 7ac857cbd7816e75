"""H5P libraries (shared code) and activities (an editor's uploaded package).

A library is stored once per machine name and major.minor version, whatever number of
packages bring it: H5P promises that patch versions are compatible, so a newer patch
replaces the older one for every activity. Its files live in a folder of their own per
patch version, so a replacement never overwrites files a player may be reading; the row
points at the current folder. An activity keeps its package's h5p.json and
content/content.json as data (translation works on them) and its content files in a
folder of its own. All files go through Django's storage API.
"""

from django.contrib import admin
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import ReferenceIndex
from wagtail.search import index

from .validation import LibraryRef


class H5PLibrary(models.Model):
    """One H5P library (e.g. H5P.MultiChoice 1.16), shared by every activity that needs it."""

    machine_name = models.CharField(_("machine name"), max_length=255)
    major_version = models.PositiveIntegerField(_("major version"))
    minor_version = models.PositiveIntegerField(_("minor version"))
    patch_version = models.PositiveIntegerField(_("patch version"))
    title = models.CharField(_("title"), max_length=255)
    metadata = models.JSONField(_("library.json"), default=dict)
    semantics = models.JSONField(_("semantics.json"), null=True, blank=True)
    folder = models.CharField(_("storage folder"), max_length=500)
    files = models.JSONField(_("files"), default=list)
    installed_at = models.DateTimeField(_("installed"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("H5P library")
        verbose_name_plural = _("H5P libraries")
        ordering = ["machine_name", "major_version", "minor_version"]
        constraints = [
            models.UniqueConstraint(
                fields=["machine_name", "major_version", "minor_version"],
                name="h5p_library_once_per_minor_version",
            )
        ]

    def __str__(self):
        return f"{self.machine_name} {self.version}"

    @property
    def version(self):
        return f"{self.major_version}.{self.minor_version}.{self.patch_version}"

    @property
    def ref(self):
        return LibraryRef(self.machine_name, self.major_version, self.minor_version)


class H5PActivity(index.Indexed, models.Model):
    """An interactive activity an editor uploaded as a .h5p package, to place in lessons."""

    title = models.CharField(
        _("title"),
        max_length=255,
        help_text=_("The name editors see when they choose an activity for a lesson."),
    )
    package = models.FileField(
        _("H5P package"),
        upload_to="h5p/packages/",
        validators=[FileExtensionValidator(["h5p"])],
        help_text=_(
            "A .h5p file exported from Lumi, h5p.org or another H5P editor. It is checked "
            "before anything is saved."
        ),
    )
    main_library = models.ForeignKey(
        H5PLibrary,
        verbose_name=_("content type"),
        on_delete=models.PROTECT,
        related_name="main_of",
        null=True,
        editable=False,
    )
    libraries = models.ManyToManyField(
        H5PLibrary,
        verbose_name=_("libraries"),
        related_name="activities",
        blank=True,
        editable=False,
    )
    h5p_json = models.JSONField(_("h5p.json"), default=dict, editable=False)
    content_json = models.JSONField(_("content.json"), default=dict, editable=False)
    content_folder = models.CharField(_("content folder"), max_length=500, editable=False)
    content_files = models.JSONField(_("content files"), default=list, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("H5P activity")
        verbose_name_plural = _("H5P activities")
        ordering = ["title"]

    def __str__(self):
        return self.title

    @admin.display(description=_("used in"))
    def usage_count(self):
        """How many pages (or other objects) place this activity."""
        return ReferenceIndex.get_grouped_references_to(self).count()

    @admin.display(description=_("content type"))
    def content_type_label(self):
        return str(self.main_library) if self.main_library_id else ""
