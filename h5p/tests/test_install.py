"""Uploading in the admin: a good package is installed, a refused one leaves nothing."""

import os

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from accounts.factories import AdultFactory
from h5p.factories import CORE, MAIN, QUESTION, PackageBuilder, folder
from h5p.models import H5PActivity, H5PLibrary
from h5p.tests.test_validation import BAD_PACKAGES

ADD_URL = "wagtailsnippets_h5p_h5pactivity:add"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def admin_client(client, db):
    client.force_login(AdultFactory(is_superuser=True, is_staff=True))
    return client


def files_under(root):
    return sorted(
        os.path.relpath(os.path.join(path, name), root)
        for path, _folders, names in os.walk(root)
        for name in names
    )


def upload(client, builder, title="Password quiz", activity=None):
    data = builder if isinstance(builder, bytes) else builder.build()
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = (
        reverse("wagtailsnippets_h5p_h5pactivity:edit", args=[activity.pk])
        if activity
        else reverse(ADD_URL)
    )
    return client.post(url, {"title": title, "package": SimpleUploadedFile("quiz.h5p", data)})


def test_a_good_package_is_installed_with_its_libraries_and_content(admin_client, media):
    response = upload(admin_client, PackageBuilder())
    assert response.status_code == 302
    activity = H5PActivity.objects.get()
    assert str(activity.main_library) == "H5P.CopTrueFalse 1.0.2"
    assert sorted(str(library) for library in activity.libraries.all()) == [
        "H5P.CopCore 1.0.4",
        "H5P.CopQuestion 1.1.0",
        "H5P.CopTrueFalse 1.0.2",
    ]
    assert activity.content_json["correct"] == "false"
    assert activity.h5p_json["mainLibrary"] == "H5P.CopTrueFalse"
    main = activity.main_library
    assert main.semantics[0]["name"] == "question"
    assert sorted(main.files) == [
        "language/fr.json",
        "library.json",
        "main.js",
        "semantics.json",
        "styles/true-false.css",
    ]
    assert default_storage.exists(f"{main.folder}/main.js")
    assert default_storage.exists(f"{activity.content_folder}/h5p.json")
    assert default_storage.exists(f"{activity.content_folder}/content/images/lock.png")
    assert default_storage.exists(activity.package.name)


def test_libraries_are_stored_once_and_shared_by_packages(admin_client, media):
    upload(admin_client, PackageBuilder(), title="First")
    files_after_first = len(files_under(media))
    upload(admin_client, PackageBuilder(), title="Second")
    assert H5PActivity.objects.count() == 2
    assert H5PLibrary.objects.count() == 3
    first, second = H5PActivity.objects.order_by("title")
    assert first.main_library == second.main_library
    # Only the second activity's own files were added: package, h5p.json, content.
    assert len(files_under(media)) == files_after_first + 4


def test_a_package_relying_on_installed_libraries_is_accepted(admin_client):
    upload(admin_client, PackageBuilder(), title="First")
    response = upload(admin_client, PackageBuilder().remove(folder(CORE)), title="Second")
    assert response.status_code == 302
    assert H5PActivity.objects.get(title="Second").libraries.count() == 3


def test_a_newer_patch_replaces_the_older_library_for_everyone(
    admin_client, media, django_capture_on_commit_callbacks
):
    upload(admin_client, PackageBuilder(main_patch=2), title="First")
    old = H5PLibrary.objects.get(machine_name=MAIN["machineName"])
    old_folder = old.folder
    with django_capture_on_commit_callbacks(execute=True):
        upload(admin_client, PackageBuilder(main_patch=5), title="Second")
    library = H5PLibrary.objects.get(machine_name=MAIN["machineName"])
    assert library.pk == old.pk
    assert library.version == "1.0.5"
    assert library.folder != old_folder
    assert not default_storage.exists(f"{old_folder}/main.js")
    assert default_storage.exists(f"{library.folder}/main.js")
    assert {a.main_library.version for a in H5PActivity.objects.all()} == {"1.0.5"}


def test_an_older_patch_does_not_replace_a_newer_one(admin_client):
    upload(admin_client, PackageBuilder(main_patch=5), title="First")
    upload(admin_client, PackageBuilder(main_patch=2), title="Second")
    assert H5PLibrary.objects.get(machine_name=MAIN["machineName"]).version == "1.0.5"


@pytest.mark.parametrize("code", sorted(BAD_PACKAGES))
def test_a_refused_package_leaves_no_file_and_no_row(admin_client, media, code):
    response = upload(admin_client, BAD_PACKAGES[code]())
    assert response.status_code == 200
    errors = response.context["form"].errors["package"]
    assert errors and errors[0]
    assert H5PActivity.objects.count() == 0
    assert H5PLibrary.objects.count() == 0
    assert files_under(media) == []


def test_the_refusal_is_shown_to_the_editor(admin_client):
    response = upload(admin_client, PackageBuilder().remove(folder(CORE)))
    assert "needed by H5P.CopQuestion 1.1" in response.content.decode()


def test_a_file_other_than_h5p_is_refused(admin_client, media):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = admin_client.post(
        reverse(ADD_URL),
        {"title": "x", "package": SimpleUploadedFile("quiz.zip", PackageBuilder().build())},
    )
    assert response.status_code == 200
    assert H5PActivity.objects.count() == 0
    assert files_under(media) == []


def test_a_failure_while_writing_removes_what_was_written(admin_client, media, monkeypatch):
    from h5p import install

    calls = []

    def failing_write(name, content, written):
        calls.append(name)
        if len(calls) == 4:
            raise OSError("disk full")
        return original(name, content, written)

    original = install._write
    monkeypatch.setattr(install, "_write", failing_write)
    with pytest.raises(OSError):
        upload(admin_client, PackageBuilder())
    assert H5PActivity.objects.count() == 0
    assert H5PLibrary.objects.count() == 0
    assert files_under(media) == []


def test_replacing_the_package_of_an_activity_removes_its_old_content(
    admin_client, media, django_capture_on_commit_callbacks
):
    upload(admin_client, PackageBuilder(), title="Quiz")
    activity = H5PActivity.objects.get()
    old_folder = activity.content_folder
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(
            admin_client,
            PackageBuilder().edit_json("content/content.json", lambda d: d.update(correct="true")),
            title="Quiz",
            activity=activity,
        )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.content_json["correct"] == "true"
    assert activity.content_folder != old_folder
    assert not default_storage.exists(f"{old_folder}/h5p.json")


def test_editing_the_title_only_keeps_the_installed_package(admin_client):
    upload(admin_client, PackageBuilder(), title="Quiz")
    activity = H5PActivity.objects.get()
    url = reverse("wagtailsnippets_h5p_h5pactivity:edit", args=[activity.pk])
    response = admin_client.post(url, {"title": "Renamed"})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Renamed"
    assert activity.content_folder


def test_deleting_an_activity_deletes_its_files_but_keeps_shared_libraries(
    admin_client, media, django_capture_on_commit_callbacks
):
    upload(admin_client, PackageBuilder(), title="Quiz")
    activity = H5PActivity.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        activity.delete()
    remaining = files_under(media)
    assert all(name.startswith("h5p/libraries/") for name in remaining)
    assert H5PLibrary.objects.count() == 3


def test_the_listing_and_edit_page_show_the_package(admin_client):
    upload(admin_client, PackageBuilder(), title="Password quiz")
    listing = admin_client.get(reverse("wagtailsnippets_h5p_h5pactivity:list"))
    assert "Password quiz" in listing.content.decode()
    assert "H5P.CopTrueFalse 1.0.2" in listing.content.decode()
    activity = H5PActivity.objects.get()
    edit = admin_client.get(reverse("wagtailsnippets_h5p_h5pactivity:edit", args=[activity.pk]))
    assert "H5P.CopQuestion 1.1.0" in edit.content.decode()


def test_question_library_is_listed_in_the_fixture():
    # The builder's chain is what the tests above rely on.
    assert (
        QUESTION in PackageBuilder().json(f"{folder(MAIN)}/library.json")["preloadedDependencies"]
    )
