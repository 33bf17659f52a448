"""The verify screen: is this report genuine?

A report PDF (or the bundle made for headquarters) is opened or dropped, or
the text of its QR seal is scanned (a USB scanner types it and presses Enter)
or pasted. The answer is checked
against headquarters' root certificate, the one installed in this home unless
another is chosen, and its revocation list when there is one. The answer is
one of three, in colour: genuine (green), intact but not vouched for by
headquarters (amber: a self-signed certificate, or no root to check against),
or not valid (red); under it every check the core made, what the report
states, and who signed it. Everything that came from the file is shown as
plain text.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpmonitor.domain.moments import show_moment
from kpmonitor.domain.quantities import amount_text
from kpmonitor.domain.text import printable
from kpmonitor.errors import KPError
from kpmonitor.gui.common.dialogs import accept_on_ctrl_enter, fit_to_screen
from kpmonitor.gui.common.labels import (
    FeedbackLabel,
    cell_text,
    error_color,
    muted_color,
    ok_color,
    plain_label,
    safe_tooltip,
)
from kpmonitor.gui.common.words import check_label, verdict_label
from kpmonitor.gui.common.workers import Task, run_task

if TYPE_CHECKING:
    from kpmonitor.paths import Paths
    from kpmonitor.report.verification import Check, Verification
    from kpmonitor.trust.keys import Keyring

log = logging.getLogger(__name__)

GENUINE, INTACT, INVALID = "genuine", "intact", "invalid"
# The headline's colours: the same on a light or a dark palette (white or black text on a solid fill).
STATE_COLOURS = {GENUINE: ("#2e7d32", "#ffffff"), INTACT: ("#f9a825", "#1a1a1a"), INVALID: ("#b3261e", "#ffffff")}
MAX_TEXT_FILE = 64 * 1024  # a QR seal's text is well under a kilobyte


def bundles_verifiable() -> bool:
    """Whether this build verifies bundles (``kpmonitor.bundle.verify``; the core's ``verify_file`` reads them)."""
    try:
        from kpmonitor.bundle.verify import verify_bundle_data  # noqa: F401
    except ImportError:
        return False
    return True


def check_report(keyring: Keyring, trust: Path | None, crl: Path | None, *, path: Path | None = None,
                 text: str = "") -> Verification:
    """Verify a report PDF, a bundle or a QR text file (``path``), else QR text itself (any thread: no database)."""
    from kpmonitor.report.verify import verify_qr_text
    from kpmonitor.trust.keys import load_enrolment, load_trust, load_trust_list
    from kpmonitor.verifying import verify_file

    if path is not None:  # a file that cannot be read, or is a link or a pipe, is a KPError with a sentence
        return verify_file(path, trust=trust, crl=crl, keyring=keyring)
    root, crl_obj = load_trust(trust, crl, keyring)
    # A KP2 seal names its signer by key id: the trust list beside the chosen root, or the home's, says who.
    return verify_qr_text(text, root, crl_obj, enrolment=load_enrolment(root, keyring),
                          trust_list=load_trust_list(None, trust, root, keyring))


def verdict_state(v: Verification) -> str:
    """Green, amber or red: the core's ``Verification.state`` (its verdict sentence is in the core's language)."""
    return {"genuine": GENUINE, "intact": INTACT}.get(v.state, INVALID)


def _sentence_after_prefix(verdict: str) -> str:
    """The core's verdict without its capitalised prefix (GENUINE:, NOT VALID:…), as a sentence."""
    head, sep, rest = verdict.partition(": ")
    text = rest if sep and head.isupper() else verdict
    return text[:1].upper() + text[1:]


class ChecksModel(QAbstractTableModel):
    """The checks of one verification: ✓ or ✗, what was checked, and the core's detail."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.checks: list[Check] = []
        self.ok_color = QColor("#2e7d32")
        self.error_color = QColor("#b3261e")

    def set_checks(self, checks: list[Check]) -> None:
        self.beginResetModel()
        self.checks = list(checks)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.checks)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("", self.tr("Check"), self.tr("What was found"))[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.checks):
            return None
        check = self.checks[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:  # a check's detail can quote the file: escaped
            return cell_text(("✓" if check.ok else "✗", check_label(check.name), check.detail)[column])
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return self.ok_color if check.ok else self.error_color
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return safe_tooltip(check.detail)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0:
            return self.tr("passed") if check.ok else self.tr("failed")
        return None


class VerifyDialog(QDialog):
    """Verify a report PDF, a QR text file or scanned QR text; ``verified`` carries the ``Verification``."""

    verified = Signal(object)    # Verification
    verify_failed = Signal(str)  # a sentence: no such file, a bundle, a root that is not a certificate…

    def __init__(self, paths: Paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from kpmonitor.trust.keys import Keyring

        self.paths = paths
        self.keyring: Keyring = Keyring(paths)
        self.trust_path: Path | None = None
        self.crl_path: Path | None = None
        self.worker: Task[Verification] | None = None  # a check in progress
        self.verification: Verification | None = None
        self.state: str | None = None
        # What was last checked, to check again when the trust changes: ("file", Path) or ("text", str).
        self._source: tuple[str, Any] | None = None
        self.setWindowTitle(self.tr("Verify a report"))
        self.setAcceptDrops(True)

        source = self._build_source()
        trust_box = self._build_trust_box()
        self._build_answer()
        self._build_report_boxes()
        self._lay_out_answer()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        accept_on_ctrl_enter(self, buttons.button(QDialogButtonBox.StandardButton.Close))
        layout = QVBoxLayout(self)
        layout.addLayout(source)
        layout.addWidget(trust_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.headline)
        layout.addWidget(self.verdict)
        layout.addWidget(self.answer, 1)
        layout.addStretch(0)
        layout.addWidget(buttons)
        fit_to_screen(self, 1000, 700)
        self.checks_model.ok_color = ok_color(self)
        self.checks_model.error_color = error_color(self)
        self._describe_trust()

    # --- the dialog's parts, built once ------------------------------------------------------

    def _build_source(self) -> QGridLayout:
        """What to check: a file (PDF, bundle, QR text) or QR text typed or scanned."""
        self.file_edit = QLineEdit(self)
        self.file_edit.setObjectName("report_file")
        self.file_edit.setPlaceholderText(self.tr("Drop a report PDF or bundle here, or open one"))
        self.file_edit.setAcceptDrops(False)  # a dropped file goes to the dialog, not into the text
        self.file_edit.returnPressed.connect(self._on_file_entered)
        file_label = QLabel(self.tr("Report &file:"), self)
        file_label.setBuddy(self.file_edit)
        self.open_button = QPushButton(self.tr("&Open…"), self)
        self.open_button.setToolTip(self.tr("Open a signed report PDF, its bundle, or a text file holding its QR "
                                            "seal"))
        self.open_button.clicked.connect(self._on_open_clicked)
        self.qr_edit = QLineEdit(self)
        self.qr_edit.setObjectName("qr_text")
        self.qr_edit.setPlaceholderText(self.tr("Scan the QR seal on the printed page, or paste its text (KP1:…)"))
        self.qr_edit.setAcceptDrops(False)
        self.qr_edit.returnPressed.connect(self._on_qr_entered)  # a USB scanner types the text and presses Enter
        qr_label = QLabel(self.tr("&QR seal:"), self)
        qr_label.setBuddy(self.qr_edit)
        self.check_button = QPushButton(self.tr("&Check"), self)
        self.check_button.clicked.connect(self._on_qr_entered)
        source = QGridLayout()
        source.addWidget(file_label, 0, 0)
        source.addWidget(self.file_edit, 0, 1)
        source.addWidget(self.open_button, 0, 2)
        source.addWidget(qr_label, 1, 0)
        source.addWidget(self.qr_edit, 1, 1)
        source.addWidget(self.check_button, 1, 2)
        return source

    def _build_trust_box(self) -> QGroupBox:
        """Against what: headquarters' root and revocation list, chosen or this home's."""
        self.root_label = plain_label("", self, wrap=True)
        self.root_label.setObjectName("trust_root")
        self.choose_root_button = QPushButton(self.tr("Choose…"), self)
        self.choose_root_button.setToolTip(self.tr("Check against another headquarters root certificate "
                                                   "(kp-root.pem)"))
        self.choose_root_button.clicked.connect(self._on_choose_root_clicked)
        self.crl_label = plain_label("", self, wrap=True)
        self.crl_label.setObjectName("trust_crl")
        self.choose_crl_button = QPushButton(self.tr("Choose…"), self)
        self.choose_crl_button.setToolTip(self.tr("Check against headquarters' revocation list (kp-crl.pem)"))
        self.choose_crl_button.clicked.connect(self._on_choose_crl_clicked)
        self.home_trust_button = QPushButton(self.tr("Use this home's"), self)
        self.home_trust_button.setToolTip(self.tr("Check against the root and revocation list installed in this "
                                                  "home"))
        self.home_trust_button.clicked.connect(self.use_home_trust)
        trust = QGridLayout()
        trust.addWidget(QLabel(self.tr("Headquarters' root:"), self), 0, 0)
        trust.addWidget(self.root_label, 0, 1)
        trust.addWidget(self.choose_root_button, 0, 2)
        trust.addWidget(QLabel(self.tr("Revocation list:"), self), 1, 0)
        trust.addWidget(self.crl_label, 1, 1)
        trust.addWidget(self.choose_crl_button, 1, 2)
        trust.addWidget(self.home_trust_button, 0, 3, 2, 1, Qt.AlignmentFlag.AlignTop)
        trust.setColumnStretch(1, 1)
        trust_box = QGroupBox(self.tr("Checked against"), self)
        trust_box.setLayout(trust)
        return trust_box

    def _build_answer(self) -> None:
        """The headline, the verdict, progress and the table of checks."""
        self.headline = QLabel(self)
        self.headline.setObjectName("verify_headline")
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.headline.setMinimumHeight(52)
        self.headline.hide()
        self.verdict = plain_label("", self, wrap=True)
        self.verdict.setObjectName("verify_verdict")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.message = FeedbackLabel(self)
        self.message.setObjectName("verify_message")

        self.checks_model = ChecksModel(self)
        self.checks = QTableView(self)
        self.checks.setObjectName("checks")
        self.checks.setModel(self.checks_model)
        self.checks.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.checks.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.checks.setWordWrap(True)
        self.checks.setShowGrid(False)
        self.checks.setAlternatingRowColors(True)
        self.checks.verticalHeader().hide()
        header = self.checks.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, 28)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.checks.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.notes = plain_label("", self, wrap=True)
        self.notes.setObjectName("verify_notes")

    def _build_report_boxes(self) -> None:
        """What the report states and who signed it, as the signed file says."""
        self.report_fields: dict[str, QLabel] = {}
        report_form = QFormLayout()
        for key, label in (("certificate_number", self.tr("Certificate")), ("exporter", self.tr("Exporter")),
                           ("carats", self.tr("Carats")), ("value_usd", self.tr("Value")),
                           ("parcels", self.tr("Parcels")), ("seals", self.tr("Seals")),
                           ("verdict", self.tr("Verdict")), ("monitor", self.tr("Monitor")),
                           ("date", self.tr("Date")), ("report", self.tr("Report"))):
            value = plain_label("", self, wrap=True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.report_fields[key] = value
            report_form.addRow(label, value)
        self.untrusted = FeedbackLabel(self)
        self.untrusted.setObjectName("verify_untrusted")
        report_layout = QVBoxLayout()
        report_layout.addWidget(self.untrusted)
        report_layout.addLayout(report_form)
        self.report_box = QGroupBox(self.tr("What the report states"), self)
        self.report_box.setLayout(report_layout)
        self.report_box.setToolTip(self.tr("The figures as the signed report states them"))
        self.signer_fields: dict[str, QLabel] = {}
        signer_form = QFormLayout()
        for key, label in (("name", self.tr("Monitor")), ("issuer", self.tr("Issued by")),
                           ("serial", self.tr("Serial")), ("valid", self.tr("Valid"))):
            value = plain_label("", self, wrap=True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.signer_fields[key] = value
            signer_form.addRow(label, value)
        self.signer_box = QGroupBox(self.tr("Signed by"), self)
        self.signer_box.setLayout(signer_form)

    def _lay_out_answer(self) -> None:
        """The checks on the left, the report and signer on the right; hidden until there is an answer."""
        left = QVBoxLayout()
        left.addWidget(self.checks, 1)
        left.addWidget(self.notes)
        # What the report states scrolls on its own on a low screen, so that the dialog keeps within 600 pixels.
        states = QWidget(self)
        right = QVBoxLayout(states)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.report_box)
        right.addWidget(self.signer_box)
        right.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(states)
        answer = QHBoxLayout()
        answer.addLayout(left, 3)
        answer.addWidget(scroll, 2)
        self.answer = QWidget(self)
        self.answer.setLayout(answer)
        answer.setContentsMargins(0, 0, 0, 0)
        self.answer.hide()

    # --- what to check against ---------------------------------------------------------------

    def _describe_trust(self) -> None:
        from kpmonitor.trust import identity

        if self.trust_path is not None:
            try:
                name = identity.certificate_summary(identity.load_cert(self.trust_path))["name"]
            except KPError:
                name = self.trust_path.name
            self.root_label.setText(self.tr("{name}, from {file}").format(name=name, file=self.trust_path))
        else:
            root = self._home_root()
            self.root_label.setText(
                self.tr("This home's: {name}").format(name=identity.certificate_summary(root)["name"]) if root
                else self.tr("None installed in this home: choose headquarters' root certificate (kp-root.pem) to "
                             "know whether headquarters vouches for the signer."))
        if self.crl_path is not None:
            self.crl_label.setText(str(self.crl_path))
        elif self.trust_path is not None:
            self.crl_label.setText(self.tr("None: revocations will not be checked. Choose headquarters' list "
                                           "(kp-crl.pem) to check them."))
        else:
            crl = self._home_crl()
            if crl is None:
                self.crl_label.setText(self.tr("None installed in this home: revocations will not be checked."))
            else:
                revoked = (self.tr("1 certificate revoked") if len(crl) == 1
                           else self.tr("%n certificates revoked", "", len(crl)))
                self.crl_label.setText(self.tr("This home's, of {date}: {revoked}").format(
                    date=crl.last_update_utc.date().isoformat(), revoked=revoked))
        self.home_trust_button.setEnabled(self.trust_path is not None or self.crl_path is not None)

    def _home_root(self) -> Any:
        try:
            return self.keyring.root()
        except KPError as exc:
            self.message.show_error(exc.message)
            return None

    def _home_crl(self) -> Any:
        try:
            return self.keyring.crl()
        except KPError as exc:
            self.message.show_error(exc.message)
            return None

    def choose_file(self, title: str, filter_text: str) -> Path | None:
        """A file the user picks; tests replace this."""
        chosen, _filter = QFileDialog.getOpenFileName(self, title, "", filter_text)
        return Path(chosen) if chosen else None

    def _on_choose_root_clicked(self) -> None:
        path = self.choose_file(self.tr("Headquarters' root certificate"),
                                self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if path is not None:
            self.set_trust(path, self.crl_path)

    def _on_choose_crl_clicked(self) -> None:
        path = self.choose_file(self.tr("Headquarters' revocation list"),
                                self.tr("Revocation lists (*.pem *.crl);;All files (*)"))
        if path is not None:
            self.set_trust(self.trust_path, path)

    def set_trust(self, root: Path | None, crl: Path | None) -> bool:
        """Check against these files (None: the home's); checks again what was last checked."""
        from kpmonitor.trust import identity

        if root is not None:
            try:
                identity.load_cert(root)
            except (KPError, OSError) as exc:
                self.message.show_error(self.tr("{file} cannot be used as headquarters' root: {why}").format(
                    file=root.name, why=exc.message if isinstance(exc, KPError) else exc))
                return False
        self.trust_path, self.crl_path = root, crl
        self.message.show_understood("")
        self._describe_trust()
        self._check_again()
        return True

    def use_home_trust(self) -> None:
        self.set_trust(None, None)

    def _check_again(self) -> None:
        if self._source is None or self.worker is not None:
            return
        kind, value = self._source
        if kind == "file":
            self.verify_path(value)
        else:
            self.verify_text(value)

    # --- what to check -----------------------------------------------------------------------

    def _on_open_clicked(self) -> None:
        path = self.choose_file(self.tr("Open a report"),
                                self.tr("Reports, bundles and QR seal text (*.pdf *.kpbundle *.txt);;All files (*)"))
        if path is not None:
            self.verify_path(path)

    def _on_file_entered(self) -> None:
        text = self.file_edit.text().strip()
        if text:
            self.verify_path(Path(text))

    def _on_qr_entered(self) -> None:
        text = self.qr_edit.text().strip()
        if text:
            self.verify_text(text)
        else:
            self.qr_edit.setFocus()

    def verify_path(self, path: Path) -> bool:
        """Check a report PDF or a QR text file in the background; False (and a sentence) when it cannot be."""
        self.file_edit.setText(str(path))
        self._source = ("file", path)
        sentence = None
        if path.suffix.lower() == ".kpbundle" and not bundles_verifiable():
            sentence = self.tr("{name} is a bundle for headquarters' import; this build cannot verify bundles. "
                               "Verify the report's PDF instead.").format(name=path.name)
        elif path.is_dir():
            sentence = self.tr("{name} is a folder; open a report PDF or a QR text file.").format(name=path.name)
        elif not path.exists():
            sentence = self.tr("There is no file {path}.").format(path=path)
        elif path.suffix.lower() not in (".pdf", ".kpbundle", ".txt", "") and not self._starts_like_a_report(path):
            sentence = self.tr("{name} is neither a report PDF, nor a bundle, nor the text of a QR seal.").format(
                name=path.name)
        if sentence is not None:
            self._refuse(sentence)
            return False
        return self._start(path=path)

    @staticmethod
    def _starts_like_a_report(path: Path) -> bool:
        try:
            with path.open("rb") as fh:
                head = fh.read(8)
        except OSError:
            return True  # let the worker say why it cannot be read
        return head.startswith((b"%PDF", b"PK", b"KP"))

    def verify_text(self, text: str) -> bool:
        """Check the text of a QR seal (scanned or pasted)."""
        text = text.strip()
        if len(text) > MAX_TEXT_FILE:
            self._refuse(self.tr("That is far too long to be a QR seal's text."))
            return False
        self.qr_edit.setText(text)
        self._source = ("text", text)
        return self._start(text=text)

    def _start(self, *, path: Path | None = None, text: str = "") -> bool:
        """Check on the pool, against the trust chosen now (only files and the keys folder: no database)."""
        if self.worker is not None:
            self._refuse(self.tr("A check is still running; wait a moment."))
            return False
        keyring, trust, crl = self.keyring, self.trust_path, self.crl_path
        self.worker = run_task(lambda _progress: check_report(keyring, trust, crl, path=path, text=text),
                               "The report could not be checked.", finished=self._on_verified, failed=self._refuse)
        self._clear_answer()
        self.message.show_understood(self.tr("Checking…"))
        self.progress.show()
        self._set_busy(True)
        return True

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.open_button, self.check_button, self.choose_root_button, self.choose_crl_button):
            widget.setEnabled(not busy)
        self.home_trust_button.setEnabled(not busy and (self.trust_path is not None or self.crl_path is not None))

    def _clear_answer(self) -> None:
        self.verification = None
        self.state = None
        self.headline.hide()
        self.verdict.setText("")
        self.answer.hide()
        self.checks_model.set_checks([])

    def _refuse(self, sentence: str) -> None:
        self.worker = None
        self.progress.hide()
        self._set_busy(False)
        self._clear_answer()
        self.message.show_error(sentence)
        self.verify_failed.emit(sentence)

    # --- the answer --------------------------------------------------------------------------

    def _on_verified(self, result: Verification) -> None:
        self.worker = None
        self.progress.hide()
        self._set_busy(False)
        self.message.show_understood("")
        self.show_result(result)
        if self._source is not None and self._source[0] == "text":
            self.qr_edit.selectAll()  # the next scan replaces this one
        log.info("verified %s: %s", self._source[0] if self._source else "?", result.verdict)
        self.verified.emit(result)

    def show_result(self, result: Verification) -> None:
        self.verification = result
        self.state = verdict_state(result)
        fill, ink = STATE_COLOURS[self.state]
        self.headline.setText({GENUINE: self.tr("✓  Genuine"),
                               INTACT: self.tr("⚠  Intact but not vouched for by headquarters"),
                               INVALID: self.tr("✗  Not valid")}[self.state])
        font = self.headline.font()
        font.setPointSizeF(max(self.font().pointSizeF(), 9.0) * 1.8)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setStyleSheet(f"QLabel#verify_headline {{ background: {fill}; color: {ink}; "
                                    f"border-radius: 6px; padding: 8px 14px; }}")
        self.headline.show()
        self.verdict.setText(_sentence_after_prefix(result.verdict))
        self.checks_model.set_checks(result.checks)
        self.checks.resizeRowsToContents()
        notes = [self._note(w) for w in result.warnings]
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        palette = self.notes.palette()
        palette.setColor(self.notes.foregroundRole(), muted_color(self))
        self.notes.setPalette(palette)
        self._show_summary(result.summary)
        self._show_signer(result.signer)
        self.answer.show()

    def _note(self, warning: str) -> str:
        # The core words this one for the command line (it names --crl); say what to do here instead.
        if warning.startswith("Revocation was not checked"):
            return self.tr("Revocation was not checked: choose headquarters' revocation list to check it.")
        return warning

    def _show_summary(self, s: dict[str, Any]) -> None:
        dash = "—"
        seals = s.get("seals")
        seal_text = ", ".join(str(x) for x in seals) if isinstance(seals, list) else ""
        report_id = str(s.get("report_id") or "")
        report = ""
        if report_id:
            report = self.tr("{report}, version {version}").format(report=report_id[:8],
                                                                   version=s.get("report_version"))
            if s.get("supersedes"):
                report += " " + self.tr("(supersedes {report})").format(report=str(s["supersedes"])[:8])
        date = str(s.get("date") or "")
        if not date and s.get("signed_at"):
            date = self.tr("signed {when}").format(when=show_moment(s["signed_at"]))
        values = {
            "certificate_number": str(s.get("certificate_number") or ""),
            "exporter": str(s.get("exporter") or ""),
            "carats": self.tr("{carats} ct").format(carats=amount_text(s["carats"])) if s.get("carats") else "",
            "value_usd": self.tr("US$ {value}").format(value=amount_text(s["value_usd"])) if s.get("value_usd") else "",
            "parcels": "" if s.get("parcels") is None else str(s.get("parcels")),
            "seals": seal_text,
            "verdict": verdict_label(s.get("verdict")) if "verdict" in s else "",
            "monitor": str(s.get("monitor") or ""),
            "date": date,
            "report": report,
        }
        for key, label in self.report_fields.items():
            label.setText(printable(values.get(key) or dash))  # one field of the file's: on one line
        # What a file that failed its checks says is not to be believed: say so, and grey it.
        trusted = self.state != INVALID
        self.report_box.setTitle(self.tr("What the report states") if trusted else self.tr("What the file claims"))
        if trusted:
            self.untrusted.hide()
        else:
            self.untrusted.show_error(self.tr("Not to be trusted: the file failed its checks."))
            self.untrusted.show()
        for label in (*self.report_fields.values(), *self.signer_fields.values()):
            label.setEnabled(trusted)
        self.report_box.setVisible(bool(s))

    def _show_signer(self, signer: dict[str, str]) -> None:
        valid = ""
        if signer.get("not_before") and signer.get("not_after"):
            valid = self.tr("{start} to {end}").format(start=signer["not_before"][:10], end=signer["not_after"][:10])
        issuer = signer.get("issuer", "")
        if issuer and issuer == signer.get("name"):
            issuer = self.tr("{issuer} (itself: self-signed)").format(issuer=issuer)
        values = {"name": signer.get("name", ""), "issuer": issuer, "serial": signer.get("serial", ""),
                  "valid": valid}
        for key, label in self.signer_fields.items():
            label.setText(printable(values.get(key) or "—"))
        self.signer_box.setVisible(bool(signer))

    # --- dropping a file ---------------------------------------------------------------------

    @staticmethod
    def _dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile():
                return Path(url.toLocalFile())
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_file(event) is not None and self.worker is None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.verify_path(path)
