"""A throwaway PostgreSQL server for the store tests: Debian's binaries, a data folder in /tmp, a Unix socket
only (no TCP port), stopped and removed at the end of the session."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Set by `make test`: the PostgreSQL tests must run (CI), not be skipped for want of a server.
REQUIRED = os.environ.get("COUNTERPOINT_REQUIRE_POSTGRES") == "1"


def binaries() -> Path | None:
    """The folder of initdb and pg_ctl: Debian's versioned folder, else the PATH."""
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "initdb").is_file():
            return Path(candidate)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def server() -> Iterator[str]:
    """Start a server; yield the URL of its ``postgres`` database."""
    folder = binaries()
    if folder is None:
        raise FileNotFoundError("PostgreSQL is not installed (make test installs Debian's postgresql package)")
    root = Path(tempfile.mkdtemp(prefix="counterpoint-pg-"))
    data = root / "data"
    as_user: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root: run it as its own user
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(root, "postgres")
    port = _free_port()
    run = {"check": True, "stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE}
    try:
        subprocess.run([*as_user, str(folder / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust"], **run)
        options = f"-k {root} -p {port} -c listen_addresses='' -c fsync=off"
        subprocess.run(
            [*as_user, str(folder / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start"],
            **run,
        )
        yield f"postgresql://postgres@/postgres?host={root}&port={port}"
    finally:
        subprocess.run(
            [*as_user, str(folder / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(root, ignore_errors=True)
