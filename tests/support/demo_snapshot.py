"""The test session's database: migrated, with the small demo catalogue loaded, restored from a snapshot
when one matches the code that makes it.

Building it (migrations, then the demo through the services with every photo through the pipeline) takes
about a minute on 2 cores; restoring a snapshot takes seconds. A snapshot is keyed on everything that can
change what is built: the sources of `marketplace/` (but its GraphQL layer, which the loader does not
use), of `demo/`, the pinned packages and the load's parameters. Any change there builds a new one, so
a snapshot is never stale; `TEST_DB_SNAPSHOT=0` builds without reading or writing snapshots.

A snapshot is a folder under `var/test-snapshots/<key>/` of the checkout: `db.dump` (pg_dump's custom
format) and `files.tar` (the media and private files the load wrote). Only the newest few are kept.
The first session of a run restores the dump once into a template database (`maalem_snapshot_<key>`);
every session's test database (one per pytest-xdist worker) is a copy of it, and the files are put back
once per media folder.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
STORE = ROOT / "var" / "test-snapshots"
KEEP = 3
TEMPLATE_PREFIX = "maalem_snapshot_"


def enabled() -> bool:
    return os.environ.get("TEST_DB_SNAPSHOT", "1").strip().lower() not in {"0", "off", "no", "false"}


def snapshot_key(parameters: str) -> str:
    digest = hashlib.sha256(parameters.encode())
    sources = [*sorted((ROOT / "marketplace").rglob("*.py")), *sorted((ROOT / "demo").rglob("*.py")),
               ROOT / "constraints.txt", ROOT / "tests" / "support" / "demo_snapshot.py"]
    for path in sources:
        relative = path.relative_to(ROOT)
        if "graphql" in relative.parts[:-1] or "__pycache__" in relative.parts:
            continue
        digest.update(str(relative).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def _pg_env(connection: Any) -> tuple[list[str], dict[str, str]]:
    """Client arguments for the server `connection` talks to, as psycopg resolved them (socket or TCP)."""
    connection.ensure_connection()
    info = connection.connection.info
    env = dict(os.environ)
    if info.password:
        env["PGPASSWORD"] = info.password
    return ["-h", info.host, "-p", str(info.port), "-U", info.user], env


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"{Path(command[0]).name} failed ({result.returncode}): {result.stderr[-2000:]}")


def _file_roots() -> dict[str, Path]:
    from django.conf import settings

    return {"media": Path(settings.MEDIA_ROOT), "private": Path(settings.PRIVATE_MEDIA_ROOT)}


def save(key: str) -> None:
    """Dump the test database and the files the load wrote (atomic: a half-written snapshot is never used)."""
    from django.db import connection

    from marketplace.core.embedded_db import pg_tool

    args, env = _pg_env(connection)
    STORE.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=STORE))
    try:
        _run([str(pg_tool("pg_dump")), *args, "-Fc", "-f", str(work / "db.dump"), connection.settings_dict["NAME"]],
             env)
        with tarfile.open(work / "files.tar", "w") as tar:
            for name, folder in _file_roots().items():
                if folder.exists():
                    tar.add(folder, arcname=name)
        with contextlib.suppress(OSError):  # another session saved the same snapshot first
            work.rename(STORE / key)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for old in sorted((p for p in STORE.iterdir() if p.is_dir() and not p.name.startswith(".")),
                      key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]:
        shutil.rmtree(old, ignore_errors=True)
        (STORE / f".{old.name}.lock").unlink(missing_ok=True)


def _template(key: str) -> str:
    """The snapshot restored once into the server as a database of its own, which each session's test
    database is then copied from (CREATE DATABASE ... TEMPLATE: a file copy, much faster than pg_restore)."""
    from django.db import connection

    from marketplace.core.embedded_db import pg_tool

    name, partial = f"{TEMPLATE_PREFIX}{key}", f"{TEMPLATE_PREFIX}{key}_partial"
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone():
            return name
        cursor.execute(f'DROP DATABASE IF EXISTS "{partial}"')  # a restore that was cut short
        cursor.execute(f'CREATE DATABASE "{partial}"')
    args, env = _pg_env(connection)
    connection.close()
    _run([str(pg_tool("pg_restore")), *args, "--no-owner", "--no-privileges", "--exit-on-error", "-d", partial,
          str(STORE / key / "db.dump")], env)
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'ALTER DATABASE "{partial}" RENAME TO "{name}"')
    return name


def restore(key: str) -> bool:
    """Create the test database from the snapshot `key` and put its files back; False when there is none."""
    from django.db import connection

    folder = STORE / key
    if not (folder / "db.dump").is_file() or not (folder / "files.tar").is_file():
        return False
    os.utime(folder)  # recently used: kept by save()'s clean-up
    test_name = connection.creation._get_test_db_name()
    connection.close()
    template = _template(key)
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{test_name}"')
        cursor.execute(f'CREATE DATABASE "{test_name}" TEMPLATE "{template}"')
    roots = _file_roots()
    extracted = roots["media"] / f".test-snapshot-{key}"  # the sessions of a run share their media folder
    if not extracted.exists():
        with tarfile.open(folder / "files.tar") as tar:
            for member in tar.getmembers():
                top, _, rest = member.name.partition("/")
                if top in roots:
                    member.name = rest
                    if rest:
                        tar.extract(member, roots[top], filter="data")
        extracted.parent.mkdir(parents=True, exist_ok=True)
        extracted.touch()
    from django.conf import settings

    settings.DATABASES[connection.alias]["NAME"] = test_name
    connection.settings_dict["NAME"] = test_name
    connection.ensure_connection()
    return True


def session_database(load: Callable[[], None], parameters: str) -> Callable[[], None]:
    """Set up the session's test database (from a snapshot, else built with `load` and saved); returns
    the teardown."""
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    key = snapshot_key(parameters)
    old_name = connection.settings_dict["NAME"]

    def disconnect_others() -> None:
        """Server threads of the session (the live API's) may keep a persistent connection: end them, so the
        test database can be dropped."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE datname = current_database() AND pid <> pg_backend_pid()")

    def drop_restored() -> None:
        disconnect_others()
        connection.creation.destroy_test_db(old_name, verbosity=0)

    def drop_built(config: Any) -> None:
        disconnect_others()
        teardown_databases(config, verbosity=0)

    if not enabled():
        config = setup_databases(verbosity=0, interactive=False)
        load()
        return lambda: drop_built(config)
    STORE.mkdir(parents=True, exist_ok=True)
    # One builder per snapshot: other sessions (pytest-xdist's workers, a second run) wait, then restore it.
    with open(STORE / f".{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if restore(key):
            print(f"\ntest database restored from snapshot {key}")
            return drop_restored
        config = setup_databases(verbosity=0, interactive=False)
        load()
        save(key)
    return lambda: drop_built(config)
