"""Signing an inspection: what still stands in the way, the passphrase, the signing, and what comes after.

The dialog lists the problems the rules find. An error blocks signing (the
Sign button stays disabled and says so); a warning can be acknowledged in
place, with the note that goes into the report. Signing comes in three phases
(``gui.common.workers`` says why): the dialog reads what signing needs, a task
on the pool makes the signed PDF without the database, and the dialog records
the report when it arrives, both through the GUI's store; the editor's session
reloads the inspection and shows it signed and read-only. A wrong passphrase is said in the dialog, which stays open.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpmonitor.errors import KPError
from kpmonitor.gui.common.dialogs import accept_on_ctrl_enter, fit_to_screen
from kpmonitor.gui.common.labels import FeedbackLabel, error_color, ok_color, plain_label, warning_color
from kpmonitor.gui.common.workers import Task, core_call, run_task
from kpmonitor.gui.editor.validation_panel import ProblemsModel, acknowledge_asking, acknowledged_with

if TYPE_CHECKING:
    from kpmonitor.gui.session import InspectionSession
    from kpmonitor.report.sign import SignedBuild, SignedReport
    from kpmonitor.rules.problems import Problem

log = logging.getLogger(__name__)

SIGN_STEPS = 5  # the core's progress steps: key, seal, render, sign, record
FAILURE = "The inspection could not be signed; nothing was changed."


class SignDialog(QDialog):
    """Sign the inspection of a session; ``inspection_signed`` carries the ``SignedReport``."""

    inspection_signed = Signal(object)  # SignedReport
    sign_failed = Signal(str)           # the sentence shown
    export_requested = Signal(str)      # report id
    field_requested = Signal(str)       # a problem's field path, to fix it in the editor

    def __init__(self, session: InspectionSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.worker: Task[SignedBuild] | None = None  # signing in progress
        self.report: SignedReport | None = None
        number = session.inspection.certificate.number or self.tr("(no number yet)")
        self.setWindowTitle(self.tr("Sign {number}").format(number=number))
        heading = self._build_heading()
        problem_buttons = self._build_problems()
        self._build_passphrase()
        self._build_language()
        self._build_feedback()
        self._build_buttons()
        self._lay_out(heading, problem_buttons)
        self.has_key = self._describe_signer()
        session.problems_changed.connect(self._on_problems_changed)
        self._on_problems_changed(session.problems)
        # Ctrl+Enter signs, and once signed goes on to the export.
        accept_on_ctrl_enter(self, lambda: self.export_button if self.report is not None else self.sign_button)
        fit_to_screen(self, 660, self.sizeHint().height() + 20)
        self.passphrase.setFocus()

    def _build_heading(self) -> QLabel:
        """What is about to be frozen, in the words of the certificate (the exporter's name is typed text: plain)."""
        heading = plain_label(self._what_is_signed(), self, wrap=True)
        heading.setObjectName("sign_heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        heading.setFont(font)
        self.summary = plain_label("", self, wrap=True)
        self.summary.setObjectName("sign_summary")
        summary_font = self.summary.font()
        summary_font.setBold(True)
        self.summary.setFont(summary_font)
        return heading

    def _build_problems(self) -> QHBoxLayout:
        """The problems list and its buttons (returned, to lay out under it)."""
        self.model = ProblemsModel.styled_for(self)
        self.problems = QListView(self)
        self.problems.setModel(self.model)
        self.problems.setWordWrap(True)
        self.problems.setSpacing(2)
        self.problems.setIconSize(QSize(16, 16))
        self.problems.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.problems.setResizeMode(QListView.ResizeMode.Adjust)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.selectionModel().currentChanged.connect(self._on_current_changed)
        self.problems.activated.connect(self._on_problem_activated)
        self.acknowledge_button = QPushButton(self.tr("Ac&knowledge…"), self)
        self.acknowledge_button.setToolTip(self.tr("Accept the selected warning, with a note saying why"))
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
        self.go_button = QPushButton(self.tr("&Go to it"), self)
        self.go_button.setToolTip(self.tr("Close this and put the cursor on the selected problem's field"))
        self.go_button.clicked.connect(self._on_go_clicked)
        problem_buttons = QHBoxLayout()
        problem_buttons.addWidget(self.acknowledge_button)
        problem_buttons.addWidget(self.go_button)
        problem_buttons.addStretch(1)
        return problem_buttons

    def _build_passphrase(self) -> None:
        """Who signs, what signing does, and the key's passphrase."""
        self.signer = plain_label("", self, wrap=True)
        self.signer.setObjectName("sign_signer")
        self.freeze_note = plain_label(self.tr(
            "Signing freezes this inspection: nothing in it can be changed afterwards. A correction is made by "
            "amending it, which makes a new version of the report; both stay on record."), self, wrap=True)
        self.passphrase_label = QLabel(self.tr("&Passphrase of the signing key"), self)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhNoPredictiveText
                                            | Qt.InputMethodHint.ImhSensitiveData)
        self.passphrase_label.setBuddy(self.passphrase)
        self.passphrase.textChanged.connect(self._update_buttons)
        self.passphrase.returnPressed.connect(self.sign)

    def _build_language(self) -> None:
        """The report's language: the app's by default; each language in its own name, as the language menu."""
        from kpmonitor.i18n import LANGUAGES, NAMES, current_language

        self.language = QComboBox(self)
        self.language.setObjectName("sign_language")
        for code in LANGUAGES:
            self.language.addItem(NAMES[code], code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.language.setToolTip(self.tr("The language the report is written in. What it states, and its QR seal, "
                                         "are the same in every language."))
        self.language_label = QLabel(self.tr("Report &language"), self)
        self.language_label.setBuddy(self.language)

    def _build_feedback(self) -> None:
        """The progress while signing, the message, and what is said once signed."""
        self.progress = QProgressBar(self)
        self.progress.setRange(0, SIGN_STEPS)
        self.progress.setTextVisible(False)
        self.progress_label = plain_label("", self)
        self.progress.hide()
        self.progress_label.hide()
        self.message = FeedbackLabel(self)
        self.message.setObjectName("sign_message")
        self.done_label = plain_label("", self, wrap=True)
        self.done_label.setObjectName("sign_done")
        bold_font = self.done_label.font()
        bold_font.setBold(True)
        self.done_label.setFont(bold_font)
        self.done_label.hide()

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(self)
        self.sign_button = self.buttons.addButton(self.tr("&Sign"), QDialogButtonBox.ButtonRole.ActionRole)
        self.sign_button.setDefault(True)
        self.sign_button.clicked.connect(self.sign)
        self.open_pdf_button = self.buttons.addButton(self.tr("&Open PDF"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_pdf_button.clicked.connect(self.open_pdf)
        self.export_button = self.buttons.addButton(self.tr("&Export…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setToolTip(self.tr("Write the signed PDF and the bundle for headquarters to a folder "
                                              "(a USB stick)"))
        self.export_button.clicked.connect(self._on_export_clicked)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.clicked.connect(self.reject)
        self.open_pdf_button.hide()
        self.export_button.hide()

    def _lay_out(self, heading: QLabel, problem_buttons: QHBoxLayout) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addLayout(problem_buttons)
        layout.addSpacing(8)
        layout.addWidget(self.signer)
        layout.addWidget(self.freeze_note)
        layout.addSpacing(8)
        # The report's language on the passphrase label's line: no taller than before, so that the dialog still
        # fits a 1024 × 600 screen with its buttons.
        passphrase_row = QHBoxLayout()
        passphrase_row.addWidget(self.passphrase_label)
        passphrase_row.addStretch(1)
        passphrase_row.addWidget(self.language_label)
        passphrase_row.addWidget(self.language)
        layout.addLayout(passphrase_row)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.done_label)
        layout.addStretch(0)  # takes the room the problems list leaves when there are none
        layout.addSpacing(8)
        layout.addWidget(self.buttons)

    def _what_is_signed(self) -> str:
        from kpmonitor.domain.quantities import grouped

        cert = self.session.inspection.certificate
        parts = [cert.number or self.tr("(no number yet)")]
        if cert.exporter.name:
            parts.append(cert.exporter.name)
        if cert.carats is not None:
            parts.append(self.tr("{carats} ct").format(carats=grouped(cert.carats)))
        if cert.value_usd is not None:
            parts.append(self.tr("US$ {value}").format(value=grouped(cert.value_usd)))
        return " — ".join(parts[:2]) + (" · " + ", ".join(parts[2:]) if parts[2:] else "")

    # --- what stands in the way --------------------------------------------------------------

    def blocking(self) -> list[Problem]:
        from kpmonitor.rules.problems import blocking

        return blocking(self.session.problems, self.session.inspection)

    def _on_problems_changed(self, problems: list[Problem]) -> None:
        self.model.set_problems(problems, self.session.inspection)
        errors, to_ack, acked = self.model.counts()
        if errors:
            text = (self.tr("1 error must be fixed before signing.") if errors == 1
                    else self.tr("%n errors must be fixed before signing.", "", errors))
            color = error_color(self)
        elif to_ack:
            text = (self.tr("1 warning must be acknowledged before signing: select it and say why it is "
                            "acceptable.") if to_ack == 1
                    else self.tr("%n warnings must be acknowledged before signing: select each and say why it "
                                 "is acceptable.", "", to_ack))
            color = warning_color(self)
        elif acked:
            text = self.tr("No errors; every warning acknowledged (the notes go into the report). Ready to sign.")
            color = ok_color(self)
        else:
            text = self.tr("No problems. Ready to sign.")
            color = ok_color(self)
        palette = self.summary.palette()
        palette.setColor(self.summary.foregroundRole(), color)
        self.summary.setPalette(palette)
        self.summary.setText(text)
        for widget in (self.problems, self.acknowledge_button, self.go_button):
            widget.setVisible(bool(problems) and self.report is None)
        self._update_buttons()

    def _describe_signer(self) -> bool:
        """Say which certificate will sign; False when the home has no signing key."""
        from kpmonitor.errors import KPError
        from kpmonitor.trust.identity import certificate_summary, self_signed_note
        from kpmonitor.trust.keys import Keyring

        keyring = Keyring(self.session.ws.paths)
        if not keyring.has_signing_key():
            self.signer.setText(self.tr("This home has no signing key yet: make one in Tools → Signing "
                                        "certificate, then sign."))
            return False
        from kpmonitor.report.sign import signer_info, signer_note

        home = self.session.ws.home
        try:
            cert = keyring.device_certificate()
            # The report is signed as the certificate names its monitor and device, whatever the home says.
            note = signer_note(signer_info(cert), home.name, home.device_id)
        except KPError as exc:
            self.signer.setText(exc.message)
            return False
        summary = certificate_summary(cert)
        # Self-signed: what headquarters and a customs verifier will make of the report, in the core's words (as
        # ``kpmonitor sign`` says them), in the warning colour, above the passphrase.
        self_signed = self_signed_note(cert)
        if self_signed:
            text = self_signed
            palette = self.signer.palette()
            palette.setColor(self.signer.foregroundRole(), warning_color(self))
            self.signer.setPalette(palette)
        else:
            text = self.tr("Signing with {name}'s certificate {serial}, issued by {issuer}.").format(
                name=summary["name"], serial=summary["serial"], issuer=summary["issuer"])
        self.signer.setText(text + (" " + note if note else ""))
        return True

    def selected(self) -> Problem | None:
        row = self.problems.currentIndex().row()
        return self.model.problems[row] if 0 <= row < len(self.model.problems) else None

    def _on_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.worker is not None
        done = self.report is not None
        chosen = self.selected()
        self.acknowledge_button.setEnabled(not busy and not done and chosen is not None and chosen.acknowledgeable)
        self.go_button.setEnabled(not busy and not done and chosen is not None)
        stopping = self.blocking()
        self.passphrase.setEnabled(not busy and not done and self.has_key)
        self.language.setEnabled(not busy and not done)
        ready = not stopping and self.has_key and bool(self.passphrase.text()) and not busy and not done
        self.sign_button.setEnabled(ready)
        if stopping:
            self.sign_button.setToolTip(self.tr("Fix the errors and acknowledge the warnings first."))
        elif not self.passphrase.text():
            self.sign_button.setToolTip(self.tr("Type the passphrase of the signing key."))
        else:
            self.sign_button.setToolTip(self.tr("Freeze and sign the inspection"))
        self.close_button.setEnabled(not busy)

    def ask_note(self, problem: Problem, note: str) -> str | None:
        """The monitor's reason for accepting a warning (stored from the dialog), or None if they cancel; tests
        replace this."""
        from kpmonitor.gui.common.dialogs import ask_acknowledgement

        self.acknowledge_dialog, text = ask_acknowledgement(
            self, problem, note, lambda typed: acknowledged_with(self.session, problem, typed))
        return text

    def acknowledge_selected(self) -> None:
        """Acknowledge the selected warning through the editor's session (the one write path)."""
        problem = self.selected()
        if problem is None or not problem.acknowledgeable or self.worker is not None:
            return
        acknowledge_asking(self.session, problem, self.ask_note, self.message)

    def _on_problem_activated(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.model.problems):
            self._go_to(self.model.problems[index.row()])

    def _on_go_clicked(self) -> None:
        problem = self.selected()
        if problem is not None:
            self._go_to(problem)

    def _go_to(self, problem: Problem) -> None:
        if self.worker is not None or self.report is not None:
            return
        self.reject()
        self.field_requested.emit(problem.field)

    # --- signing ---------------------------------------------------------------------------

    def sign(self) -> bool:
        """Start signing in the background; False when something stands in the way (and it is said)."""
        if self.worker is not None or self.report is not None:
            return False
        if self.blocking():
            self.message.show_error(self.tr("The inspection cannot be signed yet: fix the errors and acknowledge "
                                            "the warnings."))
            return False
        passphrase = self.passphrase.text()
        if not passphrase:
            self.message.show_error(self.tr("Type the passphrase of the signing key."))
            self.passphrase.setFocus()
            return False
        from kpmonitor.report.sign import build_signing, prepare_signing

        session = self.session
        language = str(self.language.currentData())
        try:  # reads only, on the GUI thread whose connection it is
            plan = core_call(lambda: prepare_signing(session.ws, session.inspection_id, language=language), FAILURE)
        except KPError as exc:
            self._fail(exc.message, exc)
            return False
        log.info("signing inspection %s", session.inspection_id)
        # The slow middle, without the database: open the key, render, sign.
        self.worker = run_task(lambda progress: build_signing(plan, passphrase, progress=progress), FAILURE,
                               progress=self._on_progress, finished=self._on_built, failed=self._on_failed)
        self.message.show_understood("")
        self._on_progress(0, SIGN_STEPS, "")
        self.progress.show()
        self.progress_label.show()
        self._update_buttons()
        return True

    def _step_text(self, done: int) -> str:
        return {0: self.tr("Opening the signing key…"), 1: self.tr("Sealing the summary in the QR code…"),
                2: self.tr("Rendering the report…"), 3: self.tr("Signing the PDF…"),
                4: self.tr("Recording the report…")}.get(done, self.tr("Signed."))

    def _on_progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress_label.setText(self._step_text(done))

    def _on_failed(self, sentence: str) -> None:
        self._fail(sentence, self.worker.error if self.worker is not None else None)

    def _fail(self, sentence: str, error: KPError | None) -> None:
        from kpmonitor.errors import Conflict
        from kpmonitor.rules.problems import ValidationError
        from kpmonitor.trust.identity import WrongPassphrase

        self.worker = None
        self.progress.hide()
        self.progress_label.hide()
        if isinstance(error, ValidationError | Conflict):
            # Something changed under the dialog (another window, the command line): show the stored state.
            self.session.reload()
        if isinstance(error, WrongPassphrase):
            sentence = self.tr("The passphrase is wrong. Type it again; it is the one chosen when this home was "
                               "made.")
        self.passphrase.clear()
        self.message.show_error(sentence)
        self._update_buttons()
        self.passphrase.setFocus()
        self.sign_failed.emit(sentence)

    def _on_built(self, built: SignedBuild) -> None:
        """The worker made the signed PDF: write it and record the report here, through the GUI's connection."""
        from kpmonitor.report.sign import record_signing

        try:
            report = core_call(lambda: record_signing(self.session.ws, built, progress=self._on_progress), FAILURE)
        except KPError as exc:
            self._fail(exc.message, exc)
            return
        self._on_signed(report)

    def _on_signed(self, report: SignedReport) -> None:
        self.worker = None
        self.report = report
        log.info("signed inspection %s: report %s v%d", self.session.inspection_id, report.report_id,
                 report.version)
        # The store froze the inspection: the editor shows the signed record.
        self.session.reload()
        self.passphrase.clear()
        for widget in (self.problems, self.acknowledge_button, self.go_button, self.freeze_note,
                       self.passphrase_label, self.passphrase, self.progress, self.progress_label, self.sign_button,
                       self.signer, self.language_label, self.language):
            widget.hide()
        self.summary.setText(self.tr("Signed and frozen."))
        self.message.show_understood("")
        self.done_label.setText(self.tr(
            "Report {report}, version {version}, is signed and stored in this home. Export it to a USB stick to "
            "give the PDF to the exporter and the bundle to headquarters.").format(
                report=report.report_id[:8], version=report.version))
        self.done_label.show()
        self.open_pdf_button.show()
        self.export_button.show()
        self.close_button.setText(self.tr("Close"))
        self._update_buttons()
        self.export_button.setFocus()
        self.adjustSize()
        self.inspection_signed.emit(report)

    # --- after signing ---------------------------------------------------------------------

    @property
    def pdf_path(self) -> Path | None:
        return self.report.pdf_path if self.report is not None else None

    def open_pdf(self) -> None:
        """Open the stored PDF in the system's viewer."""
        if self.report is not None and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.pdf_path))):
            self.message.show_error(self.tr("No program to show PDF files was found. The PDF is {path}").format(
                path=self.report.pdf_path))

    def _on_export_clicked(self) -> None:
        if self.report is not None:
            self.accept()
            self.export_requested.emit(self.report.report_id)

    # --- not while signing -----------------------------------------------------------------

    def reject(self) -> None:
        if self.worker is None:  # Escape while signing would leave it half seen
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.worker is not None:
            event.ignore()
            return
        super().closeEvent(event)
