"""The moved tables take this app's names, and their content types (with the
permissions that point at them) follow, so nothing is left behind under classrooms."""

from django.db import migrations

MOVED = ["parentlink", "parentlinkcode"]


def move_content_types(apps, schema_editor, old_label, new_label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MOVED:
        old = ContentType.objects.using(db).filter(app_label=old_label, model=model).first()
        if old is None:
            continue
        if ContentType.objects.using(db).filter(app_label=new_label, model=model).exists():
            # Made by post_migrate on an earlier run; the old one (and its permissions) goes.
            old.delete()
        else:
            old.app_label = new_label
            old.save(update_fields=["app_label"])


def forwards(apps, schema_editor):
    move_content_types(apps, schema_editor, "classrooms", "parent_links")


def backwards(apps, schema_editor):
    move_content_types(apps, schema_editor, "parent_links", "classrooms")


class Migration(migrations.Migration):
    dependencies = [
        ("parent_links", "0001_move_parent_links_from_classrooms"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelTable(name="parentlinkcode", table=None),
        migrations.AlterModelTable(name="parentlink", table=None),
        migrations.RunPython(forwards, backwards),
    ]
