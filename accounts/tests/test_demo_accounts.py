import pytest
from django.core.management import call_command

from accounts.models import DigitalConsentAge, User

DEMO_ACCOUNTS = [
    {"username": "editor", "password": "x-editor-demo", "role": "editor"},
    {
        "username": "child",
        "password": "x-child-demo",
        "role": "child",
        "age_band": "13",
        "country": "GB",
    },
    {"username": "parent", "password": "x-parent-demo", "role": "parent", "email": "p@x.org"},
]


@pytest.mark.django_db
def test_demo_learners_get_kind_role_and_age_band_and_no_admin_access(settings):
    settings.DEMO_ACCOUNTS = DEMO_ACCOUNTS
    call_command("create_demo_accounts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("create_demo_accounts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    child = User.objects.get(username="child")
    parent = User.objects.get(username="parent")
    assert (child.kind, child.age_band, child.country.code, child.email) == (
        "child",
        "13",
        "GB",
        "",
    )
    assert (parent.kind, parent.role, parent.email) == ("adult", "parent", "p@x.org")
    assert not child.is_staff and not parent.is_staff
    assert User.objects.get(username="editor").is_staff
    assert DigitalConsentAge.child_may_self_register("GB", child.age_band)
    assert User.objects.count() == 3
