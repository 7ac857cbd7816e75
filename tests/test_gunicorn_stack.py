"""The production stack as a server would run it: gunicorn, production settings, health.

gunicorn starts in a fresh process with config/gunicorn.conf.py; the test asks it what a
load balancer and a browser would, and reads its log.
"""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from django.conf import settings

PASSED_THROUGH = ("PATH", "HOME", "LANG", "SYSTEMROOT")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get(port, path):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Host": "learn.example.org"}
    )
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_gunicorn_serves_health_over_http_and_sends_pages_to_https_with_json_logs(tmp_path):
    port = free_port()
    env = {name: os.environ[name] for name in PASSED_THROUGH if name in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        ALLOWED_HOSTS="learn.example.org",
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=f"sqlite:///{tmp_path / 'stack.sqlite3'}",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="1",
    )
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(  # noqa: S603 (our own interpreter and config)
        [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, _headers, body = get(port, "/health/live")
                break
            except OSError:
                assert server.poll() is None, (tmp_path / "gunicorn.log").read_text()
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.3)
        assert (status, json.loads(body)) == (200, {"status": "ok"})
        status, _headers, body = get(port, "/health/ready?next=/secret")
        assert status == 200, body
        assert json.loads(body)["checks"] == {"database": "ok", "cache": "ok", "storage": "ok"}
        status, headers, _body = get(port, "/en/")
        assert status == 301
        assert headers["Location"].startswith("https://learn.example.org/en/")
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    access = [
        json.loads(line)
        for line in (tmp_path / "gunicorn.log").read_text().splitlines()
        if line.startswith('{"method"')
    ]
    assert any(
        (entry["method"], entry["path"], entry["status"]) == ("GET", "/health/ready", 200)
        for entry in access
    ), access
    text = (tmp_path / "gunicorn.log").read_text()
    assert "127.0.0.1 -" not in text  # no client address in the access log
    assert "next=/secret" not in text  # no query string either
