"""The quarterly monitoring report for the Working Group on Monitoring: one quarter's figures as a PDF.

The same figures as the dashboard (``hq.dashboard``) under the quarter's period — carats and value by month and
origin, value per carat against the bands, anomalies by kind (open and resolved), reports per monitor — and the
confirmations of receipt still outstanding for the quarter's certified shipments (``hq.receipts_due``). Tables
first, each with a chart drawn by reportlab's own graphics (no Qt: this is the core), in the fonts and the look of
the monitor's report (``report.pdf``).

``gather`` reads (through any connection: the workspace's, or a worker's read-only one), ``render`` draws, and
``write_quarterly`` does both for a workspace (``kpmonitor hq quarterly``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table

from kpmonitor import __version__
from kpmonitor.domain.quantities import grouped
from kpmonitor.errors import KPError
from kpmonitor.fileio import SHARED, write_atomic
from kpmonitor.hq.dashboard import (
    ABOVE,
    BELOW,
    NO_BAND,
    WITHIN,
    Figures,
    Filter,
    compute,
    kind_name,
    months_of,
    quarter_period,
)
from kpmonitor.hq.receipts_due import ReceiptTerms, receipt_of, terms_for
from kpmonitor.hq.store import DashboardReads, hq_store, reader_for

# The monitor's report's fonts and look: one family and one set of greys for every PDF kpmonitor makes.
from kpmonitor.report.pdf import FONT, FONT_BOLD, HEAD_BG, INK, MUTED, RULE, ZEBRA, _register_fonts, _t, _table_style

if TYPE_CHECKING:
    from kpmonitor.domain.reference import Reference
    from kpmonitor.workspace import Workspace

TITLE = "Kimberley Process — Quarterly monitoring report"
AUDIENCE = "For the Working Group on Monitoring"
LISTED = 40  # outstanding confirmations and shipments outside their band listed by name; the rest are counted
# Series fills that stay apart in grey print too (darkest first); the legend and the tables carry the names.
SERIES = [colors.HexColor(c) for c in ("#1f4e79", "#9dc3e6", "#548235", "#c9c9c9", "#7f6000", "#f4b183")]
RECEIPT_STATES = (("overdue", "Overdue: no confirmation after the days allowed"),
                  ("awaited", "Awaited: within the days allowed"),
                  ("mismatch", "Confirmed with other figures"), ("confirmed", "Confirmed"))


@dataclass(frozen=True)
class Outstanding:
    """A certified shipment of the quarter whose receipt is not confirmed (or confirmed with other figures)."""

    cert_number: str
    monitor: str
    signed_at: str
    state: str  # "overdue", "awaited" or "mismatch"
    days: int | None


@dataclass(frozen=True)
class QuarterlyData:
    quarter: str
    start: date
    end: date
    home: str
    made_on: date
    terms: ReceiptTerms
    figures: Figures
    receipts: dict[str, int]  # state → certified shipments of the quarter
    outstanding: tuple[Outstanding, ...]


def gather(reads: DashboardReads, reference: Reference, terms: ReceiptTerms, quarter: str, home: str
           ) -> QuarterlyData:
    """Read one quarter's figures and receipts (``quarter`` as "2026-Q4").

    :raises ParseError: for a quarter written otherwise.
    """
    start, end = quarter_period(quarter)
    fig = compute(reads, reference, Filter(start, end))
    ids = {r.report_id for r in fig.per_carat}
    confirmations = reads.current_confirmations()
    counts = {state: 0 for state, _ in RECEIPT_STATES}
    outstanding = []
    for rr in reads.receipt_reports():
        if rr.held.id not in ids or rr.verdict != "certified":
            continue
        receipt = receipt_of(rr, confirmations.get(rr.held.cert_number_norm), terms)
        if receipt.state in counts:
            counts[receipt.state] += 1
        if receipt.state in ("overdue", "awaited", "mismatch"):
            outstanding.append(Outstanding(rr.held.cert_number, rr.held.monitor, rr.held.signed_at, receipt.state,
                                           receipt.days))
    order = {"overdue": 0, "mismatch": 1, "awaited": 2}
    outstanding.sort(key=lambda o: (order[o.state], -(o.days or 0), o.signed_at))
    return QuarterlyData(f"{start.year}-Q{(start.month - 1) // 3 + 1}", start, end, home,
                         datetime.now(UTC).date(), terms, fig, counts, tuple(outstanding))


def write_quarterly(ws: Workspace, quarter: str, out: Path) -> QuarterlyData:
    """Write the quarter's report for the workspace's headquarters to ``out``; returns what it holds."""
    data = gather(DashboardReads(hq_store(ws).conn), ws.reference, terms_for(ws), quarter, ws.home.name)
    _write(out, render(data))
    return data


def write_quarterly_from(database: Path | str, reference: Reference, terms: ReceiptTerms, quarter: str, home: str,
                         out: Path) -> Path:
    """The same through a read-only connection of its own: for a worker thread (the window's button)."""
    with reader_for(database) as reader:
        data = gather(DashboardReads(reader.conn), reference, terms, quarter, home)
    _write(out, render(data))
    return out


def _write(out: Path, pdf: bytes) -> None:
    try:
        write_atomic(Path(out), pdf, mode=SHARED)  # for the Working Group: readable by others
    except OSError as exc:
        raise KPError(f"The quarterly report could not be written to {out} ({exc.strerror or exc}).") from exc


# ------------------------------------------------------------------------------------------ drawing


@dataclass(frozen=True)
class _Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    num: ParagraphStyle
    head: ParagraphStyle
    head_num: ParagraphStyle
    h2: ParagraphStyle
    title: ParagraphStyle
    kicker: ParagraphStyle
    note: ParagraphStyle


def _styles() -> _Styles:
    body = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=11.5, textColor=INK, splitLongWords=1)
    small = ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5)
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10)
    return _Styles(
        body=body, small=small, cell=cell,
        num=ParagraphStyle("num", parent=cell, alignment=TA_RIGHT),
        head=ParagraphStyle("head", parent=cell, fontName=FONT_BOLD, fontSize=7.5, leading=9),
        head_num=ParagraphStyle("head_num", parent=cell, fontName=FONT_BOLD, fontSize=7.5, leading=9,
                                alignment=TA_RIGHT),
        h2=ParagraphStyle("h2", parent=body, fontName=FONT_BOLD, fontSize=11.5, leading=14, spaceBefore=10,
                          spaceAfter=4, keepWithNext=1),
        title=ParagraphStyle("title", parent=body, fontSize=18, leading=23, spaceAfter=2),
        kicker=ParagraphStyle("kicker", parent=body, fontName=FONT_BOLD, fontSize=8.5, leading=11, textColor=MUTED),
        note=ParagraphStyle("note", parent=small, textColor=MUTED, spaceBefore=2),
    )


def _ct(hundredths: int | None) -> str:
    return "—" if hundredths is None else grouped(hundredths)


def _usd(cents: int | None) -> str:
    return "—" if cents is None else grouped(cents)


def _per_ct(carats: int, value: int) -> str:
    if carats <= 0:
        return "—"
    return grouped((value * 100 * 2 + carats) // (2 * carats))


def _table(st: _Styles, header: list[str], rows: list[list[Any]], widths: list[float], numeric_from: int,
           total: bool = False) -> Table:
    """A table in the monitor's report's look: a grey header repeated on each page, zebra rows, numbers right."""
    def cells(row: list[Any], head: bool = False) -> list[Paragraph]:
        out = []
        for i, value in enumerate(row):
            style = (st.head_num if i >= numeric_from else st.head) if head else (
                st.num if i >= numeric_from else st.cell)
            out.append(Paragraph(value if head else _t(value), style))
        return out

    data = [cells(header, head=True), *(cells(r) for r in rows)]
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("LINEABOVE", (0, 0), (-1, 0), 0.75, INK), ("LINEBELOW", (0, 0), (-1, 0), 0.75, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
    ]
    if total and rows:
        style += [("LINEABOVE", (0, -1), (-1, -1), 0.75, INK), ("BACKGROUND", (0, -1), (-1, -1), HEAD_BG)]
    table.setStyle(_table_style(style))
    return table


def _axis_title(drawing: Drawing, x: float, y: float, text: str, angle: int = 0) -> None:
    label = String(0, 0, text, fontName=FONT, fontSize=7, fillColor=MUTED, textAnchor="middle")
    if angle:
        from reportlab.graphics.shapes import Group

        group = Group(label)
        group.translate(x, y)
        group.rotate(angle)
        drawing.add(group)
    else:
        label.x, label.y = x, y
        drawing.add(label)


def _month_chart(width: float, fig: Figures, months: list[str], what: str) -> Drawing:
    """Bars per month, one series per origin (stacked), for carats (``what`` "carats") or value ("value")."""
    origins = sorted({r.origin for r in fig.by_month}) or ["—"]
    scale = 100 if what == "carats" else 100_000  # hundredths → ct; cents → thousands of US$
    values = {(r.month, r.origin): (r.carats if what == "carats" else r.value_usd) / scale for r in fig.by_month}
    drawing = Drawing(width, 58 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 16 * mm, 11 * mm, width - 40 * mm, 40 * mm
    chart.data = [[values.get((m, o), 0) for m in months] for o in origins]
    chart.categoryAxis.categoryNames = [_month_label(m) for m in months]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.style = "stacked"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = "{:,.0f}".format
    chart.valueAxis.gridStrokeColor, chart.valueAxis.visibleGrid = RULE, 1
    chart.barWidth, chart.groupSpacing = 10, 12
    for i in range(len(origins)):
        chart.bars[i].fillColor = SERIES[i % len(SERIES)]
        chart.bars[i].strokeColor = INK
        chart.bars[i].strokeWidth = 0.3
    drawing.add(chart)
    unit = "carats (ct)" if what == "carats" else "value (thousand US$)"
    _axis_title(drawing, 4 * mm, chart.y + chart.height / 2, unit, angle=90)
    _axis_title(drawing, chart.x + chart.width / 2, 2 * mm, "month of inspection")
    legend = Legend()
    legend.x, legend.y = chart.x + chart.width + 5 * mm, chart.y + chart.height
    legend.fontName, legend.fontSize, legend.alignment = FONT, 7, "right"
    legend.colorNamePairs = [(SERIES[i % len(SERIES)], f"origin {o}") for i, o in enumerate(origins)]
    drawing.add(legend)
    return drawing


def _bars_chart(width: float, names: list[str], values: list[int], axis: str) -> Drawing:
    """Horizontal bars, each named on its axis (so no colour has to say what it is)."""
    rows = max(1, len(names))
    height = (10 + 5.5 * rows) * mm
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 58 * mm, 9 * mm
    chart.width, chart.height = width - 66 * mm, height - 12 * mm
    chart.data = [values or [0]]
    chart.categoryAxis.categoryNames = names or ["—"]
    chart.categoryAxis.reverseDirection = 1  # the first on top, as in the table
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = max(1, -(-max(values or [1]) // 5))
    chart.valueAxis.labelTextFormat = "{:,.0f}".format
    chart.valueAxis.gridStrokeColor, chart.valueAxis.visibleGrid = RULE, 1
    chart.bars[0].fillColor, chart.bars[0].strokeColor, chart.bars[0].strokeWidth = SERIES[0], INK, 0.3
    chart.barLabelFormat = "{:,.0f}".format
    chart.barLabels.fontName, chart.barLabels.fontSize, chart.barLabels.boxAnchor = FONT, 7, "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    _axis_title(drawing, chart.x + chart.width / 2, 1.5 * mm, axis)
    return drawing


def _month_label(month: str) -> str:
    try:
        return date.fromisoformat(f"{month}-01").strftime("%b %Y")
    except ValueError:
        return month or "undated"


def _summary(st: _Styles, data: QuarterlyData, width: float) -> Table:
    fig = data.figures
    counts = fig.band_counts()
    open_ = sum(r.open for r in fig.anomalies)
    resolved = sum(r.resolved for r in fig.anomalies)
    certified = sum(r.certified for r in fig.by_month)
    outstanding = data.receipts["overdue"] + data.receipts["awaited"]
    rows = [
        ["Shipments monitored (each once, at its latest version)", f"{fig.shipments:,}"],
        ["of which certified by the monitor", f"{certified:,}"],
        ["Carats (ct)", _ct(fig.carats)],
        ["Value (US$)", _usd(fig.value_usd)],
        ["Average value per carat (US$/ct)", _per_ct(fig.carats, fig.value_usd)],
        ["Value per carat below / within / above its band", f"{counts[BELOW]} / {counts[WITHIN]} / {counts[ABOVE]}"
         + (f" ({counts[NO_BAND]} without a band)" if counts[NO_BAND] else "")],
        ["Monitors reporting; reports received", f"{len(fig.monitors)}; {sum(m.reports for m in fig.monitors):,}"],
        ["Anomalies open / resolved", f"{open_} / {resolved}"],
        ["Confirmations of receipt outstanding (overdue)", f"{outstanding} ({data.receipts['overdue']})"],
    ]
    return _table(st, ["Quarter at a glance", ""], rows, [width - 45 * mm, 45 * mm], numeric_from=1)


def _story(st: _Styles, data: QuarterlyData, width: float) -> list[Any]:
    fig = data.figures
    months = months_of(data.start, data.end)
    story: list[Any] = [
        Paragraph(_t(AUDIENCE), st.kicker),
        Paragraph(_t(f"Quarterly monitoring report, {data.quarter}"), st.title),
        Paragraph(_t(f"Period: {data.start.day} {data.start:%B %Y} – {data.end.day} {data.end:%B %Y}. Headquarters: "
                     f"{data.home}. Made on {data.made_on.day} {data.made_on:%B %Y} from the {fig.reports_held:,} "
                     "signed reports headquarters holds."), st.body),
        Paragraph(_t("Each shipment counts once, at its latest version (an amendment replaces the report it "
                     "amends), in the month of its inspection, as headquarters' statistics count it. Carats and "
                     "values are as the monitors' signed reports state them."), st.note),
        Spacer(1, 4 * mm),
    ]
    story.append(_summary(st, data, width))

    # 1. By month and origin.
    story.append(Paragraph("1. Carats and value by month and origin", st.h2))
    rows = [[_month_label(r.month), r.origin or "—", f"{r.shipments:,}", f"{r.certified:,}", _ct(r.carats),
             _usd(r.value_usd), _per_ct(r.carats, r.value_usd)] for r in fig.by_month]
    rows.append(["Quarter", "", f"{fig.shipments:,}", f"{sum(r.certified for r in fig.by_month):,}", _ct(fig.carats),
                 _usd(fig.value_usd), _per_ct(fig.carats, fig.value_usd)])
    w = width / 7
    story.append(_table(st, ["Month", "Origin", "Shipments", "Certified", "Carats (ct)", "Value (US$)", "US$/ct"],
                        rows, [w * 1.1, w * 0.7, w * 0.9, w * 0.9, w * 1.2, w * 1.3, w * 0.9], numeric_from=2,
                        total=True))
    story.append(KeepTogether([Spacer(1, 3 * mm), _month_chart(width, fig, months, "carats"),
                               _month_chart(width, fig, months, "value")]))

    # 2. Value per carat against the bands.
    story.append(Paragraph("2. Value per carat against the bands", st.h2))
    story += _bands_section(st, data, width)

    # 3. Anomalies by kind.
    story.append(Paragraph("3. Anomalies by kind", st.h2))
    kinds = fig.anomaly_kinds()
    if kinds:
        story.append(_table(st, ["Kind", "Found", "Open", "Resolved"],
                            [[kind_name(k), f"{n:,}", f"{o:,}", f"{r:,}"] for k, n, o, r in kinds]
                            + [["Quarter", f"{sum(k[1] for k in kinds):,}", f"{sum(k[2] for k in kinds):,}",
                                f"{sum(k[3] for k in kinds):,}"]],
                            [width - 75 * mm, 25 * mm, 25 * mm, 25 * mm], numeric_from=1, total=True))
        story.append(_bars_chart(width, [kind_name(k) for k, *_ in kinds], [n for _k, n, *_ in kinds],
                                 "anomalies found (count)"))
    else:
        story.append(Paragraph("No anomaly concerns a shipment of this quarter.", st.body))
    story.append(Paragraph(_t("An anomaly is dated by the latest report it names (a missing report by its device's "
                              "latest report); an analyst's note marks it resolved. The list with every sentence is "
                              "headquarters' Anomalies tab (kpmonitor hq anomalies)."), st.note))

    # 4. Reports per monitor.
    story.append(Paragraph("4. Reports per monitor", st.h2))
    if fig.monitors:
        story.append(_table(st, ["Monitor", "Device", "Reports", "Amendments", "Shipments", "Carats (ct)",
                                 "Value (US$)"],
                            [[m.monitor, m.device_id[:8], f"{m.reports:,}", f"{m.amendments:,}", f"{m.shipments:,}",
                              _ct(m.carats), _usd(m.value_usd)] for m in fig.monitors],
                            [w * 1.6, w * 0.8, w * 0.8, w * 0.9, w * 0.8, w * 1.0, w * 1.1], numeric_from=2))
        story.append(_bars_chart(width, [m.monitor or m.device_id[:8] for m in fig.monitors],
                                 [m.reports for m in fig.monitors], "reports received (count)"))
    else:
        story.append(Paragraph("No monitor's report concerns this quarter.", st.body))

    # 5. Confirmations of receipt.
    story.append(Paragraph("5. Confirmations of receipt outstanding", st.h2))
    story += _receipts_section(st, data, width)
    return story


def _bands_section(st: _Styles, data: QuarterlyData, width: float) -> list[Any]:
    fig = data.figures
    counts = fig.band_counts()
    out: list[Any] = [
        Paragraph(_t("Each shipment's declared value divided by its carats, against the plausible range for its "
                     "origin and HS code (headquarters' value-per-carat bands). Outside the band is a finding to "
                     "explain, not a refusal: below it is what undervaluation looks like."), st.body),
        Spacer(1, 2 * mm),
        _table(st, ["Position", "Shipments"],
               [["Below the band", f"{counts[BELOW]:,}"], ["Within the band", f"{counts[WITHIN]:,}"],
                ["Above the band", f"{counts[ABOVE]:,}"],
                ["No band (no carats or value, several HS codes, or an HS code without a band)",
                 f"{counts[NO_BAND]:,}"]],
               [width - 30 * mm, 30 * mm], numeric_from=1),
    ]
    if fig.bands:
        used = [f"origin {o or '—'}, HS {hs}: US$ {low:,}–{high:,}/ct"
                for (o, hs), (low, high) in sorted(fig.bands.items())]
        out.append(Paragraph(_t("Bands used: " + "; ".join(used) + "."), st.note))
    outside = [r for r in fig.per_carat if r.position in (BELOW, ABOVE)]
    if outside:
        out.append(Spacer(1, 2 * mm))
        w = width / 8
        rows = [[r.day, r.cert_number, r.monitor, f"{r.origin} {r.hs_code}", r.position, _ct(r.carats),
                 _usd(r.cents_per_carat), f"{r.low:,}–{r.high:,}"] for r in outside[:LISTED]]
        out.append(_table(st, ["Date", "KP certificate", "Monitor", "Origin, HS", "Position", "Carats (ct)",
                               "US$/ct", "Band (US$/ct)"], rows,
                          [w * 0.9, w * 1.1, w * 1.4, w * 0.9, w * 0.8, w * 0.9, w * 0.8, w * 1.0], numeric_from=5))
        if len(outside) > LISTED:
            out.append(Paragraph(_t(f"And {len(outside) - LISTED:,} more: every shipment is in the dashboard's CSV "
                                    "(kpmonitor hq dashboard --csv DIR)."), st.note))
    return out


def _receipts_section(st: _Styles, data: QuarterlyData, width: float) -> list[Any]:
    out: list[Any] = [
        Paragraph(_t(f"The quarter's certified shipments by where their confirmation of receipt from the importing "
                     f"authority stands; one is overdue after {data.terms.days} days (setting hq_confirmation_days), "
                     f"counted to {data.made_on.isoformat()}."), st.body),
        Spacer(1, 2 * mm),
        _table(st, ["Confirmation of receipt", "Shipments"],
               [[label, f"{data.receipts[state]:,}"] for state, label in RECEIPT_STATES],
               [width - 30 * mm, 30 * mm], numeric_from=1),
    ]
    if data.outstanding:
        out.append(Spacer(1, 2 * mm))
        labels = {"overdue": "overdue", "awaited": "awaited", "mismatch": "other figures"}
        w = width / 6
        rows = [[o.cert_number, o.monitor, o.signed_at[:10], labels[o.state],
                 "" if o.days is None else f"{o.days:,}"] for o in data.outstanding[:LISTED]]
        out.append(_table(st, ["KP certificate", "Monitor", "Signed", "State", "Days since signing"], rows,
                          [w * 1.3, w * 1.7, w * 1.0, w * 1.0, w * 1.0], numeric_from=4))
        if len(data.outstanding) > LISTED:
            out.append(Paragraph(_t(f"And {len(data.outstanding) - LISTED:,} more: see the Reports tab's receipt "
                                    "column (kpmonitor hq confirmations)."), st.note))
    else:
        out.append(Paragraph("Every certified shipment of the quarter has its confirmation of receipt.", st.body))
    return out


def render(data: QuarterlyData) -> bytes:
    """The quarterly report as PDF bytes (A4)."""
    _register_fonts()
    st = _styles()
    page_w, page_h = A4
    margin = 15 * mm
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=17 * mm, bottomMargin=18 * mm,
        invariant=1, pageCompression=1, lang="en", displayDocTitle=1, initialFontName=FONT, initialFontSize=9,
        title=f"{TITLE}, {data.quarter}", author=data.home, subject=f"{AUDIENCE}, {data.quarter}",
        creator=f"kpmonitor {__version__}")

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7)
        canvas.setFillColor(MUTED)
        canvas.drawString(margin, page_h - 10 * mm, f"{TITLE} · {data.quarter} · {data.home}"[:140])
        canvas.drawString(margin, 10 * mm, f"kpmonitor {__version__} · made {data.made_on.isoformat()} · "
                                           f"{data.start.isoformat()} to {data.end.isoformat()}")
        canvas.drawRightString(page_w - margin, 10 * mm, f"Page {doc.page}")
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(margin, page_h - 11.5 * mm, page_w - margin, page_h - 11.5 * mm)
        canvas.restoreState()

    doc.build(_story(st, data, page_w - 2 * margin), onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()


__all__ = ["AUDIENCE", "TITLE", "Outstanding", "QuarterlyData", "gather", "render", "write_quarterly",
           "write_quarterly_from"]
