"""Shared fixtures: a fresh home per test, never the user's own."""

from __future__ import annotations

import copy
import dataclasses
import json
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

# No test may touch a real home or open a window.
os.environ.pop("KPMONITOR_HOME", None)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["KPMONITOR_LANG"] = "en"  # the run() tests build English windows whatever the machine's locale
# Scripts give the passphrase through the environment; so do the tests (a test may override it).
TEST_PASSPHRASE = "correct horse battery"
os.environ["KPMONITOR_PASSPHRASE"] = TEST_PASSPHRASE

from kpmonitor.paths import Paths  # noqa: E402
from kpmonitor.settings import SETTINGS  # noqa: E402
from kpmonitor.workspace import Workspace, init_home  # noqa: E402

# pg_url: a throwaway PostgreSQL cluster, where it is installed; hq_engine: headquarters' tests on SQLite and on it
pytest_plugins = ["tests.conftest_pg", "tests.conftest_hq"]

# The example documents are dated (inspected 2026-11-21) and the tests sign them on whatever day they run: a home's
# warning of a signature long after the sealing would judge the calendar, not the code. Homes made by the tests
# wait a century by default; the rule's own tests set the hours (tests/test_kp_record_rules.py).
SETTINGS["sealing_to_signing_hours"] = dataclasses.replace(SETTINGS["sealing_to_signing_hours"], default=876_000)

EXAMPLE = Path(__file__).resolve().parent.parent / "docs" / "examples" / "inspection.json"


def fresh_copies(homes: dict[str, Path], into: Path) -> dict[str, Path]:
    """Copies of homes made once for a module (headquarters, devices), for one test to change; and a stick."""
    out = {}
    for name, home in homes.items():
        out[name] = into / name
        shutil.copytree(home, out[name])
    out["usb"] = into / "usb"
    return out


def in_threads(work: Callable[[], object], count: int = 8) -> list[BaseException]:
    """Run ``work`` in ``count`` threads at once; returns what they raised."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # pragma: no cover - reported to the caller
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


@pytest.fixture
def example_doc() -> dict[str, Any]:
    """The issue's example document: a complete, clean Marange shipment."""
    return copy.deepcopy(json.loads(EXAMPLE.read_text(encoding="utf-8")))


@pytest.fixture
def field_paths(tmp_path: Path) -> Paths:
    paths = Paths.for_home(tmp_path / "home")
    init_home(paths, "field", "Jane Monitor")
    return paths


@pytest.fixture
def ws(field_paths: Paths) -> Iterator[Workspace]:
    with Workspace(field_paths) as workspace:
        yield workspace
