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
]
for _optional in ("atelier", "curation"):  # built later in this project (issue 6)
    if (BASE_DIR / _optional / "__init__.py").exists():
        INSTALLED_APPS.append(f"storefront.{_optional}")

MIDDLEWARE = [
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
SESSION_COOKIE_SECURE = env_bool("STOREFRONT_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"storefront": {"handlers": ["console"], "level": os.environ.get("STOREFRONT_LOG_LEVEL", "WARNING")}},
}
