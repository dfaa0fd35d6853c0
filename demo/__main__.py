"""`python -m demo`: load the demo catalog unless a catalog exists (`make run` does it on first start).

The demo is a development tool, not part of the product: it is not a Django app and not in the production
image. Without DATABASE_URL it uses (and starts) the embedded PostgreSQL in var/postgres, as manage.py does.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m demo", description=__doc__.splitlines()[0])
    parser.add_argument("--max-products", type=int, default=None, help="load only the first N products")
    parser.add_argument("--photo-size", type=int, default=1200, help="rendering size of the demo photos, px")
    parser.add_argument("--no-photos", action="store_true")
    parser.add_argument("--workers", type=int, default=None, help="processes rendering photos")
    args = parser.parse_args(argv)
    if not os.environ.get("DATABASE_URL"):
        from marketplace.core.embedded_db import ensure_embedded_database

        var = Path(os.environ.get("MAALEM_VAR_DIR", ROOT / "var"))
        os.environ["DATABASE_URL"] = ensure_embedded_database(var / "postgres")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings")
    import django

    django.setup()
    from demo.services import demo_loaded, load_demo

    if demo_loaded():
        print("A catalog already exists: the demo is not loaded again.")
        return 0
    counts = load_demo(max_products=args.max_products, photo_size=args.photo_size, photos=not args.no_photos,
                       workers=args.workers, log=print)
    print(f"Demo loaded: {counts['artisans']} artisans, {counts['products']} products, {counts['photos']} photos.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
