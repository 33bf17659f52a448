"""A home is its owner's alone: folders 0700, files 0600 (the database and its -wal/-shm, home.json, the log),
an older home tightened when opened; files for other people stay 0644. And an unexpected failure names the log
of the home in use, which holds its traceback."""

from __future__ import annotations

import json
import logging
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from kpmonitor import fileio
from kpmonitor.cli.main import cli, main
from kpmonitor.paths import Paths
from kpmonitor.store.db import Store
from kpmonitor.workspace import Workspace

posix = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")


def run(home: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def modes(home: Path) -> dict[str, int]:
    """Every folder's and file's permissions under ``home`` (the home itself as ".")."""
    return {str(p.relative_to(home)): mode(p) for p in [home, *home.rglob("*")]}


@pytest.fixture
def used_home(tmp_path: Path, example_doc: dict[str, Any]) -> tuple[Path, dict[str, int]]:
    """A field home with an inspection, a photo, a setting and a log: every kind of file a home holds; and the
    modes seen while it was open."""
    from PIL import Image

    home = tmp_path / "home"
    assert run(home, "init", "--role", "field", "--name", "Jane Monitor").exit_code == 0
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(example_doc), encoding="utf-8")
    inspection_id = run(home, "new", "--from-json", str(doc)).output.strip().splitlines()[-1]
    Image.new("RGB", (64, 48), (120, 90, 60)).save(tmp_path / "scale.jpg", "JPEG")
    assert run(home, "photo", "add", inspection_id, str(tmp_path / "scale.jpg")).exit_code == 0
    with Workspace(Paths.for_home(home)) as ws:
        ws.settings.set("actor", "Jane Monitor")
        ws.vault.thumbnail(ws.store.get(inspection_id).photos[0].sha256)
        # The database's -wal and -shm files exist while a connection is open: look at them now.
        assert (home / "kpmonitor.db-wal").exists() and (home / "kpmonitor.db-shm").exists()
        open_modes = modes(home)
    return home, open_modes


@posix
def test_a_new_home_is_private(used_home: tuple[Path, dict[str, int]]) -> None:
    home, open_modes = used_home
    for seen in (open_modes, modes(home)):
        folders = {name: m for name, m in seen.items() if (home / name).is_dir()}
        files = {name: m for name, m in seen.items() if not (home / name).is_dir()}
        assert folders and set(folders.values()) == {0o700}, folders
        loose = {name: oct(m) for name, m in files.items() if m & 0o077}
        assert not loose, loose
    assert {"home.json", "kpmonitor.db", "kpmonitor.db-wal", "kpmonitor.db-shm", "config/settings.json",
            "cache/kpmonitor.log"} <= set(open_modes)
    photos = [p for p in (home / "photos").rglob("*") if p.is_file()]
    assert photos and {mode(p) for p in photos} == {0o400}  # evidence: read-only, and the owner's only


@posix
def test_an_old_home_is_tightened_on_open_and_the_log_says_so(used_home: tuple[Path, dict[str, int]],
                                                              caplog: pytest.LogCaptureFixture) -> None:
    home, _ = used_home
    for path in [home, *home.rglob("*")]:  # as an older kpmonitor, under the usual umask, left it
        path.chmod(0o755 if path.is_dir() else 0o644)
    with caplog.at_level(logging.WARNING, logger="kpmonitor.workspace"), Workspace(Paths.for_home(home)):
        pass
    after = modes(home)
    assert {m for name, m in after.items() if (home / name).is_dir()} == {0o700}
    assert not {name: oct(m) for name, m in after.items() if m & 0o077}
    told = [r.getMessage() for r in caplog.records if "private" in r.getMessage()]
    assert len(told) == 1 and "other local users could read them" in told[0] and "kpmonitor.db" in told[0]
    assert told[0] in (home / "cache" / "kpmonitor.log").read_text(encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="kpmonitor.workspace"), Workspace(Paths.for_home(home)):
        pass
    assert len([r for r in caplog.records if "private" in r.getMessage()]) == 1  # said once: nothing left to do


@posix
def test_tightening_keeps_to_what_is_kpmonitors(tmp_path: Path) -> None:
    # --home may name a folder that holds other things: they, and what a link points to, are left as they are.
    home = tmp_path / "home"
    assert run(home, "init", "--role", "field", "--name", "Jane Monitor").exit_code == 0
    (home / "notes.txt").write_text("mine")
    (home / "notes.txt").chmod(0o644)
    (home / "shared").mkdir(mode=0o755)
    outside = tmp_path / "outside.txt"
    outside.write_text("not the home's")
    outside.chmod(0o644)
    (home / "keys" / "link").symlink_to(outside)
    home.chmod(0o755)
    with Workspace(Paths.for_home(home)):
        pass
    assert mode(home) == 0o700
    assert (mode(home / "notes.txt"), mode(home / "shared"), mode(outside)) == (0o644, 0o755, 0o644)


@posix
def test_folders_are_made_as_private_as_their_files(tmp_path: Path) -> None:
    fileio.write_atomic(tmp_path / "own" / "deep" / "file", b"x")
    fileio.write_atomic(tmp_path / "stick" / "kp" / "report.pdf", b"x", mode=fileio.SHARED)
    assert (mode(tmp_path / "own"), mode(tmp_path / "own" / "deep")) == (0o700, 0o700)
    assert (mode(tmp_path / "stick"), mode(tmp_path / "stick" / "kp")) == (0o755, 0o755)
    assert mode(tmp_path / "stick" / "kp" / "report.pdf") == fileio.SHARED


@posix
def test_a_new_database_and_its_journal_files_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        with Store(tmp_path / "kpmonitor.db", actor="test"):
            journal = {p.name: mode(p) for p in tmp_path.iterdir()}
    finally:
        os.umask(old)
    assert journal == {"kpmonitor.db": 0o600, "kpmonitor.db-wal": 0o600, "kpmonitor.db-shm": 0o600}


def test_an_unexpected_failure_names_the_log_of_the_home_in_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    assert run(home, "init", "--role", "field", "--name", "Jane Monitor").exit_code == 0

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug in summaries")

    monkeypatch.setattr(Store, "summaries", broken)
    log, default = home / "cache" / "kpmonitor.log", Paths.for_home(None).log_file  # the platform's, not in use
    for how in ("option", "environment"):
        before = log.stat().st_size if log.exists() else 0
        if how == "environment":
            monkeypatch.setenv("KPMONITOR_HOME", str(home))
        with pytest.raises(SystemExit) as exited:
            main(["--home", str(home), "list"] if how == "option" else ["list"])
        assert exited.value.code == 1
        err = capsys.readouterr().err
        assert "something unexpected went wrong" in err and f"({log})" in err, err
        assert str(default) not in err
        written = log.read_bytes()[before:].decode("utf-8")
        assert "Traceback" in written and "RuntimeError: a bug in summaries" in written
        assert "Traceback" not in err
        if os.name != "nt":
            assert mode(log) == 0o600


@posix
def test_the_log_stays_private_when_it_rotates(tmp_path: Path) -> None:
    from kpmonitor.logsetup import log_file, setup_logging

    paths = Paths.for_home(tmp_path / "home")
    setup_logging(paths)
    assert log_file() == paths.log_file
    logging.getLogger("kpmonitor.test").warning("before the rotation")
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "baseFilename", None) == str(paths.log_file))
    handler.doRollover()  # type: ignore[attr-defined]
    logging.getLogger("kpmonitor.test").warning("after the rotation")
    rotated = paths.log_file.with_name(paths.log_file.name + ".1")
    assert "before" in rotated.read_text(encoding="utf-8") and "after" in paths.log_file.read_text(encoding="utf-8")
    assert (mode(paths.log_file), mode(rotated), mode(paths.cache), mode(paths.data)) == (0o600, 0o600, 0o700, 0o700)
