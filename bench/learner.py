"""Benchmark: a learner with progress across 50 modules.

Prints the query count and median server time of a lesson page, the My learning page
and a quiz submission, for a signed-in learner. The query counts must not grow with
the number of modules or lessons (tests pin them).

    .venv/bin/python bench/learner.py [--modules 50] [--runs 30]

It builds its own throwaway SQLite database (or uses DATABASE_URL when set).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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


def build(module_count):
    from django.contrib.auth import get_user_model

    from courses.factories import build_course_tree, quiz_answers
    from courses.models import LessonPage
    from courses.progress.records import DatabaseProgress
    from courses.progress.rules import mark_lesson_done

    tree = build_course_tree(lesson_count=3, quizzes=True, module_count=module_count)
    user = get_user_model().objects.create_user("bench-learner")
    progress = DatabaseProgress(user)
    for module in tree.modules[:-1]:
        for lesson in LessonPage.objects.child_of(module):
            mark_lesson_done(progress, lesson, "marked_done")
        progress.add_attempt(
            page_key=module.translation_key,
            module_key=module.translation_key,
            quiz_id="final",
            kind="final",
            answers={},
            score=3,
            max_score=3,
            pass_mark=70,
            passed=True,
        )
    last_module = tree.modules[-1]
    lesson = LessonPage.objects.child_of(last_module).first()
    return user, lesson, quiz_answers("check", {"q1": ["b"]})


def measure(client, method, url, runs, data=None):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    getattr(client, method)(url, data or {})  # warm caches
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = getattr(client, method)(url, data or {})
        timings.append((time.perf_counter() - start) * 1000)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries), statistics.median(timings)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", type=int, default=50)
    parser.add_argument("--runs", type=int, default=30)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        setup_django(directory)
        from django.test import Client

        user, lesson, wrong_answers = build(options.modules)
        client = Client()
        client.force_login(user)
        rows = [
            ("lesson page", measure(client, "get", lesson.url, options.runs)),
            ("My learning", measure(client, "get", "/en/my-learning/", options.runs)),
            (
                "quiz submission",
                measure(
                    client,
                    "post",
                    f"/en/learn/quizzes/{lesson.pk}/check/",
                    options.runs,
                    wrong_answers,
                ),
            ),
        ]
    print(
        f"Signed-in learner with progress in {options.modules - 1} of {options.modules} "
        f"modules (3 lessons each), {options.runs} runs"
    )
    print(f"{'page':<16} {'queries':>7} {'median ms':>9}")
    for name, (queries, median) in rows:
        print(f"{name:<16} {queries:>7} {median:>9.1f}")


if __name__ == "__main__":
    main()
