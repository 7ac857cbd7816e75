"""The translator and reviewer groups of each target language, with admin access.

Their page permissions and review workflows need each language's home page, which the
content loader creates later: `manage.py setup_translation_roles` adds those.
"""

from django.db import migrations

LANGUAGES = ["ar", "es", "fr", "ru", "zh-hans"]
PATTERNS = ["Translators ({})", "Reviewers ({})"]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    admin_type, _created = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _created = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    for language in LANGUAGES:
        for pattern in PATTERNS:
            group, _created = Group.objects.get_or_create(name=pattern.format(language))
            group.permissions.add(access_admin)


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(
        name__in=[pattern.format(language) for language in LANGUAGES for pattern in PATTERNS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("localization", "0001_add_glossary_term"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
