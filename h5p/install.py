"""Writes a validated package: its libraries (shared) and its content (the activity's own).

Called only with a `ValidPackage`, inside the transaction that saves the activity. Every
file goes through Django's default storage. If anything fails half-way, the files written
so far are deleted and the error propagates, so the transaction rolls the rows back too:
no partial activity, no orphan files. Files that a newer patch of a library replaces
are deleted only once the transaction has committed.
"""

import posixpath
import uuid
import zipfile

from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from django.db import transaction

from .models import H5PLibrary

LIBRARIES_FOLDER = "h5p/libraries"
CONTENT_FOLDER = "h5p/content"


class StorageNameChanged(RuntimeError):
    """The storage saved a file under another name than asked: the folder was not new."""


def install_package(activity, package, upload):
    """Write `package` (validated from `upload`) and point `activity` at it.

    Returns the files written and the libraries the activity needs. The caller saves the
    activity, sets its libraries, and deletes the files if its transaction fails later.
    """
    written = []
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            libraries = _install_libraries(package, archive, written)
            folder = f"{CONTENT_FOLDER}/{uuid.uuid4().hex}"
            _write(f"{folder}/h5p.json", ContentFile(package.h5p_json_bytes), written)
            for name in package.content_files:
                with archive.open(name) as handle:
                    _write(f"{folder}/{name}", File(handle), written)
    except BaseException:
        delete_files(written)
        raise
    old_folder, old_files = activity.content_folder, activity.content_files
    activity.h5p_json = package.h5p_json
    activity.content_json = package.content_json
    activity.content_folder = folder
    activity.content_files = [f"{folder}/{name}" for name in package.content_files]
    activity.main_library = libraries[package.main_library]
    if old_folder:
        # A new package replaced the old one: its content goes once this is committed.
        transaction.on_commit(
            lambda: delete_files([f"{old_folder}/h5p.json", *old_files]), robust=True
        )
    return written, [libraries[ref] for ref in package.dependencies]


def _install_libraries(package, archive, written):
    """LibraryRef -> H5PLibrary for every dependency, installing or upgrading as needed."""
    installed = {
        library.ref: library
        for library in H5PLibrary.objects.select_for_update().filter(
            machine_name__in={ref.machine_name for ref in package.dependencies}
        )
    }
    result = {}
    for ref in package.dependencies:
        current = installed.get(ref)
        carried = package.libraries.get(ref)
        if carried is None or (current is not None and current.patch_version >= carried.patch):
            result[ref] = current
            continue
        folder = f"{LIBRARIES_FOLDER}/{ref.machine_name}-{_version(carried)}-{uuid.uuid4().hex[:8]}"
        files = []
        for name in sorted(carried.files):
            relative = posixpath.relpath(name, carried.folder)
            with archive.open(name) as handle:
                _write(f"{folder}/{relative}", File(handle), written)
            files.append(relative)
        values = {
            "patch_version": carried.patch,
            "title": str(carried.metadata.get("title", ""))[:255],
            "metadata": carried.metadata,
            "semantics": carried.semantics,
            "folder": folder,
            "files": files,
        }
        if current is None:
            result[ref] = H5PLibrary.objects.create(
                machine_name=ref.machine_name,
                major_version=ref.major,
                minor_version=ref.minor,
                **values,
            )
        else:
            old = [f"{current.folder}/{name}" for name in current.files]
            for key, value in values.items():
                setattr(current, key, value)
            current.save()
            transaction.on_commit(lambda old=old: delete_files(old), robust=True)
            result[ref] = current
    return result


def _version(library):
    meta = library.metadata
    return f"{meta['majorVersion']}.{meta['minorVersion']}.{meta['patchVersion']}"


def _write(name, content, written):
    saved = default_storage.save(name, content)
    written.append(saved)
    if saved != name:
        raise StorageNameChanged(name)


def delete_files(names):
    for name in names:
        default_storage.delete(name)
