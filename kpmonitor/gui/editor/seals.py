"""The seals section, made for a USB barcode scanner.

A scanner types the seal number like a keyboard and ends with Enter. The
cursor stays in the number box: Enter adds the seal with the type, class,
target (a parcel or the container), applier and witness chosen above, and
clears the box for the next scan. A number the core refuses (malformed,
already used here or on another inspection) stays in the box, selected, with
the core's sentence under it, so the next scan replaces it.

A scan made while the cursor is elsewhere in the tab (in "Applied by", in a
cell of the list) is recognised by its speed (``scanner.ScanCatcher``): the
field is put back as it was and the seal is added all the same, and the line
under the box says so.

The target stays what the monitor chose, scan after scan: three container
seals scanned in a row are three container seals. It changes only when the
monitor changes it (or its parcel is removed).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kpmonitor.domain.inspection import (
    ISO_CLASSES,
    SEAL_TYPES,
    Seal,
    SealEvent,
    SealEventKind,
    applied_event,
    normalise_seal_number,
    parse_moment,
)
from kpmonitor.domain.moments import show_moment
from kpmonitor.gui.common.fields import describe_moment, tr
from kpmonitor.gui.common.labels import FeedbackLabel, error_color, ok_color, warning_color
from kpmonitor.gui.common.words import event_label, iso_class_label, seal_type_label
from kpmonitor.gui.editor.history import Said, Where
from kpmonitor.gui.editor.rows import (
    Column,
    ComboDelegate,
    RowsModel,
    RowsTableView,
    problem_cell,
    removed_sentence,
)
from kpmonitor.gui.editor.scanner import ScanCatcher

if TYPE_CHECKING:
    from kpmonitor.domain.inspection import Inspection
    from kpmonitor.gui.session import InspectionSession

CONTAINER = ""  # the "what it seals" choice for the container (a seal's parcel is None)
VERIFICATION_EVENTS = (SealEventKind.VERIFIED_INTACT, SealEventKind.BROKEN, SealEventKind.NUMBER_MISMATCH,
                       SealEventKind.MISSING)


def local_moment() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def target_label(parcel: str | None, *, in_sentence: bool = False) -> str:
    """How what a seal is on reads, in the list, the drop-downs and the messages."""
    if parcel is None:
        return tr("SealsModel", "the container") if in_sentence else tr("SealsModel", "container")
    return tr("SealsModel", "parcel {number}").format(number=parcel)


class SealsModel(RowsModel):
    list_name = "seals"
    problem_columns: ClassVar[dict[str, str]] = {"events": "status"}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column("number", self.tr("Seal number"), width=140),
            Column("parcel", self.tr("On"), width=90),  # beside its number: what the seal is on, read at once
            Column("type", self.tr("Type"), width=80),
            Column("iso_class", self.tr("Class"), width=60),
            Column("applied_by", self.tr("Applied by"), width=140),
            Column("witness", self.tr("Witness"), width=140),
            Column("applied_at", self.tr("Applied at"), width=190),  # a moment and its zone, whole
            Column("manufacturer", self.tr("Manufacturer"), width=100),
            Column("applied_place", self.tr("Place"), width=140),
            Column("status", self.tr("Last event"), editable=False, width=160),
        ], parent)

    def row_name(self, item: Any) -> str:
        seal: Seal = item
        return self.tr("seal {number}").format(number=seal.number)

    def display(self, item: Any, field: str) -> str:
        seal: Seal = item
        if field == "parcel":
            return target_label(seal.parcel)
        if field == "applied_at":
            return show_moment(seal.applied_at) if seal.applied_at else ""
        if field == "type":
            return seal_type_label(seal.type)
        if field == "status":
            if not seal.events:
                return ""
            last = seal.events[-1]
            return event_label(last.kind) + (f" — {last.note}" if last.note else "")
        return super().display(item, field)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.FontRole and index.isValid()
                and self.columns[index.column()].field == "parcel"):
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)

    def edit_text(self, item: Any, field: str) -> Any:
        seal: Seal = item
        if field == "parcel":
            return CONTAINER if seal.parcel is None else seal.parcel
        if field == "applied_at":
            return seal.applied_at
        if field == "type":
            return seal.type  # the stored code: the drop-down finds it among its values
        return super().edit_text(item, field)

    def tooltip(self, item: Any, field: str) -> str | None:
        seal: Seal = item
        if field == "applied_at" and seal.applied_at:
            return describe_moment(seal.applied_at).removeprefix("= ")
        if field == "status" and seal.events:
            return "\n".join(f"{event_label(e.kind)} — {show_moment(e.at)} — {e.by}"
                             + (f" — {e.note}" if e.note else "") for e in seal.events)
        return super().tooltip(item, field)

    def parse(self, field: str, value: Any) -> Any:
        text = "" if value is None else str(value).strip()
        if field == "applied_at":
            return parse_moment(text, "time the seal was applied") if text else ""
        if field == "parcel":
            return None if text == CONTAINER else text
        return text


class EventsModel(RowsModel):
    list_name = "events"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column("kind", self.tr("Event"), editable=False, width=130),
            Column("at", self.tr("When"), editable=False, width=190),
            Column("by", self.tr("By"), editable=False, width=140),
            Column("note", self.tr("Note"), editable=False, width=200),
        ], parent)

    def display(self, item: Any, field: str) -> str:
        event: SealEvent = item
        if field == "kind":
            return event_label(event.kind)
        if field == "at":
            return show_moment(event.at)
        return super().display(item, field)


class SealsSectionWidget(QWidget):
    """Scan seals in, then record what becomes of them."""

    def __init__(self, session: InspectionSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session

        entry = self._build_entry()

        # --- the seals recorded ---
        self.model = SealsModel(self)
        self.model.error_color = error_color(self)
        self.model.warning_color = warning_color(self)
        self.model.commit = self._commit
        self.model.journal = session
        self.model.edit_refused.connect(self._on_edit_refused)
        self.table = RowsTableView(self)
        self.table.setModel(self.model)
        self.table.apply_column_widths(self.model.columns)
        types = [(t, seal_type_label(t)) for t in SEAL_TYPES]
        self.table.setItemDelegateForColumn(self.model.column_of("type"), ComboDelegate(lambda: types, parent=self))
        self.table.setItemDelegateForColumn(self.model.column_of("iso_class"),
                                            ComboDelegate(lambda: [(c, c) for c in ISO_CLASSES], parent=self))
        self.table.setItemDelegateForColumn(self.model.column_of("parcel"),
                                            ComboDelegate(self._targets, parent=self))
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.table.remove_requested.connect(lambda: self.remove_seal(ask=False))
        # What became of a seal, recorded from its row: right-click (or the menu key) on it.
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_context_menu_requested)
        self.table_message = FeedbackLabel(self)

        self.remove_button = QPushButton(self.tr("Remove seal"), self)
        self.remove_button.clicked.connect(self.remove_seal)
        table_box = QWidget(self)
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.table_message, 1)
        row.addWidget(self.remove_button)
        table_layout.addWidget(self.table, 1)
        table_layout.addLayout(row)

        # --- what became of the selected seal ---
        self.events_box = QGroupBox(self.tr("Events of the selected seal"), self)
        self.events = EventsModel(self)
        self.events_view = RowsTableView(self.events_box)
        self.events_view.setModel(self.events)
        self.events_view.apply_column_widths(self.events.columns, stretch="note")
        self.events_view.remove_requested.connect(self.remove_event)
        self.event_note = QLineEdit(self.events_box)
        self.event_note.setPlaceholderText(self.tr("note (what was seen)"))
        self.event_buttons: dict[SealEventKind, QPushButton] = {}
        buttons = QHBoxLayout()
        note_form = QFormLayout()
        note_form.addRow(self.tr("&Note"), self.event_note)
        buttons.addLayout(note_form, 1)
        for kind in VERIFICATION_EVENTS:
            button = QPushButton(event_label(kind), self.events_box)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, k=kind: self.add_event(k))
            buttons.addWidget(button)
            self.event_buttons[kind] = button
        self.remove_event_button = QPushButton(self.tr("Remove event"), self.events_box)
        self.remove_event_button.clicked.connect(self.remove_event)
        buttons.addWidget(self.remove_event_button)
        events_layout = QVBoxLayout(self.events_box)
        events_layout.addWidget(self.events_view, 1)
        events_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(table_box)
        splitter.addWidget(self.events_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(entry)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.number)

        self.refresh(session.inspection)
        session.inspection_changed.connect(self.refresh)
        self.scans = ScanCatcher(self, self.add_scanned)

    def _build_entry(self) -> QGroupBox:
        """The scanner line: the number box, what the seal goes on, and the choices every new seal takes."""
        entry = QGroupBox(self.tr("Scan or type a seal number, then Enter"), self)
        self.number = QLineEdit(entry)
        self.number.setObjectName("seal_number")
        self.number.setPlaceholderText(self.tr("seal number"))
        self.number.setMaxLength(64)
        big = QFont(self.number.font())
        big.setPointSizeF(big.pointSizeF() * 1.4)
        big.setFamily("monospace")
        big.setStyleHint(QFont.StyleHint.Monospace)
        self.number.setFont(big)
        self.number.returnPressed.connect(self.add_seal)
        self.add_button = QPushButton(self.tr("Add seal"), entry)
        self.add_button.setAutoDefault(False)
        self.add_button.setToolTip(self.tr("Enter in the number box does the same ({key} puts the cursor there)")
                                   .format(key=QKeySequence("Ctrl+Shift+S").toString(
                                       QKeySequence.SequenceFormat.NativeText)))
        self.add_button.clicked.connect(self.add_seal)
        self.entry_message = FeedbackLabel(entry)
        self.entry_message.setObjectName("seal_message")

        self.type_choice = QComboBox(entry)
        for kind in SEAL_TYPES:
            self.type_choice.addItem(seal_type_label(kind), kind)
        self.class_choice = QComboBox(entry)
        for cls in ISO_CLASSES:
            self.class_choice.addItem(iso_class_label(cls), cls)
        self.class_choice.setCurrentIndex(ISO_CLASSES.index("S"))
        # What the next seal goes on (a parcel's id, or CONTAINER): beside the box, in its large type.
        self.target_choice = QComboBox(entry)
        self.target_choice.setObjectName("seal_target")
        self.target_choice.setFont(big)
        self.target_choice.setMinimumContentsLength(12)
        self.target_choice.setToolTip(self.tr("What the next seal scanned goes on; it stays until you change it"))
        self.target_choice.activated.connect(self._on_target_chosen)
        # Until the monitor chooses a target (or adds a seal on it) it is only a default, which follows the
        # parcels as they are added; from then on it is the monitor's, and no scan moves it.
        self._target_kept = False
        self.manufacturer = QLineEdit(entry)
        self.applied_by = QLineEdit(entry)
        self.applied_by.setPlaceholderText(self.tr("e.g. MMCZ sealing officer"))
        self.witness = QLineEdit(entry)

        on_label = QLabel(self.tr("&on"), entry)
        on_label.setFont(big)
        on_label.setBuddy(self.target_choice)
        top = QHBoxLayout()
        top.addWidget(self.number, 1)
        top.addWidget(on_label)
        top.addWidget(self.target_choice)
        top.addWidget(self.add_button)
        defaults = QGridLayout()
        defaults.setHorizontalSpacing(8)
        pairs: list[tuple[str, QWidget]] = [
            (self.tr("T&ype"), self.type_choice), (self.tr("C&lass"), self.class_choice),
            (self.tr("&Manufacturer"), self.manufacturer), (self.tr("Applied &by"), self.applied_by),
            (self.tr("&Witness"), self.witness),
        ]
        for i, (text, widget) in enumerate(pairs):
            label = QLabel(text, entry)
            label.setBuddy(widget)
            defaults.addWidget(label, i // 3, (i % 3) * 2, Qt.AlignmentFlag.AlignRight)
            defaults.addWidget(widget, i // 3, (i % 3) * 2 + 1)
        for col in (1, 3, 5):
            defaults.setColumnStretch(col, 1)
        entry_layout = QVBoxLayout(entry)
        entry_layout.addLayout(top)
        entry_layout.addWidget(self.entry_message)
        entry_layout.addLayout(defaults)
        return entry

    # --- showing -------------------------------------------------------------------------------

    def _targets(self) -> list[tuple[str, str]]:
        """The list's drop-down: by parcel number, as a seal records it."""
        return [(CONTAINER, target_label(None)),
                *[(p.number, target_label(p.number)) for p in self.session.inspection.parcels if p.number]]

    def refresh(self, insp: Inspection) -> None:
        read_only = self.session.read_only
        # The target stays where the monitor put it (by the parcel's id: a renumbered parcel keeps it).
        kept = self.target_choice.currentData() if self._target_kept and self.target_choice.count() else None
        self.target_choice.blockSignals(True)
        self.target_choice.clear()
        self.target_choice.addItem(target_label(None), CONTAINER)
        for parcel in insp.parcels:
            if parcel.number:
                self.target_choice.addItem(target_label(parcel.number), parcel.id)
        found = self.target_choice.findData(kept) if kept is not None else -1
        self.target_choice.setCurrentIndex(found if found >= 0 else self._first_unsealed_target())
        self.target_choice.blockSignals(False)
        self.model.read_only = read_only
        self.model.set_rows(insp.seals, self.session.problems)
        self.table.select_first_if_none()
        for widget in (self.number, self.add_button, self.remove_button, self.event_note,
                       *self.event_buttons.values(), self.remove_event_button, self.type_choice,
                       self.class_choice, self.target_choice, self.applied_by, self.witness, self.manufacturer):
            widget.setEnabled(not read_only)
        self._show_events()

    def _first_unsealed_target(self) -> int:
        """The default target: the first parcel without a seal, else the container."""
        insp = self.session.inspection
        sealed = {s.parcel for s in insp.seals}
        for parcel in insp.parcels:
            if parcel.number and parcel.number not in sealed:
                return max(self.target_choice.findData(parcel.id), 0)
        return 0

    def _on_target_chosen(self, _index: int) -> None:
        self._target_kept = True

    def target_parcel(self) -> str | None:
        """The number of the parcel the next seal goes on; None for the container."""
        target = self.target_choice.currentData()
        parcel = next((p for p in self.session.inspection.parcels if target and p.id == target), None)
        return parcel.number if parcel is not None else None

    def selected_seal(self) -> Seal | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def _show_events(self) -> None:
        seal = self.selected_seal()
        self.events.set_rows(seal.events if seal else [])
        title = (self.tr("Events of seal {number}").format(number=seal.number) if seal
                 else self.tr("Events of the selected seal"))
        self.events_box.setTitle(title)
        enabled = seal is not None and not self.session.read_only
        for button in self.event_buttons.values():
            button.setEnabled(enabled)
        self.remove_button.setEnabled(enabled)
        self.remove_event_button.setEnabled(enabled and self.events.rowCount() > 0)

    def _on_current_row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_events()

    # --- scanning --------------------------------------------------------------------------

    def focus_number(self) -> None:
        self.number.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.number.selectAll()

    def add_seal(self) -> None:
        """Add the seal typed or scanned in the number box; refuse it in place with the core's sentence."""
        self._add_from_box(scanned=False)

    def _add_from_box(self, *, scanned: bool) -> None:
        self.table.commit_editing()
        text = self.number.text().strip()
        if not text:
            self.number.setFocus()
            return
        stored = self._record_seal(text)
        if stored is None:
            self.entry_message.show_error(self.session.last_error or "")
            self.number.setFocus()
            self.number.selectAll()
            return
        self._say_added(stored, scanned=scanned)
        self.number.clear()
        self.number.setFocus()

    def add_scanned(self, text: str, fell_into: QWidget) -> None:
        """A scanner's burst, caught wherever it fell in the tab (already put back): add it as a seal."""
        if fell_into is self.number:
            self.number.setText(text)  # a scan replaces what the box held, as it does when it is selected
            self._add_from_box(scanned=True)
            return
        field = self._field_name(fell_into)
        if self.table.viewport().isAncestorOf(fell_into):
            fell_into = self.table  # a cell being typed in: closed just below, the list keeps the focus
        self.table.commit_editing()  # the monitor's own text in that cell (the scan taken out): stored
        self.table_message.show_understood("")  # a "not typed in" the scan's keys may have caused
        stored = self._record_seal(text.strip())
        if stored is None:
            self.entry_message.show_error(self.tr("Scanned seal {number} was not added: {why}").format(
                number=text.strip(), why=self.session.last_error or ""))
        else:
            self._say_added(stored, scanned=True, fell_into=field)
        if fell_into.isVisible() and fell_into.isEnabled():
            fell_into.setFocus(Qt.FocusReason.OtherFocusReason)  # the monitor goes on where they were

    def _record_seal(self, text: str) -> Seal | None:
        """The one way a seal is added from the tab: the choices above, now, the site. None: refused.

        Its "applied" event names whoever the form says applied it (an MMCZ officer, say), not the monitor
        typing it in: the report prints that event.
        """
        parcel = self.target_parcel()
        seal = Seal(number=text, type=str(self.type_choice.currentData()),
                    iso_class=str(self.class_choice.currentData()), manufacturer=self.manufacturer.text().strip(),
                    parcel=parcel, applied_by=self.applied_by.text().strip(), witness=self.witness.text().strip(),
                    applied_at=local_moment(), applied_place=self.session.inspection.site)
        seal.events.append(applied_event(seal))
        # Used, the target is the monitor's: set before the write, whose reload would otherwise move the
        # default on to the next parcel without a seal.
        self._target_kept = True
        said = Said(self.tr("add seal {number}").format(number=normalise_seal_number(text)))
        if not self.session.add_row("seals", seal, said=said, where=Where("seals")):
            return None
        self.table.setCurrentIndex(self.model.index(len(self.model.rows) - 1, 0))
        return self.session.inspection.seals[-1]

    def _say_added(self, stored: Seal, *, scanned: bool, fell_into: str = "") -> None:
        where = target_label(stored.parcel, in_sentence=True)
        if not scanned:
            text = self.tr("Seal {number} added to {where}.")
        elif not fell_into:
            text = self.tr("Scanned seal {number} added to {where}.")
        else:
            text = self.tr("Scanned seal {number} added to {where}; “{field}”, where the scan was typed, "
                           "is back as it was.")
        self.entry_message.show_understood(text.format(number=stored.number, where=where, field=fell_into))
        self._paint_message_ok()

    def _field_name(self, widget: QWidget) -> str:
        """What the monitor calls the field a scan fell into: its label, or the list it is in."""
        if widget is self.target_choice:
            return self.tr("what the seal goes on")
        for label in self.findChildren(QLabel):
            if label.buddy() is widget:
                return label.text().replace("&", "")
        if widget is self.table or self.table.isAncestorOf(widget):
            return self.tr("the list of seals")
        if widget is self.events_view or self.events_view.isAncestorOf(widget):
            return self.tr("the list of events")
        return self.tr("another field")

    def _paint_message_ok(self) -> None:
        palette = self.entry_message.palette()
        palette.setColor(self.entry_message.foregroundRole(), ok_color(self))
        self.entry_message.setPalette(palette)

    # --- editing the table -----------------------------------------------------------------

    def _commit(self, seal: Seal, field: str, value: Any) -> bool:
        assert seal.id is not None
        seal_id = seal.id
        self.table_message.show_understood("")
        if field == "parcel":
            parcel = self.session.inspection.parcel_by_number(value) if value else None
            changes: dict[str, Any] = {"parcel_id": parcel.id if parcel else None}
        else:
            changes = {field: value}
        ok = self.session.update_row("seals", seal_id, changes, said=self.model.change_said(seal, field, value),
                                     where=Where("seals", seal_id, field), settles=self.model.journal_key(seal, field))
        if not ok:
            self.table_message.show_error(self.session.last_error or "")
        return ok

    def _on_edit_refused(self, sentence: str) -> None:
        self.table_message.show_error(sentence)

    def confirm_remove(self, seal: Seal) -> bool:
        from kpmonitor.gui.common.dialogs import confirm

        return confirm(self, self.tr("Remove seal"),
                       self.tr("Remove seal {number} and its events from this inspection?").format(
                           number=seal.number))

    def remove_seal(self, *, ask: bool = True) -> None:
        """Remove the selected seal and its events: asked first from the button or the menu; at once with Delete,
        Ctrl+Z being the safety."""
        self.table.commit_editing()
        seal = self.selected_seal()
        if seal is None or seal.id is None or self.session.read_only or (ask and not self.confirm_remove(seal)):
            return
        row = self.table.currentIndex().row()
        name = self.model.row_name(seal)
        if not self.session.remove_row("seals", seal.id, said=Said(self.tr("remove {row}").format(row=name)),
                                       where=Where("seals", seal.id)):
            self.table_message.show_error(self.session.last_error or "")
            return
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 0))
        self._show_events()
        self.table_message.show_understood(removed_sentence(name))
        self.session.tell(removed_sentence(name))

    # --- events ----------------------------------------------------------------------------

    def _on_context_menu_requested(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid() or self.session.read_only:
            return
        self.table.setCurrentIndex(index)
        menu = QMenu(self.table)
        for kind in VERIFICATION_EVENTS:
            action = menu.addAction(event_label(kind))
            action.triggered.connect(lambda _checked=False, k=kind: self.add_event(k))
        menu.addSeparator()
        remove = menu.addAction(self.tr("Remove seal…"))
        remove.triggered.connect(self.remove_seal)
        self.context_menu = menu
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def add_event(self, kind: SealEventKind) -> None:
        """Record what was found of the selected seal: intact, broken, wrong number, missing."""
        self.table.commit_editing()
        seal = self.selected_seal()
        if seal is None or seal.id is None:
            return
        seal_id = seal.id
        event = SealEvent(kind, at=local_moment(), by=self.session.ws.actor, note=self.event_note.text().strip())
        row = self.table.currentIndex().row()
        said = Said(self.tr("record “{event}” on seal {number}").format(event=event_label(kind), number=seal.number))
        if self.session.add_row("events", event, seal_id=seal_id, said=said, where=Where("seals", seal_id, "status")):
            self.event_note.clear()
            self.table.setCurrentIndex(self.model.index(row, self.model.column_of("status")))
            self._show_events()
        else:
            self.table_message.show_error(self.session.last_error or "")

    def remove_event(self) -> None:
        row = self.events_view.currentIndex().row()
        if not 0 <= row < len(self.events.rows):
            row = len(self.events.rows) - 1
        if row < 0:
            return
        seal = self.selected_seal()
        event = self.events.rows[row]
        if seal is None or seal.id is None or event.id is None or self.session.read_only:
            return
        said = Said(self.tr("remove the event “{event}” of seal {number}").format(event=event_label(event.kind),
                                                                                  number=seal.number))
        if self.session.remove_row("events", event.id, said=said, where=Where("seals", seal.id, "status")):
            self._show_events()
        else:
            self.table_message.show_error(self.session.last_error or "")

    def recover(self, key: str, text: str) -> str | None:
        """Put back what an interruption left typed in a cell (``RowsTableView.recover``)."""
        return self.table.recover(key, text)

    def focus_field(self, path: str) -> bool:
        if path == "seals":
            self.focus_number()
            return True
        cell = problem_cell(path, "seals")
        if cell is None or cell[0] >= self.model.rowCount():
            return False
        row, field = cell
        field = self.model.problem_columns.get(field, field)
        index = self.model.index(row, self.model.column_of(field) if field else 0)
        self.table.setFocus()
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True
