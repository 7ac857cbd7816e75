"""Settings shared by every environment.

This file is production-safe on its own: DEBUG is off, the secret key and hosts come
from the environment, and every third-party service is optional. dev.py and test.py
add conveniences; production.py adds the security headers.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # django-modeltranslation adds per-language columns to reference data (the helpline
    # directory); it must come before the apps and admin whose forms it patches.
    "modeltranslation",
    # Our apps: accounts is used by the others; classrooms -> courses -> cms.
    "accounts",
    "cms",
    "courses",
    "classrooms",
    # Parents following a child's progress; some links come through a class.
    "parent_links",
    "curriculum",
    # Before wagtail_localize: it extends the translation editor's template.
    "localization",
    "helplines",
    "health",
    # Reads the apps above; nothing imports it.
    "indicators",
    # H5P interactive activities: packages, their libraries and the player.
    "h5p",
    # The installable web app: saving paths and modules for learning offline.
    "offline",
    # Certificates as signed Open Badges 3.0 credentials; nothing imports it.
    "badges",
    # Learner activity as xAPI statements to an administrator's LRS; nothing imports it.
    "xapi",
    # LTI 1.3 tool: platform registrations (django-lti's models) in the Wagtail admin and
    # the tool's key set; nothing imports it.
    "lti",
    "lti_tool",
    # Wagtail and wagtail-localize
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Login throttling; translated country names for the consent table and sign-up.
    "axes",
    "django_countries",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: serves anonymous pages from the shared cache before anything else runs,
    # and stores them finished (compressed, with their headers). See cms/page_cache.py.
    "cms.page_cache.AnonymousPageCacheMiddleware",
    # Compresses pages for learners on slow, costly mobile data (Django pads the
    # compressed output against BREACH).
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Refuses a malformed Content-Length (400) before anything reads the body.
    "cms.middleware.ContentLengthMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a lockout into the translated lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The site shell (base.html, 404, 500) is the project's, not an app's: it links
        # every app's pages, and no app may name the others' URLs.
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: SQLite when DATABASE_URL is unset (laptop demo), PostgreSQL in production.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, so several app servers share it; otherwise local memory.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Anonymous pages from the shared cache (cms/page_cache.py). Publishing forgets them at
# once in a shared cache; a cache in each process's own memory (no REDIS_URL) cannot hear
# another process publish, so there a stored page lives a minute at most. 0 turns it off.
ANONYMOUS_PAGE_CACHE_SECONDS = int(
    os.environ.get(
        "ANONYMOUS_PAGE_CACHE_SECONDS", str(24 * 60 * 60 if os.environ.get("REDIS_URL") else 60)
    )
)
# What the pages tell browsers (max-age) and CDNs or proxies (s-maxage), which publishing
# cannot reach: an unpublished page may stay in them this long.
# Each process keeps the pages it served last this long (0: never), skipping a round trip
# to the shared cache; another server's publishing reaches it that much later.
ANONYMOUS_PAGE_LOCAL_SECONDS = float(os.environ.get("ANONYMOUS_PAGE_LOCAL_SECONDS", "1"))
ANONYMOUS_PAGE_BROWSER_SECONDS = int(os.environ.get("ANONYMOUS_PAGE_BROWSER_SECONDS", "60"))
ANONYMOUS_PAGE_PROXY_SECONDS = int(os.environ.get("ANONYMOUS_PAGE_PROXY_SECONDS", "120"))

AUTH_USER_MODEL = "accounts.User"
# Argon2 is the hasher Django recommends; PBKDF2 stays to verify older hashes.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        # A child's nickname is as guessable as their username.
        "OPTIONS": {
            "user_attributes": ["username", "display_name", "first_name", "last_name", "email"]
        },
    },
    {"NAME": "accounts.password_validation.MinimumLengthValidator"},
    # Django's common passwords, plus words children pick with digits added (minecraft1).
    {"NAME": "accounts.password_validation.GuessablePasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Axes checks first whether this client is locked out; then learners sign in with a
# username or (adults) an email address. The Wagtail admin signs in through them too.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.UsernameOrEmailBackend",
]
# Learners sign in on the site; the Wagtail admin keeps its own login page.
LOGIN_URL = "accounts:login"
# Pages an editor restricts to signed-in visitors send them to the same sign-in page.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
# After signing in (or up) without a page to return to, learners land on My learning
# (which links to their class work) and educators on their classes, by URL name.
LOGIN_REDIRECT_URL = "courses:my_learning"
LOGIN_REDIRECT_URL_BY_ROLE = {"educator": "classrooms:list"}
LOGOUT_REDIRECT_URL = "/"

# Login throttling, two layers. django-axes counts failures per username *and*
# address: a whole class of pupils behind one school address must not be locked out
# by one pupil's typos, and one account cannot be guessed at from one address for
# long. Attempts live in the database, which every app server shares.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "accounts.throttling.submitted_username"
# Behind reverse proxies (load balancer, TLS terminator), how many: the client's address
# is then read from X-Forwarded-For. 0 means REMOTE_ADDR is the client.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_RESET_ON_SUCCESS = True
# Keep no log of every successful sign-in (IP address, browser): data minimisation.
AXES_DISABLE_ACCESS_LOG = True
# Then a budget per account from any address (accounts.throttling, in the database):
# after SIGN_IN_FREE_TRIES unsuccessful tries in a row, each further try waits 1, 2, 4,
# 8, then 15 minutes at most, so an attacker with many addresses gets about four tries
# an hour and cannot keep a child out for longer than that. The count is forgotten
# after a successful sign-in or a day without tries. AXES_ENABLED switches both off.
SIGN_IN_FREE_TRIES = 5
SIGN_IN_FIRST_DELAY = timedelta(minutes=1)
SIGN_IN_MAX_DELAY = timedelta(minutes=15)
SIGN_IN_FORGET_AFTER = timedelta(days=1)

# Forgotten passwords. Adults get a link by email that works once, for a day (people
# on costly data may read mail late). Per hour, one client address may ask for
# PASSWORD_RESET_REQUESTS_PER_CLIENT links (a school shares one address) and one
# mailbox receives at most PASSWORD_RESET_EMAILS_PER_RECIPIENT (no flooding an inbox).
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
PASSWORD_RESET_REQUESTS_PER_CLIENT = 20
PASSWORD_RESET_EMAILS_PER_RECIPIENT = 3
PASSWORD_RESET_LIMIT_WINDOW = timedelta(hours=1)

# Languages: the six ITU official languages; English is the source of all content.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ru", "Русский"),
    ("ar", "العربية"),
    ("zh-hans", "简体中文"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Static files: hashed and compressed by whitenoise, served by the app itself.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
# The H5P player (h5p-standalone, from npm: `make setup` installs it into node_modules).
STATICFILES_DIRS = [("h5p-standalone", BASE_DIR / "node_modules" / "h5p-standalone" / "dist")]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Wagtail
WAGTAIL_SITE_NAME = "COP Learn"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "mp4", "webm", "vtt", "txt", "odt", "docx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 200 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# wagtail-localize: machine translation is off unless a deployer configures a service
# (nothing may call out of the platform by default).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

# django-modeltranslation: English is the source; an empty translation falls back to it.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)

# Where the "Quick exit" button sends a visitor (a neutral site).
QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "https://www.wikipedia.org/")

# Open Badges (badges/keys.py, docs/badges.md). Badges are signed with this RSA private key
# (PEM) when it is set; otherwise a key is generated on first use and kept in the
# database. Ids in badges are absolute URLs on BADGES_BASE_URL: set it to the public
# address of the site, as badges keep it for good.
BADGES_SIGNING_KEY = os.environ.get("BADGES_SIGNING_KEY", "")
BADGES_BASE_URL = os.environ.get("BADGES_BASE_URL", WAGTAILADMIN_BASE_URL)
BADGES_ISSUER_NAME = os.environ.get("BADGES_ISSUER_NAME", WAGTAIL_SITE_NAME)

# Help-seeking counts: uses of helpline links counted per client address and day, at
# most (a school behind one address still counts; a script cannot inflate the figure).
HELP_COUNT_DAILY_LIMIT = int(os.environ.get("HELP_COUNT_DAILY_LIMIT", "30"))

# H5P packages: an upload is refused before anything is written when it passes any of
# these limits. The compression ratio (unpacked / packed size, per file) stops zip bombs;
# files smaller than H5P_RATIO_CHECK_MIN_SIZE are exempt (small JSON compresses well).
H5P_MAX_UPLOAD_SIZE = int(os.environ.get("H5P_MAX_UPLOAD_SIZE", 50 * 1024 * 1024))
H5P_MAX_UNPACKED_SIZE = int(os.environ.get("H5P_MAX_UNPACKED_SIZE", 200 * 1024 * 1024))
H5P_MAX_FILE_SIZE = int(os.environ.get("H5P_MAX_FILE_SIZE", 100 * 1024 * 1024))
H5P_MAX_FILES = int(os.environ.get("H5P_MAX_FILES", 2000))
H5P_MAX_COMPRESSION_RATIO = int(os.environ.get("H5P_MAX_COMPRESSION_RATIO", 100))
H5P_RATIO_CHECK_MIN_SIZE = int(os.environ.get("H5P_RATIO_CHECK_MIN_SIZE", 1024 * 1024))
# The origin of the lesson pages that frame the H5P player: the only one its results are
# posted to, and the only one (with its own) that may frame it. Empty: the origin the
# player itself is served from (one machine). Set it whenever H5P_PLAYER_ORIGIN is set.
H5P_LESSON_ORIGIN = os.environ.get("H5P_LESSON_ORIGIN", "")
# The origin the H5P player is served from, e.g. "https://h5p.learn.example.org" (a host
# name of its own pointing at the same app). Lessons frame the player at this origin.
# Empty: the lesson's own origin, where the iframe sandbox (no allow-same-origin) is
# what keeps the player away from the learner's session.
H5P_PLAYER_ORIGIN = os.environ.get("H5P_PLAYER_ORIGIN", "").rstrip("/")
# Origins learner pages may frame besides their own (their Content-Security-Policy).
LEARNER_FRAME_SOURCES = [H5P_PLAYER_ORIGIN] if H5P_PLAYER_ORIGIN else []

# Blocks that other apps add to a lesson's body, as (name, dotted path of the block
# class). courses builds LessonStreamBlock with them, so it names no other app in code;
# a fixed list here keeps the lesson's migrations the same on every machine.
LESSON_EXTRA_BLOCKS = [("interactive_activity", "h5p.blocks.InteractiveActivityBlock")]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# COP indicators: a published cell counts at least this many distinct learners.
INDICATORS_MIN_CELL = int(os.environ.get("INDICATORS_MIN_CELL", "10"))
