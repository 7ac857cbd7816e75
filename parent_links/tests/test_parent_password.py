"""A linked parent gives their child a new password; nobody else can."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse

from accounts.factories import PASSWORD, AdultFactory, ChildFactory
from accounts.models import RecoveryCode, SignInThrottle, User
from classrooms.factories import EducatorFactory, add_pupil, class_taught_by
from classrooms.pupils import create_pupils
from parent_links.models import ParentLink

pytestmark = pytest.mark.django_db


def parent():
    return AdultFactory(role=User.Role.PARENT)


def url(child):
    return reverse("parent_links:child_password", args=[child.pk])


def test_a_linked_parent_confirms_then_sees_the_new_password_once(client):
    kid, mum = ChildFactory(display_name="Sami"), parent()
    ParentLink.objects.create(parent=mum, child=kid)
    child_session = Client()
    child_session.force_login(kid)
    SignInThrottle.objects.create(
        key=f"account:{kid.pk}", user=kid, tries=9, last_try_at=kid.date_joined
    )
    client.force_login(mum)
    assert (
        f'href="{url(kid)}"'
        in client.get(reverse("parent_links:child", args=[kid.pk])).content.decode()
    )
    question = client.get(url(kid)).content.decode()
    assert "csrfmiddlewaretoken" in question and 'class="card-password"' not in question
    kid.refresh_from_db()
    assert kid.check_password(PASSWORD)  # asking changes nothing
    response = client.post(url(kid))
    assert response.status_code == 302 and response["Location"] == url(kid)
    page = client.get(url(kid)).content.decode()
    password = page.split('class="card-password"><bdi dir="ltr">')[1].split("<")[0]
    kid.refresh_from_db()
    assert kid.check_password(password) and not kid.check_password(PASSWORD)
    assert 'class="card-password"' not in client.get(url(kid)).content.decode()
    assert not SignInThrottle.objects.filter(user=kid).exists()
    # The child's other sessions end with the old password.
    assert SESSION_KEY not in child_session.get(reverse("accounts:account")).wsgi_request.session


def test_nobody_but_an_actively_linked_parent_may_reset(client):
    educator = EducatorFactory()
    school_class = class_taught_by(educator)
    kid = add_pupil(school_class, ChildFactory(), created_by=educator)
    waiting = parent()
    ParentLink.objects.create(
        parent=waiting, child=kid, school_class=school_class, status=ParentLink.Status.WAITING
    )
    for user, status in [
        (parent(), 404),  # not linked
        (waiting, 404),  # link still waiting for the teacher
        (ChildFactory(), 403),  # another child
        (kid, 403),  # the child themself
        (educator, 403),  # educators reset on the pupil page
    ]:
        client.force_login(user)
        assert client.get(url(kid)).status_code == status
        assert client.post(url(kid)).status_code == status
    kid.refresh_from_db()
    assert kid.check_password(PASSWORD)
    client.logout()
    assert client.post(url(kid)).status_code == 302
    kid.refresh_from_db()
    assert kid.check_password(PASSWORD)


def test_the_educators_pupil_page_offers_a_new_password(client):
    educator = EducatorFactory()
    school_class = class_taught_by(educator)
    kid = add_pupil(school_class, ChildFactory(), created_by=educator)
    client.force_login(educator)
    page = client.get(reverse("classrooms:pupil", args=[school_class.pk, kid.pk])).content.decode()
    assert reverse("classrooms:reset_password", args=[school_class.pk, kid.pk]) in page


def test_pupils_an_educator_creates_get_no_recovery_code():
    """Their educator resets their password; a code on paper would be one more secret."""
    educator = EducatorFactory()
    created = create_pupils(class_taught_by(educator), educator, "Sami\nLina", "under_13")
    assert len(created) == 2
    assert not RecoveryCode.objects.exists()
