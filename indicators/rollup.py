"""Rebuild the summary table from the learner, class and helpline records.

For a date range, `rebuild` recomputes the daily rows of every day in the range and
the monthly rows of every month the range touches (each over the whole month, so a
learner active on several days of a month is one learner in that month). Old rows of
those periods are deleted and the new ones inserted in one transaction, so running it
twice gives the same table, and a deleted account is gone from every period rebuilt
after the deletion.

Aggregation happens in the database where it can (distinct pairs, sums); the rest is
done per learner in Python, one pass per record type, so the number of queries depends
on the number of periods, never on the number of learners.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone

from accounts.models import User
from classrooms.models import ClassEducator, ClassPupil
from courses.models import ModulePage
from courses.models.progress import (
    AttemptKind,
    LessonCompletion,
    ModuleCompletion,
    QuizAttempt,
)
from helplines.models import HelpSeekingCount

from .models import Indicator, IndicatorCell, LearnerGroup, Period

CHILD_GROUPS = {
    User.AgeBand.UNDER_13: LearnerGroup.CHILD_UNDER_13,
    User.AgeBand.AGE_13: LearnerGroup.CHILD_13,
    User.AgeBand.AGE_14: LearnerGroup.CHILD_14,
    User.AgeBand.AGE_15: LearnerGroup.CHILD_15,
    User.AgeBand.AGE_16: LearnerGroup.CHILD_16,
    User.AgeBand.AGE_17: LearnerGroup.CHILD_17,
}
ADULT_GROUPS = {
    User.Role.PARENT: LearnerGroup.PARENTS_CARERS,
    User.Role.EDUCATOR: LearnerGroup.EDUCATORS,
    User.Role.INDUSTRY: LearnerGroup.INDUSTRY,
    User.Role.POLICY_MAKER: LearnerGroup.POLICY_MAKERS,
}


def learner_group(kind, role, age_band):
    if kind == User.Kind.CHILD:
        return CHILD_GROUPS[age_band]
    return ADULT_GROUPS.get(role, LearnerGroup.OTHER_ADULTS)


def month_start(day):
    return day.replace(day=1)


def month_end(day):
    following = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return following - datetime.timedelta(days=1)


def days(first, last):
    while first <= last:
        yield first
        first += datetime.timedelta(days=1)


def periods_touching(first, last):
    """(period, start, end) for each day in the range and each month it touches."""
    result = [(Period.DAY, day, day) for day in days(first, last)]
    start = month_start(first)
    while start <= last:
        result.append((Period.MONTH, start, month_end(start)))
        start = month_end(start) + datetime.timedelta(days=1)
    return result


def window(first, last):
    """Aware datetimes [from, to) covering the dates, in the site's time zone."""
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(first, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(
        last + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
    )
    return start, end


@dataclass
class Tally:
    """A value and the distinct learners behind it, for one cell."""

    value: int = 0
    learners: set = field(default_factory=set)


class PeriodRollup:
    """Every indicator of one period, as IndicatorCell rows (not saved)."""

    def __init__(self, period, first, last):
        self.period, self.first, self.last = period, first, last
        self.start, self.end = window(first, last)
        self.tallies = defaultdict(Tally)
        self.plain = {}  # cells that count no learner: help contacts, modules live

    def in_window(self, prefix=""):
        return Q(**{f"{prefix}created__gte": self.start, f"{prefix}created__lt": self.end})

    def rows(self):
        self.profiles = self.learner_profiles()
        self.learner_indicators()
        self.class_indicators()
        self.help_contacts()
        self.modules_live()
        cells = [
            self.cell(key, tally.value, len(tally.learners)) for key, tally in self.tallies.items()
        ]
        cells += [self.cell(key, value, None) for key, value in self.plain.items()]
        return cells

    def cell(self, key, value, learners):
        indicator, country, group, language, channel = key
        return IndicatorCell(
            period=self.period,
            period_start=self.first,
            indicator=indicator,
            country=country,
            group=group,
            language=language,
            channel=channel,
            value=value,
            learners=learners,
        )

    def active_learner_ids(self):
        lessons = LessonCompletion.objects.filter(self.in_window()).values("learner_id")
        attempts = QuizAttempt.objects.filter(self.in_window()).values("learner_id")
        return lessons, attempts

    def learner_profiles(self):
        """learner id -> (country, group), for every learner with a record in the window."""
        lessons, attempts = self.active_learner_ids()
        users = User.objects.filter(Q(id__in=lessons) | Q(id__in=attempts)).values_list(
            "id", "country", "kind", "role", "age_band"
        )
        return {
            pk: (country or "", learner_group(kind, role, band))
            for pk, country, kind, role, band in users
        }

    def add(self, indicator, learner_id, value=1):
        country, group = self.profiles[learner_id]
        tally = self.tallies[indicator, country, group, "", ""]
        tally.value += value
        tally.learners.add(learner_id)

    def learner_indicators(self):
        for learner_id in self.profiles:
            self.add(Indicator.LEARNERS_REACHED, learner_id)
        self.module_starts()
        completions = ModuleCompletion.objects.filter(self.in_window()).values_list(
            "learner_id", flat=True
        )
        for learner_id in completions:
            self.add(Indicator.MODULE_COMPLETIONS, learner_id)
        finals = (
            QuizAttempt.objects.filter(self.in_window(), kind=AttemptKind.FINAL)
            .values("learner_id")
            .annotate(passed=Count("id", filter=Q(passed=True)))
        )
        for row in finals:
            self.add(Indicator.FINAL_QUIZ_TAKERS, row["learner_id"])
            if row["passed"]:
                self.add(Indicator.FINAL_QUIZ_PASSERS, row["learner_id"])
        self.knowledge_gain()

    def module_starts(self):
        """Learner-module pairs with a record in the window and none before it."""
        in_window = set()
        before = set()
        for model in (LessonCompletion, QuizAttempt):
            in_window.update(
                model.objects.filter(self.in_window())
                .values_list("learner_id", "module_key")
                .distinct()
            )
            lessons, attempts = self.active_learner_ids()
            before.update(
                model.objects.filter(created__lt=self.start)
                .filter(Q(learner_id__in=lessons) | Q(learner_id__in=attempts))
                .values_list("learner_id", "module_key")
                .distinct()
            )
        for learner_id, _module in in_window - before:
            self.add(Indicator.MODULE_STARTS, learner_id)

    def knowledge_gain(self):
        """Best final-quiz percentage in the window minus the first pre-test, per pair."""
        best_final = {}
        finals = QuizAttempt.objects.filter(self.in_window(), kind=AttemptKind.FINAL)
        for learner_id, module_key, score, max_score in finals.values_list(
            "learner_id", "module_key", "score", "max_score"
        ):
            percent = 100 * score / max_score
            key = learner_id, module_key
            best_final[key] = max(best_final.get(key, 0), percent)
        finalists = QuizAttempt.objects.filter(self.in_window(), kind=AttemptKind.FINAL).values(
            "learner_id"
        )
        pre_tests = (
            QuizAttempt.objects.filter(
                kind=AttemptKind.PRE_TEST, created__lt=self.end, learner_id__in=finalists
            )
            .order_by("created", "id")
            .values_list("learner_id", "module_key", "score", "max_score")
        )
        first_pre_test = {}
        for learner_id, module_key, score, max_score in pre_tests:
            first_pre_test.setdefault((learner_id, module_key), 100 * score / max_score)
        for key, final in best_final.items():
            if key in first_pre_test:
                gain = round(final - first_pre_test[key])
                self.add(Indicator.KNOWLEDGE_GAIN_SUM, key[0], gain)
                self.add(Indicator.KNOWLEDGE_GAIN_PAIRS, key[0])

    def class_indicators(self):
        """Classes with a pupil active in the window, by the class's country and language."""
        lessons, attempts = self.active_learner_ids()
        links = (
            ClassPupil.objects.filter(school_class__archived=False)
            .filter(Q(pupil_id__in=lessons) | Q(pupil_id__in=attempts))
            .values_list(
                "school_class_id", "school_class__country", "school_class__language", "pupil_id"
            )
        )
        classes = defaultdict(set)
        cell_of_class = {}
        for class_id, country, language, pupil_id in links:
            classes[class_id].add(pupil_id)
            cell_of_class[class_id] = (country or "", language)
        educators = ClassEducator.objects.filter(school_class_id__in=list(classes)).values_list(
            "school_class_id", "educator_id"
        )
        educators_of = defaultdict(set)
        for class_id, educator_id in educators:
            educators_of[cell_of_class[class_id]].add(educator_id)
        for class_id, pupils in classes.items():
            country, language = cell_of_class[class_id]
            for indicator in (Indicator.ACTIVE_CLASSES, Indicator.ACTIVE_EDUCATORS):
                self.tallies[indicator, country, "", language, ""].learners.update(pupils)
            self.tallies[Indicator.ACTIVE_CLASSES, country, "", language, ""].value += 1
        for (country, language), people in educators_of.items():
            self.tallies[Indicator.ACTIVE_EDUCATORS, country, "", language, ""].value = len(people)

    def help_contacts(self):
        counts = (
            HelpSeekingCount.objects.filter(day__range=(self.first, self.last))
            .values_list("country", "channel")
            .annotate(total=Sum("count"))
        )
        for country, channel, total in counts:
            self.plain[Indicator.HELP_CONTACTS, country, "", "", channel] = total

    def modules_live(self):
        counts = (
            ModulePage.objects.live()
            .values_list("locale__language_code")
            .annotate(modules=Count("id"))
        )
        for language, modules in counts:
            self.plain[Indicator.MODULES_LIVE, "", "", language, ""] = modules


def rebuild(first, last):
    """Recompute every day from `first` to `last` and every month they touch.

    Returns the number of rows written.
    """
    if last < first:
        raise ValueError("The range ends before it starts.")
    periods = periods_touching(first, last)
    rows = []
    for period, start, end in periods:
        rows += PeriodRollup(period, start, end).rows()
    with transaction.atomic():
        IndicatorCell.objects.filter(
            Q(period=Period.DAY, period_start__range=(first, last))
            | Q(period=Period.MONTH, period_start__range=(month_start(first), last))
        ).delete()
        IndicatorCell.objects.bulk_create(rows, batch_size=1000)
    return len(rows)
