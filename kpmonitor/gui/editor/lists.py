"""Small tables of rows the store keeps as one list: the certificate's lines per HS code, the valuator's assortment,
the people present, the documents received.

Such a list is set as a whole (``Store.update_inspection(id, {"present": [...]})``): each cell typed, row added or
row removed is one audited change of the list, undone as one. Its rows have no id of their own, so a cell's
journal key names the row by its place (``present/0/name``); rows are added and removed only after the cell
being typed in is stored (``RowsTableView.commit_editing``), so a key never points at another row than the one
typed in. Typing goes as in the parcels table: Tab and Enter from editable cell to editable cell, a value the
parser refuses keeps its cell open with the sentence beside the buttons, Delete removes the selected row at
once (Ctrl+Z brings it back).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpmonitor.domain.inspection import AssortmentLot, CertificateLine, DocumentReceived, Person
from kpmonitor.domain.quantities import grouped, parse_carats, parse_usd
from kpmonitor.gui.common.fields import tr
from kpmonitor.gui.common.labels import FeedbackLabel, error_color, plain_label, warning_color
from kpmonitor.gui.editor.history import Said, Where
from kpmonitor.gui.editor.rows import Column, ComboDelegate, RowsModel, RowsTableView, problem_cell, removed_sentence

if TYPE_CHECKING:
    from kpmonitor.domain.inspection import Inspection, PhotoRef
    from kpmonitor.gui.session import InspectionSession

# Who is usually present at a KP export inspection; offered in the role's drop-down, any other role may be typed.
PERSON_ROLES = ("validating officer", "sealing officer", "customs officer", "police", "company representative",
                "valuator", "buyer", "ministry official", "MMCZ officer")
VISIBLE_ROWS = 4  # a table in a scrolling form shows this many rows before it scrolls itself


class ListModel(RowsModel):
    """A table over one list of the inspection, by its path; amounts in hundredths, written grouped.

    :param row_word: how a sentence names a row, with ``{number}`` (``"line {number}"``).
    :param amounts: the columns holding an amount, with their parser.
    :param shown: the columns shown otherwise than as stored (a document's photo, by its caption).
    """

    def __init__(self, path: str, columns: Sequence[Column], row_word: str, *,
                 amounts: dict[str, Callable[[str], int]] | None = None,
                 shown: dict[str, Callable[[Any], str]] | None = None, parent: QObject | None = None) -> None:
        super().__init__(columns, parent)
        self.list_name = path
        self._row_word = row_word
        self._amounts = amounts or {}
        self._shown = shown or {}

    def row_of(self, item: Any) -> int:
        """The place of a row shown (by identity: two rows may hold the same values)."""
        return next((i for i, r in enumerate(self.rows) if r is item), -1)

    def journal_key(self, item: Any, field: str) -> str:
        return f"{self.list_name}/{self.row_of(item)}/{field}"

    def index_of(self, key: str) -> QModelIndex:
        list_name, _, rest = key.partition("/")
        row, _, field = rest.partition("/")
        column = next((i for i, c in enumerate(self.columns) if c.field == field and c.editable), None)
        if list_name != self.list_name or not row.isdigit() or int(row) >= len(self.rows) or column is None:
            return QModelIndex()
        return self.index(int(row), column)

    def row_name(self, item: Any) -> str:
        row = self.row_of(item)
        return self._row_word.format(number=row + 1 if row >= 0 else "?")

    def display(self, item: Any, field: str) -> str:
        value = getattr(item, field)
        if field in self._shown:
            return self._shown[field](value)
        if value is None:
            return ""
        return grouped(value) if field in self._amounts else str(value)

    def edit_text(self, item: Any, field: str) -> Any:
        if field in self._shown:
            value = getattr(item, field)
            return "" if value is None else value
        return self.display(item, field)

    def parse(self, field: str, value: Any) -> Any:
        text = "" if value is None else str(value).strip()
        if field in self._amounts:
            return self._amounts[field](text) if text else None
        if field in self._shown:  # a choice: "" is none
            return text or None
        return text


class ListSection(QGroupBox):
    """One list of the inspection in a box: its table, Add and Remove, and the sentence of a refused cell.

    :param section: the editor's section the box is in (where undo shows a change).
    :param new_row: an empty row, added by Add.
    :param add_text: the Add button's text; ``add_said``: how adding is told ("add a certificate line").
    :param summary: a line under the table (the lines' totals), or None.
    :param scrolls: in a scrolling form: the table keeps a height of its own rather than take what is left.
    """

    def __init__(self, session: InspectionSession, section: str, model: ListModel, new_row: Callable[[], Any], *,
                 title: str, add_text: str, add_said: str, stretch: str | None = None,
                 summary: Callable[[Inspection], str] | None = None, scrolls: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.session = session
        self.section = section
        self.path = model.list_name
        self.model = model
        model.setParent(self)
        self._new_row = new_row
        self._add_said = add_said
        self._summary = summary
        model.error_color = error_color(self)
        model.warning_color = warning_color(self)
        model.commit = self._commit
        model.journal = session
        model.edit_refused.connect(self._on_edit_refused)

        self.table = RowsTableView(self)
        self.table.setModel(model)
        self.table.apply_column_widths(model.columns, stretch=stretch)
        self.table.remove_requested.connect(self.remove_row)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        if scrolls:
            header = self.table.horizontalHeader().sizeHint().height()
            rows = VISIBLE_ROWS * self.table.verticalHeader().defaultSectionSize()
            self.table.setFixedHeight(header + rows + 2 * self.table.frameWidth())
        self.add_button = QPushButton(add_text, self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(tr("ListSection", "Remove"), self)
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_row)
        self.message = FeedbackLabel(self)
        self.summary = plain_label("", self, wrap=True)
        self.summary.setVisible(summary is not None)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 0 if scrolls else 1)
        layout.addWidget(self.summary)
        self.refresh(session.inspection)
        session.inspection_changed.connect(self.refresh)

    def rows(self, insp: Inspection) -> list[Any]:
        rows: list[Any] = attrgetter(self.path)(insp)
        return rows

    def set_delegate(self, field: str, delegate: ComboDelegate) -> None:
        delegate.setParent(self)
        self.table.setItemDelegateForColumn(self.model.column_of(field), delegate)

    def refresh(self, insp: Inspection) -> None:
        read_only = self.session.read_only
        self.model.read_only = read_only
        self.model.set_rows(self.rows(insp), self.session.problems)
        self.add_button.setEnabled(not read_only)
        if self._summary is not None:
            self.summary.setText(self._summary(insp))
        self._on_current_row_changed(self.table.currentIndex(), QModelIndex())

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.remove_button.setEnabled(current.isValid() and not self.session.read_only)

    def _on_edit_refused(self, sentence: str) -> None:
        self.message.show_error(sentence)

    # --- the changes: each one a new list, stored as a whole ---------------------------------------

    def _store(self, rows: list[Any], said: Said, field: str, settles: str | None = None) -> bool:
        self.message.show_understood("")
        stored = self.session.update({self.path: rows}, said=said, where=Where(self.section, field=field),
                                     settles=settles)
        if not stored:
            self.message.show_error(self.session.last_error or "")
        return stored

    def _commit(self, item: Any, field: str, value: Any) -> bool:
        row = self.model.row_of(item)
        rows = list(self.model.rows)
        rows[row] = dataclasses.replace(item, **{field: value})
        return self._store(rows, self.model.change_said(item, field, value), f"{self.path}[{row}].{field}",
                           settles=self.model.journal_key(item, field))

    def add_row(self) -> None:
        """Add an empty row and start typing its first cell."""
        self.table.commit_editing()
        if self.session.read_only:
            return
        rows = [*self.model.rows, self._new_row()]
        if not self._store(rows, Said(self._add_said), f"{self.path}[{len(rows) - 1}]"):
            return
        index = self.model.index(len(rows) - 1, 0)
        self.table.setFocus()
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def remove_row(self) -> None:
        """Remove the selected row at once: Ctrl+Z brings it back."""
        self.table.commit_editing()
        row = self.table.currentIndex().row()
        if self.session.read_only or not 0 <= row < len(self.model.rows):
            return
        name = self.model.row_name(self.model.rows[row])
        rows = [r for i, r in enumerate(self.model.rows) if i != row]
        if not self._store(rows, Said(tr("ListSection", "remove {row}").format(row=name)), self.path):
            return
        if rows:
            self.table.setCurrentIndex(self.model.index(min(row, len(rows) - 1), 0))
        self.message.show_understood(removed_sentence(name))
        self.session.tell(removed_sentence(name))

    # --- the editor's part: flush, recover, go to a field -------------------------------------------

    def is_editing(self) -> bool:
        return self.table.state() == QAbstractItemView.State.EditingState

    def flush(self) -> None:
        self.table.commit_editing()

    def recover(self, key: str, text: str) -> str | None:
        """Put back what an interruption left typed in a cell (``RowsTableView.recover``)."""
        return self.table.recover(key, text)

    def select(self, path: str) -> bool:
        """Make the row (and cell) of ``path`` current (``present[0].name``); whether the path is this list's."""
        if path == self.path:
            return True
        cell = problem_cell(path, self.path)
        if cell is None:
            return False
        row, field = cell
        if row < self.model.rowCount():
            index = self.model.index(row, self.model.column_of(field) if field else 0)
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
        return True

    def focus_field(self, path: str) -> bool:
        if not self.select(path):
            return False
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True


# --- the four lists --------------------------------------------------------------------------------------


def _lines_summary(insp: Inspection) -> str:
    lines = insp.certificate.lines
    carats = sum(line.carats or 0 for line in lines)
    value = sum(line.value_usd or 0 for line in lines)
    if not lines:
        return tr("ListSection", "No line yet: add one per HS code, with its carats and value as the certificate "
                                 "gives them.")
    return tr("ListSection", "The lines add up to {carats} ct and US$ {value}.").format(
        carats=grouped(carats), value=grouped(value))


def certificate_lines(session: InspectionSession, parent: QWidget) -> ListSection:
    """The certificate's lines: carats and value per HS code (an HS code of the reference offered)."""
    model = ListModel("certificate.lines", [
        Column("hs_code", tr("ListSection", "HS code"), width=100, spoken=tr("ListSection", "HS code")),
        Column("carats", tr("ListSection", "Carats"), right=True, width=120),
        Column("value_usd", tr("ListSection", "Value US$"), right=True, width=130,
               spoken=tr("ListSection", "value (US$)")),
    ], tr("ListSection", "line {number}"), amounts={"carats": parse_carats, "value_usd": parse_usd})
    section = ListSection(session, "certificate", model, CertificateLine,
                          title=tr("ListSection", "Lines per HS code"), add_text=tr("ListSection", "Add line"),
                          add_said=tr("ListSection", "add a certificate line"), stretch="value_usd",
                          summary=_lines_summary, scrolls=True, parent=parent)
    in_scheme = [(hs.code, hs.code) for hs in session.ws.reference.hs_codes.values() if hs.in_scheme]
    section.set_delegate("hs_code", ComboDelegate(lambda: in_scheme, editable=True))
    return section


def assortment(session: InspectionSession, parent: QWidget) -> ListSection:
    """The valuator's assortment: lots by sieve, colour and quality, with their carats."""
    model = ListModel("valuation.assortment", [
        Column("sieve", tr("ListSection", "Sieve"), width=110),
        Column("colour", tr("ListSection", "Colour"), width=120),
        Column("quality", tr("ListSection", "Quality"), width=160),
        Column("carats", tr("ListSection", "Carats"), right=True, width=120),
    ], tr("ListSection", "lot {number}"), amounts={"carats": parse_carats})

    def total(insp: Inspection) -> str:
        lots = insp.valuation.assortment
        return tr("ListSection", "The lots add up to {carats} ct.").format(
            carats=grouped(sum(lot.carats or 0 for lot in lots))) if lots else ""

    return ListSection(session, "valuation", model, AssortmentLot, title=tr("ListSection", "Valuator's assortment"),
                       add_text=tr("ListSection", "Add lot"), add_said=tr("ListSection", "add a lot to the assortment"),
                       stretch="quality", summary=total, scrolls=True, parent=parent)


def people(session: InspectionSession, parent: QWidget) -> ListSection:
    """Who was present: name, role (the usual ones offered, any other typed) and organisation."""
    model = ListModel("present", [
        Column("name", tr("ListSection", "Name"), width=220),
        Column("role", tr("ListSection", "Role"), width=190),
        Column("organisation", tr("ListSection", "Organisation"), width=220),
    ], tr("ListSection", "person {number}"))
    section = ListSection(session, "people", model, Person, title=tr("ListSection", "Present at the inspection"),
                          add_text=tr("ListSection", "Add pe&rson"), add_said=tr("ListSection", "add a person present"),
                          stretch="organisation", parent=parent)
    section.set_delegate("role", ComboDelegate(lambda: [(role, role) for role in PERSON_ROLES], editable=True))
    return section


def photo_choices(photos: Sequence[PhotoRef]) -> list[tuple[str, str]]:
    """The inspection's photos as a document's photo is chosen: ``(sha256, caption (file name))``, none first.

    Each label is its own (two photos with one caption and name are numbered), so the one chosen is the one stored.
    """
    choices = [("", tr("ListSection", "none"))]
    seen: set[str] = {choices[0][1]}
    for photo in photos:
        name = photo.original_name or photo.sha256[:12]
        label = f"{photo.caption} ({name})" if photo.caption else name
        numbered, n = label, 2
        while numbered in seen:
            numbered, n = f"{label} [{n}]", n + 1
        seen.add(numbered)
        choices.append((photo.sha256, numbered))
    return choices


def documents(session: InspectionSession, parent: QWidget) -> ListSection:
    """The documents received: title, reference, and the photo of it (one of the inspection's, or none)."""

    def choices() -> list[tuple[str, str]]:
        return photo_choices(session.inspection.photos)

    def photo_label(sha: str | None) -> str:
        if not sha:
            return ""
        found = next((label for value, label in choices() if value == sha), None)
        return found or tr("ListSection", "a photo no longer attached ({digest}…)").format(digest=sha[:12])

    model = ListModel("documents", [
        Column("title", tr("ListSection", "Document"), width=240, spoken=tr("ListSection", "title")),
        Column("reference", tr("ListSection", "Reference"), width=150),
        Column("photo", tr("ListSection", "Photo"), width=220),
    ], tr("ListSection", "document {number}"), shown={"photo": photo_label})
    section = ListSection(session, "people", model, DocumentReceived, title=tr("ListSection", "Documents received"),
                          add_text=tr("ListSection", "Add docu&ment"),
                          add_said=tr("ListSection", "add a document received"), stretch="photo", parent=parent)
    section.set_delegate("photo", ComboDelegate(choices))
    return section

