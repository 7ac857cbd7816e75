"""Parent links and their codes move here from classrooms, with their rows.

Only Django's idea of the models moves (state_operations); the tables stay as they are
(no database operation), so not a row is copied or lost. Migration 0002 then gives the
tables this app's names.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import parent_links.models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("classrooms", "0006_move_parent_links_to_their_app"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ParentLinkCode",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("code", models.CharField(default=parent_links.models.new_link_code, max_length=8, unique=True)),
                        ("expires", models.DateTimeField()),
                        ("child", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("issued_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("school_class", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="classrooms.class")),
                    ],
                    options={"db_table": "classrooms_parentlinkcode"},
                ),
                migrations.CreateModel(
                    name="ParentLink",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("status", models.CharField(choices=[("waiting", "Waiting for the teacher to confirm"), ("active", "Active")], default="active", max_length=8)),
                        ("created", models.DateTimeField(auto_now_add=True)),
                        ("child", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("confirmed_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("parent", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("school_class", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="parent_links", to="classrooms.class")),
                    ],
                    options={
                        "db_table": "classrooms_parentlink",
                        "constraints": [models.UniqueConstraint(fields=("parent", "child"), name="unique_parent_link")],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
