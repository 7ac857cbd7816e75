import datetime
import uuid

import pytest
from django.core.management import call_command

from accounts.factories import AdultFactory, ChildFactory
from accounts.models import User
from classrooms.factories import EducatorFactory, add_pupil, class_taught_by
from courses.models.progress import AttemptKind
from helplines.models import HelpSeekingCount
from indicators.factories import lesson_done, module_done, quiz_attempt
from indicators.models import Indicator, IndicatorCell, LearnerGroup, Period
from indicators.rollup import rebuild
from indicators.tasks import rollup_indicators_task

pytestmark = pytest.mark.django_db

JAN_5 = datetime.date(2026, 1, 5)
JAN_6 = datetime.date(2026, 1, 6)
FEB_2 = datetime.date(2026, 2, 2)
MODULE_A, MODULE_B = uuid.uuid4(), uuid.uuid4()


def cells(period=Period.MONTH, start=datetime.date(2026, 1, 1), **filters):
    return {
        (row.indicator, row.country, row.group, row.language, row.channel): (
            row.value,
            row.learners,
        )
        for row in IndicatorCell.objects.filter(period=period, period_start=start, **filters)
    }


def snapshot():
    return sorted(
        IndicatorCell.objects.values_list(
            "period",
            "period_start",
            "indicator",
            "country",
            "group",
            "language",
            "channel",
            "value",
            "learners",
        )
    )


@pytest.fixture
def records():
    child = ChildFactory(country="FR", age_band=User.AgeBand.AGE_14)
    parent = AdultFactory(country="FR", role=User.Role.PARENT)
    lesson_done(child, MODULE_A, JAN_5)
    lesson_done(child, MODULE_A, JAN_6)  # same learner, same module: one start, one learner
    lesson_done(child, MODULE_B, FEB_2)
    module_done(child, MODULE_A, JAN_6)
    quiz_attempt(child, MODULE_A, JAN_5, 4, kind=AttemptKind.PRE_TEST)
    quiz_attempt(child, MODULE_A, JAN_6, 6)  # failed
    quiz_attempt(child, MODULE_A, JAN_6, 9)  # passed: best final 90, gain 90 - 40
    lesson_done(parent, MODULE_A, JAN_6)
    HelpSeekingCount.objects.create(country="FR", day=JAN_6, channel="phone", count=3)
    return child, parent


def test_month_counts_each_learner_once_and_each_start_once(records):
    rebuild(JAN_5, JAN_6)
    month = cells()
    child = ("FR", LearnerGroup.CHILD_14, "", "")
    parent = ("FR", LearnerGroup.PARENTS_CARERS, "", "")
    assert month[(Indicator.LEARNERS_REACHED, *child)] == (1, 1)
    assert month[(Indicator.LEARNERS_REACHED, *parent)] == (1, 1)
    assert month[(Indicator.MODULE_STARTS, *child)] == (1, 1)
    assert month[(Indicator.MODULE_COMPLETIONS, *child)] == (1, 1)
    assert month[(Indicator.FINAL_QUIZ_TAKERS, *child)] == (1, 1)
    assert month[(Indicator.FINAL_QUIZ_PASSERS, *child)] == (1, 1)
    assert month[(Indicator.KNOWLEDGE_GAIN_SUM, *child)] == (50, 1)
    assert month[(Indicator.KNOWLEDGE_GAIN_PAIRS, *child)] == (1, 1)
    assert month[(Indicator.HELP_CONTACTS, "FR", "", "", "phone")] == (3, None)


def test_a_start_belongs_to_the_day_of_the_first_record(records):
    rebuild(JAN_5, JAN_6)
    child = ("FR", LearnerGroup.CHILD_14, "", "")
    assert cells(Period.DAY, JAN_5)[(Indicator.MODULE_STARTS, *child)] == (1, 1)
    assert (Indicator.MODULE_STARTS, *child) not in cells(Period.DAY, JAN_6)
    assert cells(Period.DAY, JAN_6)[(Indicator.LEARNERS_REACHED, *child)] == (1, 1)


def test_rebuilding_twice_gives_the_same_rows(records):
    call_command("rollup_indicators", "--from", "2026-01-01", "--to", "2026-02-28")
    first = snapshot()
    call_command("rollup_indicators", "--from", "2026-01-01", "--to", "2026-02-28")
    assert snapshot() == first
    assert len(first) > 10


def test_rebuilding_part_of_a_month_keeps_whole_month_figures(records):
    rebuild(JAN_5, JAN_6)
    whole = cells()
    rebuild(JAN_6, JAN_6)
    assert cells() == whole
    assert cells(Period.DAY, JAN_5)  # days outside the rebuilt range stay


def test_a_deleted_account_leaves_the_next_rollup(records):
    child, _parent = records
    rebuild(JAN_5, JAN_6)
    child.delete()
    rebuild(JAN_5, JAN_6)
    assert not IndicatorCell.objects.filter(group=LearnerGroup.CHILD_14).exists()


def test_active_classes_count_pupils_as_learners(records):
    child, _parent = records
    educator = EducatorFactory()
    school_class = class_taught_by(educator, country="FR", language="fr")
    add_pupil(school_class, child, created_by=educator)
    rebuild(JAN_5, JAN_6)
    month = cells()
    assert month[(Indicator.ACTIVE_CLASSES, "FR", "", "fr", "")] == (1, 1)
    assert month[(Indicator.ACTIVE_EDUCATORS, "FR", "", "fr", "")] == (1, 1)


def test_the_task_runs_the_same_rollup(records):
    result = rollup_indicators_task.enqueue("2026-01-05", "2026-01-06")
    assert result.return_value == IndicatorCell.objects.count()
    assert cells()[(Indicator.LEARNERS_REACHED, "FR", LearnerGroup.CHILD_14, "", "")] == (1, 1)
