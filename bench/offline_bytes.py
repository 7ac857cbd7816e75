"""Benchmark: the bytes to save each learning path for offline use, in each language.

Prints, per language and path: the pages and files saved, the bytes the device stores
(what "Save for offline" announces), the bytes on the wire (text compressed as the
server sends it), and an estimate of the time to save on slow 3G (400 ms latency,
50 KB/s; three requests at a time, as the browser's saving does). The first-visit
cost of keeping the offline page and help pages is printed too.

    .venv/bin/python bench/offline_bytes.py [--database /path/to/bench.sqlite3]

Without --database it builds its own throwaway SQLite database with the starter
curriculum (a few minutes); with one that already holds it, it reuses it.
"""

import argparse
import gzip
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]
LATENCY, THROUGHPUT, PARALLEL = 0.4, 50 * 1024, 3
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


def prepare_database(path, load):
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    if load:
        for command in (["migrate", "--no-input", "-v0"], ["load_curriculum"]):
            subprocess.run(
                [sys.executable, "manage.py", *command], cwd=ROOT, check=True, capture_output=True
            )


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def on_the_wire(client, urls):
    """Bytes transferred for `urls`, text gzip-compressed as the server compresses it."""
    total = 0
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        content = body(response)
        kind = response.get("Content-Type", "")
        total += len(gzip.compress(content)) if kind.startswith(TEXT_TYPES) else len(content)
    return total


def seconds_on_slow_3g(requests, wire_bytes):
    return math.ceil(requests / PARALLEL) * LATENCY + wire_bytes / THROUGHPUT


def measure():
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.conf import settings
    from django.test import Client

    from courses.models import LearningPathPage

    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    rows, first_visit = [], {}
    for language in LANGUAGES:
        essentials = client.get(f"/{language}/offline/essentials.json").json()["pages"]
        first_visit[language] = on_the_wire(client, essentials)
        paths = LearningPathPage.objects.live().filter(locale__language_code=language)
        for path in paths.order_by("path"):
            manifest = client.get(f"/{language}/offline/save/{path.pk}.json").json()
            urls = [item["url"] for item in manifest["files"]]
            wire = on_the_wire(client, urls)
            rows.append(
                (
                    language,
                    path.slug,
                    len(manifest["pages"]),
                    len(urls),
                    manifest["total_bytes"],
                    wire,
                    seconds_on_slow_3g(len(urls) + 1, wire),
                )
            )
    return rows, first_visit


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="a SQLite file holding the starter curriculum")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        if arguments.database:
            prepare_database(arguments.database, load=False)
        else:
            prepare_database(f"{directory}/bench.sqlite3", load=True)
        rows, first_visit = measure()
    header = f"{'lang':8}{'path':32}{'pages':>6}{'files':>6}"
    print(f"{header}{'stored KB':>11}{'wire KB':>9}{'3G s':>7}")
    for language, slug, pages, files, stored, wire, seconds in rows:
        print(
            f"{language:8}{slug[:31]:32}{pages:>6}{files:>6}"
            f"{stored / 1024:>11.1f}{wire / 1024:>9.1f}{seconds:>7.1f}"
        )
    print("\nFirst visit in a language (offline page and help pages kept), KB on the wire:")
    print("  " + ", ".join(f"{code} {size / 1024:.1f}" for code, size in first_visit.items()))


if __name__ == "__main__":
    main()
