"""Screenshots for the user guide, made offscreen at a laptop's 1366 × 768 from demo data.

    .venv/bin/python scripts/screenshots.py [OUT_DIR] [--small] [--editor]     (default: docs/screenshots)

``--small`` makes them at a field laptop's 1024 × 600 instead, to see that every screen is usable there.
``--editor`` makes only the editor's tabs (``editor_*.png``), to look at a change of the editor alone.
The offscreen screen is given that size, so that dialogs fit it as they would a real one.

A temporary home is filled with the demo inspections; one of them is put in
the state of an inspection under way (a parcel off its declared weight, one
not yet weighed and acknowledged, a value that does not add up) so that the
validation panel has something to show. A temporary headquarters issues the
monitor's certificate, so that a signed report verifies as genuine. Dialogs
are drawn over the main window, centred with a title bar, as a desktop would
show them.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kpmonitor.gui.main_window import MainWindow
    from kpmonitor.workspace import Workspace

SCREEN = (1366, 768)
SMALL = (1024, 600)


def offscreen(size: tuple[int, int], folder: Path) -> None:
    """Draw offscreen on a screen of ``size`` (before the application is made), unless a platform is chosen."""
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "screenshots", "x": 0, "y": 0, "width": size[0],
                                               "height": size[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}), encoding="utf-8")
    os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={config}")


def settle() -> None:
    from PySide6.QtWidgets import QApplication

    from kpmonitor.gui.common.workers import pool

    for _ in range(3):
        QApplication.processEvents()
        pool().waitForDone(60_000)
    QApplication.processEvents()


def shoot(widget: object, path: Path) -> Path:
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    settle()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)
    return path


def shoot_over(window: object, dialog: object, path: Path) -> Path:
    """The main window with a dialog over it, centred, with a title bar: as the desktop shows it."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QPainter, QPalette
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget) and isinstance(dialog, QWidget)
    settle()
    base = window.grab()
    top = dialog.grab()
    title_height = 30
    x = (base.width() - top.width()) // 2
    y = max(0, (base.height() - top.height() - title_height) // 2)
    painter = QPainter(base)
    for spread, alpha in ((6, 18), (4, 30), (2, 50)):  # a soft shadow
        painter.fillRect(x - spread, y - spread + 2, top.width() + 2 * spread, top.height() + title_height + 2 * spread,
                         QColor(0, 0, 0, alpha))
    palette = dialog.palette()
    painter.fillRect(x, y, top.width(), title_height, palette.color(QPalette.ColorRole.Window).darker(112))
    font = painter.font()
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(palette.color(QPalette.ColorRole.WindowText))
    painter.drawText(QRect(x, y, top.width(), title_height), Qt.AlignmentFlag.AlignCenter, dialog.windowTitle())
    painter.drawPixmap(x, y + title_height, top)
    painter.setPen(palette.color(QPalette.ColorRole.Mid))
    painter.drawRect(x, y, top.width() - 1, top.height() + title_height - 1)
    painter.end()
    if not base.save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)
    return path


def _wait_for(done: object) -> None:
    """Run the event loop until ``done()`` holds (a worker's answer has arrived)."""
    import time
    from collections.abc import Callable

    from PySide6.QtWidgets import QApplication

    assert callable(done)
    check: Callable[[], bool] = done
    deadline = time.monotonic() + 60
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError("a worker did not answer within a minute")
        QApplication.processEvents()
        time.sleep(0.01)


EDITOR_TABS = ("certificate", "parcels", "seals", "photos", "findings", "shipment", "valuation", "people")


def make_screenshots(out: Path, size: tuple[int, int] = SCREEN, *, editor_only: bool = False) -> list[Path]:
    from PySide6.QtCore import QSettings

    from kpmonitor.demo.fill import fill_demo
    from kpmonitor.domain.inspection import Inspection, Parcel
    from kpmonitor.gui.app import DEMO_PASSPHRASE, make_application
    from kpmonitor.gui.main_window import MainWindow
    from kpmonitor.paths import Paths
    from kpmonitor.trust.keys import Keyring, pem
    from kpmonitor.workspace import Workspace, init_home

    out.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        offscreen(size, Path(tmp))
        app = make_application()
        paths = Paths.for_home(Path(tmp) / "home")
        info = init_home(paths, "field", "Tendai Moyo", DEMO_PASSPHRASE)
        # Headquarters issues the monitor's certificate: the reports verify as genuine.
        hq = Paths.for_home(Path(tmp) / "hq")
        init_home(hq, "hq", "KP Monitoring Working Group", DEMO_PASSPHRASE)
        monitor_keys = Keyring(paths)
        csr = monitor_keys.request(DEMO_PASSPHRASE, info.name, info.device_id)
        monitor_keys.install(Keyring(hq).issue(pem(csr), DEMO_PASSPHRASE))
        crl = Keyring(hq).publish(Path(tmp) / "published", DEMO_PASSPHRASE)[1]  # root, revocation list, …
        monitor_keys.install_crl(crl.read_bytes())
        with Workspace(paths) as ws:
            fill_demo(ws, count=12, photos=True)
            settings = QSettings(str(Path(tmp) / "gui.ini"), QSettings.Format.IniFormat)
            window = MainWindow(ws, settings)
            window.resize(*size)
            window.show()

            # An inspection under way: the rules have something to say.
            summary = window.model.summary(0)
            assert summary is not None
            insp = ws.store.get(summary.id)
            store = ws.store
            first, second = insp.parcels[0], insp.parcels[1]
            assert first.id and second.id and first.weighed_carats is not None
            store.update_parcel(first.id, {"weighed_carats": first.weighed_carats + 612})
            store.update_parcel(second.id, {"weighed_carats": None})
            store.acknowledge(summary.id, "parcel.not_weighed", "parcels[1].weighed_carats",
                              "Scale out of order for parcel 2; weight confirmed on the MMCZ scale.")
            store.update_inspection(summary.id, {"certificate.value_usd": (insp.certificate.value_usd or 0) + 10000})
            window.open_inspection(summary.id)
            editor = window.editor
            assert editor is not None
            for i, name in enumerate(EDITOR_TABS):
                editor.show_section(i)
                if name == "parcels":
                    editor.parcels.table.setCurrentIndex(editor.parcels.model.index(2, 3))
                if name == "seals":
                    last = editor.seals.model.rowCount() - 1
                    editor.seals.table.setCurrentIndex(editor.seals.model.index(last, 0))
                    editor.seals.number.setText("ZW-S-100111")
                    editor.seals.add_seal()  # refused: already used, shown in place
                if name == "people":
                    editor.people.present.table.setCurrentIndex(editor.people.present.model.index(1, 1))
                made.append(out / f"editor_{name}.png")
                shoot(window, made[-1])
                window.statusBar().clearMessage()
            if editor_only:
                window.close()
                return made

            editor.show_section("photos")
            viewer = editor.photos.open_viewer(0)
            viewer.resize(*size)
            made.append(out / "photo_viewer.png")
            shoot(viewer, made[-1])
            viewer.close()

            # A new inspection, half typed: the panel lists what is still missing.
            new_id = store.create_inspection(Inspection(inspected_at="2026-11-27T10:15:00+02:00"))
            store.update_inspection(new_id, {"certificate.number": "ZW 2640091",
                                             "certificate.exporter.name": "Mbada Diamonds (Pvt) Ltd",
                                             "certificate.hs_codes": ["7102.31"], "certificate.carats": 180050,
                                             "certificate.parcel_count": 2, "site": "Mbada sort house, Marange"})
            store.add_parcel(new_id, Parcel(number="1", hs_code="7102.31", declared_carats=90025))
            window.open_inspection(new_id)
            editor = window.editor
            assert editor is not None
            editor.show_section("certificate")
            editor.validation.view.setCurrentIndex(editor.validation.model.index(3))
            editor.validation.view.setFocus()
            made.append(out / "validation_panel.png")
            shoot(window, made[-1])

            made += _signing_screenshots(out, window, ws, Path(tmp), avoid={summary.id, new_id})

            window.show_list()
            window.statusBar().clearMessage()
            window.list.table.setCurrentIndex(window.model.index(2, 0))
            made.append(out / "main_window.png")
            shoot(window, made[-1])
            window.close()
    del app
    return made


def _signing_screenshots(out: Path, window: MainWindow, ws: Workspace, tmp: Path, avoid: set[str]) -> list[Path]:
    """Sign a clean demo inspection through the dialog, then verify its report, and show the certificates."""
    from kpmonitor.bundle.export import export_pdf
    from kpmonitor.gui.app import DEMO_PASSPHRASE

    made: list[Path] = []
    store = ws.store
    # A clean one with a warning or two, so that the dialog shows acknowledged warnings with their notes.
    candidates = [s for s in store.summaries(limit=100) if s.errors == 0 and s.id not in avoid]
    ready = next((s for s in candidates if s.warnings), candidates[0])
    insp = store.get(ready.id)
    if not ready.warnings and len(insp.parcels) > 1 and insp.parcels[1].id:
        store.update_parcel(insp.parcels[1].id, {"weighed_carats": None})  # the scale failed for parcel 2
        insp = store.get(ready.id)
    for problem in ws.validate(insp):  # a warning or two, accepted with a reason as a monitor would
        if not problem.is_error and insp.acknowledged(problem.code, problem.field) is None:
            store.acknowledge(ready.id, problem.code, problem.field,
                              "The scale failed after parcel 1; parcel 2 was weighed on the MMCZ scale, "
                              "certificate of weighing 0417.")
    window.open_inspection(ready.id, 0)
    dialog = window.sign_inspection()
    assert dialog is not None
    dialog.passphrase.setText(DEMO_PASSPHRASE)
    made.append(out / "sign_dialog.png")
    shoot_over(window, dialog, made[-1])

    dialog.sign()
    _wait_for(lambda: dialog.worker is None)
    report = dialog.report
    assert report is not None, dialog.message.text()
    dialog.close()
    made.append(out / "signed_inspection.png")
    shoot(window, made[-1])

    pdf = export_pdf(ws, report.report_id, tmp / "usb")
    verify = window.show_verify(pdf)
    _wait_for(lambda: verify.worker is None)
    assert verify.state == "genuine", verify.verdict.text()
    stick = Path("/media/tendai/KP-USB")  # where the guide's reader would find it, not this run's temporary folder
    verify.file_edit.setText(str(stick / pdf.name))
    made.append(out / "verify_genuine.png")
    shoot_over(window, verify, made[-1])

    data = bytearray(pdf.read_bytes())
    data[len(data) // 2] ^= 0x01  # one byte changed on the stick
    altered = tmp / "usb" / pdf.name.replace(".pdf", "-altered.pdf")
    altered.write_bytes(bytes(data))
    verify.verify_path(altered)
    _wait_for(lambda: verify.worker is None)
    assert verify.state == "invalid"
    verify.file_edit.setText(str(stick / altered.name))
    made.append(out / "verify_invalid.png")
    shoot_over(window, verify, made[-1])
    verify.close()

    certificates = window.show_certificates()
    assert certificates is not None
    made.append(out / "certificates.png")
    shoot_over(window, certificates, made[-1])
    certificates.close()
    return made


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    small = "--small" in args
    folders = [a for a in args if a not in ("--small", "--editor")]
    out = Path(folders[0]) if folders else Path("docs/screenshots")
    make_screenshots(out, SMALL if small else SCREEN, editor_only="--editor" in args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
