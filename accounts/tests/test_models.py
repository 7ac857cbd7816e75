import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accounts.factories import AdultFactory, ChildFactory, DigitalConsentAgeFactory
from accounts.models import DigitalConsentAge, User

pytestmark = pytest.mark.django_db

SEEDED = {
    "AT": 14, "CZ": 13, "DE": 14, "DK": 13, "ES": 13, "FI": 15, "GB": 13, "HU": 14,
    "IE": 13, "LT": 16, "LU": 16, "NL": 16, "PL": 13, "SE": 13, "US": 13,
    "FR": 15, "CN": 14,
}  # fmt: skip


def test_adult_email_is_unique_ignoring_case():
    AdultFactory(email="Sam@Example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        AdultFactory(email="sam@example.ORG")


def test_adult_email_clash_is_reported_by_model_validation():
    AdultFactory(email="sam@example.org")
    duplicate = AdultFactory.build(email="SAM@example.org")
    with pytest.raises(ValidationError, match="already exists"):
        duplicate.full_clean()


def test_several_staff_accounts_may_have_no_email():
    AdultFactory(email="")
    AdultFactory(email="")
    assert User.objects.filter(email="").count() == 2


def test_child_account_cannot_store_an_email_or_a_real_name():
    with pytest.raises(IntegrityError), transaction.atomic():
        ChildFactory(email="kid@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        ChildFactory(first_name="Amina")
    assert not User.objects.filter(kind=User.Kind.CHILD).exists()


def test_child_needs_an_age_band_and_adult_has_none():
    with pytest.raises(IntegrityError), transaction.atomic():
        ChildFactory(age_band="")
    with pytest.raises(IntegrityError), transaction.atomic():
        AdultFactory(age_band=User.AgeBand.AGE_14)
    with pytest.raises(IntegrityError), transaction.atomic():
        ChildFactory(role=User.Role.EDUCATOR)


def test_certificates_use_the_display_name_or_else_the_username():
    assert ChildFactory.build(username="star", display_name="").name_on_certificates == "star"
    assert AdultFactory.build(display_name="Ms Diaz").name_on_certificates == "Ms Diaz"


def test_migration_seeds_the_default_and_the_published_table_all_to_verify_locally():
    """France (15) and China (14) were added later, each with its legal source."""
    rows = {row.country.code: row for row in DigitalConsentAge.objects.all()}
    assert rows.pop("").age == 16
    assert {code: row.age for code, row in rows.items()} == SEEDED
    assert DigitalConsentAge.objects.filter(verify_locally=False).count() == 0
    assert "art. 45" in rows["FR"].notes
    assert "art. 31" in rows["CN"].notes and "To verify" in rows["CN"].notes


def test_consent_age_must_lie_between_13_and_18():
    for age in (12, 19):
        with pytest.raises(ValidationError):
            DigitalConsentAge(country="BR", age=age).full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        DigitalConsentAge.objects.create(country="BR", age=21)
    DigitalConsentAge(country="BR", age=18).full_clean()


def test_only_one_row_per_country_and_one_default():
    with pytest.raises(ValidationError):
        DigitalConsentAge(country="GB", age=14).full_clean()
    with pytest.raises(ValidationError):
        DigitalConsentAge(country="", age=14).full_clean()


@pytest.mark.parametrize(
    ("country", "band", "allowed"),
    [
        ("GB", "13", True),  # GB 13
        ("GB", "under_13", False),
        ("AT", "13", False),  # AT 14
        ("AT", "14", True),
        ("FI", "14", False),  # FI 15
        ("FI", "15", True),
        ("NL", "15", False),  # NL 16
        ("NL", "16", True),
        ("FR", "14", False),  # FR 15
        ("FR", "15", True),
        ("CN", "13", False),  # CN 14
        ("CN", "14", True),
        ("BR", "15", False),  # not listed: default 16
        ("BR", "16", True),
        ("", "17", True),  # no country: default 16
    ],
)
def test_consent_rule_follows_the_seeded_table(country, band, allowed):
    assert DigitalConsentAge.child_may_self_register(country, band) is allowed


def test_editing_the_table_changes_the_outcome():
    assert DigitalConsentAge.child_may_self_register("GB", "13")
    DigitalConsentAge.objects.filter(country="GB").update(age=15)
    assert not DigitalConsentAge.child_may_self_register("GB", "14")
    DigitalConsentAgeFactory(country="JP", age=13)
    assert DigitalConsentAge.child_may_self_register("JP", "13")
    DigitalConsentAge.objects.filter(country="").update(age=18)
    assert not DigitalConsentAge.child_may_self_register("BR", "17")


def test_without_a_default_row_no_child_may_self_register_in_unlisted_countries():
    DigitalConsentAge.objects.filter(country="").delete()
    assert not DigitalConsentAge.child_may_self_register("BR", "17")
    assert DigitalConsentAge.child_may_self_register("GB", "13")


def test_consent_table_is_listed_and_editable_in_the_wagtail_admin(client):
    admin = AdultFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert "/admin/digital_consent_ages/" in client.get("/admin/").content.decode()
    listing = client.get("/admin/digital_consent_ages/")
    assert listing.status_code == 200
    assert "Austria" in listing.content.decode()
    row = DigitalConsentAge.objects.get(country="AT")
    response = client.post(
        f"/admin/digital_consent_ages/edit/{row.pk}/",
        {"country": "AT", "age": "15", "verify_locally": "on", "notes": "Checked."},
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.age == 15
