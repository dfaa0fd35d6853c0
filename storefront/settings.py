"""The storefront: a separate Django project that talks to the Maalem API over HTTP GraphQL only.

No database: sessions live in signed cookies, GraphQL responses in a short local-memory cache."""

from __future__ import annotations

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("STOREFRONT_DEBUG", env_bool("DJANGO_DEBUG", True))
SECRET_KEY = os.environ.get("STOREFRONT_SECRET_KEY") or os.environ.get("DJANGO_SECRET_KEY") or (
    "storefront-dev-only-insecure-key" if DEBUG else ""
)
if not SECRET_KEY:
    raise RuntimeError("STOREFRONT_SECRET_KEY must be set when debug is off")
ALLOWED_HOSTS = [h for h in os.environ.get("STOREFRONT_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",") if h]

API_URL = os.environ.get("API_URL", "http://127.0.0.1:8000/graphql/")
API_TIMEOUT = float(os.environ.get("API_TIMEOUT", "10"))
# Seconds an anonymous GraphQL response is reused (per document, market and language).
API_CACHE_SECONDS = int(os.environ.get("STOREFRONT_CACHE_SECONDS", "30"))
PUBLIC_URL = os.environ.get("STOREFRONT_PUBLIC_URL", "")  # absolute canonical base; request host when empty

INSTALLED_APPS = [
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "storefront.core",
    "storefront.shop",
    "storefront.atelier",
    "storefront.curation",
    "storefront.trade",
    "storefront.fairs",
]

MIDDLEWARE = [
    "storefront.core.health.HealthMiddleware",  # probes: before host checks and HTTPS redirects
    "storefront.core.security.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "storefront.core.middleware.MarketLanguageMiddleware",
]

ROOT_URLCONF = "storefront.urls"
WSGI_APPLICATION = "storefront.wsgi.application"
DATABASES: dict = {}
SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Served over HTTPS (the default without debug): secure cookies, HSTS and the redirect to https.
STOREFRONT_HTTPS = env_bool("STOREFRONT_HTTPS", env_bool("STOREFRONT_SECURE_COOKIES", not DEBUG))
SESSION_COOKIE_SECURE = STOREFRONT_HTTPS
CSRF_COOKIE_SECURE = STOREFRONT_HTTPS
CSRF_COOKIE_HTTPONLY = True
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("STOREFRONT_CSRF_TRUSTED_ORIGINS", "").split(",") if o]
if STOREFRONT_HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("STOREFRONT_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("STOREFRONT_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("STOREFRONT_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("STOREFRONT_HSTS_PRELOAD", True)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
MESSAGE_STORAGE = "django.contrib.messages.storage.cookie.CookieStorage"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csrf",
                "django.contrib.messages.context_processors.messages",
                "storefront.core.context.storefront",
            ],
        },
    }
]

# Redis when CACHE_URL or REDIS_URL is set (shared by the storefront's workers); the "catalog" alias reads
# the API's catalog version (same Redis, the API's key prefix) so a catalog change retires cached answers.
# Redis down = cache misses, not errors (the API's resilient backend, marketplace/core/cache.py).
CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL", "")
if CACHE_URL:
    CACHES = {
        "default": {"BACKEND": "marketplace.core.cache.ResilientRedisCache", "LOCATION": CACHE_URL,
                    "KEY_PREFIX": "storefront"},
        "catalog": {"BACKEND": "marketplace.core.cache.ResilientRedisCache", "LOCATION": CACHE_URL,
                    "KEY_PREFIX": "api"},
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "storefront",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("ar", "العربية"), ("en", "English")]
LANGUAGES_BIDI = ["ar"]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Africa/Casablanca"

STATIC_URL = "/static/"
STATIC_ROOT = os.environ.get("STOREFRONT_STATIC_ROOT") or None  # files are served from the finders
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = True  # serve app static files without collectstatic
WHITENOISE_MAX_AGE = 3600

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"


def _origin(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


# Content-Security-Policy (storefront/core/security.py). Product photos come from the API's media URLs
# (PUBLIC_API_URL, or the S3 bucket's domain): STOREFRONT_CSP_IMG_SRC lists those origins.
CSP_ENABLED = env_bool("STOREFRONT_CSP", True)
_IMG_SOURCES = [o for o in os.environ.get("STOREFRONT_CSP_IMG_SRC", "").split(",") if o] or [_origin(API_URL)]
CSP_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", *[o for o in _IMG_SOURCES if o]],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"storefront": {"handlers": ["console"], "level": os.environ.get("STOREFRONT_LOG_LEVEL", "WARNING")}},
}

# Errors to Sentry when SENTRY_DSN is set (the storefront has no Celery).
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    from marketplace.core.sentry import init_sentry

    init_sentry(SENTRY_DSN, environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
                traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")), celery=False)
