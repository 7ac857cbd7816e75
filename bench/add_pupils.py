"""Benchmark: an educator creates 30 pupils and opens their login cards, with the
production password hasher (Argon2), and one pupil signs in.

Prints, for each run, the server time of the "Add pupils" POST and of the cards page
that follows, their sum (what the educator waits for), the process CPU time, and the
time of one Argon2 hash on this machine for comparison. Then the time of one pupil's
sign-in (a POST to the sign-in page, password check included).

    .venv/bin/python bench/add_pupils.py [--pupils 30] [--runs 3]

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

    from config.settings import base

    # The test settings' fast hasher would hide the cost this benchmark is about.
    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0, interactive=False)


def timed(function):
    start, start_cpu = time.perf_counter(), time.process_time()
    result = function()
    return result, time.perf_counter() - start, time.process_time() - start_cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pupils", type=int, default=30)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        setup_django(directory)
        from django.contrib.auth.hashers import make_password
        from django.test import Client
        from django.urls import reverse

        from classrooms.factories import EducatorFactory, class_taught_by
        from classrooms.views.pupils import CARDS_SESSION_KEY

        educator = EducatorFactory()
        client = Client()
        client.force_login(educator)
        _, one_hash, _ = timed(lambda: make_password("kmtp-4827"))
        print(f"one Argon2 hash: {one_hash * 1000:.0f} ms")
        print(f"{'pupils':>7} {'add ms':>8} {'cards ms':>9} {'total ms':>9} {'cpu ms':>7}")
        totals, password = [], None
        for run in range(args.runs):
            school_class = class_taught_by(educator, name=f"Class {run}")
            names = "\n".join(f"Pupil {run} {n}" for n in range(args.pupils))
            url = reverse("classrooms:add_pupils", args=[school_class.pk])
            data = {"names": names, "age_band": "under_13"}
            added, add_time, add_cpu = timed(lambda url=url, data=data: client.post(url, data))
            assert added.status_code == 302, added.status_code
            stored = client.session[CARDS_SESSION_KEY][str(school_class.pk)]
            user_id, password = next(iter(stored.items()))
            cards, cards_time, cards_cpu = timed(lambda added=added: client.get(added["Location"]))
            assert cards.status_code == 200 and password in cards.content.decode()
            totals.append(add_time + cards_time)
            print(
                f"{args.pupils:>7} {add_time * 1000:>8.0f} {cards_time * 1000:>9.0f}"
                f" {totals[-1] * 1000:>9.0f} {(add_cpu + cards_cpu) * 1000:>7.0f}"
            )
        print(f"median end to end: {statistics.median(totals) * 1000:.0f} ms")

        from django.contrib.auth import get_user_model

        pupil = get_user_model().objects.get(pk=user_id)
        login = reverse("accounts:login")
        sign_ins = []
        for _ in range(args.runs):
            learner = Client()
            data = {"username": pupil.username, "password": password}
            response, wall, _ = timed(lambda learner=learner, data=data: learner.post(login, data))
            assert response.status_code == 302, response.status_code
            sign_ins.append(wall)
        print(f"median sign-in: {statistics.median(sign_ins) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
