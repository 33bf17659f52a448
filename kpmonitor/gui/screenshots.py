"""Screenshots for the user guide, made offscreen at a laptop's 1366 × 768 from demo data.

    python -m kpmonitor.gui.screenshots [OUT_DIR]     (default: docs/screenshots)

A temporary home is filled with the demo inspections; one of them is put in
the state of an inspection under way (a parcel off its declared weight, one
not yet weighed and acknowledged, a value that does not add up) so that the
validation panel has something to show.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

SCREEN = (1366, 768)


def _settle() -> None:
    from PySide6.QtWidgets import QApplication

    from kpmonitor.gui.workers import pool

    for _ in range(3):
        QApplication.processEvents()
        pool().waitForDone(30_000)
    QApplication.processEvents()


def _shoot(widget: object, path: Path) -> None:
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    _settle()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)


def make_screenshots(out: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from kpmonitor.demo import fill_demo
    from kpmonitor.domain import Inspection, Parcel
    from kpmonitor.gui.app import make_application
    from kpmonitor.gui.main_window import MainWindow
    from kpmonitor.paths import Paths
    from kpmonitor.workspace import Workspace, init_home

    out.mkdir(parents=True, exist_ok=True)
    app = make_application()
    made: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        paths = Paths.for_home(Path(tmp) / "home")
        init_home(paths, "field", "Tendai Moyo")
        with Workspace(paths) as ws:
            fill_demo(ws, count=12, photos=True)
            settings = QSettings(str(Path(tmp) / "gui.ini"), QSettings.Format.IniFormat)
            window = MainWindow(ws, settings)
            window.resize(*SCREEN)
            window.show()
            window.list.table.setCurrentIndex(window.model.index(2, 0))
            made.append(out / "main_window.png")
            _shoot(window, made[-1])

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
            for i, name in enumerate(("certificate", "parcels", "seals", "photos", "findings")):
                editor.show_section(i)
                if name == "parcels":
                    editor.parcels.table.setCurrentIndex(editor.parcels.model.index(2, 3))
                if name == "seals":
                    last = editor.seals.model.rowCount() - 1
                    editor.seals.table.setCurrentIndex(editor.seals.model.index(last, 0))
                    editor.seals.number.setText("ZW-S-100111")
                    editor.seals.add_seal()  # refused: already used, shown in place
                made.append(out / f"editor_{name}.png")
                _shoot(window, made[-1])
                window.statusBar().clearMessage()

            editor.show_section("photos")
            viewer = editor.photos.open_viewer(0)
            viewer.resize(*SCREEN)
            made.append(out / "photo_viewer.png")
            _shoot(viewer, made[-1])
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
            _shoot(window, made[-1])
            window.close()
    del app
    return made


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else Path("docs/screenshots")
    make_screenshots(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
