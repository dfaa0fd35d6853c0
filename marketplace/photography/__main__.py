"""Command line: ``python -m marketplace.photography enhance IN_DIR OUT_DIR``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .contact_sheet import enhance_folder
from .enhance import ASPECTS
from .io import DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, Limits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m marketplace.photography", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    enh = sub.add_parser("enhance", help="enhance a folder of photos and write an HTML contact sheet")
    enh.add_argument("in_dir", type=Path)
    enh.add_argument("out_dir", type=Path)
    enh.add_argument("--aspect", choices=sorted(ASPECTS), default="1:1")
    enh.add_argument("--max-mib", type=float, default=DEFAULT_MAX_BYTES / 2**20, help="file size cap")
    enh.add_argument("--max-megapixels", type=float, default=DEFAULT_MAX_PIXELS / 1e6, help="pixel cap")
    args = parser.parse_args(argv)
    if not args.in_dir.is_dir():
        parser.error(f"{args.in_dir} is not a directory")
    if args.out_dir.resolve() == args.in_dir.resolve():
        parser.error("OUT_DIR must differ from IN_DIR")
    limits = Limits(max_bytes=int(args.max_mib * 2**20), max_pixels=int(args.max_megapixels * 1e6))
    entries = enhance_folder(args.in_dir, args.out_dir, aspect=args.aspect, limits=limits)
    rejected = sum(1 for e in entries if e.result is None)
    print(f"{len(entries) - rejected} processed, {rejected} rejected -> {args.out_dir / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
