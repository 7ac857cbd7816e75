"""The production settings as the load test runs them: plain HTTP on the loopback.

Everything of production.py stays (PostgreSQL, Redis, hashed static files, Argon2,
logging) except what needs HTTPS, which a load test on 127.0.0.1 does not have: cookies
marked Secure would never come back, and every request would be redirected.
"""

from .production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
