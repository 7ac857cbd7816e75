"""Load test: gunicorn with the production settings on PostgreSQL and Redis, driven by
locust (bench/locustfile.py) on the loopback, for a bounded time; it stops by itself.

    make loadtest                        # 30 pupils, a teacher, 20 anonymous visitors, 90 s
    .venv/bin/python bench/loadtest.py --anonymous 20,60,120 --time 60   # find the knee

What it does, each step idempotent:
1. creates the PostgreSQL database LOADTEST_DB (default cop_loadtest) if missing,
   migrates it, loads the curriculum in six languages and collects the static files;
2. makes a teacher and a class of 30 pupils (accounts made anew each run, so every run
   starts with no progress) with a module assigned, and lists the anonymous pages;
3. starts gunicorn (config/gunicorn.conf.py, config.settings.loadtest) on 127.0.0.1,
   runs locust headless for each number of anonymous visitors, then stops gunicorn;
4. prints, per run, throughput and p50/p95/p99 per kind of request, and the errors.

Needs PostgreSQL (DATABASE_HOST, default 127.0.0.1, user postgres) and Redis (REDIS_URL,
default database 5 on 127.0.0.1), and locust in .venv-loadtest (`make loadtest` makes it).
"""

import argparse
import csv
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
LOCUST = ROOT / ".venv-loadtest" / "bin" / "locust"
CLASS_NAME = "Load test class"
PUPILS = 30


def environment(port):
    database = os.environ.get("LOADTEST_DB", "cop_loadtest")
    host = os.environ.get("DATABASE_HOST", "127.0.0.1")
    return {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@{host}:5432/{database}",
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/5"),
        "DJANGO_SETTINGS_MODULE": "config.settings.loadtest",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESS_LOG": os.environ.get("GUNICORN_ACCESS_LOG", "/dev/null"),
        "LOG_LEVEL": "WARNING",
    }


def run(command, env):
    subprocess.run(command, env=env, cwd=ROOT, check=True)


def set_up_database(env):
    database = env["DATABASE_URL"].rsplit("/", 1)[1]
    host = env["DATABASE_URL"].split("@")[1].split(":")[0]
    listed = subprocess.run(
        [shutil.which("psql") or "/usr/bin/psql", "-h", host, "-U", "postgres", "-lqtA"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    exists = database in {line.split("|")[0] for line in listed.splitlines()}
    if not exists:
        run(
            [
                shutil.which("createdb") or "/usr/bin/createdb",
                "-h",
                host,
                "-U",
                "postgres",
                database,
            ],
            env,
        )
    run([PYTHON, "manage.py", "migrate", "--no-input", "-v0"], env)
    run([PYTHON, "manage.py", "load_curriculum"], env)
    run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"], env)


def prepare(out):
    """Step 2, run inside Django: the accounts and the addresses, written to `out`."""
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.contrib.auth import get_user_model
    from django.urls import reverse
    from django.utils import translation

    from classrooms.models import Assignment, Class, ClassEducator
    from classrooms.pupils import create_pupils
    from courses.models import AudiencePage, LearningPathPage, LessonPage, ModulePage

    User = get_user_model()
    teacher, _ = User.objects.get_or_create(
        username="loadtest-teacher",
        defaults={"email": "loadtest-teacher@example.org", "kind": "adult", "role": "educator"},
    )
    teacher_password = secrets.token_urlsafe(12)
    teacher.set_password(teacher_password)
    teacher.save()
    for old in Class.objects.filter(name=CLASS_NAME, educator_links__educator=teacher):
        User.objects.filter(pk__in=old.pupil_links.values("pupil")).delete()
        old.delete()
    school_class = Class.objects.create(name=CLASS_NAME, language="en")
    ClassEducator.objects.create(school_class=school_class, educator=teacher)
    names = "\n".join(f"Pupil {number}" for number in range(PUPILS))
    pupils = create_pupils(school_class, teacher, names, "under_13")
    module = ModulePage.objects.live().filter(locale__language_code="en").order_by("path").first()
    Assignment.objects.create(
        school_class=school_class, kind="module", content_key=module.translation_key
    )
    pages = {}
    for model in (AudiencePage, LearningPathPage, ModulePage, LessonPage):
        for page in model.objects.live().public().select_related("locale"):
            pages.setdefault(page.locale.language_code, []).append(page.url)
    with translation.override("en"):
        data = {
            "login_url": reverse("accounts:login"),
            "assigned_url": reverse("classrooms:assigned"),
            "report_url": reverse("classrooms:report", args=[school_class.pk]),
            "modules": [module.url],
            "pupils": [(user.username, password) for user, password in pupils],
            "teacher": {"username": teacher.username, "password": teacher_password},
            "pages": pages,
        }
    Path(out).write_text(json.dumps(data), encoding="utf-8")


def wait_until_ready(port, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/live", timeout=2):  # noqa: S310
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer on port {port} within {timeout} s")


def summary(prefix, anonymous, seconds):
    """Print one run's figures from locust's CSV: per kind and in total."""
    with open(f"{prefix}_stats.csv", encoding="utf-8") as stats:
        rows = list(csv.DictReader(stats))
    print(f"\n{anonymous} anonymous visitors + {PUPILS} pupils + 1 teacher, {seconds} s")
    print(
        f"{'request':<34} {'count':>6} {'errors':>6} {'req/s':>6} {'p50':>6} {'p95':>6} {'p99':>6}"
    )
    for row in rows:
        name = row["Name"] if row["Name"] != "Aggregated" else "all requests"
        print(
            f"{name[:34]:<34} {row['Request Count']:>6} {row['Failure Count']:>6}"
            f" {float(row['Requests/s']):>6.1f} {row['50%']:>6} {row['95%']:>6} {row['99%']:>6}"
        )
    with open(f"{prefix}_failures.csv", encoding="utf-8") as failures:
        for row in csv.DictReader(failures):
            print(f"  error: {row['Occurrences']} x {row['Method']} {row['Name']}: {row['Error']}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--anonymous", default="20", help="anonymous visitors, or a list: 20,60")
    parser.add_argument("--time", type=int, default=90, help="seconds per run")
    parser.add_argument("--port", type=int, default=int(os.environ.get("LOADTEST_PORT", "8160")))
    parser.add_argument("--workers", type=int, default=5, help="gunicorn workers")
    parser.add_argument("--spawn-rate", type=float, default=1.0, help="users started per second")
    parser.add_argument("--skip-setup", action="store_true", help="database already set up")
    parser.add_argument("--prepare", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        return prepare(args.prepare)
    if not LOCUST.exists():
        raise SystemExit("locust is missing: run `make loadtest` (it installs .venv-loadtest)")
    env = environment(args.port)
    if not args.skip_setup:
        set_up_database(env)
    with tempfile.TemporaryDirectory() as directory:
        data = Path(directory) / "data.json"
        run([PYTHON, __file__, "--prepare", str(data)], env)
        server = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi"],
            env={**env, "GUNICORN_WORKERS": str(args.workers)},
            cwd=ROOT,
            start_new_session=True,
        )
        try:
            wait_until_ready(args.port)
            for anonymous in (int(n) for n in args.anonymous.split(",")):
                prefix = str(Path(directory) / f"run{anonymous}")
                users = PUPILS + 1 + anonymous
                subprocess.run(
                    [
                        LOCUST,
                        "-f",
                        ROOT / "bench" / "locustfile.py",
                        "--headless",
                        "--only-summary",
                        "--host",
                        f"http://127.0.0.1:{args.port}",
                        "--users",
                        str(users),
                        "--spawn-rate",
                        str(args.spawn_rate),
                        "--run-time",
                        f"{args.time}s",
                        "--stop-timeout",
                        "10",
                        "--csv",
                        prefix,
                        "--loglevel",
                        "WARNING",
                    ],
                    env={**os.environ, "LOADTEST_DATA": str(data)},
                    cwd=ROOT,
                    check=False,
                    stdout=subprocess.DEVNULL,
                )
                summary(prefix, anonymous, args.time)
                if anonymous != int(args.anonymous.split(",")[-1]):
                    run([PYTHON, __file__, "--prepare", str(data)], env)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
