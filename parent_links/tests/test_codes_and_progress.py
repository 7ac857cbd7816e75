import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.factories import AdultFactory, ChildFactory
from accounts.models import User
from classrooms.factories import EducatorFactory, add_pupil, class_taught_by
from courses.factories import build_course_tree
from courses.models import ModuleCompletion
from parent_links.models import ParentLink, ParentLinkCode

pytestmark = pytest.mark.django_db


def parent():
    return AdultFactory(role=User.Role.PARENT)


def test_child_makes_a_code_and_a_parent_links_once_and_sees_progress(client):
    tree = build_course_tree()
    kid = ChildFactory(display_name="Kiki")
    ModuleCompletion.objects.create(
        learner=kid, module_key=tree.module.translation_key, path_key=tree.path.translation_key
    )
    client.force_login(kid)
    client.post(reverse("parent_links:parent_code"))
    code = ParentLinkCode.objects.get(child=kid).code
    mum, dad = parent(), parent()
    client.force_login(mum)
    response = client.post(reverse("parent_links:children"), {"code": code.lower()})
    assert response.url == reverse("parent_links:child", args=[kid.pk])
    page = client.get(response.url).content.decode()
    assert "Kiki" in page and tree.module.title in page
    client.force_login(dad)
    response = client.post(reverse("parent_links:children"), {"code": code})
    assert "This code is not valid" in response.content.decode()
    assert not ParentLink.objects.filter(parent=dad).exists()


def test_expired_codes_do_not_link(client):
    kid = ChildFactory()
    ParentLinkCode.objects.create(
        child=kid, code="ABCDEFGH", expires=timezone.now() - datetime.timedelta(minutes=1)
    )
    client.force_login(parent())
    client.post(reverse("parent_links:children"), {"code": "ABCDEFGH"})
    assert not ParentLink.objects.exists()


def test_wrong_parent_codes_are_rate_limited(client):
    kid = ChildFactory()
    client.force_login(kid)
    client.post(reverse("parent_links:parent_code"))
    code = ParentLinkCode.objects.get(child=kid).code
    client.force_login(parent())
    for _ in range(10):
        client.post(reverse("parent_links:children"), {"code": "ZZZZZZZZ"})
    assert client.post(reverse("parent_links:children"), {"code": code}).status_code == 429
    assert not ParentLink.objects.exists()


def test_educator_makes_a_parent_code_for_their_pupil_only(client):
    educator = EducatorFactory()
    school_class = class_taught_by(educator)
    pupil = add_pupil(school_class, ChildFactory(), created_by=educator)
    joined = add_pupil(school_class, ChildFactory())
    client.force_login(educator)
    other_url = reverse("parent_links:pupil_parent_code", args=[school_class.pk, joined.pk])
    assert client.post(other_url).status_code == 403
    url = reverse("parent_links:pupil_parent_code", args=[school_class.pk, pupil.pk])
    response = client.post(url)
    assert ParentLinkCode.objects.get(child=pupil).code in response.content.decode()
    client.force_login(EducatorFactory())
    ParentLinkCode.objects.all().delete()
    assert client.post(url).status_code == 404
    assert not ParentLinkCode.objects.exists()


def test_a_parent_sees_only_linked_children_and_others_get_404_or_403(client):
    kid = ChildFactory(display_name="Kiki")
    mum = parent()
    ParentLink.objects.create(parent=mum, child=kid)
    url = reverse("parent_links:child", args=[kid.pk])
    client.force_login(parent())
    assert client.get(url).status_code == 404
    assert "Kiki" not in client.get(reverse("parent_links:children")).content.decode()
    for user in [ChildFactory(), EducatorFactory()]:
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.get(reverse("parent_links:children")).status_code == 403
    client.force_login(mum)
    assert "Kiki" in client.get(reverse("parent_links:children")).content.decode()


def test_only_children_make_parent_codes(client):
    client.force_login(parent())
    assert client.post(reverse("parent_links:parent_code")).status_code == 403
    assert not ParentLinkCode.objects.exists()


def test_the_code_page_tells_the_child_where_the_parent_types_the_code(client):
    client.force_login(ChildFactory())
    html = client.post("/ar/classes/parent-code/").content.decode()
    assert 'class="join-code parent-code"' in html
    assert "«أطفالي»" in html
