"""Table columns that keep within the table's width, so that a list never scrolls sideways on a small screen.

While the columns fit at their widths they keep them, on rows of one line. On a narrower table (a field
laptop's 1024 × 600) the wide ones take their compact width and the text wraps on rows of two lines: a
moment keeps its zone ("2026-12-01 22:03" over "UTC+02:00") and an amount all its digits, for cutting
them short would mislead; a table with more columns than even that leaves room for scrolls sideways
rather than cut a word. One column stretches over what the others leave. Row heights stay fixed: nothing
measures every row of a long list.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

STRETCH_MINIMUM = 140  # what the stretching column (a name) keeps, at least
# A column no wider than this keeps its width (an amount, a code); a wider one is halved, down to this at least:
# what "2026-12-01 22:03" and a name's first words need.
TEXT_FLOOR = 130


class ColumnFit(QObject):
    """Fits the columns of ``view`` to its width (see the module); ``compact`` is True while they are narrowed."""

    def __init__(self, view: QTableView, stretch: int, widths: Sequence[int] = (),
                 compact: Sequence[int] | None = None) -> None:
        super().__init__(view)
        self.view = view
        self.stretch = stretch
        self.widths: list[int] = list(widths)
        self.compact_widths: list[int] | None = list(compact) if compact is not None else None
        self.compact: bool | None = None
        self.row_height = view.verticalHeader().defaultSectionSize()  # of one line, as the view was made
        view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        view.installEventFilter(self)
        self.apply()

    def set_widths(self, widths: Sequence[int], compact: Sequence[int] | None = None) -> None:
        """New widths (the content's, once rows are in), fitted at once."""
        self.widths = list(widths)
        self.compact_widths = list(compact) if compact is not None else None
        self.compact = None
        self.apply()

    def room(self) -> int:
        """The width the columns may take: the table's, less its frame and a vertical scroll bar.

        The scroll bar is counted whether shown or not: rows of two lines may bring it, and the columns must
        not then be fitted again, and again. Its width is its size hint's, the style's scroll bar extent:
        asked of the bar, not of ``view.style()``, whose first call makes PySide build its style classes
        (some 10 ms before the list's first paint).
        """
        view = self.view
        bar = view.verticalScrollBar().sizeHint().width()
        return view.width() - 2 * view.frameWidth() - bar

    def narrow_widths(self) -> list[int]:
        """The compact widths: as given, else each wide column halved (``TEXT_FLOOR``)."""
        if self.compact_widths is not None:
            return self.compact_widths
        return [w if w <= TEXT_FLOOR else max(TEXT_FLOOR, w // 2 + 16) for w in self.widths]

    def apply(self) -> None:
        count = len(self.widths)
        if not count:
            return
        others = [i for i in range(count) if i != self.stretch]
        room = self.room() - STRETCH_MINIMUM
        compact = sum(self.widths[i] for i in others) > room
        widths = self.narrow_widths() if compact else self.widths
        header = self.view.horizontalHeader()
        for i in others:
            header.resizeSection(i, widths[i])
        # When even the compact widths leave the stretching column too little, it takes its own and the table
        # scrolls: better than a name squeezed to nothing.
        fits = sum(widths[i] for i in others) <= room
        header.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Stretch if fits
                                    else QHeaderView.ResizeMode.Interactive)
        if not fits:
            header.resizeSection(self.stretch, STRETCH_MINIMUM)
        if compact != self.compact:
            self.compact = compact
            self.view.setWordWrap(compact)
            extra = self.view.fontMetrics().lineSpacing() if compact else 0
            self.view.verticalHeader().setDefaultSectionSize(self.row_height + extra)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self.apply()
        return False
