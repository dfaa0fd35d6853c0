"""Settings of the commerce API, read from the environment (README: Configuration)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("MAALEM_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)
if os.environ.get("DJANGO_SECRET_KEY"):
    SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
elif DEBUG:
    # A random key per installation (var/secret_key), never a constant from the code: tokens signed by
    # another installation's development key are worthless here.
    from marketplace.core.development_key import development_secret

    SECRET_KEY = development_secret(VAR_DIR / "secret_key")
else:
    SECRET_KEY = ""
if not SECRET_KEY:
    raise RuntimeError("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "graphene_django",
    "corsheaders",
    "marketplace.core",
    "marketplace.accounts",
    "marketplace.channels",
    "marketplace.artisans",
    "marketplace.catalog",
    "marketplace.media",
    "marketplace.inventory",
    "marketplace.curation",
    "marketplace.shipping",
    "marketplace.checkout",
    "marketplace.orders",
    "marketplace.payments",
    "marketplace.payouts",
    "marketplace.fairs",
    "marketplace.pages",
    "marketplace.trade",
]

MIDDLEWARE = [
    "marketplace.core.request_id.RequestIdMiddleware",
    "marketplace.core.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "marketplace.accounts.middleware.JWTAuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "marketplace.urls"
WSGI_APPLICATION = "marketplace.wsgi.application"
ASGI_APPLICATION = "marketplace.asgi.application"
AUTH_USER_MODEL = "accounts.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]


def _database_url() -> str:
    # Without DATABASE_URL: the embedded PostgreSQL's socket in var/postgres. Importing the settings never
    # starts a server; `make run` (core/launcher.py), manage.py and `make test` (embedded_db run-throwaway) do.
    return os.environ.get("DATABASE_URL") or f"postgresql://postgres@/maalem?host={(VAR_DIR / 'postgres').resolve()}"


# Persistent connections are checked before each request reuses them: after a database restart or failover
# the first request of every worker thread reconnects instead of failing (tests/production_proof).
DATABASES = {"default": dj_database_url.parse(_database_url(),
                                              conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
                                              conn_health_checks=True)}
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_DATABASE_NAME", "test_maalem")}

# CACHE_URL (else REDIS_URL) selects Redis: the response cache, the catalog version and the rate-limit
# counters are then shared by every API process. KEY_PREFIX "api": the storefront reads the catalog version.
CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        # Redis down = cache misses, not errors (marketplace/core/cache.py).
        {"BACKEND": "marketplace.core.cache.ResilientRedisCache", "LOCATION": CACHE_URL, "KEY_PREFIX": "api"}
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "maalem"}
    )
}

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("ar", "العربية"), ("en", "English")]
TIME_ZONE = "Africa/Casablanca"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Originals of artisans' photos keep GPS and home details: never under MEDIA_ROOT, never served.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
PUBLIC_API_URL = os.environ.get("PUBLIC_API_URL", "http://127.0.0.1:8000")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT)},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # S3 or an S3-compatible store (MinIO in docker-compose: S3_ENDPOINT_URL). Public derivatives are read
    # without signatures (the bucket allows anonymous reads); originals stay private and signed.
    _s3 = {
        "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
        "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
        "custom_domain": os.environ.get("S3_CUSTOM_DOMAIN") or None,
        "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
        "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
        "url_protocol": os.environ.get("S3_URL_PROTOCOL", "https:"),
        "querystring_auth": False,
    }
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": _s3}
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**_s3, "bucket_name": os.environ.get("AWS_PRIVATE_BUCKET_NAME") or _s3["bucket_name"],
                    "custom_domain": None, "location": "private", "default_acl": "private", "querystring_auth": True},
    }

# No field middleware: graphene-django's debug middleware would wrap every resolver.
GRAPHENE = {"SCHEMA": "marketplace.graphql.schema.schema", "MIDDLEWARE": []}
GRAPHQL_MAX_PAGE_SIZE = 100
GRAPHQL_QUERY_MAX_COST = int(os.environ.get("GRAPHQL_QUERY_MAX_COST", "50000"))
GRAPHQL_MAX_ALIASES = int(os.environ.get("GRAPHQL_MAX_ALIASES", "100"))
GRAPHQL_MAX_DEPTH = int(os.environ.get("GRAPHQL_MAX_DEPTH", "15"))
GRAPHQL_MAX_BODY_BYTES = int(os.environ.get("GRAPHQL_MAX_BODY_BYTES", str(1024 * 1024)))
# Root mutation fields in one request (aliases count): a login or sign-up cannot be multiplied in one POST.
GRAPHQL_MAX_MUTATIONS = int(os.environ.get("GRAPHQL_MAX_MUTATIONS", "4"))
# Checked before validation (marketplace/core/graphql/limits.py): the lexer stops at the token cap, and one
# response name may be selected at most GRAPHQL_MAX_REPEATED_FIELDS times in a selection set.
GRAPHQL_MAX_TOKENS = int(os.environ.get("GRAPHQL_MAX_TOKENS", "2000"))
GRAPHQL_MAX_REPEATED_FIELDS = 10
GRAPHQL_MAX_VARIABLES_DEPTH = 32  # nesting of the variables' JSON
# Saleor answers introspection queries; off, `__schema` and `__type` are validation errors.
GRAPHQL_INTROSPECTION = env_bool("GRAPHQL_INTROSPECTION", True)
GRAPHIQL_ENABLED = env_bool("GRAPHIQL_ENABLED", DEBUG)
CATALOG_CACHE_SECONDS = int(os.environ.get("CATALOG_CACHE_SECONDS", "30"))
# Small reference rows (channels, categories, product types, artisans) kept per process between requests,
# retired by any catalog write; the bound on staleness when processes share no cache.
REFERENCE_CACHE_SECONDS = int(os.environ.get("REFERENCE_CACHE_SECONDS", "30"))
# Listing review: a member's price change by more than this share waits for a curator.
# It is measured against the last approved price of each channel; a price under the floor (this share of the
# approved price, or the minimum in MAD converted per channel) goes to review too (catalog/review_rules.py).
LISTING_REVIEW_PRICE_SHARE = float(os.environ.get("LISTING_REVIEW_PRICE_SHARE", "0.2"))
LISTING_REVIEW_PRICE_FLOOR_SHARE = float(os.environ.get("LISTING_REVIEW_PRICE_FLOOR_SHARE", "0.5"))
LISTING_REVIEW_MIN_PRICE_MAD = float(os.environ.get("LISTING_REVIEW_MIN_PRICE_MAD", "20"))
# Multipart uploads (productMediaCreate) may exceed GRAPHQL_MAX_BODY_BYTES up to this size.
GRAPHQL_MAX_UPLOAD_BYTES = int(os.environ.get("GRAPHQL_MAX_UPLOAD_BYTES", str(25 * 1024 * 1024)))

# Background work: Celery with Redis when REDIS_URL is set, otherwise in-process.
CELERY_BROKER_URL = os.environ.get("REDIS_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL

# Structured JSON logs (LOG_FORMAT=json, the default in production) carry the request id.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "marketplace.core.request_id.RequestIdLogFilter"}},
    "formatters": {
        "json": {"()": "pythonjsonlogger.json.JsonFormatter",
                 "format": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
                 "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"}},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["request_id"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

SECURE_CONTENT_TYPE_NOSNIFF = True
if not DEBUG:
    # Behind the TLS proxy: trust its X-Forwarded-Proto; /health/ stays reachable over plain HTTP for probes.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^health/"]
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

SHOP_NAME = os.environ.get("SHOP_NAME", "Maalem")
SHOP_DESCRIPTION = os.environ.get(
    "SHOP_DESCRIPTION",
    "La place de marché de l'artisanat marocain : tapis, poterie, zellige, cuir, bijoux, bois, cuivre."
)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_TIME_LIMIT = int(os.environ.get("CELERY_TASK_TIME_LIMIT", "300"))

# JWT (tokenCreate / tokenRefresh / tokenVerify). The signing secret defaults to SECRET_KEY.
JWT_SECRET = os.environ.get("JWT_SECRET") or SECRET_KEY
JWT_ISSUER = os.environ.get("JWT_ISSUER", "maalem")
JWT_ACCESS_TTL = timedelta(seconds=int(os.environ.get("JWT_ACCESS_TTL_SECONDS", "900")))
JWT_REFRESH_TTL = timedelta(seconds=int(os.environ.get("JWT_REFRESH_TTL_SECONDS", str(30 * 24 * 3600))))

# Rate limits (marketplace/core/ratelimit.py): "N/s|m|h|d" per client IP and per account (e-mail); empty or 0
# turns one off. Behind the storefront or a proxy, list their addresses in TRUSTED_PROXIES (IPs or CIDRs) so
# that the buyer's address is read from X-Forwarded-For.
RATELIMIT_ENABLED = env_bool("RATELIMIT_ENABLED", True)
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "")
RATE_LIMITS = {
    "token_create": {"ip": os.environ.get("RATELIMIT_TOKEN_CREATE_IP", "30/m"),
                     "account": os.environ.get("RATELIMIT_TOKEN_CREATE_ACCOUNT", "10/m")},
    "account_register": {"ip": os.environ.get("RATELIMIT_ACCOUNT_REGISTER_IP", "10/h"),
                         "account": os.environ.get("RATELIMIT_ACCOUNT_REGISTER_ACCOUNT", "3/h")},
    "password_reset": {"ip": os.environ.get("RATELIMIT_PASSWORD_RESET_IP", "10/h"),
                       "account": os.environ.get("RATELIMIT_PASSWORD_RESET_ACCOUNT", "3/h")},
    "checkout_create": {"ip": os.environ.get("RATELIMIT_CHECKOUT_CREATE_IP", "60/m"),
                        "account": os.environ.get("RATELIMIT_CHECKOUT_CREATE_ACCOUNT", "20/m")},
    "fair_visit": {"ip": os.environ.get("RATELIMIT_FAIR_VISIT_IP", "600/h")},
}
PASSWORD_RESET_TIMEOUT = int(os.environ.get("PASSWORD_RESET_TIMEOUT", str(3 * 24 * 3600)))

# CORS: browsers may call the API only from these origins (the storefront's); server-to-server calls
# (the storefront's own) do not need CORS.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", "http://127.0.0.1:8001,http://localhost:8001")
CORS_URLS_REGEX = r"^/graphql/?$"
CORS_ALLOW_HEADERS = ("accept", "authorization", "content-type", "x-request-id")
CORS_EXPOSE_HEADERS = ("x-request-id",)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Selling (README: Configuration). Stripe keys come from the environment only; STRIPE_API_BASE points the
# stripe library elsewhere (the local stand-in in tests).
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
STRIPE_PUBLISHABLE_KEY = os.environ.get("STRIPE_PUBLISHABLE_KEY", "")
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
STRIPE_API_BASE = os.environ.get("STRIPE_API_BASE", "")
# Slug of the page type whose pages are the refund reasons (Saleor's refundSettings.reasonReferenceType): once
# set, a staff refund must reference one of them. Empty: refund reasons not configured.
REFUND_REASON_PAGE_TYPE = os.environ.get("REFUND_REASON_PAGE_TYPE", "")
CHECKOUT_RESERVATION_SECONDS = int(os.environ.get("CHECKOUT_RESERVATION_SECONDS", "1200"))
# Celery beat (the `beat` service): periodic jobs. Expired reservations are housekeeping only (every stock
# check already ignores them); payout batches group what is owed for shipped lines, per currency.
CELERY_BEAT_SCHEDULE = {
    "checkout-delete-expired-reservations": {
        "task": "checkout.delete_expired_reservations",
        "schedule": float(os.environ.get("RESERVATION_CLEANUP_SECONDS", "600"))},
    "payouts-create-batches": {
        "task": "payouts.create_scheduled_batches",
        "schedule": float(os.environ.get("PAYOUT_BATCH_SECONDS", str(7 * 24 * 3600)))},
    # Orders whose bank transfer has not come in BANK_TRANSFER_HOLD_DAYS: canceled, pieces back on sale.
    "orders-release-unpaid-bank-transfers": {
        "task": "orders.release_unpaid_bank_transfers",
        "schedule": float(os.environ.get("BANK_TRANSFER_RELEASE_SECONDS", "3600"))},
}
BANK_TRANSFER_HOLD_DAYS = int(os.environ.get("BANK_TRANSFER_HOLD_DAYS", "7"))
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Maalem <commandes@maalem.ma>")
BANK_ACCOUNT_HOLDER = os.environ.get("BANK_ACCOUNT_HOLDER", "Maalem SARL")
BANK_NAME = os.environ.get("BANK_NAME", "Banque Populaire")
BANK_IBAN = os.environ.get("BANK_IBAN", "MA64 0000 0000 0000 0000 0000 0000")
BANK_BIC = os.environ.get("BANK_BIC", "BCPOMAMC")
# Trade orders (marketplace/trade): the deposit share paid before production, the rest before shipping.
TRADE_DEPOSIT_SHARE = float(os.environ.get("TRADE_DEPOSIT_SHARE", "0.30"))
if not 0 <= TRADE_DEPOSIT_SHARE <= 1:
    raise RuntimeError("TRADE_DEPOSIT_SHARE must be between 0 and 1 (0.30 is a 30 % deposit)")

# Errors to Sentry when SENTRY_DSN is set (Django and Celery integrations; no personal data sent).
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    from marketplace.core.sentry import init_sentry

    init_sentry(SENTRY_DSN, environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
                traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")))
