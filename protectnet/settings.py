"""ProtectNet settings: one module, every knob from an environment variable.

Development defaults are safe to run on a laptop (SQLite under var/, mail to the console);
production (DEBUG=0) refuses to start with the development secret key.
"""

import hashlib
import os
from pathlib import Path

import django.conf.locale
import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("PROTECTNET_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()

# Keys generated once for this machine (`manage.py init_local_secrets`, run by `make run` and
# `make dev`): they fill in only what the environment leaves unset, so a deployment's own
# variables always win. A test run never reads them (pytest sets PYTEST_VERSION, and the servers
# a test starts inherit it): the suite behaves the same on a laptop as on CI.
LOCAL_ENV_FILE = VAR_DIR / "local.env"
if LOCAL_ENV_FILE.is_file() and "PYTEST_VERSION" not in os.environ:
    environ.Env.read_env(LOCAL_ENV_FILE, overwrite=False)

DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default=DEV_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEV_SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY: production refuses the development secret key.")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    # Before the admin: it patches the models whose texts come in several languages.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_countries",
    "django_otp",
    "django_otp.plugins.otp_static",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django_rq",  # the RQ task backend's queues (TASKS_BACKEND=rq)
    "protectnet.core",
    "protectnet.accounts",
    "protectnet.access",
    "protectnet.network",
    "protectnet.terminology",
    "protectnet.workshops",
    "protectnet.training",
    "protectnet.library",
    "protectnet.alerts",
    "protectnet.reports",
    "protectnet.demo",
    "protectnet.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "protectnet.core.middleware.InputGuardMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After LocaleMiddleware and authentication: a signed-in person's pages in their language.
    "protectnet.accounts.middleware.AccountLanguageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "protectnet.accounts.middleware.SecondFactorRequiredMiddleware",
    "protectnet.access.middleware.RouteGuardMiddleware",
]

ROOT_URLCONF = "protectnet.urls"
WSGI_APPLICATION = "protectnet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "protectnet" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "protectnet.core.context_processors.navigation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'protectnet.sqlite3'}")
}
_db = DATABASES["default"]
if _db["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions take the write lock at BEGIN, so "check seats then insert" cannot
    # interleave with another writer; WAL lets readers carry on meanwhile.
    _db["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
            " PRAGMA foreign_keys=ON;"
        ),
    }
    # A file (not :memory:) so that concurrency tests can open several connections.
    _db["TEST"] = {
        "NAME": env.str("TEST_SQLITE_NAME", default=str(VAR_DIR / f"test-{os.getpid()}.sqlite3"))
    }
else:
    _db.setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    _db["CONN_HEALTH_CHECKS"] = True
DATABASE_IS_POSTGRES = _db["ENGINE"].startswith("django.db.backends.postgresql")
# PostgreSQL's library search uses the RUM index when migrations could create it (the optional
# rum extension), GIN otherwise. "gin" ranks as on GIN even where RUM exists (tests, diagnosis).
SEARCH_POSTGRES_INDEX = env.str("SEARCH_POSTGRES_INDEX", default="auto")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://protectnet")}

# --- Background tasks -------------------------------------------------------------------------
# Django's task framework (the django-tasks backport). The database backend needs nothing beyond
# the database: tasks are rows written in the same transaction as the change that asks for them,
# so a rolled-back change leaves no task behind. `manage.py run_worker` runs them (`make run`
# starts one). TASKS_BACKEND=immediate runs each task inside the request (tests, debugging).
# TASKS_BACKEND=rq keeps the queue in Redis (TASKS_REDIS_URL) for many workers on many machines;
# `manage.py run_worker` then runs RQ's worker and the same schedule and recovery.
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "rq": "django_tasks_rq.RQBackend",
}
TASKS = {
    "default": {"BACKEND": TASK_BACKENDS[env.str("TASKS_BACKEND", default="database")]},
}
# A task RQ gives a worker runs at most this long; a worker that dies is noticed once this much
# time (and RQ's own minute) has passed since its last heartbeat, and its task runs again.
RQ_QUEUES = {
    "default": {
        "URL": env.str("TASKS_REDIS_URL", default="redis://127.0.0.1:6379/2"),
        "DEFAULT_TIMEOUT": env.int("TASKS_RQ_TIMEOUT", default=15 * 60),
    }
}
# A task still marked running after this long lost its worker (killed, machine gone): the next
# worker puts it back in the queue. Every task is written to be safe to run again.
TASK_LEASE_SECONDS = env.int("TASK_LEASE_SECONDS", default=15 * 60)
# Emails are retried this many times (1, 5, 30, 120 minutes apart) before an admin sees them
# among the undelivered ones.
EMAIL_MAX_ATTEMPTS = env.int("EMAIL_MAX_ATTEMPTS", default=5)

# --- Accounts and sessions -------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["protectnet.accounts.backends.EmailBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "protectnet.core.views.csrf_failure"
LOGIN_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
LOGIN_LOCKOUT_MINUTES = env.int("LOGIN_LOCKOUT_MINUTES", default=15)
# Failures from one IP address (any accounts) within the lock-out window before it must wait.
LOGIN_IP_FAILURE_LIMIT = env.int("LOGIN_IP_FAILURE_LIMIT", default=20)
PASSWORD_RESET_IP_LIMIT = env.int("PASSWORD_RESET_IP_LIMIT", default=10)
API_AUTH_FAILURE_LIMIT = env.int("API_AUTH_FAILURE_LIMIT", default=30)
INVITATION_VALID_DAYS = env.int("INVITATION_VALID_DAYS", default=7)
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=3600)
OTP_TOTP_ISSUER = "ProtectNet"

# --- Security headers -----------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# LOCAL_HTTP=1 (`make run`): production mode served over plain http on this machine, where no
# TLS proxy stands in front. Secure cookies would never come back from http://127.0.0.1 and
# HSTS would pin the browser to an https that does not exist there.
LOCAL_HTTP = env.bool("LOCAL_HTTP", default=False)
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not LOCAL_HTTP)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if LOCAL_HTTP else 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = not LOCAL_HTTP
    CSRF_COOKIE_SECURE = not LOCAL_HTTP

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'", "blob:"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

# --- Email ----------------------------------------------------------------------------------
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="ProtectNet <no-reply@protectnet.test>")

# --- Files ----------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
# The project-wide files (base CSS, vendored htmx and Pico); each app adds its own static/.
STATICFILES_DIRS = [BASE_DIR / "protectnet" / "static"]
# Uploads: a folder under MEDIA_ROOT (one machine, or one folder all app servers mount), or an
# S3-compatible bucket (MEDIA_STORAGE=s3): private, downloads by addresses signed for
# MEDIA_URL_SECONDS after the access policy has said yes.
MEDIA_STORAGE = env.str("MEDIA_STORAGE", default="filesystem")
MEDIA_URL_SECONDS = env.int("MEDIA_URL_SECONDS", default=60)
if MEDIA_STORAGE not in ("filesystem", "s3"):
    raise ImproperlyConfigured("MEDIA_STORAGE must be 'filesystem' or 's3'.")
DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
if MEDIA_STORAGE == "s3":
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("S3_BUCKET"),
            "endpoint_url": env.str("S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("S3_REGION", default="") or None,
            "access_key": env.str("S3_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("S3_SECRET_ACCESS_KEY", default="") or None,
            "location": env.str("S3_PREFIX", default=""),
            "default_acl": None,  # the bucket's own policy: private
            "querystring_auth": True,
            "querystring_expire": MEDIA_URL_SECONDS,
            "file_overwrite": False,
            "signature_version": "s3v4",
            "addressing_style": env.str("S3_ADDRESSING_STYLE", default="path"),
        },
    }
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Uploaded files live outside any static path and are served only by permission-checked views.
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = "/media-not-served/"
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=25 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=10 * 1024 * 1024)
FILE_UPLOAD_PERMISSIONS = 0o600

# --- Secrets at rest --------------------------------------------------------------------------
# Comma-separated Fernet keys, newest first; `manage.py rotate_keys` re-encrypts with the first.
FIELD_ENCRYPTION_KEYS = env.list("FIELD_ENCRYPTION_KEYS", default=[])
CERTIFICATE_SIGNING_KEY = env.str("CERTIFICATE_SIGNING_KEY", default=SECRET_KEY)
# The audit chain is an HMAC under this key: without it, a copy of the database cannot re-chain
# the log. Development derives one from SECRET_KEY (a system check warns); production needs it.
AUDIT_HMAC_KEY_FROM_ENV = bool(env.str("AUDIT_HMAC_KEY", default=""))
if not DEBUG and not AUDIT_HMAC_KEY_FROM_ENV:
    raise ImproperlyConfigured(
        "Set AUDIT_HMAC_KEY: production refuses to seal the audit log without its own key."
    )
AUDIT_HMAC_KEY = (
    env.str("AUDIT_HMAC_KEY", default="")
    or hashlib.sha256(b"protectnet.audit:" + SECRET_KEY.encode()).hexdigest()
)
# Each seal appends its head (seq, hash, time) here, outside the database.
AUDIT_HEADS_FILE = env.str("AUDIT_HEADS_FILE", default=str(VAR_DIR / "audit-heads.log"))

# --- Backups --------------------------------------------------------------------------------
# Comma-separated, newest first: the first signs (or encrypts) new backups, every one is tried on
# restore, so older backups survive a key change. Production has no signing key by default:
# `backup` and `restore` refuse to run until BACKUP_SIGNING_KEY is set.
_DEV_BACKUP_SIGNING_KEY = hashlib.sha256(b"protectnet-backup-signing:" + SECRET_KEY.encode())
BACKUP_SIGNING_KEYS = env.list(
    "BACKUP_SIGNING_KEY", default=[_DEV_BACKUP_SIGNING_KEY.hexdigest()] if DEBUG else []
)
# 32 random bytes, URL-safe base64 (the format of a Fernet key); empty: backups not encrypted.
BACKUP_ENCRYPTION_KEYS = env.list("BACKUP_ENCRYPTION_KEY", default=[])
BACKUP_CHUNK_BYTES = 1024 * 1024

# --- Retention ------------------------------------------------------------------------------
REGISTRATION_RETENTION_DAYS = env.int("REGISTRATION_RETENTION_DAYS", default=90)
ALERT_RETENTION_DAYS = env.int("ALERT_RETENTION_DAYS", default=365)

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "en"
# Each language named in its own script, so that a reader finds theirs whatever the page's language.
LANGUAGES = [
    ("en", "English"),
    ("km", "ខ្មែរ"),
    ("vi", "Tiếng Việt"),
    ("th", "ไทย"),
    ("lo", "ລາວ"),
    ("my", "မြန်မာ"),
    ("fil", "Filipino"),
    ("hi", "हिन्दी"),
    ("zh-hant", "繁體中文（香港）"),
]
# Django knows no Lao or Filipino, and calls Khmer "Khmer" in its own script: the documented way
# is to extend django.conf.locale.LANG_INFO (read by get_language_info and the language tags).
EXTRA_LANG_INFO = {
    "lo": {"bidi": False, "code": "lo", "name": "Lao", "name_local": "ລາວ"},
    "fil": {"bidi": False, "code": "fil", "name": "Filipino", "name_local": "Filipino"},
    "km": {"bidi": False, "code": "km", "name": "Khmer", "name_local": "ខ្មែរ"},
    "zh-hant": {
        "bidi": False,
        "code": "zh-hant",
        "name": "Traditional Chinese (Hong Kong)",
        "name_local": "繁體中文（香港）",
    },
}
django.conf.locale.LANG_INFO.update(EXTRA_LANG_INFO)
# Languages whose catalogues a native speaker has reviewed. The others stay selectable and are
# labelled "preview" in the language switcher (pretix calls them "incubating").
REVIEWED_LANGUAGES = env.list("REVIEWED_LANGUAGES", default=["en"])
# Country names django-countries lacks, generated from CLDR (`manage.py country_names`): after
# the project's own catalogues, so that a name the project translates itself wins.
LOCALE_PATHS = [BASE_DIR / "protectnet" / "locale", BASE_DIR / "protectnet" / "locale_countries"]
# Texts written in several languages (each app's translation.py): one column per language of
# LANGUAGES; the English one is the original, shown wherever the reader's language has none.
MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True
# One date format per language (docs/design.md): protectnet/core/formats/<locale>/formats.py.
FORMAT_MODULE_PATH = ["protectnet.core.formats"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
