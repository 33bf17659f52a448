"""Fields of a form bound to the inspection's paths: shown from the store, saved through the session.

One binding for every form of the editor (the certificate, the shipment, the production and valuation): a
field shows what is stored (never over typing not stored yet), journals each keystroke under its path, and
saves itself on a pause, Enter or leaving it, as one audited change the editor can undo. A text the core's
parser refuses stays in the box with the parser's sentence beside it, and nothing is saved.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QPushButton, QWidget

from kpmonitor.domain.inspection import parse_moment
from kpmonitor.gui.common.fields import CodeField, HsCodesField, TextField, describe_moment, local_now
from kpmonitor.gui.common.labels import FeedbackLabel
from kpmonitor.gui.editor.history import Said, Where

if TYPE_CHECKING:
    from kpmonitor.domain.inspection import Inspection
    from kpmonitor.gui.session import InspectionSession


class ChoiceField(QWidget):
    """A drop-down of fixed choices (yes / no / not recorded, a valuation method), stored when one is chosen.

    A choice is a change at once, never text being typed: nothing to journal (``typed`` never fires).

    :param choices: ``(stored value, label)``; a stored value that is none of them is shown as it is.
    """

    committed = Signal(object)
    typed = Signal(str)

    def __init__(self, choices: Sequence[tuple[Any, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[Any] = []
        self._value: Any = None
        self.combo = QComboBox(self)
        for value, label in choices:
            self._values.append(value)
            self.combo.addItem(label)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.feedback = FeedbackLabel(self)
        self.feedback.setVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.feedback, 1)
        self.setFocusProxy(self.combo)
        self.combo.activated.connect(self._on_activated)

    def is_editing(self) -> bool:
        return False

    def holds_typing(self) -> bool:
        return False

    def show_stored(self, value: Any) -> None:
        self._value = value
        if value not in self._values:  # from a file, or a later version: shown, so the monitor sees it
            self._values.append(value)
            self.combo.addItem(str(value))
        self.combo.setCurrentIndex(self._values.index(value))

    def text_for(self, value: Any) -> str:
        return self.combo.itemText(self._values.index(value)) if value in self._values else str(value)

    def set_read_only(self, read_only: bool) -> None:
        self.combo.setEnabled(not read_only)

    def text(self) -> str:
        return self.combo.currentText()

    def value(self) -> Any:
        index = self.combo.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def choose(self, value: Any) -> None:
        """Choose ``value`` as the monitor would (tests, the keyboard): stored at once."""
        self.combo.setCurrentIndex(self._values.index(value))
        self._on_activated(self.combo.currentIndex())

    def _on_activated(self, _index: int) -> None:
        value = self.value()
        if value != self._value:
            self._value = value
            self.committed.emit(value)


Field = TextField | CodeField | HsCodesField | ChoiceField


def compact_form(box: QGroupBox) -> QFormLayout:
    """A form whose labels sit right-aligned beside their fields, never wrapped above them."""
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return form


class BoundFields(QObject):
    """The fields of one tab, each bound to an inspection path and saved through the session.

    :param section: the editor's section the fields are in (where undo shows a change).
    :param values: what each field shows of an inspection, by its path; None: the value at the path.
    :param show: makes a field visible (a scroll area's ``ensureWidgetVisible``) before it takes the cursor.
    :param changes: a field's value → the store's changes, for a field that is not one path (the site's GPS).
    """

    def __init__(self, session: InspectionSession, section: str,
                 values: Callable[[Inspection], dict[str, Any]] | None, show: Callable[[QWidget], None],
                 parent: QObject, *, changes: Callable[[str, Any], dict[str, Any]] | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.section = section
        self.values = values if values is not None else self._at_paths
        self._show = show
        self._changes = changes
        self.fields: dict[str, Field] = {}
        self.names: dict[str, str] = {}  # path → the field's label, to name it in a sentence

    def _at_paths(self, insp: Inspection) -> dict[str, Any]:
        return {path: attrgetter(path)(insp) for path in self.fields}

    # --- building --------------------------------------------------------------------------

    def bind(self, path: str, field: Field, label: str) -> None:
        self.fields[path] = field
        self.names[path] = label.replace("&", "")
        field.committed.connect(lambda value, p=path: self._on_committed(p, value))
        if isinstance(field, TextField | CodeField):  # a box ticked or a choice made is a change at once
            field.typed.connect(lambda text, p=path: self.session.journal(p, text))

    def add(self, form: QFormLayout, path: str, field: Field, label: str) -> Field:
        self.bind(path, field, label)
        form.addRow(label, field)
        return field

    def text(self, form: QFormLayout, path: str, label: str, placeholder: str = "",
             parse: Callable[[str], Any] = str.strip) -> TextField:
        field = TextField(parse, placeholder=placeholder)
        self.add(form, path, field, label)
        return field

    def amount(self, form: QFormLayout, path: str, label: str, parse: Callable[[str], int],
               understood: Callable[[int], str], placeholder: str) -> TextField:
        """An amount in hundredths (carats, cents, kilograms), written grouped, what was understood beside it."""
        from kpmonitor.domain.quantities import grouped

        field = TextField(parse, to_text=grouped, understood=understood, empty=None, placeholder=placeholder)
        field.set_edit_width(130)
        self.add(form, path, field, label)
        return field

    def moment(self, form: QFormLayout, path: str, label: str, what: str) -> TextField:
        """A moment typed as ISO 8601 with its zone, or set to now with the button beside it."""
        field = TextField(lambda t: parse_moment(t, what), understood=describe_moment,
                          placeholder="2026-11-21T09:30+02:00")
        field.set_edit_width(200)
        now_button = QPushButton(self.tr("Now"), field)
        now_button.setToolTip(self.tr("Set to the current time"))
        now_button.setAutoDefault(False)
        now_button.clicked.connect(lambda: self.set_now(path))
        field.insert_widget(now_button)
        self.add(form, path, field, label)
        return field

    def choice(self, form: QFormLayout, path: str, label: str, choices: Sequence[tuple[Any, str]]) -> ChoiceField:
        field = ChoiceField(choices)
        self.add(form, path, field, label)
        return field

    # --- reading and writing ---------------------------------------------------------------

    def refresh(self, insp: Inspection) -> None:
        """Show what is stored, except in a field the monitor is typing in (``show_stored``)."""
        values = self.values(insp)
        read_only = self.session.read_only
        for path, field in self.fields.items():
            field.set_read_only(read_only)
            field.show_stored(values[path])

    def _on_committed(self, path: str, value: Any) -> None:
        field = self.fields[path]
        before = self.values(self.session.inspection)[path]
        said = Said(self.names[path], field.text_for(before), field.text_for(value))
        changes = self._changes(path, value) if self._changes is not None else {path: value}
        stored = self.session.update(changes, said=said, where=Where(self.section, field=path), settles=path)
        if not stored and not isinstance(field, HsCodesField):
            field.feedback.setVisible(True)
            field.feedback.show_error(self.session.last_error or "")

    def set_now(self, path: str) -> None:
        field = self.fields[path]
        assert isinstance(field, TextField)
        field.edit.setText(local_now())
        field.commit()

    def commit_all(self) -> None:
        """Store what is being typed now (leaving the editor)."""
        for field in self.fields.values():
            if isinstance(field, TextField):
                field.commit()

    def typing(self) -> dict[QWidget, Callable[[], bool]]:
        """Each text box, with whether it holds typing not stored (Ctrl+Z there is the box's own: ``undo_keys``)."""
        boxes: dict[QWidget, Callable[[], bool]] = {}
        for field in self.fields.values():
            if isinstance(field, TextField):
                boxes[field.edit] = field.holds_typing
            elif isinstance(field, CodeField):
                boxes[field.combo] = field.holds_typing
        return boxes

    def recover(self, path: str, text: str) -> str | None:
        """Put back what an interruption left typed in a field, saved through the field as if typed now.

        :returns: how the monitor is told what was recovered, or None when the field already holds it.
        """
        field = self.fields.get(path)
        if not isinstance(field, TextField | CodeField) or text == field.text():
            self.session.settle(path)
            return None
        head = self.session.store.audit_head()
        field.recover(text)
        name = self.names[path]
        if field.feedback.is_error:  # kept in the box as typed, its sentence beside it: the monitor decides
            return self.tr("“{field}” as typed (“{text}”), not saved").format(field=name, text=text)
        if self.session.store.audit_head() == head:
            self.session.settle(path)  # it means what is stored
            return None
        return self.tr("“{field}” ({text})").format(field=name, text=field.text())

    def focus(self, path: str) -> bool:
        """Put the cursor in the field of a problem's path (``certificate.hs_codes[0]`` → the HS boxes)."""
        field = self.fields.get(re.sub(r"\[\d+\]$", "", path))
        if field is None:
            return False
        self._show(field)
        if isinstance(field, HsCodesField):
            boxes = list(field.boxes().values())
            if boxes:
                boxes[0].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            field.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
