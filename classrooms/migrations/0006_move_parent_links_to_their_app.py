"""Parent links now belong to the parent_links app (its migration 0001 takes them over).

Only Django's idea of the models goes (state_operations): the tables and their rows
stay, for parent_links to use.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("classrooms", "0005_add_class_audience"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ParentLink"),
                migrations.DeleteModel(name="ParentLinkCode"),
            ],
            database_operations=[],
        ),
    ]
