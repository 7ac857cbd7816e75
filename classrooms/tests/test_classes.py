import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.factories import AdultFactory, ChildFactory
from classrooms.factories import EducatorFactory, add_pupil, class_taught_by
from classrooms.models import JOIN_CODE_ALPHABET, Class, ClassPupil
from classrooms.pupils import BulkError, parse_nicknames
from courses.models import LessonCompletion

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def educator():
    return EducatorFactory()


@pytest.fixture
def school_class(educator):
    return class_taught_by(educator, name="Blue", country="FR")


def test_join_codes_are_eight_unambiguous_characters_and_differ():
    codes = {Class.objects.create(name=f"C{n}").join_code for n in range(20)}
    assert len(codes) == 20
    assert all(len(code) == 8 and set(code) <= set(JOIN_CODE_ALPHABET) for code in codes)


def test_non_educators_get_403_and_anonymous_users_are_sent_to_sign_in(client):
    response = client.get(reverse("classrooms:list"))
    assert response.status_code == 302
    client.force_login(AdultFactory(role=User.Role.PARENT))
    assert client.get(reverse("classrooms:list")).status_code == 403
    client.force_login(ChildFactory())
    assert client.get(reverse("classrooms:create")).status_code == 403


def test_educator_creates_a_class_and_teaches_it(client, educator):
    client.force_login(educator)
    response = client.post(reverse("classrooms:create"), {"name": "Year 6", "language": "fr"})
    school_class = Class.objects.get(name="Year 6")
    assert response.url == reverse("classrooms:detail", args=[school_class.pk])
    assert list(school_class.educators.all()) == [educator]
    assert "Year 6" in client.get(reverse("classrooms:list")).content.decode()


def test_bulk_creation_makes_child_accounts_and_shows_passwords_once(
    client, educator, school_class
):
    client.force_login(educator)
    response = client.post(
        reverse("classrooms:add_pupils", args=[school_class.pk]),
        {"names": "Sam\nAli B\nZoé\n", "age_band": "under_13"},
    )
    assert response.status_code == 302
    pupils = list(school_class.pupils.order_by("display_name"))
    assert [p.display_name for p in pupils] == ["Ali B", "Sam", "Zoé"]
    assert all(p.kind == "child" and p.age_band == "under_13" and p.country == "FR" for p in pupils)
    assert all(p.email == "" and p.first_name == "" for p in pupils)
    assert pupils[0].username.startswith("ali-b-")
    cards = client.get(response.url).content.decode()
    passwords = re.findall(r'class="card-password">([^<]+)<', cards)
    assert len(passwords) == 3
    password = passwords[0]
    assert any(p.check_password(password) for p in pupils)
    assert password not in "".join(p.password for p in pupils)  # only hashes are stored
    assert "card-password" not in client.get(response.url).content.decode()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Sam\n\nAli", "Line 2: This line is empty."),
        ("Sam\nsam", "Line 2: This name is already on line 1."),
        ("Sam\n" + "x" * 31, "Line 2: This name is longer than 30 characters."),
    ],
)
def test_bulk_creation_with_a_bad_line_creates_nothing(
    client, educator, school_class, text, message
):
    client.force_login(educator)
    count = User.objects.count()
    response = client.post(
        reverse("classrooms:add_pupils", args=[school_class.pk]),
        {"names": text, "age_band": "13"},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert User.objects.count() == count


def test_parse_nicknames_reports_every_bad_line():
    with pytest.raises(BulkError) as error:
        parse_nicknames("\nSam\nSam")
    assert [line for line, _ in error.value.errors] == [1, 3]


def test_a_pupil_joins_with_the_code_in_any_case_and_spacing(client, school_class):
    pupil = ChildFactory()
    client.force_login(pupil)
    code = school_class.join_code
    response = client.post(reverse("classrooms:join"), {"code": f" {code[:4].lower()}-{code[4:]}"})
    assert response.status_code == 302
    assert ClassPupil.objects.filter(school_class=school_class, pupil=pupil).exists()


def test_wrong_join_codes_get_an_error_and_are_rate_limited(client, school_class):
    client.force_login(ChildFactory())
    for _ in range(10):
        response = client.post(reverse("classrooms:join"), {"code": "AAAAAAAA"})
        assert "No class has this code" in response.content.decode()
    response = client.post(reverse("classrooms:join"), {"code": school_class.join_code})
    assert response.status_code == 429
    assert not school_class.pupil_links.exists()


def test_archived_class_cannot_be_joined(client, school_class):
    school_class.archived = True
    school_class.save()
    client.force_login(ChildFactory())
    client.post(reverse("classrooms:join"), {"code": school_class.join_code})
    assert not school_class.pupil_links.exists()


def test_regenerated_code_replaces_the_old_one(client, educator, school_class):
    client.force_login(educator)
    old = school_class.join_code
    client.post(reverse("classrooms:regenerate_code", args=[school_class.pk]))
    school_class.refresh_from_db()
    assert school_class.join_code != old


def test_archive_toggles(client, educator, school_class):
    client.force_login(educator)
    client.post(reverse("classrooms:archive", args=[school_class.pk]))
    school_class.refresh_from_db()
    assert school_class.archived


def test_co_teacher_added_by_email_sees_the_class(client, educator, school_class):
    other = EducatorFactory(email="co@example.org")
    client.force_login(educator)
    client.post(
        reverse("classrooms:add_educator", args=[school_class.pk]), {"identifier": "CO@example.org"}
    )
    client.force_login(other)
    assert client.get(reverse("classrooms:detail", args=[school_class.pk])).status_code == 200


def test_only_educators_can_be_co_teachers(client, educator, school_class):
    parent = AdultFactory(role=User.Role.PARENT)
    client.force_login(educator)
    client.post(
        reverse("classrooms:add_educator", args=[school_class.pk]), {"identifier": parent.username}
    )
    assert list(school_class.educators.all()) == [educator]


def test_reset_password_shows_a_new_card_for_created_accounts_only(client, educator, school_class):
    created = add_pupil(school_class, ChildFactory(), created_by=educator)
    joined = add_pupil(school_class, ChildFactory())
    client.force_login(educator)
    old_hash = created.password
    response = client.post(reverse("classrooms:reset_password", args=[school_class.pk, created.pk]))
    created.refresh_from_db()
    assert created.password != old_hash
    assert "card-password" in client.get(response.url).content.decode()
    url = reverse("classrooms:reset_password", args=[school_class.pk, joined.pk])
    assert client.post(url).status_code == 403


def test_remove_keeps_the_account_and_delete_removes_records(client, educator, school_class):
    joined = add_pupil(school_class, ChildFactory())
    created = add_pupil(school_class, ChildFactory(), created_by=educator)
    LessonCompletion.objects.create(
        learner=created,
        lesson_key="00000000-0000-0000-0000-000000000001",
        module_key="00000000-0000-0000-0000-000000000002",
        source="marked_done",
    )
    client.force_login(educator)
    assert (
        client.post(
            reverse("classrooms:delete_pupil", args=[school_class.pk, joined.pk])
        ).status_code
        == 403
    )
    client.post(reverse("classrooms:remove_pupil", args=[school_class.pk, joined.pk]))
    assert User.objects.filter(pk=joined.pk).exists()
    assert not school_class.pupil_links.filter(pupil=joined).exists()
    client.post(reverse("classrooms:delete_pupil", args=[school_class.pk, created.pk]))
    assert not User.objects.filter(pk=created.pk).exists()
    assert not LessonCompletion.objects.filter(learner_id=created.pk).exists()


def test_another_educator_gets_404_on_every_class_view(client, educator, school_class):
    pupil = add_pupil(school_class, ChildFactory(), created_by=educator)
    client.force_login(EducatorFactory())
    gets = ["detail", "add_pupils", "cards"]
    posts = ["regenerate_code", "archive", "add_educator"]
    pupil_posts = ["reset_password", "remove_pupil", "delete_pupil"]
    for name in gets:
        response = client.get(reverse(f"classrooms:{name}", args=[school_class.pk]))
        assert response.status_code == 404
    for name in posts:
        response = client.post(reverse(f"classrooms:{name}", args=[school_class.pk]))
        assert response.status_code == 404
    for name in pupil_posts:
        response = client.post(reverse(f"classrooms:{name}", args=[school_class.pk, pupil.pk]))
        assert response.status_code == 404
    assert User.objects.filter(pk=pupil.pk).exists()
    assert school_class.join_code in Class.objects.values_list("join_code", flat=True)
    assert "Blue" not in client.get(reverse("classrooms:list")).content.decode()


def test_pupils_and_parents_get_403_on_class_views(client, educator, school_class):
    pupil = add_pupil(school_class, ChildFactory(), created_by=educator)
    for user in [pupil, AdultFactory(role=User.Role.PARENT)]:
        client.force_login(user)
        assert client.get(reverse("classrooms:detail", args=[school_class.pk])).status_code == 403
        assert client.get(reverse("classrooms:cards", args=[school_class.pk])).status_code == 403


def test_educator_cannot_touch_a_pupil_of_another_class(client, educator, school_class):
    other_class = class_taught_by(EducatorFactory())
    stranger = add_pupil(other_class, ChildFactory(), created_by=other_class.educators.first())
    client.force_login(educator)
    url = reverse("classrooms:delete_pupil", args=[school_class.pk, stranger.pk])
    assert client.post(url).status_code == 404
    assert User.objects.filter(pk=stranger.pk).exists()


def test_data_export_lists_the_classes(educator, school_class):
    from accounts.signals import personal_data_requested

    pupil = add_pupil(school_class, ChildFactory(), created_by=educator)
    sections = dict(
        response for _, response in personal_data_requested.send(sender=User, user=pupil)
    )
    assert sections["classes"]["classes_joined"][0]["class"] == "Blue"
    sections = dict(
        response for _, response in personal_data_requested.send(sender=User, user=educator)
    )
    assert sections["classes"]["classes_taught"][0]["class"] == "Blue"


def test_account_and_my_learning_pages_link_to_classes_by_role(client, educator):
    client.force_login(educator)
    assert reverse("classrooms:list") in client.get(reverse("accounts:account")).content.decode()
    child = ChildFactory()
    client.force_login(child)
    account = client.get(reverse("accounts:account")).content.decode()
    assert f'href="{reverse("classrooms:list")}"' not in account
    assert reverse("parent_links:parent_code") in account
    my_learning = client.get(reverse("courses:my_learning")).content.decode()
    assert reverse("classrooms:assigned") in my_learning


def test_cards_page_uses_the_stylesheet_not_inline_css_or_script(client, educator, school_class):
    client.force_login(educator)
    page = client.get(reverse("classrooms:cards", args=[school_class.pk])).content.decode()
    assert "classrooms/css/classes.css" in page
    assert "<style" not in page and "onclick" not in page
