"""The one file writer: new folders are durable, every level of them, and files for others are readable."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kpmonitor import fileio
from tests.conftest import in_threads


@pytest.fixture
def synced(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders fsynced, in order."""
    calls: list[Path] = []
    real = fileio.fsync_dir

    def record(path: Path) -> None:
        calls.append(Path(path))
        real(path)

    monkeypatch.setattr(fileio, "fsync_dir", record)
    return calls


def test_every_new_level_is_made_durably_top_down(tmp_path: Path, synced: list[Path]) -> None:
    (tmp_path / "stick").mkdir()
    target = tmp_path / "stick" / "a" / "b" / "c"
    assert fileio.ensure_dir(target) == target and target.is_dir()
    # Each new folder is an entry of its parent: each parent is fsynced once, the top first.
    assert synced == [tmp_path / "stick", tmp_path / "stick" / "a", tmp_path / "stick" / "a" / "b"]
    synced.clear()
    assert fileio.ensure_dir(target) == target and synced == []  # nothing made, nothing to sync


def test_writing_into_new_folders_makes_them_durable_too(tmp_path: Path, synced: list[Path]) -> None:
    path = tmp_path / "inbox" / "reports" / "r.pdf"
    fileio.write_atomic(path, b"%PDF")
    assert path.read_bytes() == b"%PDF"
    assert synced == [tmp_path, tmp_path / "inbox", tmp_path / "inbox" / "reports"]  # two folders, then the file


def test_a_file_in_the_way_of_a_folder_is_an_error_and_nothing_is_synced(tmp_path: Path,
                                                                         synced: list[Path]) -> None:
    (tmp_path / "taken").write_bytes(b"a file")
    with pytest.raises(OSError):
        fileio.ensure_dir(tmp_path / "taken" / "sub")
    assert synced == []


def test_threads_making_the_same_folders_each_see_them_made(tmp_path: Path, synced: list[Path]) -> None:
    target = tmp_path / "x" / "y"
    names = iter(range(8))
    assert in_threads(lambda: fileio.write_atomic(target / f"{next(names)}.txt", b"1")) == []
    assert len(list(target.iterdir())) == 8
    assert synced.count(tmp_path) == 1 and synced.count(tmp_path / "x") == 1  # each level made once


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_files_are_private_unless_shared(tmp_path: Path) -> None:
    fileio.write_atomic(tmp_path / "own", b"key")
    fileio.write_atomic(tmp_path / "for-others", b"report", mode=fileio.SHARED)
    assert stat.S_IMODE((tmp_path / "own").stat().st_mode) == fileio.PRIVATE == 0o600
    assert stat.S_IMODE((tmp_path / "for-others").stat().st_mode) == fileio.SHARED == 0o644
