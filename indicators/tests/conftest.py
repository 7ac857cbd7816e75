"""Figures and the people who may (or may not) see them, shared by the view tests."""

import pytest
from django.contrib.auth.models import Group

from accounts.factories import AdultFactory, ChildFactory
from indicators.models import FocalPoint, Indicator, LearnerGroup
from indicators.roles import FOCAL_POINTS_GROUP, ITU_GROUP, ensure_groups
from indicators.tests.summary_rows import add_cell


@pytest.fixture
def figures():
    add_cell("FR", LearnerGroup.CHILD_13, 1)  # one child alone in France's 13-year-olds
    add_cell("FR", LearnerGroup.CHILD_14, 40)
    add_cell("FR", LearnerGroup.PARENTS_CARERS, 25)
    add_cell("DE", LearnerGroup.CHILD_13, 31)
    add_cell("DE", LearnerGroup.CHILD_14, 27)
    add_cell("DE", LearnerGroup.PARENTS_CARERS, 733)
    add_cell("FR", LearnerGroup.CHILD_14, 30, Indicator.MODULE_STARTS)
    add_cell("FR", LearnerGroup.CHILD_14, 15, Indicator.MODULE_COMPLETIONS)


@pytest.fixture
def users():
    groups = ensure_groups()
    itu = AdultFactory(username="itu-staff")
    itu.groups.add(groups[ITU_GROUP])
    people = {"itu": itu, "admin": AdultFactory(is_superuser=True, username="root")}
    for country in ("FR", "DE"):
        user = AdultFactory(username=f"focal-{country}")
        user.groups.add(groups[FOCAL_POINTS_GROUP])
        FocalPoint.objects.create(user=user, country=country)
        people[f"focal_{country}"] = user
    editor = AdultFactory(username="editor-x")
    editor.groups.add(Group.objects.get_or_create(name="Editors")[0], groups[FOCAL_POINTS_GROUP])
    people["editor"] = editor  # in the admin, but no country bound to them
    people["child"] = ChildFactory()
    return people
