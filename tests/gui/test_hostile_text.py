"""Text from files is shown escaped in the desktop app: no bidi override reorders a label, no control hides."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kpmonitor.gui.common.labels import cell_text, plain_label, safe_tooltip
from kpmonitor.gui.field.verify_dialog import INVALID, VerifyDialog
from kpmonitor.paths import Paths
from tests.test_hostile_files import ESC, RLO, _forged_seal


def test_labels_cells_and_tool_tips_show_controls_and_overrides_as_escapes(qtbot: QtBot) -> None:
    label = plain_label(f"Amélie{RLO}GENUINE", wrap=True)
    qtbot.addWidget(label)
    assert label.text() == "Amélie\\u202eGENUINE"
    label.setText(f"first line\nsecond{ESC}[2J")  # a label's own lines stay; the escape sequence does not
    assert label.text() == "first line\nsecond\\x1b[2J"
    assert cell_text(f"ZW{RLO}1\n2") == "ZW\\u202e1\\x0a2" and cell_text(3) == 3
    tip = safe_tooltip(f"<b>x</b>{RLO}")
    assert tip is not None and "\\u202e" in tip and RLO not in tip and "&lt;b&gt;" in tip


def test_a_forged_seal_shows_its_claims_escaped_and_untrusted(qtbot: QtBot, home: Paths, tmp_path: Path) -> None:
    seal = tmp_path / "seal.txt"
    seal.write_text(_forged_seal(f"Mallory{ESC}[2K{RLO}", f"ZW {RLO}712400"))
    dialog = VerifyDialog(home)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.verified, timeout=15_000):
        assert dialog.verify_path(seal) is True
    assert dialog.state == INVALID
    assert dialog.report_box.title() == "What the file claims"
    assert dialog.report_fields["certificate_number"].text() == "ZW \\u202e712400"
    shown = [label.text() for label in (*dialog.report_fields.values(), *dialog.signer_fields.values())]
    assert all(ESC not in text and RLO not in text for text in shown)
    model = dialog.checks_model
    cells = [str(model.index(r, c).data()) for r in range(model.rowCount()) for c in range(3)]
    assert all(ESC not in text and RLO not in text for text in cells)
