"""Seed the age-of-digital-consent table.

GDPR Art. 8 sets 16 by default and lets member states lower it to 13; COPPA (US) sets
13. The per-country ages come from one published default table; other published tables
differ for several countries, so every row is marked "verify locally" for editors to
check against the national law. Editors change them in the Wagtail admin.
"""

from django.db import migrations

DEFAULT_AGE = 16
SOURCE_NOTE = (
    "Seeded from a published default table (GDPR Art. 8; COPPA for US). "
    "Other published tables differ: check the national law."
)
AGES = {
    "AT": 14,
    "CZ": 13,
    "DE": 14,
    "DK": 13,
    "ES": 13,
    "FI": 15,
    "GB": 13,
    "HU": 14,
    "IE": 13,
    "LT": 16,
    "LU": 16,
    "NL": 16,
    "PL": 13,
    "SE": 13,
    "US": 13,
}


def seed(apps, schema_editor):
    DigitalConsentAge = apps.get_model("accounts", "DigitalConsentAge")
    DigitalConsentAge.objects.get_or_create(
        country="",
        defaults={
            "age": DEFAULT_AGE,
            "verify_locally": True,
            "notes": "Default for countries not listed (GDPR Art. 8).",
        },
    )
    for country, age in AGES.items():
        DigitalConsentAge.objects.get_or_create(
            country=country,
            defaults={"age": age, "verify_locally": True, "notes": SOURCE_NOTE},
        )


def unseed(apps, schema_editor):
    DigitalConsentAge = apps.get_model("accounts", "DigitalConsentAge")
    DigitalConsentAge.objects.filter(country__in=["", *AGES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_add_learner_fields_and_digital_consent_age"),
    ]

    operations = [
        migrations.RunPython(seed, unseed),
    ]
