"""Production: everything in base.py plus HTTPS-only cookies and security headers."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

# Django's own deploy check (security.W009) only warns; production refuses to start.
MIN_SECRET_KEY_LENGTH = 50
if (
    len(SECRET_KEY) < MIN_SECRET_KEY_LENGTH  # noqa: F405
    or len(set(SECRET_KEY)) < 5  # noqa: F405
    or SECRET_KEY.startswith("django-insecure-")  # noqa: F405
):
    raise ImproperlyConfigured(
        f"Set the SECRET_KEY environment variable to a random value of at least "
        f"{MIN_SECRET_KEY_LENGTH} characters, for example the output of: python -c "
        f"'import secrets; print(secrets.token_urlsafe(50))'"
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# Outgoing email (password reset links) through the deployer's SMTP server.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "true").lower() == "true"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "COP Learn <noreply@localhost>")

# Load balancers ask /health/ over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^health/"]

# Structured logs on standard output (the process manager collects them); no personal
# data: see config/log_format.py.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "config.log_format.JsonFormatter"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        # A wrong Host header is noise from scanners, not an error of ours.
        "django.security.DisallowedHost": {"handlers": [], "propagate": False},
    },
}
