"""Checks an uploaded .h5p package completely before any of it is written.

A package is a zip made by someone else's tool, and its libraries carry JavaScript, so
every check H5P core makes is made here first, in one pass over the zip's directory and
the few JSON files it must hold: sizes and counts (declared sizes are also what reading
stops at, so a lying header cannot unpack more), paths, file types, the manifest, the
content, the libraries and every dependency of every library. Only a package that passes
all of them reaches `install.py`; a refused one leaves no file and no row. Each refusal
is a `PackageError` with a code (for tests) and a translated message (for editors).
"""

import json
import re
import stat
import zipfile
from collections import deque
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

H5P_JSON = "h5p.json"
CONTENT_FOLDER = "content"
CONTENT_JSON = "content/content.json"
H5P_JSON_KEYS = ("title", "mainLibrary", "language", "preloadedDependencies", "embedTypes")
LIBRARY_JSON_KEYS = ("title", "machineName", "majorVersion", "minorVersion", "patchVersion")
# H5P core's default whitelist, less what can carry script into a page when opened on its
# own (svg, xml, swf): those stay allowed in library folders, where code is expected.
CONTENT_EXTENSIONS = frozenset(
    {
        *("json", "txt", "md", "textile", "csv", "pdf", "rtf", "vtt", "webvtt"),
        *("doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp"),
        *("png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp", "gltf", "glb"),
        *("webm", "mp4", "ogg", "oga", "ogv", "mp3", "m4a", "wav"),
        *("eot", "ttf", "woff", "woff2", "otf"),
    }
)
LIBRARY_EXTENSIONS = CONTENT_EXTENSIONS | {"js", "css", "svg", "xml"}
MACHINE_NAME = re.compile(r"^[\w.-]{1,255}$", re.ASCII)
UNSAFE_CHARACTERS = re.compile(r"[\x00-\x1f\x7f:*?\"<>|]")
WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:")


class PackageError(ValidationError):
    """Why a package is refused, in words for the editor who uploaded it."""


@dataclass(frozen=True, order=True)
class LibraryRef:
    """A library as dependencies name it: machine name and major.minor version."""

    machine_name: str
    major: int
    minor: int

    def __str__(self):
        return f"{self.machine_name} {self.major}.{self.minor}"

    @classmethod
    def from_json(cls, data):
        """The reference in a dependency entry or library.json, or None if malformed."""
        if not isinstance(data, dict):
            return None
        name, major, minor = (data.get(k) for k in ("machineName", "majorVersion", "minorVersion"))
        if not (isinstance(name, str) and MACHINE_NAME.match(name)):
            return None
        if not all(
            isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in (major, minor)
        ):
            return None
        return cls(name, major, minor)


@dataclass
class PackageLibrary:
    """A library folder of the package, its library.json and (if any) semantics.json."""

    folder: str
    metadata: dict
    semantics: list | None
    files: list = field(default_factory=list)

    @property
    def ref(self):
        return LibraryRef.from_json(self.metadata)

    @property
    def patch(self):
        return self.metadata["patchVersion"]


@dataclass
class ValidPackage:
    """What install.py needs of a package that passed every check."""

    h5p_json: dict
    content_json: dict
    main_library: LibraryRef
    libraries: dict  # LibraryRef -> PackageLibrary, the libraries the package carries
    dependencies: list  # every LibraryRef the content needs, the whole chain
    content_files: list  # zip member names under content/
    h5p_json_bytes: bytes = b""


def validate_package(upload, installed=None):
    """Return a ValidPackage for `upload` (a file object) or raise PackageError.

    `installed` maps LibraryRef -> library.json of the libraries already installed; by
    default it is read from the database.
    """
    _check_upload_size(upload)
    try:
        upload.seek(0)
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise PackageError(
            _("This file is not an H5P package: it is not a zip archive."), code="not_zip"
        ) from error
    with archive:
        members = _check_members(archive)
        return _check_contents(archive, members, installed)


def _check_upload_size(upload):
    size = getattr(upload, "size", None)
    if size is not None and size > settings.H5P_MAX_UPLOAD_SIZE:
        raise PackageError(
            _("The package is %(size)s; packages may be at most %(limit)s."),
            code="upload_too_large",
            params={
                "size": filesizeformat(size),
                "limit": filesizeformat(settings.H5P_MAX_UPLOAD_SIZE),
            },
        )


def _check_members(archive):
    """The zip's files by name, after the checks that need only its directory."""
    entries = archive.infolist()
    files = [entry for entry in entries if not entry.is_dir()]
    if len(files) > settings.H5P_MAX_FILES:
        raise PackageError(
            _("The package holds %(count)s files; packages may hold at most %(limit)s."),
            code="too_many_files",
            params={"count": len(files), "limit": settings.H5P_MAX_FILES},
        )
    members, total = {}, 0
    for entry in entries:
        _check_path(entry)
        if entry.is_dir():
            continue
        if entry.flag_bits & 0x1:
            raise PackageError(
                _("The file “%(path)s” in the package is encrypted."),
                code="encrypted",
                params={"path": entry.filename},
            )
        if entry.file_size > settings.H5P_MAX_FILE_SIZE:
            raise PackageError(
                _("The file “%(path)s” is %(size)s unpacked; each file may be at most %(limit)s."),
                code="file_too_large",
                params={
                    "path": entry.filename,
                    "size": filesizeformat(entry.file_size),
                    "limit": filesizeformat(settings.H5P_MAX_FILE_SIZE),
                },
            )
        ratio = entry.file_size / max(entry.compress_size, 1)
        if (
            entry.file_size >= settings.H5P_RATIO_CHECK_MIN_SIZE
            and ratio > settings.H5P_MAX_COMPRESSION_RATIO
        ):
            raise PackageError(
                _(
                    "The file “%(path)s” unpacks to %(ratio)s times its packed size (at most "
                    "%(limit)s allowed): the package may be a zip bomb."
                ),
                code="compression_ratio",
                params={
                    "path": entry.filename,
                    "ratio": int(ratio),
                    "limit": settings.H5P_MAX_COMPRESSION_RATIO,
                },
            )
        total += entry.file_size
        if total > settings.H5P_MAX_UNPACKED_SIZE:
            raise PackageError(
                _("The package unpacks to more than %(limit)s."),
                code="unpacked_too_large",
                params={"limit": filesizeformat(settings.H5P_MAX_UNPACKED_SIZE)},
            )
        if entry.filename in members:
            raise PackageError(
                _("The package holds “%(path)s” twice."),
                code="duplicate_path",
                params={"path": entry.filename},
            )
        members[entry.filename] = entry
    return members


def _check_path(entry):
    name = entry.filename
    params = {"path": name}
    if "\\" in name:
        raise PackageError(
            _("The path “%(path)s” in the package contains a backslash."),
            code="backslash",
            params=params,
        )
    if name.startswith("/") or WINDOWS_DRIVE.match(name):
        raise PackageError(
            _("The path “%(path)s” in the package is absolute."),
            code="absolute_path",
            params=params,
        )
    if ".." in PurePosixPath(name).parts:
        raise PackageError(
            _("The path “%(path)s” in the package points outside it (“..”)."),
            code="traversal",
            params=params,
        )
    if stat.S_ISLNK(entry.external_attr >> 16):
        raise PackageError(
            _("The package contains a symbolic link: “%(path)s”."),
            code="symlink",
            params=params,
        )
    if UNSAFE_CHARACTERS.search(name) or not name.strip("/"):
        raise PackageError(
            _("The path “%(path)s” in the package contains characters that are not allowed."),
            code="bad_path",
            params=params,
        )


def _is_hidden(name):
    """Files H5P core skips: dot files and macOS resource forks."""
    return any(part.startswith(".") or part == "__MACOSX" for part in PurePosixPath(name).parts)


def _read_json(archive, entry, error):
    try:
        with archive.open(entry) as handle:
            return json.loads(handle.read().decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError, zipfile.BadZipFile, OSError) as exc:
        raise error from exc


def _extension_allowed(name, allowed):
    suffix = PurePosixPath(name).suffix.lower().lstrip(".")
    return suffix in allowed


def _check_contents(archive, members, installed):
    visible = {name: entry for name, entry in members.items() if not _is_hidden(name)}
    if H5P_JSON not in visible:
        raise PackageError(
            _("The package has no h5p.json file at its top level."), code="no_h5p_json"
        )
    invalid_manifest = PackageError(_("The package's h5p.json is not valid JSON."), code="h5p_json")
    h5p_json = _read_json(archive, visible[H5P_JSON], invalid_manifest)
    if not isinstance(h5p_json, dict):
        raise invalid_manifest
    missing = [key for key in H5P_JSON_KEYS if key not in h5p_json]
    if missing:
        raise PackageError(
            _("The package's h5p.json lacks required keys: %(keys)s."),
            code="h5p_json_keys",
            params={"keys": ", ".join(missing)},
        )
    with archive.open(visible[H5P_JSON]) as handle:
        h5p_json_bytes = handle.read()
    if CONTENT_JSON not in visible:
        raise PackageError(
            _("The package has no content/content.json file."), code="no_content_json"
        )
    invalid_content = PackageError(
        _("The package's content/content.json is not valid JSON."), code="content_json"
    )
    content_json = _read_json(archive, visible[CONTENT_JSON], invalid_content)
    if not isinstance(content_json, dict):
        raise invalid_content

    content_files, library_files = [], {}
    for name in visible:
        top, _sep, rest = name.partition("/")
        if name == H5P_JSON:
            continue
        if not rest:
            raise PackageError(
                _("The file “%(path)s” does not belong at the top level of a package."),
                code="unexpected_file",
                params={"path": name},
            )
        in_content = top == CONTENT_FOLDER
        allowed = CONTENT_EXTENSIONS if in_content else LIBRARY_EXTENSIONS
        if not _extension_allowed(name, allowed):
            raise PackageError(
                _("The file “%(path)s” is of a type that is not allowed there."),
                code="file_type",
                params={"path": name},
            )
        if in_content:
            content_files.append(name)
        else:
            library_files.setdefault(top, []).append(name)

    libraries = {}
    for folder, files in sorted(library_files.items()):
        library = _check_library(archive, visible, folder, files)
        if library.ref in libraries:
            raise PackageError(
                _("The package holds the library %(library)s twice."),
                code="duplicate_library",
                params={"library": str(library.ref)},
            )
        libraries[library.ref] = library

    main_library, dependencies = _resolve(h5p_json, libraries, installed)
    return ValidPackage(
        h5p_json=h5p_json,
        content_json=content_json,
        main_library=main_library,
        libraries=libraries,
        dependencies=dependencies,
        content_files=sorted(content_files),
        h5p_json_bytes=h5p_json_bytes,
    )


def _check_library(archive, visible, folder, files):
    library_json = f"{folder}/library.json"
    if library_json not in visible:
        raise PackageError(
            _("The library folder “%(folder)s” has no library.json file."),
            code="no_library_json",
            params={"folder": folder},
        )
    invalid = PackageError(
        _("The library.json of “%(folder)s” is not valid."),
        code="library_json",
        params={"folder": folder},
    )
    metadata = _read_json(archive, visible[library_json], invalid)
    if not isinstance(metadata, dict) or any(key not in metadata for key in LIBRARY_JSON_KEYS):
        raise invalid
    ref = LibraryRef.from_json(metadata)
    patch = metadata["patchVersion"]
    if ref is None or not isinstance(patch, int) or isinstance(patch, bool) or patch < 0:
        raise invalid
    if folder not in (ref.machine_name, f"{ref.machine_name}-{ref.major}.{ref.minor}"):
        raise PackageError(
            _(
                "The library folder “%(folder)s” does not match its library.json, which "
                "describes %(library)s (expected folder “%(expected)s”)."
            ),
            code="library_folder",
            params={
                "folder": folder,
                "library": str(ref),
                "expected": f"{ref.machine_name}-{ref.major}.{ref.minor}",
            },
        )
    for kind in ("preloadedJs", "preloadedCss"):
        for item in metadata.get(kind) or []:
            path = item.get("path") if isinstance(item, dict) else None
            if not isinstance(path, str) or f"{folder}/{path}" not in visible:
                raise PackageError(
                    _("The library %(library)s names a file it does not contain: %(path)s."),
                    code="library_file_missing",
                    params={"library": str(ref), "path": str(path)},
                )
    semantics = None
    semantics_json = f"{folder}/semantics.json"
    if semantics_json in visible:
        semantics = _read_json(archive, visible[semantics_json], invalid)
    return PackageLibrary(folder=folder, metadata=metadata, semantics=semantics, files=files)


def _dependency_refs(data, owner):
    """The LibraryRefs that `data` (h5p.json or a library.json) needs to be played."""
    refs = []
    for kind in ("preloadedDependencies", "dynamicDependencies"):
        entries = data.get(kind) or []
        if not isinstance(entries, list):
            entries = [entries]
        for entry in entries:
            ref = LibraryRef.from_json(entry)
            if ref is None:
                raise PackageError(
                    _("%(owner)s lists a dependency that is not valid: %(entry)s."),
                    code="dependency_format",
                    params={"owner": owner, "entry": json.dumps(entry)[:200]},
                )
            refs.append(ref)
    return refs


def _resolve(h5p_json, libraries, installed):
    """The main library and every library in the chain, each found in the package or installed.

    A package's copy wins over an installed one only with a newer patch version; either
    way the reference is satisfied, since H5P dependencies name major.minor only.
    """
    if installed is None:
        installed = installed_libraries()
    top = _dependency_refs(h5p_json, "h5p.json")
    main_name = h5p_json.get("mainLibrary")
    main = next((ref for ref in top if ref.machine_name == main_name), None)
    if main is None:
        raise PackageError(
            _("The main library “%(library)s” is not among the dependencies in h5p.json."),
            code="main_library",
            params={"library": str(main_name)},
        )
    seen, queue = {}, deque((ref, "h5p.json") for ref in top)
    while queue:
        ref, needed_by = queue.popleft()
        if ref in seen:
            continue
        if ref in libraries:
            metadata = libraries[ref].metadata
        elif ref in installed:
            metadata = installed[ref]
        else:
            raise PackageError(
                _(
                    "The library %(library)s, needed by %(needed_by)s, is neither in the "
                    "package nor installed."
                ),
                code="missing_dependency",
                params={"library": str(ref), "needed_by": needed_by},
            )
        seen[ref] = metadata
        queue.extend((dependency, str(ref)) for dependency in _dependency_refs(metadata, str(ref)))
    return main, sorted(seen)


def installed_libraries():
    """LibraryRef -> library.json of every installed library."""
    from .models import H5PLibrary

    return {library.ref: library.metadata for library in H5PLibrary.objects.all()}
