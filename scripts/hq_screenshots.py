"""Screenshots of headquarters' window for the user guide, made offscreen at a laptop's 1366 × 768.

    .venv/bin/python scripts/hq_screenshots.py [OUT_DIR] [--small]     (default: docs/screenshots)

A temporary headquarters certifies two demo field devices; each signs some of
its demo inspections (one of them amended) and exports the bundles, as a
monitor does before sending them. One report of the first device is never
sent, so the anomalies screen has a missing report to show; a damaged copy of
a bundle shows how a refusal reads in the inbox. The dashboard is shot, and
again at 1024 × 600 scrolled to its end, and the quarterly report for the demo's quarter is
rendered to pictures of its first two pages (hq_quarterly-1.png, -2.png). Last, a report imported at the
command line while the window is open shows what the window's next poll says (hq_refreshed.png).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

# The same settling, shooting and dialog-over-window drawing as the monitor's screenshots.
from screenshots import SCREEN, SMALL, offscreen, settle, shoot, shoot_over

NAMES = ("hq_inbox.png", "hq_reports.png", "hq_report_detail.png", "hq_anomalies.png", "hq_monitors.png",
         "hq_statistics.png", "hq_dashboard.png", "hq_dashboard-2.png", "hq_refreshed.png")
QUARTERLY_PAGES = ("hq_quarterly-1.png", "hq_quarterly-2.png")
ACKNOWLEDGED = "Checked with the exporter's representative; recorded on the MMCZ form."


def _certified_device(tmp: Path, name: str, hq: object, count: int, seed: int) -> object:
    from kpmonitor.demo.fill import fill_demo
    from kpmonitor.gui.app import DEMO_PASSPHRASE
    from kpmonitor.paths import Paths
    from kpmonitor.trust.keys import Keyring, pem
    from kpmonitor.workspace import Workspace, init_home

    assert isinstance(hq, Paths)
    paths = Paths.for_home(tmp / name.split()[0].lower())
    info = init_home(paths, "field", name, DEMO_PASSPHRASE)
    keys = Keyring(paths)
    keys.install(Keyring(hq).issue(pem(keys.request(DEMO_PASSPHRASE, info.name, info.device_id)), DEMO_PASSPHRASE))
    with Workspace(paths) as ws:
        fill_demo(ws, count=count, photos=True, seed=seed)
    return paths


def _sign_and_export(paths: object, out: Path, *, limit: int, skip: int = 0,
                     amend_first: bool = False, drafts: bool = False) -> list[Path]:
    """Sign the demo inspections that have no errors (warnings acknowledged), oldest first after the first
    ``skip`` (with ``drafts``, only those not signed yet); export their bundles."""
    from kpmonitor.bundle.export import export_bundle
    from kpmonitor.gui.app import DEMO_PASSPHRASE
    from kpmonitor.paths import Paths
    from kpmonitor.report.sign import sign_inspection
    from kpmonitor.workspace import Workspace

    assert isinstance(paths, Paths)
    written: list[Path] = []
    with Workspace(paths) as ws:
        store = ws.store
        oldest_first = list(reversed(store.summaries(limit=200)))[skip:]
        ready = [s.id for s in oldest_first if s.errors == 0 and (not drafts or s.status == "draft")][:limit]

        def sign(inspection_id: str) -> str:
            insp = store.get(inspection_id)
            for problem in ws.validate(insp):
                if not problem.is_error and insp.acknowledged(problem.code, problem.field) is None:
                    store.acknowledge(inspection_id, problem.code, problem.field, ACKNOWLEDGED)
            return sign_inspection(ws, inspection_id, DEMO_PASSPHRASE).report_id

        for inspection_id in ready:
            report_id = sign(inspection_id)
            written.append(export_bundle(ws, report_id, out))
            if amend_first and len(written) == 1:
                amended = store.amend(inspection_id, "Parcel 1 re-weighed at the exporter's request.")
                store.update_inspection(amended, {"site": (store.get(amended).site or "") + " (re-weighed)"})
                written.append(export_bundle(ws, sign(amended), out))
    return written


def _dashboard(window: object, out_dir: Path, tmp: Path) -> list[Path]:
    """The Dashboard tab at its top and at its end, and the first two pages of the quarterly report."""
    import pypdfium2 as pdfium

    from kpmonitor.gui.hq.window import HqWindow

    assert isinstance(window, HqWindow)
    window.tabs.setCurrentIndex(window.DASHBOARD)
    settle()
    tab = window.dashboard
    assert tab is not None and tab.figures is not None
    made = [shoot(window, out_dir / NAMES[6])]
    size = window.size()
    window.resize(1024, 600)  # a small laptop's screen: the charts scroll down, never sideways
    settle()
    bar = tab.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    made.append(shoot(window, out_dir / NAMES[7]))
    bar.setValue(0)
    window.resize(size)
    pdf = tmp / "quarterly.pdf"
    tab.write_quarterly(tab.quarter(), pdf)
    settle()
    doc = pdfium.PdfDocument(pdf.read_bytes())
    for page, name in zip(doc, QUARTERLY_PAGES, strict=False):
        path = out_dir / name
        page.render(scale=110 / 72).to_pil().save(path)  # 110 dpi: an A4 page as a screen shows it
        print(path)
        made.append(path)
    return made


def _imported_elsewhere(window: object, hq: object, bundles: list[Path], path: Path) -> list[Path]:
    """The Reports tab after a report was imported by another workspace (as ``kpmonitor hq import`` at the command
    line, or another analyst): the window's poll finds it and says so in the status bar."""
    import time

    from PySide6.QtWidgets import QApplication

    from kpmonitor.gui.common.workers import pool
    from kpmonitor.gui.hq.window import HqWindow
    from kpmonitor.hq.importer import Importer
    from kpmonitor.paths import Paths
    from kpmonitor.workspace import Workspace

    assert isinstance(window, HqWindow) and isinstance(hq, Paths)
    if not bundles:
        return []
    window.tabs.setCurrentIndex(window.REPORTS)
    window.reports.setCurrentIndex(window.reports_model.index(2, 0))  # the analyst's place, kept through the refresh
    said: list[str] = []
    window.refreshed_elsewhere.connect(said.append)
    window.set_poll_interval(100)  # the shot need not wait for the window's few seconds
    with Workspace(hq) as other:
        Importer(other).import_file(bundles[0])
    deadline = time.monotonic() + 30
    while not said and time.monotonic() < deadline:
        QApplication.processEvents()
        pool().waitForDone(100)
    return [shoot(window, path)] if said else []


def make_hq_screenshots(out_dir: Path, size: tuple[int, int] = SCREEN) -> list[Path]:
    """Build a demo headquarters and grab each of its screens into ``out_dir``; returns the files written."""
    from kpmonitor.gui.app import DEMO_PASSPHRASE, make_application
    from kpmonitor.gui.hq.window import HqWindow
    from kpmonitor.paths import Paths
    from kpmonitor.workspace import Workspace, init_home

    out_dir.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        offscreen(size, tmp)
        app = make_application()
        hq = Paths.for_home(tmp / "hq")
        init_home(hq, "hq", "KP Monitoring Working Group", DEMO_PASSPHRASE)
        tendai = _certified_device(tmp, "Tendai Moyo", hq, 8, 2009)
        # The demo numbers certificates and seals by position: the second device signs only inspections
        # past the first device's, so that no seal or certificate number repeats by accident.
        rutendo = _certified_device(tmp, "Rutendo Chikore", hq, 14, 2011)
        stick = tmp / "stick" / "KPMONITOR"
        first = _sign_and_export(tendai, tmp / "tendai-out", limit=5, amend_first=True)
        second = _sign_and_export(rutendo, tmp / "rutendo-out", limit=4, skip=8)
        stick.mkdir(parents=True)
        # Report 4 of the first device stays on the laptop: headquarters sees the gap.
        for bundle in [*first[:3], *first[4:], *second]:
            shutil.copy(bundle, stick / bundle.name)
        later = tmp / "later"
        later.mkdir()
        shutil.copy(first[0], later / first[0].name)  # sent twice
        damaged = bytearray(second[0].read_bytes())
        damaged[len(damaged) // 2] ^= 0xFF
        (later / "report-from-email.kpbundle").write_bytes(bytes(damaged))

        with Workspace(hq) as ws:
            window = HqWindow(hq, ws)
            window.resize(*size)
            window.show()
            window.import_files([stick])
            settle()
            window.import_files([later])
            settle()
            window.tabs.setCurrentIndex(window.INBOX)
            made.append(shoot(window, out_dir / NAMES[0]))

            window.tabs.setCurrentIndex(window.REPORTS)
            settle()
            made.append(shoot(window, out_dir / NAMES[1]))

            with_photos = next(r for r in window.reports_model.rows if r.photos and r.superseded_by is None
                               and r.supersedes)
            dialog = window.open_report(with_photos.id)
            assert dialog is not None
            dialog.resize(min(1180, size[0] - 16), min(640, size[1] - 64))
            settle()
            made.append(shoot_over(window, dialog, out_dir / NAMES[2]))
            dialog.close()

            for index, name in ((window.ANOMALIES, NAMES[3]), (window.MONITORS, NAMES[4]),
                                (window.STATISTICS, NAMES[5])):
                window.tabs.setCurrentIndex(index)
                settle()
                made.append(shoot(window, out_dir / name))
            made += _dashboard(window, out_dir, tmp)
            late = _sign_and_export(rutendo, tmp / "rutendo-late", limit=1, drafts=True)
            made += _imported_elsewhere(window, hq, late, out_dir / NAMES[8])
            window.close()
            settle()
    app.processEvents()
    return made


if __name__ == "__main__":
    folders = [a for a in sys.argv[1:] if a != "--small"]
    make_hq_screenshots(Path(folders[0]) if folders else Path("docs/screenshots"),
                        SMALL if "--small" in sys.argv[1:] else SCREEN)
