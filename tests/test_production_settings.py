"""Production settings refuse a weak secret key and pass Django's deployment checks.

Each case runs manage.py in a fresh process, as a server would start, so that the
production settings module is imported on its own and nothing of the test settings
leaks in.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

# Only the variables a deployment sets, so the developer's environment changes nothing.
PASSED_THROUGH = ("PATH", "HOME", "LANG", "SYSTEMROOT")


def manage(tmp_path, *args, **environment):
    env = {name: os.environ[name] for name in PASSED_THROUGH if name in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        ALLOWED_HOSTS="learn.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        **environment,
    )
    return subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, str(Path(settings.BASE_DIR, "manage.py")), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def test_deploy_checks_pass_with_production_settings_and_a_proper_environment(tmp_path):
    result = manage(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(50),
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    "key",
    ["", "too-short-a-secret-key-for-production", "a" * 64, "django-insecure-" + "x1y2z3" * 9],
)
def test_production_refuses_to_start_with_a_weak_secret_key(tmp_path, key):
    result = manage(tmp_path, "check", SECRET_KEY=key)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "at least 50 characters" in result.stderr


def test_production_sends_email_through_the_smtp_server_the_environment_names(tmp_path):
    result = manage(
        tmp_path,
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.EMAIL_BACKEND, s.EMAIL_HOST, "
        "s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, "
        "s.DEFAULT_FROM_EMAIL, sep='|')",
        SECRET_KEY=secrets.token_urlsafe(50),
        EMAIL_HOST="smtp.example.org",
        EMAIL_PORT="2525",
        EMAIL_HOST_USER="learn",
        EMAIL_HOST_PASSWORD="mail-secret",  # noqa: S106
        EMAIL_USE_TLS="false",
        DEFAULT_FROM_EMAIL="COP Learn <learn@example.org>",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "django.core.mail.backends.smtp.EmailBackend|smtp.example.org|2525|learn|mail-secret"
        "|False|COP Learn <learn@example.org>"
    )
