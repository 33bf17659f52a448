"""A throwaway PostgreSQL cluster for the tests, made from Debian's binaries where they are installed.

``PgCluster.start()`` runs ``initdb`` into a temporary folder, then ``postgres`` on a free port listening on a
Unix socket in that folder only (no TCP: nothing outside this machine's users can reach it), with fsync off (a
cluster that dies with its test loses nothing of worth). As root, which PostgreSQL refuses to run as, the
cluster belongs to the ``postgres`` user: the folder is given to it and each binary runs through ``runuser``.
``stop()`` stops it at once and removes the folder. ``binaries()`` says where the binaries are, or why not.

No test calls this directly: ``tests/conftest_pg.py`` gives the session one cluster as the ``pg_url`` fixture,
skipped with a plain sentence where the binaries are absent.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

# Debian's layout: /usr/lib/postgresql/<major>/bin holds initdb, pg_ctl, postgres and createdb (not on PATH).
DEBIAN_BINARIES = "/usr/lib/postgresql/*/bin"
NEEDED = ("initdb", "pg_ctl", "postgres", "createdb")
NOT_INSTALLED = "PostgreSQL binaries not installed: the headquarters tests run on SQLite only"
DATABASE = "kpmonitor_test"


class PgUnavailable(Exception):
    """No cluster can be made here; the message says why, in a sentence."""


def binaries() -> Path:
    """The folder of the newest installed PostgreSQL's binaries.

    :raises PgUnavailable: when none holds initdb, pg_ctl and postgres.
    """
    def major(folder: str) -> int:
        name = Path(folder).parent.name
        return int(name) if name.isdigit() else 0

    for folder in sorted(glob.glob(DEBIAN_BINARIES), key=major, reverse=True):
        if all(os.access(Path(folder) / name, os.X_OK) for name in NEEDED):
            return Path(folder)
    raise PgUnavailable(f"{NOT_INSTALLED} (no {', '.join(NEEDED)} under {DEBIAN_BINARIES}).")


def free_port() -> int:
    """A port no one listens on now (the socket file's name: PostgreSQL names it after its port)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgCluster:
    """One cluster: its folder, socket folder and port; ``url`` once started."""

    bin: Path = field(default_factory=binaries)
    port: int = field(default_factory=free_port)
    folder: Path | None = None
    user: str = ""
    started: bool = False

    @property
    def data(self) -> Path:
        assert self.folder is not None
        return self.folder / "data"

    @property
    def socket_dir(self) -> Path:
        assert self.folder is not None
        return self.folder / "socket"

    @property
    def url(self) -> str:
        """A libpq URL to the test database over the Unix socket (psycopg.connect takes it)."""
        return f"postgresql://{self.user}@/{DATABASE}?host={self.socket_dir}&port={self.port}"

    def _as_owner(self, *argv: str) -> list[str]:
        # PostgreSQL will not run as root: as root, each binary runs as the postgres user.
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *argv]
        return list(argv)

    def _run(self, *argv: str, timeout: float = 120) -> None:
        done = subprocess.run(self._as_owner(*argv), capture_output=True, text=True, timeout=timeout, check=False)
        if done.returncode != 0:
            raise PgUnavailable(f"{Path(argv[0]).name} failed ({done.returncode}): "
                                f"{(done.stderr or done.stdout).strip()[-800:]}")

    def start(self) -> PgCluster:
        """initdb, start, and make the test database; :raises PgUnavailable: with what went wrong."""
        self.folder = Path(tempfile.mkdtemp(prefix="kp-pg-"))
        self.socket_dir.mkdir()
        if os.geteuid() == 0:
            try:
                import pwd

                owner = pwd.getpwnam("postgres")
            except KeyError as exc:
                self.stop()
                raise PgUnavailable(f"{NOT_INSTALLED} (no postgres user to run the cluster as).") from exc
            os.chmod(self.folder, 0o755)
            for path in (self.folder, self.socket_dir):
                os.chown(path, owner.pw_uid, owner.pw_gid)
            self.user = "postgres"
        else:
            import getpass

            self.user = getpass.getuser()
        try:
            self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", self.user, "-A", "trust", "-E", "UTF8",
                      "--locale=C", "--no-sync")
            options = (f"-c listen_addresses='' -c unix_socket_directories='{self.socket_dir}' -p {self.port} "
                       "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=40")
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l",
                      str(self.folder / "server.log"), "-w", "-t", "60", "start")
            self.started = True
            self._run(str(self.bin / "createdb"), "-h", str(self.socket_dir), "-p", str(self.port), "-U", self.user,
                      DATABASE)
        except (PgUnavailable, OSError, subprocess.TimeoutExpired) as exc:
            log = self._log_tail()
            self.stop()
            raise PgUnavailable(f"The throwaway PostgreSQL cluster did not start: {exc}{log}") from exc
        return self

    def _log_tail(self) -> str:
        try:
            assert self.folder is not None
            return "\n" + (self.folder / "server.log").read_text(errors="replace")[-800:]
        except (OSError, AssertionError):
            return ""

    def stop(self) -> None:
        """Stop the server at once (its data is thrown away) and remove its folder."""
        if self.started:
            with contextlib.suppress(PgUnavailable, subprocess.TimeoutExpired):
                self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "-t", "60", "stop")
            self.started = False
        if self.folder is not None:
            for _ in range(5):
                shutil.rmtree(self.folder, ignore_errors=True)
                if not self.folder.exists():
                    break
                time.sleep(0.2)
            self.folder = None

    def __enter__(self) -> PgCluster:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def point_home(home: Path, url: str) -> Path:
    """Keep the headquarters home at ``home`` on the PostgreSQL database at ``url`` ("database" in its home.json),
    or on its own SQLite file when ``url`` is "": what ``kpmonitor init --database`` records, for a home made
    (or copied) before. The tests' engines, the concurrency test and the scale bench share it."""
    file = home / "home.json"
    doc = json.loads(file.read_text(encoding="utf-8"))
    assert doc["role"] == "hq", doc
    doc.pop("database", None)
    if url:
        doc["database"] = url
    file.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    return home
