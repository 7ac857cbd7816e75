"""Test settings: fast hashing, local-memory cache, plain static storage, no outside calls."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# One process: anonymous pages are served from the cache as in production, without each
# process's one-second copies, which would outlive a test's database.
ANONYMOUS_PAGE_CACHE_SECONDS = 3600
ANONYMOUS_PAGE_LOCAL_SECONDS = 0
SESSION_ENGINE = "django.contrib.sessions.backends.db"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "media" / "test"  # noqa: F405
WAGTAILEMBEDS_FINDERS = []
# Static files come from the app folders (no collectstatic needed here).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
# Login throttling is off for the suite, so tests may call client.login() (which gives
# the backends no request); the accounts tests switch it back on and test it.
AXES_ENABLED = False
