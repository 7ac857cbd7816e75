"""Who follows a child's progress: seeing, confirming and ending parent links."""

import json

import pytest
from django.urls import reverse

from accounts.factories import AdultFactory, ChildFactory
from accounts.models import User
from classrooms.factories import EducatorFactory, add_pupil, class_taught_by
from parent_links.links import issue_code
from parent_links.models import ParentLink, ParentLinkCode

pytestmark = pytest.mark.django_db


def parent(**fields):
    return AdultFactory(role=User.Role.PARENT, **fields)


@pytest.fixture
def educator():
    return EducatorFactory(display_name="Ms Lee")


@pytest.fixture
def class_5b(educator):
    return class_taught_by(educator, name="5B")


@pytest.fixture
def pupil(educator, class_5b):
    return add_pupil(class_5b, ChildFactory(display_name="Sami"), created_by=educator)


def test_a_child_sees_who_follows_them_by_name_and_nobody_else_does(client):
    kid = ChildFactory()
    ParentLink.objects.create(parent=parent(display_name="Auntie Noor"), child=kid)
    client.force_login(ChildFactory())
    assert "Auntie Noor" not in client.get(reverse("parent_links:followers")).content.decode()
    client.force_login(kid)
    page = client.get(reverse("parent_links:followers")).content.decode()
    assert "Auntie Noor" in page and "own code" in page
    for user in [parent(), EducatorFactory()]:
        client.force_login(user)
        assert client.get(reverse("parent_links:followers")).status_code == 403


def test_a_child_removes_a_link_after_a_confirmation_page(client):
    kid = ChildFactory()
    link = ParentLink.objects.create(parent=parent(display_name="Auntie Noor"), child=kid)
    url = reverse("parent_links:remove_link", args=[link.pk])
    client.force_login(kid)
    page = client.get(url).content.decode()
    assert "Auntie Noor" in page and "csrfmiddlewaretoken" in page
    assert ParentLink.objects.filter(pk=link.pk).exists()
    response = client.post(url)
    assert response.url == reverse("parent_links:followers")
    assert not ParentLink.objects.filter(pk=link.pk).exists()


def test_strangers_cannot_see_or_remove_a_link(client, educator, class_5b):
    kid = add_pupil(class_5b, ChildFactory())  # joined with their own account
    link = ParentLink.objects.create(parent=parent(), child=kid)
    url = reverse("parent_links:remove_link", args=[link.pk])
    for user in [ChildFactory(), parent(), educator]:
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    educator_url = reverse("parent_links:educator_remove_link", args=[class_5b.pk, kid.pk, link.pk])
    assert client.post(educator_url).status_code == 403
    assert ParentLink.objects.filter(pk=link.pk).exists()


def test_a_parent_stops_following_a_child(client):
    mum, kid = parent(), ChildFactory()
    link = ParentLink.objects.create(parent=mum, child=kid)
    client.force_login(mum)
    client.post(reverse("parent_links:remove_link", args=[link.pk]))
    assert not ParentLink.objects.exists()
    assert client.get(reverse("parent_links:child", args=[kid.pk])).status_code == 404


def test_a_code_from_an_educator_links_only_once_the_teacher_confirms(
    client, educator, class_5b, pupil
):
    client.force_login(educator)
    client.post(reverse("parent_links:pupil_parent_code", args=[class_5b.pk, pupil.pk]))
    code = ParentLinkCode.objects.get(child=pupil)
    assert code.school_class == class_5b and code.issued_by == educator
    dad = parent(display_name="Papa Jo")
    client.force_login(dad)
    response = client.post(reverse("parent_links:children"), {"code": code.code}, follow=True)
    page = response.content.decode()
    assert "waiting for the teacher to confirm" in page
    assert "Sami" not in page  # nothing about the child until the teacher confirms
    link = ParentLink.objects.get(parent=dad, child=pupil)
    assert link.status == ParentLink.Status.WAITING and link.school_class == class_5b
    assert client.get(reverse("parent_links:child", args=[pupil.pk])).status_code == 404
    cancel_page = client.get(reverse("parent_links:remove_link", args=[link.pk])).content.decode()
    assert "Sami" not in cancel_page and "5B" not in cancel_page
    confirm_url = reverse("parent_links:confirm_link", args=[class_5b.pk, pupil.pk, link.pk])
    assert client.post(confirm_url).status_code == 403  # the parent cannot confirm
    client.force_login(EducatorFactory())
    assert client.post(confirm_url).status_code == 404
    client.force_login(educator)
    page = client.get(reverse("classrooms:pupil", args=[class_5b.pk, pupil.pk])).content.decode()
    assert "Papa Jo" in page and "linked through class 5B" in page
    client.post(confirm_url)
    link.refresh_from_db()
    assert link.status == ParentLink.Status.ACTIVE and link.confirmed_by == educator
    client.force_login(dad)
    page = client.get(reverse("parent_links:child", args=[pupil.pk])).content.decode()
    assert "Sami" in page and "linked through class 5B" in page
    client.force_login(pupil)
    page = client.get(reverse("parent_links:followers")).content.decode()
    assert "Papa Jo" in page and "linked through class 5B" in page


def test_an_educator_removes_a_link_of_a_pupil_they_made_after_confirming(
    client, educator, class_5b, pupil
):
    link = ParentLink.objects.create(parent=parent(display_name="Papa Jo"), child=pupil)
    url = reverse("parent_links:educator_remove_link", args=[class_5b.pk, pupil.pk, link.pk])
    client.force_login(EducatorFactory())
    assert client.post(url).status_code == 404
    client.force_login(educator)
    assert "Papa Jo" in client.get(url).content.decode()
    assert ParentLink.objects.filter(pk=link.pk).exists()
    client.post(url)
    assert not ParentLink.objects.filter(pk=link.pk).exists()


def test_an_educator_sees_no_links_of_a_pupil_who_joined(client, educator, class_5b):
    kid = add_pupil(class_5b, ChildFactory())
    ParentLink.objects.create(parent=parent(display_name="Papa Jo"), child=kid)
    client.force_login(educator)
    page = client.get(reverse("classrooms:pupil", args=[class_5b.pk, kid.pk])).content.decode()
    assert "Papa Jo" not in page


def test_removing_a_pupil_from_a_class_ends_only_the_links_made_through_it(
    client, educator, class_5b, pupil
):
    through_class = ParentLink.objects.create(parent=parent(), child=pupil, school_class=class_5b)
    own_code = ParentLink.objects.create(parent=parent(), child=pupil)
    other_child = ChildFactory()
    add_pupil(class_5b, other_child, created_by=educator)
    other = ParentLink.objects.create(parent=parent(), child=other_child, school_class=class_5b)
    issue_code(pupil, school_class=class_5b, issued_by=educator)
    url = reverse("classrooms:remove_pupil", args=[class_5b.pk, pupil.pk])
    client.force_login(educator)
    page = client.get(url).content.decode()
    assert "1 parent link made through this class ends." in page
    assert ParentLink.objects.count() == 3 and class_5b.pupil_links.filter(pupil=pupil).exists()
    client.post(url)
    assert not class_5b.pupil_links.filter(pupil=pupil).exists()
    assert set(ParentLink.objects.all()) == {own_code, other}
    assert not ParentLink.objects.filter(pk=through_class.pk).exists()
    assert not ParentLinkCode.objects.filter(child=pupil).exists()


def test_the_data_export_lists_links_both_ways(client, class_5b, pupil):
    mum = parent(display_name="Mum")
    ParentLink.objects.create(parent=mum, child=pupil, school_class=class_5b)
    ParentLink.objects.create(parent=parent(), child=ChildFactory())  # someone else's
    client.force_login(pupil)
    data = json.loads(client.get(reverse("accounts:data")).content)
    followed_by = data["parent_links"]["followed_by"]
    assert [(row["name"], row["through_class"]) for row in followed_by] == [("Mum", "5B")]
    client.force_login(mum)
    data = json.loads(client.get(reverse("accounts:data")).content)["parent_links"]
    assert [(row["name"], row["status"]) for row in data["children_followed"]] == [
        ("Sami", "active")
    ]
    assert data["followed_by"] == []


def test_deleting_a_pupil_account_deletes_its_links_and_code(client, educator, class_5b, pupil):
    ParentLink.objects.create(parent=parent(), child=pupil, school_class=class_5b)
    ParentLink.objects.create(parent=parent(), child=pupil)
    issue_code(pupil, school_class=class_5b, issued_by=educator)
    kept = ParentLink.objects.create(parent=parent(), child=ChildFactory())
    client.force_login(educator)
    client.post(reverse("classrooms:delete_pupil", args=[class_5b.pk, pupil.pk]))
    assert list(ParentLink.objects.all()) == [kept]
    assert not ParentLinkCode.objects.exists()


def test_the_class_page_offers_a_parent_code_only_for_accounts_made_for_the_class(
    client, educator, class_5b, pupil
):
    joined = add_pupil(class_5b, ChildFactory())
    client.force_login(educator)
    page = client.get(reverse("classrooms:detail", args=[class_5b.pk])).content.decode()
    assert reverse("parent_links:pupil_parent_code", args=[class_5b.pk, pupil.pk]) in page
    assert reverse("parent_links:pupil_parent_code", args=[class_5b.pk, joined.pk]) not in page


def test_the_removal_page_lists_nothing_that_ends_when_no_app_answers(
    client, educator, class_5b, pupil
):
    """The removal page lists what ends only when an app says something ends."""
    from classrooms import hooks
    from parent_links import signals

    hooks.pupil_leaving.disconnect(dispatch_uid="parent_links_pupil_leaving")
    try:
        client.force_login(educator)
        url = reverse("classrooms:remove_pupil", args=[class_5b.pk, pupil.pk])
        page = client.get(url).content.decode()
    finally:
        hooks.pupil_leaving.connect(signals.links_ending, dispatch_uid="parent_links_pupil_leaving")
    assert "parent link" not in page and "<ul>\n\n</ul>" not in page
