"""Benchmark: the class report for 10, 100 and 500 pupils x 10 and 50 assigned modules.

Prints the query count and median server time of the report page (HTML: the first page
of pupils, with the class-wide summaries) for each size,
its CPU time in this process (on SQLite the database works in this process too, so this
is the figure a busy shared machine disturbs least), the CSV export's time (every pupil), and the
median time of building the report alone (queries and Python, no template). Every pupil
has a lesson done and a graded final-quiz attempt in every module, so every cell and the
hardest-questions table have work to do. The query count must be the same for every
size (a test pins it).

    .venv/bin/python bench/class_report.py [--runs 5]

It builds its own throwaway SQLite database (or uses DATABASE_URL when set).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PUPILS = (10, 100, 500)
MODULES = (10, 50)


def setup_django(directory):
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{directory}/bench.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0, interactive=False)


def build():
    from django.contrib.auth import get_user_model

    from classrooms.factories import EducatorFactory
    from courses.factories import build_course_tree
    from courses.models import LessonCompletion, QuizAttempt

    User = get_user_model()
    tree = build_course_tree(lesson_count=2, quizzes=True, module_count=max(MODULES))
    pupils = User.objects.bulk_create(
        User(username=f"pupil-{n}", kind="child", age_band="under_13", password="!")  # noqa: S106
        for n in range(max(PUPILS))
    )
    lessons = tree.all_lessons
    wrong = {"final-q1": ["final-q1-b"], "final-q2": ["final-q2-a"], "final-q3": ["final-q3-b"]}
    results = {
        question: {"answer": answer, "correct": question != "final-q1"}
        for question, answer in wrong.items()
    }
    LessonCompletion.objects.bulk_create(
        LessonCompletion(
            learner=pupil,
            lesson_key=lessons[2 * number].translation_key,
            module_key=module.translation_key,
            source="marked_done",
        )
        for pupil in pupils
        for number, module in enumerate(tree.modules)
    )
    QuizAttempt.objects.bulk_create(
        QuizAttempt(
            learner=pupil,
            uid=uuid.uuid4(),
            page_key=module.translation_key,
            module_key=module.translation_key,
            quiz_id="final",
            kind="final",
            answers=wrong,
            results=results,
            score=2,
            max_score=3,
            pass_mark=70,
            passed=False,
        )
        for pupil in pupils
        for module in tree.modules
    )
    return tree, pupils, EducatorFactory()


def make_class(educator, pupils, modules):
    from classrooms.factories import class_taught_by
    from classrooms.models import Assignment, ClassPupil

    school_class = class_taught_by(educator)
    ClassPupil.objects.bulk_create(ClassPupil(school_class=school_class, pupil=p) for p in pupils)
    Assignment.objects.bulk_create(
        Assignment(school_class=school_class, kind="module", content_key=m.translation_key)
        for m in modules
    )
    return school_class


def measure(client, url, runs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, cpu = [], []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        assert response.status_code == 200, response.status_code
    return len(queries), statistics.median(times), statistics.median(cpu)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        setup_django(directory)
        from django.test import Client
        from django.urls import reverse

        tree, pupils, educator = build()
        client = Client()
        client.force_login(educator)
        from classrooms.report import class_report

        print(
            f"{'pupils':>7} {'modules':>8} {'queries':>8} {'page ms':>8} {'page cpu':>9}"
            f" {'csv ms':>7} {'report ms':>10}"
        )
        for pupil_count in PUPILS:
            for module_count in MODULES:
                school_class = make_class(
                    educator, pupils[:pupil_count], tree.modules[:module_count]
                )
                url = reverse("classrooms:report", args=[school_class.pk])
                queries, median, cpu = measure(client, url, args.runs)
                csv_url = reverse("classrooms:report_csv", args=[school_class.pk])
                _, csv_median, _ = measure(client, csv_url, args.runs)
                builds = []
                for _ in range(args.runs):
                    start = time.perf_counter()
                    class_report(school_class)
                    builds.append(time.perf_counter() - start)
                print(
                    f"{pupil_count:>7} {module_count:>8} {queries:>8} {median * 1000:>8.0f}"
                    f" {cpu * 1000:>9.0f} {csv_median * 1000:>7.0f}"
                    f" {statistics.median(builds) * 1000:>10.0f}"
                )


if __name__ == "__main__":
    main()
