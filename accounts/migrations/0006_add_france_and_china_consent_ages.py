"""Add France and China to the age-of-digital-consent table.

France: 15, set under GDPR Art. 8 by the Loi Informatique et Libertés (art. 45, as
renumbered in 2018). China: 14, the age under which the Personal Information
Protection Law (PIPL, art. 31) requires a parent's or guardian's consent. Both rows
stay marked "verify locally"; the China row also says "to verify" in its notes, since
the text could not be checked against the official source here. Rows an editor has
already made for these countries are left alone.
"""

from django.db import migrations

AGES = {
    "FR": (
        15,
        "Loi Informatique et Libertés (loi n° 78-17), art. 45, under GDPR Art. 8. "
        "Verify locally against the current text on legifrance.gouv.fr.",
    ),
    "CN": (
        14,
        "Personal Information Protection Law (PIPL, 2021), art. 31: a parent's or "
        "guardian's consent under 14. To verify: check the official text before relying on it.",
    ),
}


def seed(apps, schema_editor):
    DigitalConsentAge = apps.get_model("accounts", "DigitalConsentAge")
    for country, (age, notes) in AGES.items():
        DigitalConsentAge.objects.get_or_create(
            country=country, defaults={"age": age, "verify_locally": True, "notes": notes}
        )


def unseed(apps, schema_editor):
    DigitalConsentAge = apps.get_model("accounts", "DigitalConsentAge")
    for country, (age, notes) in AGES.items():
        DigitalConsentAge.objects.filter(country=country, age=age, notes=notes).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_add_recovery_code"),
    ]

    operations = [
        migrations.RunPython(seed, unseed),
    ]
