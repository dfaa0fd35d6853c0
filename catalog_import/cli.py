"""`catalog-import FILE [options]`: see catalog_import/README.md. Exit codes: 0 ok, 1 validation errors
(nothing written), 2 some products failed, 3 usage/connection/sign-in error, 130 interrupted."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from catalog_import.interrupt import StopSignal
from catalog_import.messages import message
from catalog_import.report import EXIT_INTERRUPTED, EXIT_USAGE, write_report
from catalog_import.runner import DEFAULT_URL, Options, run_import


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="catalog-import", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("input", type=Path, help="the catalog: .csv, .xlsx or .json")
    p.add_argument("--url", default=os.environ.get("MAALEM_API_URL", DEFAULT_URL),
                   help="the GraphQL endpoint (MAALEM_API_URL; default %(default)s)")
    p.add_argument("--token", default=os.environ.get("MAALEM_TOKEN"), help="API token (or MAALEM_TOKEN)")
    p.add_argument("--email", help="sign in with tokenCreate instead of a token")
    p.add_argument("--password", default=os.environ.get("MAALEM_PASSWORD"), help="(or MAALEM_PASSWORD)")
    p.add_argument("--target", choices=("marketplace", "saleor"), default="marketplace",
                   help="saleor: a Saleor 3 server (artisan kept in product metadata)")
    p.add_argument("--artisan", default="", help="artisan slug for rows without an artisan column")
    p.add_argument("--lang", choices=("fr", "ar", "en"), default="en", help="language of the messages")
    p.add_argument("--dry-run", action="store_true", help="validate everything, write nothing")
    p.add_argument("--preview", type=Path, metavar="OUT_DIR",
                   help="write the photos' before/after contact sheet and quality report; import nothing")
    p.add_argument("--photos-dir", type=Path, help="where photo names are looked up (default: the file's folder)")
    p.add_argument("--state-dir", type=Path, help="where the state file goes (default: next to the file)")
    p.add_argument("--report", type=Path, help="machine-readable report: report.json or report.csv")
    p.add_argument("--chunk-size", type=int, default=250, help="products per chunk (default %(default)s)")
    p.add_argument("--workers", type=int, default=2,
                   help="requests in flight for lookups, translations and per-product follow-ups")
    p.add_argument("--retries", type=int, default=6, help="retries of transient API errors")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    # Test hook (hidden): stop as Ctrl-C would, right after N chunks.
    p.add_argument("--stop-after-chunks", type=int, help=argparse.SUPPRESS)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    usage = None
    if not args.input.is_file():
        usage = message("NO_SUCH_FILE", args.lang, value=str(args.input))
    elif args.chunk_size < 1:
        usage = message("CHUNK_SIZE", args.lang)
    elif not args.preview and not args.token and not (args.email and args.password) and not args.dry_run:
        usage = message("CREDENTIALS", args.lang)
    if usage:
        print(f"catalog-import: {usage}", file=sys.stderr)
        return EXIT_USAGE
    stop = StopSignal()
    options = Options(input=args.input, url=args.url, token=args.token, email=args.email, password=args.password,
                      target=args.target, lang=args.lang, dry_run=args.dry_run, preview=args.preview,
                      state_dir=args.state_dir, photos_dir=args.photos_dir, artisan=args.artisan,
                      chunk_size=args.chunk_size, progress=not args.quiet, retries=args.retries,
                      workers=args.workers, stop=stop, stop_after_chunks=args.stop_after_chunks)
    # SIGINT and SIGTERM ask the run to stop after the requests in flight; a second one stops at once.
    with stop.installed():
        try:
            result = run_import(options)
        except KeyboardInterrupt:  # only before the handlers are in place
            print(message("INTERRUPTED", args.lang), file=sys.stderr)
            return EXIT_INTERRUPTED
    print(result.summary(), flush=True)
    if args.report:
        write_report(result, args.report)
    return result.exit_code


if __name__ == "__main__":
    sys.exit(main())
