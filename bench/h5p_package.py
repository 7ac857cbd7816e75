"""Benchmark: validating and installing a 20 MB H5P package, and the player's bytes.

Prints the median time to validate the package (nothing written) and to validate and
install it (libraries, content and the .h5p written to storage, rows saved), and the
bytes of the player page and the static files it loads, raw and gzip-compressed.

    .venv/bin/python bench/h5p_package.py [--runs 5] [--megabytes 20]

It builds its own throwaway SQLite database and media folder; the package is the test
content type with incompressible media (as photos and video are) added to its content.
"""

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAYER_STATIC = [
    "h5p/sandbox-storage.js",
    "h5p-standalone/main.bundle.js",
    "h5p/player.js",
    "h5p/player.css",
    "h5p-standalone/frame.bundle.js",
    "h5p-standalone/styles/h5p.css",
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--megabytes", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        os.environ["DATABASE_URL"] = f"sqlite:///{directory}/bench.sqlite3"
        os.environ["MEDIA_ROOT"] = f"{directory}/media"
        os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--no-input", "-v0"],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        measure(args.runs, args.megabytes)


def measure(runs, megabytes):
    from django.contrib.staticfiles import finders
    from django.test import Client

    from h5p.factories import PackageBuilder, install_activity
    from h5p.validation import validate_package

    builder = PackageBuilder()
    for number in range(megabytes):
        builder.put(f"content/videos/part-{number}.mp4", os.urandom(1024 * 1024))
    size = len(builder.build())
    validate, install = [], []
    for run in range(runs):
        upload = builder.upload()
        started = time.perf_counter()
        validate_package(upload)
        validate.append(time.perf_counter() - started)
        started = time.perf_counter()
        activity = install_activity(title=f"Bench {run}", builder=builder)
        install.append(time.perf_counter() - started)
    print(f"package: {size / 1024 / 1024:.1f} MB, {len(builder.files)} files, {runs} runs")
    print(f"validate only:       median {statistics.median(validate) * 1000:.0f} ms")
    print(f"validate + install:  median {statistics.median(install) * 1000:.0f} ms")

    page = Client(SERVER_NAME="localhost").get(f"/h5p/play/{activity.pk}/").content
    rows = [("player page", page)]
    rows += [(name, Path(finders.find(name)).read_bytes()) for name in PLAYER_STATIC]
    print(f"{'file':34} {'raw KB':>8} {'gzip KB':>8}")
    total_raw = total_gzip = 0
    for name, data in rows:
        compressed = len(gzip.compress(data))
        total_raw, total_gzip = total_raw + len(data), total_gzip + compressed
        print(f"{name:34} {len(data) / 1024:8.1f} {compressed / 1024:8.1f}")
    print(f"{'player total (without content)':34} {total_raw / 1024:8.1f} {total_gzip / 1024:8.1f}")


if __name__ == "__main__":
    main()
