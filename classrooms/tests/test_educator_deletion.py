"""An educator's account goes only if no pupil account they made is left without an educator."""

import pytest

from accounts.factories import PASSWORD, ChildFactory
from accounts.models import User
from classrooms.factories import EducatorFactory, add_pupil, class_taught_by
from classrooms.models import Class, ClassEducator, ClassPupil

pytestmark = pytest.mark.django_db

DELETE = {"password": PASSWORD, "confirm": "on"}


def test_a_co_teacher_takes_over_the_class_and_the_accounts_made_for_it(client):
    leaving, staying = EducatorFactory(), EducatorFactory()
    school_class = class_taught_by(leaving, name="5B")
    ClassEducator.objects.create(school_class=school_class, educator=staying)
    pupil = add_pupil(school_class, ChildFactory(), created_by=leaving)
    client.force_login(leaving)
    assert client.post("/en/account/delete/", DELETE).status_code == 302
    assert not User.objects.filter(pk=leaving.pk).exists()
    assert list(school_class.educators.all()) == [staying]
    assert ClassPupil.objects.get(pupil=pupil).created_by == staying
    client.force_login(staying)
    response = client.post(f"/en/classes/{school_class.pk}/pupils/{pupil.pk}/password/")
    assert response.status_code == 302


def test_deletion_is_refused_while_a_class_of_made_accounts_has_no_other_educator(client):
    leaving = EducatorFactory()
    blue, green = class_taught_by(leaving, name="Blue"), class_taught_by(leaving, name="Green")
    for _ in range(2):
        add_pupil(blue, ChildFactory(), created_by=leaving)
    add_pupil(green, ChildFactory())  # joined with their own account: no obstacle
    other = EducatorFactory()
    other_class = class_taught_by(other, name="Other")
    add_pupil(other_class, ChildFactory(), created_by=other)
    client.force_login(leaving)
    page = client.get("/en/account/delete/").content.decode()
    assert "Blue" in page and "2 pupil accounts" in page
    assert "Green" not in page and "Other" not in page
    assert 'name="password"' not in page
    assert client.post("/en/account/delete/", DELETE).status_code == 409
    assert User.objects.filter(pk=leaving.pk).exists()
    assert ClassPupil.objects.filter(school_class=blue, created_by=leaving).count() == 2
    french = client.get("/fr/account/delete/").content.decode()
    assert "Blue" in french and "co-enseignant" in french


def test_a_class_of_joined_pupils_only_goes_with_its_educator_and_the_pupils_stay(client):
    leaving = EducatorFactory()
    school_class = class_taught_by(leaving)
    pupil = add_pupil(school_class, ChildFactory())
    client.force_login(leaving)
    assert client.post("/en/account/delete/", DELETE).status_code == 302
    assert not Class.objects.filter(pk=school_class.pk).exists()
    assert User.objects.filter(pk=pupil.pk).exists()
