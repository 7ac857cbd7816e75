"""Local development: debug on, a throwaway secret key, demo accounts with known passwords."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# A template edited here shows at once: no anonymous page is served from the cache
# (unless ANONYMOUS_PAGE_CACHE_SECONDS says otherwise, to try it out).
ANONYMOUS_PAGE_CACHE_SECONDS = int(os.environ.get("ANONYMOUS_PAGE_CACHE_SECONDS", "0"))

# Demo accounts created by `manage.py load_demo_content`. Only dev settings define
# passwords; elsewhere the loader creates no accounts.
DEMO_ACCOUNTS = [
    {"username": "admin", "password": "cop-admin-demo", "role": "administrator"},  # noqa: S105
    {"username": "editor", "password": "cop-editor-demo", "role": "editor"},  # noqa: S105
    # Learners (no admin access). The child is 13 in GB, where the age of digital
    # consent is 13; the parent signs in with the email address.
    {
        "username": "child",
        "password": "cop-child-demo",  # noqa: S105
        "role": "child",
        "age_band": "13",
        "country": "GB",
    },
    {
        "username": "parent",
        "password": "cop-parent-demo",  # noqa: S105
        "role": "parent",
        "email": "parent@example.org",
        "display_name": "Demo Parent",
    },
    {
        "username": "teacher",
        "password": "cop-teacher-demo",  # noqa: S105
        "role": "educator",
        "email": "teacher@example.org",
        "display_name": "Demo Teacher",
    },
    {"username": "translator-fr", "password": "cop-translator-demo", "role": "translator-fr"},  # noqa: S105
    {"username": "reviewer-fr", "password": "cop-reviewer-demo", "role": "reviewer-fr"},  # noqa: S105
]
# Static files come from the app folders (no collectstatic needed here).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
