"""The admin form for H5P activities: the upload is validated and installed with the row."""

from django.db import transaction
from wagtail.admin.forms import WagtailAdminModelForm

from .install import delete_files, install_package
from .validation import validate_package


class H5PActivityForm(WagtailAdminModelForm):
    """Validates a newly uploaded package in full before the form counts as valid.

    Saving then writes the package's libraries and content in the same transaction as the
    row; if any of it fails, the files written so far are deleted.
    """

    validated_package = None

    def clean_package(self):
        upload = self.cleaned_data.get("package")
        if upload and "package" in self.changed_data:
            self.validated_package = validate_package(upload)
        return upload

    def save(self, commit=True):
        if self.validated_package is None:
            return super().save(commit=commit)
        upload = self.cleaned_data["package"]
        instance = super().save(commit=False)
        written = []
        try:
            with transaction.atomic():
                written, libraries = install_package(instance, self.validated_package, upload)
                instance.save()
                written.append(instance.package.name)
                instance.libraries.set(libraries)
                self._save_m2m()
        except BaseException:
            delete_files(written)
            raise
        return instance
