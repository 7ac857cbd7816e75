"""Benchmark: the COP indicators rollup, dashboard and exports on generated learners.

Generates learners spread over countries and learner groups, each with lesson
completions, pre-tests, final-quiz attempts and module completions on random days of
the period, plus help-seeking counts; then prints the time of the rollup for one day
and for the whole range, and the query count and median time of the dashboard and the
CSV export, which read the summary table only.

    .venv/bin/python bench/indicators.py [--learners 100000 --modules 25 --days 90 --countries 50]

It builds its own throwaway SQLite database (or uses DATABASE_URL when set; --database
keeps a SQLite file, e.g. to look at the dashboard afterwards).
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_DAY = datetime.date(2026, 1, 1)
COUNTRIES = [
    "FR",
    "DE",
    "ES",
    "IT",
    "GB",
    "EG",
    "MA",
    "SA",
    "AE",
    "JO",
    "CN",
    "RU",
    "KZ",
    "UZ",
    "AR",
    "MX",
    "CO",
    "PE",
    "CL",
    "BR",
    "NG",
    "KE",
    "GH",
    "ZA",
    "ET",
    "IN",
    "PK",
    "BD",
    "ID",
    "PH",
    "VN",
    "TH",
    "MY",
    "LK",
    "NP",
    "US",
    "CA",
    "AU",
    "NZ",
    "JP",
    "KR",
    "TR",
    "IR",
    "IQ",
    "DZ",
    "TN",
    "SN",
    "CI",
    "CM",
    "UG",
]


def setup_django(database):
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{database}")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0, interactive=False)


def generate(learners, modules, days, countries, seed=7):
    """Learners and their records, inserted in bulk with chosen timestamps."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from accounts.models import User
    from courses.models.progress import (
        LessonCompletion,
        ModuleCompletion,
        QuizAttempt,
    )
    from helplines.models import HelpSeekingCount

    # The records stamp `created` themselves; the generator needs chosen days.
    for model in (LessonCompletion, ModuleCompletion, QuizAttempt):
        model._meta.get_field("created").auto_now_add = False
    chance = random.Random(seed)  # noqa: S311 (test data)
    zone = timezone.get_current_timezone()
    module_keys = [uuid.uuid4() for _ in range(modules)]
    bands = ["under_13", "13", "14", "15", "16", "17"]
    roles = ["parent", "educator", "industry", "policy_maker", ""]
    chosen = COUNTRIES[:countries]
    UNUSABLE = make_password(None)  # noqa: N806 (one hash for every generated learner)
    users = []
    for number in range(learners):
        # Countries and groups of very different sizes, as in life: small cells exist.
        country = chosen[min(int(chance.paretovariate(1.2)) - 1, len(chosen) - 1)]
        if chance.random() < 0.6:
            users.append(
                User(
                    username=f"bench-{number}",
                    kind="child",
                    age_band=chance.choice(bands),
                    country=country,
                    password=UNUSABLE,
                )
            )
        else:
            users.append(
                User(
                    username=f"bench-{number}",
                    kind="adult",
                    role=chance.choice(roles),
                    country=country if chance.random() < 0.9 else "",
                    password=UNUSABLE,
                )
            )
    User.objects.bulk_create(users, batch_size=2000)
    ids = list(User.objects.filter(username__startswith="bench-").values_list("id", flat=True))
    lessons, attempts, completions = [], [], []

    def moment(day_number):
        day = FIRST_DAY + datetime.timedelta(days=day_number)
        seconds = chance.randrange(86400)
        return datetime.datetime.combine(day, datetime.time(), tzinfo=zone) + datetime.timedelta(
            seconds=seconds
        )

    def attempt(learner, module, when, kind, score):
        return QuizAttempt(
            learner_id=learner,
            uid=uuid.uuid4(),
            page_key=module,
            module_key=module,
            quiz_id=kind,
            kind=kind,
            answers={},
            score=score,
            max_score=10,
            pass_mark=70,
            passed=score >= 7,
            created=when,
        )

    for learner in ids:
        start = chance.randrange(days)
        for module in chance.sample(module_keys, min(modules, 1 + int(chance.expovariate(0.3)))):
            day = min(days - 1, start + chance.randrange(7))
            if chance.random() < 0.5:
                attempts.append(
                    attempt(learner, module, moment(day), "pre_test", chance.randint(1, 8))
                )
            for _lesson in range(2):
                lessons.append(
                    LessonCompletion(
                        learner_id=learner,
                        lesson_key=uuid.uuid4(),
                        module_key=module,
                        source="marked_done",
                        created=moment(day),
                    )
                )
            if chance.random() < 0.7:
                for _try in range(chance.randint(1, 2)):
                    attempts.append(
                        attempt(learner, module, moment(day), "final", chance.randint(3, 10))
                    )
                completions.append(
                    ModuleCompletion(
                        learner_id=learner, module_key=module, path_key=module, created=moment(day)
                    )
                )
    LessonCompletion.objects.bulk_create(lessons, batch_size=5000)
    QuizAttempt.objects.bulk_create(attempts, batch_size=5000)
    ModuleCompletion.objects.bulk_create(completions, batch_size=5000)
    helps = [
        HelpSeekingCount(
            country=country,
            day=FIRST_DAY + datetime.timedelta(days=day),
            channel=channel,
            count=chance.randint(1, 12),
        )
        for country in chosen
        for day in range(days)
        for channel in ("phone", "chat", "web")
        if chance.random() < 0.3
    ]
    HelpSeekingCount.objects.bulk_create(helps, batch_size=5000)
    return len(lessons) + len(attempts) + len(completions)


def timed(function, runs):
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=100_000)
    parser.add_argument("--modules", type=int, default=25)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--countries", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--database", help="SQLite file to keep (default: a temporary one)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        setup_django(options.database or f"{directory}/bench.sqlite3")
        from django.db import connection
        from django.test import Client
        from django.urls import reverse

        from accounts.models import User
        from indicators.rollup import rebuild

        started = time.perf_counter()
        records = generate(options.learners, options.modules, options.days, options.countries)
        print(
            f"generated {options.learners} learners, {records} records over {options.days} days "
            f"and {options.countries} countries in {time.perf_counter() - started:.1f} s "
            f"({connection.vendor})"
        )
        last = FIRST_DAY + datetime.timedelta(days=options.days - 1)
        middle = FIRST_DAY + datetime.timedelta(days=options.days // 2)
        seconds, rows = timed(lambda: rebuild(middle, middle), 1)
        print(f"rollup of one day (and its month): {seconds:.2f} s, {rows} rows")
        seconds, rows = timed(lambda: rebuild(FIRST_DAY, last), 1)
        print(f"rollup of the whole range: {seconds:.2f} s, {rows} rows")

        admin = User.objects.create(username="bench-admin", is_superuser=True, is_staff=True)
        client = Client()
        client.force_login(admin)
        month = middle.strftime("%Y-%m")
        for name in ("indicators:dashboard", "indicators:export_csv", "indicators:export_json"):
            url = f"{reverse(name)}?month={month}"
            client.get(url)
            queries = []
            with connection.execute_wrapper(
                lambda execute, sql, *args, queries=queries: (
                    queries.append(sql) or execute(sql, *args)
                )
            ):
                assert client.get(url).status_code == 200
            seconds, _response = timed(lambda url=url: client.get(url), options.runs)
            print(f"{name}: {len(queries)} queries, median {1000 * seconds:.0f} ms")


if __name__ == "__main__":
    main()
