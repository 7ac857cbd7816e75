"""Moving parent links out of classrooms keeps every row: the migrations run forward on data.

The database is taken back to before the move (classrooms 0005, with the tables
named classrooms_parentlink and classrooms_parentlinkcode), filled through the
historical models, then migrated to the latest state. Runs on SQLite and PostgreSQL
(DATABASE_URL). Needs a real transaction: schema changes cannot run inside a test's.
"""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from classrooms.models import Class
from parent_links.models import ParentLink, ParentLinkCode


def before_the_move():
    """Every app at its latest migration, except classrooms before 0006 and no parent_links."""
    others = [node for node in latest() if node[0] not in ("classrooms", "parent_links")]
    return [*others, ("classrooms", "0005_add_class_audience")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()  # what was just applied
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def back_to_latest_afterwards():
    """A failing test must not leave the old tables behind for the next tests (and flush)."""
    yield
    migrate(latest())


# serialized_rollback: the flush after a transactional test empties every table; the
# tests after this one (browser tests among them) need what the migrations made.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_links_codes_and_content_types_move_to_parent_links_with_their_rows(
    back_to_latest_afterwards,
):
    old = migrate(before_the_move())
    tables = connection.introspection.table_names()
    assert "classrooms_parentlink" in tables and "parent_links_parentlink" not in tables
    User = old.get_model("accounts", "User")
    OldClass = old.get_model("classrooms", "Class")
    OldLink = old.get_model("classrooms", "ParentLink")
    OldCode = old.get_model("classrooms", "ParentLinkCode")
    OldContentType = old.get_model("contenttypes", "ContentType")
    OldPermission = old.get_model("auth", "Permission")

    educator = User.objects.create(username="teacher", kind="adult", role="educator")
    mum = User.objects.create(username="mum", kind="adult", role="parent")
    dad = User.objects.create(username="dad", kind="adult", role="parent")
    kid = User.objects.create(username="kid", kind="child", age_band="under_13")
    pupil = User.objects.create(username="pupil", kind="child", age_band="under_13")
    school_class = OldClass.objects.create(name="5B", join_code="ABCDEFGH")
    expires = timezone.now() + datetime.timedelta(days=7)
    own = OldLink.objects.create(parent=mum, child=kid)
    waiting = OldLink.objects.create(
        parent=dad, child=pupil, status="waiting", school_class=school_class
    )
    confirmed = OldLink.objects.create(
        parent=mum, child=pupil, school_class=school_class, confirmed_by=educator
    )
    code = OldCode.objects.create(
        child=pupil, code="KMTP4827", expires=expires, school_class=school_class, issued_by=educator
    )
    # As in a database made before the move: content types under classrooms (taken back
    # there by 0002's reverse), with permissions pointing at them.
    assert not OldContentType.objects.filter(app_label="parent_links").exists()
    old_type = OldContentType.objects.get(app_label="classrooms", model="parentlink")
    assert OldPermission.objects.filter(content_type=old_type, codename="view_parentlink").exists()

    migrate(latest())

    tables = connection.introspection.table_names()
    assert "parent_links_parentlink" in tables and "parent_links_parentlinkcode" in tables
    assert "classrooms_parentlink" not in tables and "classrooms_parentlinkcode" not in tables
    rows = {
        link.pk: (
            link.parent.username,
            link.child.username,
            link.status,
            link.school_class and link.school_class.name,
            link.confirmed_by and link.confirmed_by.username,
        )
        for link in ParentLink.objects.all()
    }
    assert rows == {
        own.pk: ("mum", "kid", "active", None, None),
        waiting.pk: ("dad", "pupil", "waiting", "5B", None),
        confirmed.pk: ("mum", "pupil", "active", "5B", "teacher"),
    }
    moved_code = ParentLinkCode.objects.get()
    assert (moved_code.pk, moved_code.code, moved_code.child.username) == (
        code.pk,
        "KMTP4827",
        "pupil",
    )
    assert moved_code.school_class.name == "5B" and moved_code.issued_by.username == "teacher"
    assert Class.objects.get().parent_links.count() == 2

    assert not ContentType.objects.filter(app_label="classrooms", model="parentlink").exists()
    moved_type = ContentType.objects.get(app_label="parent_links", model="parentlink")
    assert moved_type.pk == old_type.pk
    assert Permission.objects.get(codename="view_parentlink").content_type == moved_type

    # The table keeps its rules: one link per parent and child; new rows get new ids.
    new = ParentLink.objects.create(parent_id=dad.pk, child_id=kid.pk)
    assert new.pk > max(rows)
    with pytest.raises(IntegrityError), transaction.atomic():
        ParentLink.objects.create(parent_id=mum.pk, child_id=kid.pk)
