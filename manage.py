#!/usr/bin/env python
"""Django's command line. Without DATABASE_URL (a development checkout), it first starts the embedded
PostgreSQL in var/postgres (the `embedded` extra), as `make run` does; the settings never start it."""
import os
import sys
from pathlib import Path


def _embedded_database_url() -> str | None:
    try:
        from marketplace.core.embedded_db import ensure_embedded_database
    except ImportError:  # the production image has no embedded server: DATABASE_URL is required there
        return None
    var = Path(os.environ.get("MAALEM_VAR_DIR", Path(__file__).resolve().parent / "var"))
    return ensure_embedded_database(var / "postgres")


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings")
    if not os.environ.get("DATABASE_URL"):
        url = _embedded_database_url()
        if url:
            os.environ["DATABASE_URL"] = url
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
