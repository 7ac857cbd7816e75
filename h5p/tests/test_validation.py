"""A package is checked in full before anything is written; each fault has its message."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from h5p.factories import CORE, MAIN, QUESTION, PackageBuilder, folder
from h5p.validation import LibraryRef, PackageError, validate_package


def check(builder_or_bytes, installed=None):
    data = builder_or_bytes if isinstance(builder_or_bytes, bytes) else builder_or_bytes.build()
    return validate_package(SimpleUploadedFile("a.h5p", data), installed=installed or {})


def refusal(builder_or_bytes, installed=None):
    with pytest.raises(PackageError) as caught:
        check(builder_or_bytes, installed)
    return caught.value


def test_a_good_package_passes_with_its_whole_dependency_chain():
    package = check(PackageBuilder())
    assert package.main_library == LibraryRef("H5P.CopTrueFalse", 1, 0)
    assert [str(ref) for ref in package.dependencies] == [
        "H5P.CopCore 1.0",
        "H5P.CopQuestion 1.1",
        "H5P.CopTrueFalse 1.0",
    ]
    assert package.content_files == ["content/content.json", "content/images/lock.png"]
    assert package.libraries[package.main_library].semantics[0]["name"] == "question"


def test_dependencies_may_be_satisfied_by_installed_libraries():
    builder = PackageBuilder().remove(folder(CORE))
    installed = {LibraryRef("H5P.CopCore", 1, 0): {"machineName": "H5P.CopCore"}}
    assert LibraryRef("H5P.CopCore", 1, 0) in check(builder, installed).dependencies


def test_dot_files_and_macos_folders_are_ignored():
    builder = PackageBuilder().put("__MACOSX/._h5p.json", b"junk").put("content/.DS_Store", b"x")
    assert check(builder).content_files == ["content/content.json", "content/images/lock.png"]


def zip_bomb():
    buffer = io.BytesIO()
    builder = PackageBuilder()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in builder.files.items():
            archive.writestr(path, data)
        archive.writestr("content/video.mp4", b"\0" * (20 * 1024 * 1024))
    return buffer.getvalue()


def too_many_files():
    builder = PackageBuilder()
    for number in range(2001):
        builder.put(f"content/images/{number}.png", b"")
    return builder


def with_dependency_version(library, ref, major, minor):
    def change(data):
        data["preloadedDependencies"] = [{**ref, "majorVersion": major, "minorVersion": minor}]

    return PackageBuilder().edit_json(f"{folder(library)}/library.json", change)


BAD_PACKAGES = {
    "not_zip": lambda: b"<?php echo 'not a zip'; ?>",
    "compression_ratio": zip_bomb,
    "too_many_files": too_many_files,
    "traversal": lambda: PackageBuilder().put("content/../../evil.png", b"x"),
    "absolute_path": lambda: PackageBuilder().put("/etc/evil.png", b"x"),
    "backslash": lambda: PackageBuilder().put("content\\images\\x.png", b"x"),
    "symlink": lambda: PackageBuilder().symlink("content/images/passwd.png", "/etc/passwd"),
    "file_type": lambda: PackageBuilder().put("content/shell.php", b"<?php ?>"),
    "no_h5p_json": lambda: PackageBuilder().remove("h5p.json"),
    "h5p_json": lambda: PackageBuilder().put("h5p.json", b"{not json"),
    "h5p_json_keys": lambda: PackageBuilder().edit_json("h5p.json", lambda d: d.pop("embedTypes")),
    "no_content_json": lambda: PackageBuilder().remove("content/content.json"),
    "content_json": lambda: PackageBuilder().put("content/content.json", b'{"question": '),
    "main_library": lambda: PackageBuilder().edit_json(
        "h5p.json", lambda d: d.update(mainLibrary="H5P.Other")
    ),
    "missing_dependency": lambda: PackageBuilder().remove(folder(CORE)),
    "no_library_json": lambda: PackageBuilder().remove(f"{folder(QUESTION)}/library.json"),
    "library_json": lambda: PackageBuilder().put(f"{folder(CORE)}/library.json", b"[]"),
    "library_folder": lambda: PackageBuilder().edit_json(
        f"{folder(CORE)}/library.json", lambda d: d.update(minorVersion=3)
    ),
    "library_file_missing": lambda: PackageBuilder().remove(f"{folder(QUESTION)}/main.js"),
    "unexpected_file": lambda: PackageBuilder().put("readme.txt", b"hello"),
    "duplicate_library": lambda: (
        PackageBuilder()
        .put("H5P.CopCore/library.json", PackageBuilder().files[f"{folder(CORE)}/library.json"])
        .put("H5P.CopCore/main.js", b"")
    ),
    "dependency_format": lambda: PackageBuilder().edit_json(
        "h5p.json", lambda d: d["preloadedDependencies"].append({"machineName": "X"})
    ),
}


@pytest.mark.parametrize("code", sorted(BAD_PACKAGES))
def test_each_bad_package_is_refused_with_its_own_message(code):
    error = refusal(BAD_PACKAGES[code]())
    assert error.code == code
    assert error.messages[0]


def test_javascript_in_content_is_refused_but_allowed_in_a_library():
    assert refusal(PackageBuilder().put("content/steal.js", b"alert(1)")).code == "file_type"
    assert refusal(PackageBuilder().put("content/drawing.svg", b"<svg/>")).code == "file_type"
    check(PackageBuilder().put(f"{folder(MAIN)}/icon.svg", b"<svg/>"))


def test_code_is_refused_even_inside_a_library_folder():
    error = refusal(PackageBuilder().put(f"{folder(CORE)}/install.php", b"<?php ?>"))
    assert error.code == "file_type"
    assert "install.php" in error.messages[0]


def test_a_missing_dependency_deep_in_the_chain_names_the_library_and_who_needs_it():
    error = refusal(PackageBuilder().remove(folder(CORE)))
    assert error.messages == [
        "The library H5P.CopCore 1.0, needed by H5P.CopQuestion 1.1, is neither in the "
        "package nor installed."
    ]


def test_a_dependency_on_another_minor_version_is_not_satisfied():
    error = refusal(with_dependency_version(QUESTION, CORE, 1, 1))
    assert error.code == "missing_dependency"
    assert "H5P.CopCore 1.1" in error.messages[0]


def test_a_dependency_of_an_installed_library_must_be_there_too():
    builder = PackageBuilder().remove(folder(CORE)).remove(folder(QUESTION))
    installed = {LibraryRef("H5P.CopQuestion", 1, 1): {"preloadedDependencies": [CORE]}}
    assert refusal(builder, installed).code == "missing_dependency"


def test_a_library_folder_without_version_is_accepted_as_h5p_core_does():
    builder = PackageBuilder()
    for path in [p for p in builder.files if p.startswith(folder(CORE) + "/")]:
        builder.files[path.replace(folder(CORE), "H5P.CopCore")] = builder.files.pop(path)
    check(builder)


def test_size_limits_come_from_settings(settings):
    settings.H5P_MAX_FILE_SIZE = 100
    assert refusal(PackageBuilder()).code == "file_too_large"
    settings.H5P_MAX_FILE_SIZE = 10_000
    settings.H5P_MAX_UNPACKED_SIZE = 1000
    assert refusal(PackageBuilder()).code == "unpacked_too_large"
    settings.H5P_MAX_UPLOAD_SIZE = 100
    assert refusal(PackageBuilder()).code == "upload_too_large"
    settings.H5P_MAX_FILES = 3
    settings.H5P_MAX_UPLOAD_SIZE = 10**6
    assert refusal(PackageBuilder()).code == "too_many_files"


def test_encrypted_entries_are_refused():
    data = bytearray(PackageBuilder().put("content/secret.txt", b"x").build())
    # Set the "encrypted" flag of every entry in the central directory.
    position = data.find(b"PK\x01\x02")
    while position != -1:
        data[position + 8] |= 0x1
        position = data.find(b"PK\x01\x02", position + 4)
    assert refusal(bytes(data)).code == "encrypted"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "n’est pas un paquet H5P"),
        ("es", "no es un paquete H5P"),
        ("ru", "не является пакетом H5P"),
        ("ar", "ليس حزمة H5P"),
        ("zh-hans", "不是 H5P 包"),
    ],
)
def test_messages_are_translated(language, expected):
    with translation.override(language):
        assert expected in refusal(b"nope").messages[0]
