"""Benchmark: an anonymous lesson from the shared cache against the same bytes as a static file.

Both are served side by side, in one run, by the same stack: gunicorn with two workers
(config/gunicorn.conf.py, without worker recycling), production settings, Redis as the
shared cache (each worker also keeps its own one-second copies), on loopback.
The static file is the lesson page's own HTML, written into the static files (and its
compressed copy beside it) so whitenoise serves it through the same middleware. For
scale, two more rows: a second server whose workers keep no copies of their own (every
hit asks Redis), and the page rendered for every request (a query string keeps it out
of the cache). Clients ask for gzip, as browsers do.

    .venv/bin/python bench/cached_pages.py [--seconds 8] [--rounds 3] [--clients 4]

It builds its own throwaway SQLite database with one module of the starter curriculum,
and starts its own Redis (redis-server, if installed; otherwise each worker keeps its
own local-memory cache) on ports 8150-8159. Goal: cached / static >= 0.8.
"""

import argparse
import gzip
import multiprocessing
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULE = "my-private-information"
LESSON = "/ar/children/staying-safe-online/my-private-information/what-is-private-information/"
STATIC_COPY = "/static/bench/lesson.html"
# The second server keeps no copies of its own: every hit is a round trip to Redis.
APP_PORT, REDIS_ONLY_PORT, REDIS_PORT = 8150, 8151, 8159
HOST = "127.0.0.1"


def settings_module(directory):
    """Production settings with the static files in the throwaway directory."""
    (directory / "bench_settings.py").write_text(
        "from config.settings.production import *  # noqa: F403\n"
        f"STATIC_ROOT = {str(directory / 'static')!r}\n"
    )
    return "bench_settings"


def environment(directory, redis):
    env = {
        **os.environ,
        "PYTHONPATH": f"{directory}{os.pathsep}{ROOT}",
        "DJANGO_SETTINGS_MODULE": settings_module(directory),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{directory}/bench.sqlite3",
        "GUNICORN_BIND": f"{HOST}:{APP_PORT}",
        "GUNICORN_WORKERS": "2",
        "LOG_LEVEL": "WARNING",
    }
    if redis:
        env["REDIS_URL"] = f"redis://{HOST}:{REDIS_PORT}/0"
    return env


def manage(env, *command):
    subprocess.run(
        [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True
    )


def wait_for_port(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection((HOST, port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing answers on port {port}")


def start_gunicorn(env, port=APP_PORT, **settings):
    env = {**env, "GUNICORN_BIND": f"{HOST}:{port}", **settings}
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", "config/gunicorn.conf.py"]
        # Workers are not recycled during the run: a restart (seconds on a busy machine)
        # would otherwise fall on whichever row happens to be running.
        + ["--max-requests", "0", "config.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for_port(port)
    return server


def stop(process):
    process.terminate()
    process.wait(timeout=30)


def fetch(path, port=APP_PORT):
    request = urllib.request.Request(
        f"http://{HOST}:{port}{path}", headers={"Accept-Encoding": "gzip"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
        return response.headers, response.read()


def request_bytes(path):
    return (
        f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n"
    ).encode()


def client(port, path, seconds, results):
    """One client: requests one after another for `seconds`; counts answers and errors."""
    message = request_bytes(path)
    done = errors = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=10) as sock:
                sock.sendall(message)
                first = sock.recv(65536)
                while sock.recv(65536):
                    pass
            if first.startswith(b"HTTP/1.1 200"):
                done += 1
            else:
                errors += 1
        except OSError:
            errors += 1
    results.put((done, errors))


def throughput(port, path, seconds, clients):
    results = multiprocessing.Queue()
    workers = [
        multiprocessing.Process(target=client, args=(port, path, seconds, results))
        for _ in range(clients)
    ]
    for worker in workers:
        worker.start()
    counts = [results.get() for _ in workers]
    for worker in workers:
        worker.join()
    done = sum(count[0] for count in counts)
    errors = sum(count[1] for count in counts)
    return done / seconds, errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()

    redis_server = shutil.which("redis-server")
    with tempfile.TemporaryDirectory() as name:
        directory = Path(name)
        redis = None
        if redis_server:
            redis = subprocess.Popen(
                [redis_server, "--port", str(REDIS_PORT), "--bind", HOST, "--save", ""]
                + ["--appendonly", "no"],
                stdout=subprocess.DEVNULL,
            )
            wait_for_port(REDIS_PORT)
        env = environment(directory, redis is not None)
        try:
            print("Preparing a database with one module and the static files...", flush=True)
            manage(env, "migrate", "--no-input", "-v0")
            manage(env, "load_curriculum", "--module", MODULE)
            manage(env, "collectstatic", "--no-input", "-v0")

            # The lesson as the cache serves it, compressed; then the same bytes as a file.
            server = start_gunicorn(env)
            try:
                fetch(LESSON)
                headers, body = fetch(LESSON)
            finally:
                stop(server)
            assert headers["Content-Encoding"] == "gzip", "the page was not compressed"
            assert "Set-Cookie" not in headers, "an anonymous page set a cookie"
            assert "public" in headers["Cache-Control"], headers["Cache-Control"]
            copy = directory / "static" / STATIC_COPY.removeprefix("/static/")
            copy.parent.mkdir(parents=True)
            copy.write_bytes(gzip.decompress(body))
            copy.with_name(copy.name + ".gz").write_bytes(body)

            server = start_gunicorn(env)
            redis_only = start_gunicorn(env, REDIS_ONLY_PORT, ANONYMOUS_PAGE_LOCAL_SECONDS="0")
            try:
                _headers, static_body = fetch(STATIC_COPY)
                assert static_body == body, "the static copy is not the same bytes"
                fetch(LESSON)
                fetch(LESSON, REDIS_ONLY_PORT)
                targets = {
                    "static": (APP_PORT, STATIC_COPY),
                    "cached": (APP_PORT, LESSON),
                    "redis": (REDIS_ONLY_PORT, LESSON),
                    "rendered": (APP_PORT, LESSON + "?bench"),
                }
                rows = {kind: [] for kind in targets}
                errors = 0
                for _ in range(args.rounds):
                    for kind, (port, path) in targets.items():
                        rate, failed = throughput(port, path, args.seconds, args.clients)
                        rows[kind].append(rate)
                        errors += failed
            finally:
                stop(server)
                stop(redis_only)
        finally:
            if redis is not None:
                stop(redis)

    median = {kind: statistics.median(rates) for kind, rates in rows.items()}
    print(
        f"\nAnonymous Arabic lesson, {len(body):,} bytes gzip ({len(gzip.decompress(body)):,}"
        f" raw); gunicorn 2 workers, {'Redis' if redis_server else 'local-memory cache'};"
        f" {args.clients} clients, {args.rounds} rounds of {args.seconds:g} s each, medians:\n"
    )
    print("| served as | requests/s | rounds |")
    print("|---|---|---|")
    for kind, label in (
        ("static", "static file (whitenoise)"),
        ("cached", "page from the shared cache"),
        ("redis", "the same, every request asking Redis"),
        ("rendered", "page rendered per request"),
    ):
        rounds = ", ".join(f"{rate:.0f}" for rate in rows[kind])
        print(f"| {label} | {median[kind]:.0f} | {rounds} |")
    print(f"\ncached / static = {median['cached'] / median['static']:.2f} (goal >= 0.8)")
    print(f"errors: {errors}")


if __name__ == "__main__":
    main()
