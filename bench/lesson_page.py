"""Benchmark: a lesson page in each of the six languages.

Prints, per language: database queries, median server time, the page's HTML+CSS+JS size
compressed (budget 60 KB), and the first contentful paint in Chromium under emulated
slow 3G (400 ms latency, 50 KB/s, cache off; budget 2.5 s).

    .venv/bin/python bench/lesson_page.py [--runs 30] [--no-browser]

It builds its own throwaway SQLite database with the starter curriculum.
"""

import argparse
import gzip
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]
LESSON = "children/staying-safe-online/my-private-information/what-is-private-information/"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def prepare_database(directory):
    os.environ["DATABASE_URL"] = f"sqlite:///{directory}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    for command in (["migrate", "--no-input", "-v0"], ["load_curriculum"]):
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, check=True, capture_output=True
        )


def measure_server(runs):
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = ["*"]
    # Every page loads the stylesheet, the Quick exit script and the language menu script.
    assets = [
        (ROOT / "cms/static/cms/css/site.css").read_bytes(),
        (ROOT / "cms/static/cms/js/quick-exit.js").read_bytes(),
        (ROOT / "cms/static/cms/js/language-menu.js").read_bytes(),
    ]
    client = Client()
    rows = []
    for language in LANGUAGES:
        url = f"/{language}/{LESSON}"
        client.get(url)  # warm caches
        timings = []
        for _ in range(runs):
            start = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        size = len(gzip.compress(response.content)) + sum(len(gzip.compress(a)) for a in assets)
        rows.append((language, len(queries), statistics.median(timings), size / 1024))
    return rows


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def measure_first_paint():
    from playwright.sync_api import sync_playwright

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        results = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--no-first-run",
                ],
            )
            for language in LANGUAGES:
                context = browser.new_context()
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
                cdp.send(
                    "Network.emulateNetworkConditions",
                    {
                        "offline": False,
                        "latency": 400,
                        "downloadThroughput": 50 * 1024,
                        "uploadThroughput": 50 * 1024,
                    },
                )
                page.goto(f"http://127.0.0.1:{port}/{language}/{LESSON}", wait_until="load")
                fcp = page.evaluate(
                    """() => new Promise(resolve => new PerformanceObserver(list => {
                        const entry = list.getEntriesByName('first-contentful-paint')[0];
                        if (entry) resolve(entry.startTime);
                    }).observe({type: 'paint', buffered: true}))"""
                )
                transferred = page.evaluate(
                    "performance.getEntriesByType('navigation')[0].transferSize + "
                    "performance.getEntriesByType('resource')"
                    ".reduce((total, entry) => total + entry.transferSize, 0)"
                )
                results[language] = (fcp, transferred)
                context.close()
            browser.close()
        return results
    finally:
        server.terminate()
        server.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--no-browser", action="store_true")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        prepare_database(directory)
        rows = measure_server(options.runs)
        paints = {} if options.no_browser else measure_first_paint()
    print(f"Lesson page, {options.runs} runs per language")
    print(
        f"{'language':<9} {'queries':>7} {'median ms':>9} {'HTML+CSS+JS gz KB':>17} "
        f"{'FCP slow 3G ms':>14} {'transferred KB':>14}"
    )
    for language, queries, median, size in rows:
        fcp, transferred = paints.get(language, (None, None))
        fcp_text = f"{fcp:.0f}" if fcp else "-"
        transferred_text = f"{transferred / 1024:.1f}" if transferred else "-"
        print(
            f"{language:<9} {queries:>7} {median:>9.1f} {size:>17.1f} "
            f"{fcp_text:>14} {transferred_text:>14}"
        )


if __name__ == "__main__":
    main()
