"""Headquarters' Dashboard tab: the figures of ``hq.dashboard`` as four charts, under a filter.

The window builds this tab the first time it is shown (``HqWindow``): pyqtgraph, and numpy under it, load only
then, so the window's start pays nothing for them. The figures are read on the pool, through a read-only
connection of their own (``hq.dashboard.read_figures``), never on the GUI thread; a read asked for while one runs
follows it. Each chart says what it shows without colour: axis titles with their units, a legend, bar patterns
and point symbols, and a sentence with its numbers beneath (what a screen reader reads). Each exports as PNG (the
chart as drawn) and its table as CSV; the quarterly report for the Working Group is one button away.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyqtgraph as pg  # type: ignore[import-untyped]
from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kpmonitor.domain.quantities import grouped
from kpmonitor.errors import KPError
from kpmonitor.fileio import SHARED, write_atomic
from kpmonitor.gui.common.labels import FeedbackLabel, plain_label
from kpmonitor.gui.common.workers import Task, run_task
from kpmonitor.gui.hq.models import anomaly_kind_label
from kpmonitor.hq.dashboard import ABOVE, BELOW, TABLES, WITHIN, Figures, Filter, quarter_of, quarter_period
from kpmonitor.hq.store import database_source

if TYPE_CHECKING:
    from kpmonitor.workspace import Workspace



pg.setConfigOptions(background="w", foreground="#1a1a1a", antialias=True)

# Fills that stay apart without colour: each series has a pattern of its own, and a shade.
_PATTERNS = (Qt.BrushStyle.SolidPattern, Qt.BrushStyle.BDiagPattern, Qt.BrushStyle.CrossPattern,
             Qt.BrushStyle.Dense4Pattern, Qt.BrushStyle.FDiagPattern, Qt.BrushStyle.DiagCrossPattern,
             Qt.BrushStyle.HorPattern)
_SHADES = ("#1f4e79", "#2e75b6", "#548235", "#7f6000", "#843c0c", "#595959", "#7030a0")
_SERIES = 6  # kinds of anomaly drawn apart; the rest are one bar, "other kinds"
CHART_HEIGHT = 230
EVERY = ""


def _brush(i: int) -> QBrush:
    return QBrush(QColor(_SHADES[i % len(_SHADES)]), _PATTERNS[i % len(_PATTERNS)])


def _month_label(month: str) -> str:
    try:
        return date.fromisoformat(f"{month}-01").strftime("%b %Y")
    except ValueError:
        return month or "undated"


def _epoch(day: str) -> float:
    return datetime.fromisoformat(day[:10]).replace(tzinfo=UTC).timestamp()


class ChartPanel(QGroupBox):
    """One chart with its sentence and its two exports."""

    def __init__(self, title: str, table: str, parent: QWidget, *, date_axis: bool = False) -> None:
        super().__init__(title, parent)
        self.table = table
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.options = QHBoxLayout()
        layout.addLayout(self.options)
        axes = {"bottom": pg.DateAxisItem()} if date_axis else {}
        self.plot = pg.PlotWidget(self, axisItems=axes)
        self.plot.setMinimumHeight(CHART_HEIGHT)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the sentence below says it; the keys go to the buttons
        self.plot.setAccessibleName(title)
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).enableAutoSIPrefix(False)
        layout.addWidget(self.plot, 1)
        self.summary = plain_label("", self, wrap=True)
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        self.png_button = QPushButton(self.tr("Export chart as PNG…"), self)
        self.csv_button = QPushButton(self.tr("Export figures as CSV…"), self)
        self.png_button.setAccessibleName(self.tr("Export the chart “{title}” as PNG").format(title=title))
        self.csv_button.setAccessibleName(self.tr("Export the figures of “{title}” as CSV").format(title=title))
        row.addWidget(self.png_button)
        row.addWidget(self.csv_button)
        row.addStretch(1)
        layout.addLayout(row)

    def clear(self) -> None:
        item = self.plot.getPlotItem()
        item.clear()
        if item.legend is not None:
            item.legend.scene().removeItem(item.legend)
            item.legend = None
        self.plot.getAxis("bottom").setTicks(None)
        self.plot.getAxis("left").setTicks(None)

    def legend(self, columns: int = 3) -> Any:
        """A legend in a row along the top of the plot, over the headroom each chart leaves it."""
        return self.plot.addLegend(offset=(6, 2), labelTextSize="8pt", brush=pg.mkBrush(255, 255, 255, 230),
                                   pen=pg.mkPen("#9a9a9a"), colCount=columns, verSpacing=-6)

    def png(self) -> bytes:
        """The chart as drawn, as PNG bytes."""
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.plot.grab().save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())


class DashboardTab(QWidget):
    """The Dashboard tab over a headquarters home: ``load`` reads the figures on the pool and draws them."""

    figures_shown = Signal()  # the figures of the latest read are drawn
    load_failed = Signal(str)

    quarterly_written = Signal(object)  # the PDF's Path

    def __init__(self, ws: Workspace, choose_save_path: Callable[[str, str, str], Path | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.database = database_source(ws)  # a worker opens its own connection (SQLite file or PostgreSQL)
        self._choose_save_path = choose_save_path
        self.figures: Figures | None = None
        self.task: Task[Figures] | None = None
        self.quarterly_task: Task[Path] | None = None
        self._quarters: list[str] = []
        self._filling = True  # no read while the controls are made
        self._again = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._filter_row())
        self._filling = False
        self.status = FeedbackLabel(self)
        outer.addWidget(self.status)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # down, never sideways
        body = QWidget(self.scroll_area)
        body.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        self.months_panel = ChartPanel(self.tr("Carats and value by month and origin"), "by_month", body)
        self.band_panel = ChartPanel(self.tr("Value per carat against the bands"), "per_carat", body, date_axis=True)
        self.anomalies_panel = ChartPanel(self.tr("Anomalies by kind over time"), "anomalies", body)
        self.monitors_panel = ChartPanel(self.tr("Reports per monitor"), "monitors", body)
        self.panels = (self.months_panel, self.band_panel, self.anomalies_panel, self.monitors_panel)
        for i, panel in enumerate(self.panels):
            grid.addWidget(panel, i // 2, i % 2)
            panel.png_button.clicked.connect(lambda _c=False, p=panel: self._on_export_png(p))
            panel.csv_button.clicked.connect(lambda _c=False, p=panel: self._on_export_csv(p))
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.measure = QComboBox(self.months_panel)
        self.measure.addItem(self.tr("Carats (ct)"), "carats")
        self.measure.addItem(self.tr("Value (US$)"), "value")
        self.measure.setAccessibleName(self.tr("Show carats or value"))
        self.measure.currentIndexChanged.connect(lambda _i: self._draw_months())
        show = QLabel(self.tr("S&how"), self.months_panel)
        show.setBuddy(self.measure)
        self.months_panel.options.addWidget(show)
        self.months_panel.options.addWidget(self.measure)
        self.months_panel.options.addStretch(1)
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area, 1)

    # --- the filter ------------------------------------------------------------------------------

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.period = QComboBox(self)
        self.period.setAccessibleName(self.tr("Period"))
        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        for edit, name in ((self.start, self.tr("From")), (self.end, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
            edit.setEnabled(False)
            edit.dateChanged.connect(lambda _d: self._on_filter_changed())
        today = date.today()
        self.start.setDate(QDate(today.year, 1, 1))
        self.end.setDate(QDate(today.year, today.month, today.day))
        self.origin = QComboBox(self)
        self.origin.setAccessibleName(self.tr("Origin"))
        self.monitor = QComboBox(self)
        self.monitor.setAccessibleName(self.tr("Monitor"))
        self.monitor.setMinimumContentsLength(14)
        self.monitor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._fill_choices(None)
        for combo in (self.period, self.origin, self.monitor):
            combo.currentIndexChanged.connect(lambda _i: self._on_filter_changed())
        for text, widget in ((self.tr("&Period"), self.period), (self.tr("F&rom"), self.start),
                             (self.tr("&To"), self.end), (self.tr("Ori&gin"), self.origin),
                             (self.tr("Mo&nitor"), self.monitor)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
            row.addSpacing(6)
        row.addStretch(1)
        self.quarterly_button = QPushButton(self.tr("&Quarterly report…"), self)
        self.quarterly_button.setToolTip(self.tr("The quarterly monitoring report for the Working Group (PDF), for "
                                                 "the quarter chosen, or the latest one"))
        self.quarterly_button.clicked.connect(self._on_quarterly_clicked)
        row.addWidget(self.quarterly_button)
        return row

    def _fill_choices(self, fig: Figures | None) -> None:
        """The period's quarters, the origins and the monitors held; what was chosen stays chosen."""
        self._filling = True
        try:
            chosen = (self.period.currentData(), self.origin.currentData(), self.monitor.currentData())
            quarters = sorted({quarter_of(date.fromisoformat(f"{r.month}-01")) for r in fig.by_month}, reverse=True) \
                if fig is not None and fig.filter == Filter() else self._quarters
            self._quarters = quarters
            self.period.clear()
            self.period.addItem(self.tr("Every date"), EVERY)
            for q in quarters:
                self.period.addItem(q, q)
            self.period.addItem(self.tr("From – to…"), "custom")
            self.origin.clear()
            self.origin.addItem(self.tr("Every origin"), EVERY)
            for origin in fig.origins if fig is not None else ():
                self.origin.addItem(origin, origin)
            self.monitor.clear()
            self.monitor.addItem(self.tr("Every monitor"), EVERY)
            for device_id, name in fig.devices if fig is not None else ():
                self.monitor.addItem(f"{name} ({device_id[:8]})", device_id)
            for combo, value in zip((self.period, self.origin, self.monitor), chosen, strict=True):
                combo.setCurrentIndex(max(0, combo.findData(value)) if value is not None else 0)
        finally:
            self._filling = False

    def current_filter(self) -> Filter:
        period = str(self.period.currentData() or EVERY)
        custom = period == "custom"
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        start: date | None = None
        end: date | None = None
        if custom:
            start, end = self.start.date().toPython(), self.end.date().toPython()  # type: ignore[assignment]
        elif period:
            start, end = quarter_period(period)
        return Filter(start, end, str(self.origin.currentData() or ""), str(self.monitor.currentData() or ""))

    def set_filter(self, period: str = EVERY, origin: str = EVERY, device_id: str = EVERY) -> None:
        """Choose a period (a quarter such as "2026-Q4", or "" for every date), an origin and a device (tests)."""
        self._filling = True
        for combo, value in ((self.period, period), (self.origin, origin), (self.monitor, device_id)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self._filling = False
        self._on_filter_changed()

    def _on_filter_changed(self) -> None:
        if not self._filling:
            self.load()

    # --- reading ---------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the figures again on the pool (after an import, or when the filter changes)."""
        if self.task is not None:
            self._again = True
            return
        filt, database, reference = self.current_filter(), self.database, self.ws.reference
        from kpmonitor.hq.dashboard import read_figures

        self.status.show_understood(self.tr("Reading the figures…"))
        self.task = run_task(lambda _progress: read_figures(database, reference, filt),
                             "The dashboard's figures could not be read.", finished=self._on_read,
                             failed=self._on_failed)

    def _on_read(self, fig: Figures) -> None:
        self.task = None
        if self._again:
            self._again = False
            self.load()
            return
        self.figures = fig
        self._fill_choices(fig)
        self.draw(fig)
        self.figures_shown.emit()

    def _on_failed(self, sentence: str) -> None:
        self.task = None
        self._again = False
        self.status.show_error(sentence)
        self.load_failed.emit(sentence)

    # --- drawing ---------------------------------------------------------------------------------

    def draw(self, fig: Figures) -> None:
        monitor = fig.monitor_name(fig.filter.device_id)
        self.status.show_understood(self.tr("{what}: {shipments} shipments, {carats} ct, US$ {value}. Each shipment "
                                            "counts once, at its latest version, in the month of its inspection.")
                                    .format(what=fig.filter.describe(monitor).capitalize(), shipments=fig.shipments,
                                            carats=grouped(fig.carats), value=grouped(fig.value_usd)))
        self._draw_months()
        self._draw_bands(fig)
        self._draw_anomalies(fig)
        self._draw_monitors(fig)

    def _draw_months(self) -> None:
        fig, panel = self.figures, self.months_panel
        if fig is None:
            return
        panel.clear()
        carats = self.measure.currentData() != "value"
        months = fig.months
        origins = sorted({r.origin for r in fig.by_month})
        values = {(r.month, r.origin): (r.carats / 100 if carats else r.value_usd / 100) for r in fig.by_month}
        plot = panel.plot
        legend = panel.legend()
        width = 0.8 / max(1, len(origins))
        for i, origin in enumerate(origins):
            xs = [m + (i - (len(origins) - 1) / 2) * width for m in range(len(months))]
            bars = pg.BarGraphItem(x=xs, height=[values.get((m, origin), 0) for m in months], width=width * 0.92,
                                   brush=_brush(i), pen=pg.mkPen("#1a1a1a", width=0.8))
            plot.addItem(bars)
            legend.addItem(bars, self.tr("origin {origin}").format(origin=origin or "—"))
        plot.getAxis("bottom").setTicks([[(i, _month_label(m)) for i, m in enumerate(months)]])
        plot.setLabel("left", self.tr("Carats (ct)") if carats else self.tr("Value (US$)"))
        plot.setLabel("bottom", self.tr("Month of inspection"))
        plot.setXRange(-0.6, max(0, len(months) - 1) + 0.6, padding=0)
        plot.setYRange(0, max([1.0, *values.values()]) * (1.2 + 0.15 * ((len(origins) + 2) // 3)), padding=0)
        total = grouped(fig.carats) + " ct" if carats else "US$ " + grouped(fig.value_usd)
        panel.summary.setText(self.tr("{total} over {months} month(s) and {origins} origin(s).").format(
            total=total, months=len(months), origins=len(origins)) if months else self.tr("No shipment."))

    def _draw_bands(self, fig: Figures) -> None:
        panel = self.band_panel
        panel.clear()
        plot = panel.plot
        plot.setLogMode(y=True)
        legend = panel.legend()
        looks = ((BELOW, "t", "#c00000", self.tr("below its band")), (WITHIN, "o", "#1f4e79", self.tr("within")),
                 (ABOVE, "t1", "#7f6000", self.tr("above its band")))
        for position, symbol, shade, name in looks:
            points = [(_epoch(r.day), r.cents_per_carat / 100) for r in fig.per_carat
                      if r.position == position and r.cents_per_carat]
            if not points:
                continue
            item = pg.PlotDataItem([p[0] for p in points], [p[1] for p in points], pen=None, symbol=symbol,
                                   symbolSize=9, symbolBrush=shade, symbolPen=pg.mkPen("#1a1a1a", width=0.6))
            plot.addItem(item)
            legend.addItem(item, name)
        days = [_epoch(r.day) for r in fig.per_carat if r.cents_per_carat]
        if days and len(fig.bands) == 1:  # one band (one origin and HS code): its bounds drawn
            x0, x1 = min(days) - 86_400, max(days) + 86_400
            (origin, hs), (low, high) = next(iter(fig.bands.items()))
            pen = pg.mkPen("#595959", width=1, style=Qt.PenStyle.DashLine)
            for bound in (low, high):
                plot.addItem(pg.PlotDataItem([x0, x1], [float(bound), float(bound)], pen=pen))
            legend.addItem(pg.PlotDataItem([0], [1], pen=pen), self.tr("band {origin} {hs}: {low}–{high}").format(
                origin=origin, hs=hs, low=f"{low:,}", high=f"{high:,}"))
        values = [r.cents_per_carat / 100 for r in fig.per_carat if r.cents_per_carat] + [
            float(b) for band in fig.bands.values() for b in band if len(fig.bands) == 1]
        if values:  # log scale: a decade of headroom over the highest for the legend
            plot.setYRange(math.log10(min(values)) - 0.3, math.log10(max(values)) + 1.0, padding=0)
        plot.setLabel("left", self.tr("Value per carat (US$/ct, log scale)"))
        plot.setLabel("bottom", self.tr("Date of inspection"))
        counts = fig.band_counts()
        bands = "; ".join(f"{o} {hs} US$ {low:,}–{high:,}/ct" for (o, hs), (low, high) in sorted(fig.bands.items()))
        panel.summary.setText(self.tr("Below its band: {below}; within: {within}; above: {above}; no band: {none}.")
                              .format(below=counts[BELOW], within=counts[WITHIN], above=counts[ABOVE],
                                      none=counts[""]) + (" " + self.tr("Bands: {bands}.").format(bands=bands)
                                                          if bands else ""))

    def _draw_anomalies(self, fig: Figures) -> None:
        panel = self.anomalies_panel
        panel.clear()
        plot = panel.plot
        months = sorted({r.month for r in fig.anomalies})
        kinds = [k for k, *_ in fig.anomaly_kinds()]
        shown, rest = kinds[:_SERIES], set(kinds[_SERIES:])
        counts: dict[tuple[str, str], int] = {}
        for r in fig.anomalies:
            key = (r.month, "other" if r.kind in rest else r.kind)
            counts[key] = counts.get(key, 0) + r.count
        legend = panel.legend()
        base = [0.0] * len(months)
        for i, kind in enumerate([*shown, *(["other"] if rest else [])]):
            heights = [counts.get((m, kind), 0) for m in months]
            bars = pg.BarGraphItem(x=list(range(len(months))), y0=base, height=heights, width=0.6, brush=_brush(i),
                                   pen=pg.mkPen("#1a1a1a", width=0.8))
            plot.addItem(bars)
            legend.addItem(bars, anomaly_kind_label(kind) if kind != "other" else self.tr("other kinds"))
            base = [b + h for b, h in zip(base, heights, strict=True)]
        plot.getAxis("bottom").setTicks([[(i, _month_label(m)) for i, m in enumerate(months)]])
        plot.setLabel("left", self.tr("Anomalies (count)"))
        plot.setLabel("bottom", self.tr("Month of the latest report named"))
        plot.setXRange(-0.6, max(0, len(months) - 1) + 0.6, padding=0)
        plot.setYRange(0, max([1.0, *base]) * (1.2 + 0.15 * ((len(shown) + bool(rest) + 2) // 3)), padding=0)
        total = sum(r.count for r in fig.anomalies)
        still_open = sum(r.open for r in fig.anomalies)
        panel.summary.setText(self.tr("{total} anomalies, {open} open, of {kinds} kind(s).").format(
            total=total, open=still_open, kinds=len(kinds)))

    def _draw_monitors(self, fig: Figures) -> None:
        panel = self.monitors_panel
        panel.clear()
        plot = panel.plot
        rows = list(reversed(fig.monitors))  # the most reports on top
        legend = panel.legend(columns=2)
        ys = list(range(len(rows)))
        reports = pg.BarGraphItem(x0=0, y=ys, height=0.6, width=[m.reports for m in rows], brush=_brush(1),
                                  pen=pg.mkPen("#1a1a1a", width=0.8))
        plot.addItem(reports)
        legend.addItem(reports, self.tr("reports (amendments included)"))
        shipments = pg.BarGraphItem(x0=0, y=ys, height=0.3, width=[m.shipments for m in rows], brush=_brush(0),
                                    pen=pg.mkPen("#1a1a1a", width=0.8))
        plot.addItem(shipments)
        legend.addItem(shipments, self.tr("shipments"))
        plot.getAxis("left").setTicks([[(i, (m.monitor or m.device_id[:8])[:22]) for i, m in enumerate(rows)]])
        plot.setLabel("bottom", self.tr("Reports received (count)"))
        plot.setYRange(-0.7, max(0, len(rows) - 1) + 1.3, padding=0)  # a row's room at the top for the legend
        plot.setXRange(0, max([1, *(m.reports for m in rows)]) * 1.25, padding=0)
        panel.summary.setText("; ".join(self.tr("{name}: {reports} report(s), {shipments} shipment(s)").format(
            name=m.monitor, reports=m.reports, shipments=m.shipments) for m in fig.monitors) or self.tr("No report."))

    # --- exports ---------------------------------------------------------------------------------

    def _file_stem(self, panel: ChartPanel) -> str:
        return f"kpmonitor-dashboard-{panel.table.replace('_', '-')}"

    def _on_export_png(self, panel: ChartPanel) -> None:
        out = self._choose_save_path(self.tr("Export chart as PNG"), self._file_stem(panel) + ".png",
                                     self.tr("PNG images (*.png);;All files (*)"))
        if out is not None:
            self.export_png(panel, out)

    def export_png(self, panel: ChartPanel, out: Path) -> bool:
        try:
            write_atomic(Path(out), panel.png(), mode=SHARED)
        except OSError as exc:
            self.status.show_error(self.tr("The chart could not be written to {file} ({why}).").format(
                file=out, why=exc.strerror or exc))
            return False
        self.status.show_understood(self.tr("Chart written to {file}.").format(file=Path(out).name))
        return True

    def _on_export_csv(self, panel: ChartPanel) -> None:
        out = self._choose_save_path(self.tr("Export figures as CSV"), self._file_stem(panel) + ".csv",
                                     self.tr("CSV files (*.csv);;All files (*)"))
        if out is not None:
            self.export_csv(panel.table, out)

    def export_csv(self, table: str, out: Path) -> bool:
        from kpmonitor.hq.dashboard import write_figure_csv

        if self.figures is None or table not in TABLES:
            return False
        try:
            rows = write_figure_csv(self.figures, table, out)
        except KPError as exc:
            self.status.show_error(exc.message)
            return False
        self.status.show_understood(self.tr("%n row(s) written to {file}.", "", rows).format(file=Path(out).name))
        return True

    def quarter(self) -> str:
        """The quarter the report is for: the one chosen, else the latest with shipments, else this one."""
        period = str(self.period.currentData() or "")
        if period and period != "custom":
            return period
        return self._quarters[0] if self._quarters else quarter_of(date.today())

    def _on_quarterly_clicked(self) -> None:
        quarter = self.quarter()
        out = self._choose_save_path(self.tr("Save the quarterly report for {quarter}").format(quarter=quarter),
                                     f"kpmonitor-quarterly-{quarter}.pdf", self.tr("PDF files (*.pdf);;All files (*)"))
        if out is not None:
            self.write_quarterly(quarter, out)

    def write_quarterly(self, quarter: str, out: Path) -> bool:
        """Write the quarterly report on the pool (read through its own read-only connection)."""
        from kpmonitor.hq.quarterly import write_quarterly_from
        from kpmonitor.hq.receipts_due import terms_for

        if self.quarterly_task is not None:
            return False
        database, reference, terms, home = self.database, self.ws.reference, terms_for(self.ws), self.ws.home.name
        self.quarterly_button.setEnabled(False)
        self.status.show_understood(self.tr("Writing the quarterly report for {quarter}…").format(quarter=quarter))
        self.quarterly_task = run_task(
            lambda _progress: write_quarterly_from(database, reference, terms, quarter, home, out),
            "The quarterly report could not be written.", finished=self._on_quarterly_written,
            failed=self._on_quarterly_failed)
        return True

    def _on_quarterly_written(self, out: Path) -> None:
        self.quarterly_task = None
        self.quarterly_button.setEnabled(True)
        self.status.show_understood(self.tr("Quarterly report written to {file}.").format(file=Path(out).name))
        self.quarterly_written.emit(out)

    def _on_quarterly_failed(self, sentence: str) -> None:
        self.quarterly_task = None
        self.quarterly_button.setEnabled(True)
        self.status.show_error(sentence)

