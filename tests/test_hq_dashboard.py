"""The dashboard's figures and the quarterly report, on a small headquarters whose every figure is known.

Device A sends four reports: a1 (the example, November 2026), a2 amending it (counted, a1 not), a3 (October 2026,
valued below its band) and a4 (September 2026, the quarter before). Device B sends one from Botswana (November).
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from kpmonitor.hq.dashboard import Filter, figure_csv, figures, quarter_period, read_figures, write_all_csv
from kpmonitor.hq.quarterly import write_quarterly
from kpmonitor.hq.stats import stats
from kpmonitor.hq.store import database_source
from kpmonitor.paths import Paths
from kpmonitor.workspace import Workspace
from tests.conftest_hq import HQEngine
from tests.test_bundle import example, export, make_device, make_hq, run, sign_doc
from tests.test_report_pdf import flat, page_texts

Q4 = (date(2026, 10, 1), date(2026, 12, 31))


def kp1_seals(mp: pytest.MonkeyPatch) -> None:
    """Sign with KP1 seals (the certificate rides in the seal): headquarters checks them without a trust list."""
    from kpmonitor.report.contents import seal_payload
    from kpmonitor.trust import qrseal

    mp.setattr("kpmonitor.report.sign.make_seal",
               lambda snap, sha, key, cert: qrseal.encode_seal(seal_payload(snap, sha), key, cert))


def dated(number: str, seal: str, day: str, *, value: str | None = None, origin: str = "ZW") -> dict[str, Any]:
    """The example inspection as another shipment: its certificate number, one seal, inspected on ``day``."""
    doc = example()
    cert = doc["certificate"]
    cert["number"] = number
    cert["origin"] = cert["provenance"] = origin
    cert["issued_on"] = f"{day[:8]}{int(day[8:10]) - 1:02d}"
    doc["inspected_at"] = f"{day}T09:30:00+02:00"
    doc["seals"] = [{"number": seal, "type": "bolt", "iso_class": "H", "parcel": None,
                     "applied_at": f"{day}T10:40:00+02:00"}]
    doc["validation"]["at"] = f"{day}T11:40:00+02:00"
    doc["production"]["period"] = day[:7]
    if value is not None:  # parcel 1 at US$ 1.00: the shipment at 18,008.50, 15.00 $/ct
        doc["parcels"][0]["declared_value_usd"] = "1.00"
        cert["value_usd"] = cert["lines"][0]["value_usd"] = doc["valuation"]["value_usd"] = value
    return doc


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("dashboard")
    hq = make_hq(base / "hq")
    with pytest.MonkeyPatch.context() as mp:
        kp1_seals(mp)
        a = make_device(base / "a", "Amélie Ndlovu", hq)
        b = make_device(base / "b", "Baraka Moyo", hq)
        r = {"a1": sign_doc(a, example())}
        r["a2"] = sign_doc(a, {}, supersedes=r["a1"], changes={"site": "Mbada sort house, Marange (re-weighed)"})
        r["a3"] = sign_doc(a, dated("ZW 004300", "ZW-C-000300", "2026-10-05", value="18008.50"))
        r["a4"] = sign_doc(a, dated("ZW 004400", "ZW-C-000400", "2026-09-14"))
        r["b1"] = sign_doc(b, dated("BW 000100", "BW-C-000100", "2026-11-25", origin="BW"))
    homes = {"a1": a, "a2": a, "a3": a, "a4": a, "b1": b}
    out = base / "out"
    for name, rid in r.items():
        export(homes[name], rid, out)
    made = {"issuer": hq, "out": out, "r": r, "base": base}  # the issuer: headquarters before any import
    made["hq"] = imported(made, HQEngine("sqlite"), base / "hq-sqlite")  # on SQLite (tests/gui read it too)
    return made


def imported(world: dict[str, Any], engine: HQEngine, home: Path) -> Path:
    """A copy of headquarters on ``engine`` holding the five reports."""
    engine.home(world["issuer"], home)
    result = run(home, "hq", "import", str(world["out"]), "--json")
    outcomes = [x["outcome"] for x in json.loads(result.output)["results"]]
    assert outcomes == ["imported"] * 5, result.output
    return home


@pytest.fixture(scope="module")
def hq(world: dict[str, Any], hq_engine_module: HQEngine) -> Path:
    """Headquarters holding the five reports, on each engine (once a module: its tests read it, never change it)."""
    if not hq_engine_module.pg:
        return Path(world["hq"])
    return imported(world, hq_engine_module, world["base"] / "hq-postgresql")


def ws(home: Path) -> Workspace:
    return Workspace(Paths.for_home(home))


def device_of(fig: Any, name: str) -> str:
    return str(next(d for d, monitor in fig.devices if monitor == name))


def test_carats_and_value_by_month_and_origin_count_each_shipment_once(hq: Path) -> None:
    with ws(hq) as w:
        fig = figures(w, Filter())
        by_stats = stats(w)
    rows = [(r.month, r.origin, r.shipments, r.carats, r.value_usd) for r in fig.by_month]
    assert rows == [("2026-09", "ZW", 1, 120050, 3601500), ("2026-10", "ZW", 1, 120050, 1800850),
                    ("2026-11", "BW", 1, 120050, 3601500), ("2026-11", "ZW", 1, 120050, 3601500)]
    # The Statistics tab and `hq stats` count the same.
    assert rows == [(s.month, s.origin, s.shipments, s.carats, s.value_usd) for s in by_stats]
    assert fig.shipments == 4 and fig.reports_held == 5 and fig.origins == ("BW", "ZW")


def test_value_per_carat_is_judged_against_the_band_of_its_origin_and_hs_code(hq: Path,
                                                                              world: dict[str, Any]) -> None:
    with ws(hq) as w:
        fig = figures(w, Filter())
    by_cert = {r.cert_number: r for r in fig.per_carat}
    assert set(by_cert) == {"ZW 004217", "ZW 004300", "ZW 004400", "BW 000100"}  # a1 is superseded
    low = by_cert["ZW 004300"]
    assert (low.cents_per_carat, low.hs_code, low.position) == (1500, "7102.31", "below")
    assert (low.low, low.high) == (Decimal(19), Decimal(970))
    botswana = by_cert["BW 000100"]
    assert (botswana.cents_per_carat, botswana.position) == (3000, "within")
    assert (botswana.low, botswana.high) == (Decimal(29), Decimal(1200))
    assert fig.band_counts() == {"below": 1, "within": 3, "above": 0, "": 0}
    assert by_cert["ZW 004217"].report_id == world["r"]["a2"]


def test_reports_per_monitor_count_amendments_and_shipments(hq: Path) -> None:
    with ws(hq) as w:
        fig = figures(w, Filter())
    rows = {m.monitor: (m.reports, m.amendments, m.shipments, m.carats) for m in fig.monitors}
    assert rows == {"Amélie Ndlovu": (4, 1, 3, 360150), "Baraka Moyo": (1, 0, 1, 120050)}
    assert [m.monitor for m in fig.monitors] == ["Amélie Ndlovu", "Baraka Moyo"]  # most reports first


def test_anomalies_by_kind_and_month_match_the_stored_anomalies(hq: Path) -> None:
    from kpmonitor.hq.notes import noted_anomalies

    with ws(hq) as w:
        noted = noted_anomalies(w)
        fig = figures(w, Filter())
    assert sum(r.count for r in fig.anomalies) == len(noted)
    kinds = {(r.month, r.kind) for r in fig.anomalies}
    assert ("2026-10", "value_per_carat") in kinds  # a3's parcel 1, below its band, dated by a3
    assert all(r.open + r.resolved == r.count for r in fig.anomalies)


def test_a_resolved_anomaly_counts_as_resolved(world: dict[str, Any], hq_engine_module: HQEngine,
                                              tmp_path: Path) -> None:
    from kpmonitor.hq.notes import add_note, noted_anomalies

    home = imported(world, hq_engine_module, tmp_path / "hq")  # its own: the module's stays without the note
    with ws(home) as w:
        target = next(a for a in noted_anomalies(w) if a.kind == "value_per_carat")
        add_note(w, target.ref, "The exporter's invoice explains it.", resolved=True)
        row = next(r for r in figures(w, Filter()).anomalies if r.kind == "value_per_carat")
    assert (row.count, row.open, row.resolved) == (1, 0, 1)


def test_the_filter_narrows_every_table(hq: Path) -> None:
    with ws(hq) as w:
        everything = figures(w, Filter())
        amelie = device_of(everything, "Amélie Ndlovu")
        q4 = figures(w, Filter(*Q4))
        botswana = figures(w, Filter(origin="BW"))
        hers_in_q4 = figures(w, Filter(*Q4, device_id=amelie))
        november = figures(w, Filter(date(2026, 11, 1), date(2026, 11, 30)))
    assert (q4.shipments, q4.carats, q4.value_usd) == (3, 360150, 9003850)  # a4 (September) is not in it
    assert {m.monitor: m.reports for m in q4.monitors} == {"Amélie Ndlovu": 3, "Baraka Moyo": 1}
    assert [(r.origin, r.shipments) for r in botswana.by_month] == [("BW", 1)]
    assert [m.monitor for m in botswana.monitors] == ["Baraka Moyo"]
    assert [r.cert_number for r in hers_in_q4.per_carat] == ["ZW 004300", "ZW 004217"]  # by date
    assert all(r.month == "2026-11" for r in november.anomalies)
    assert all(r.month >= "2026-10" for r in q4.anomalies)
    # The choices stay those of everything held.
    assert q4.origins == everything.origins and botswana.devices == everything.devices


def test_a_worker_reads_the_same_figures_through_a_read_only_connection(hq: Path) -> None:
    with ws(hq) as w:
        here = figures(w, Filter(*Q4))
        reference, source = w.reference, database_source(w)  # the SQLite file, or PostgreSQL's URL
    there = read_figures(source, reference, Filter(*Q4))
    assert there == here


def test_each_table_exports_as_csv_with_hostile_text_quoted(hq: Path, tmp_path: Path) -> None:
    with ws(hq) as w:
        fig = figures(w, Filter(*Q4))
    written = write_all_csv(fig, tmp_path / "csv")
    assert [p.name for p in written] == ["dashboard-by-month.csv", "dashboard-per-carat.csv",
                                         "dashboard-anomalies.csv", "dashboard-monitors.csv"]
    by_month = list(csv.DictReader(written[0].open(encoding="utf-8")))
    assert [(r["month"], r["origin"], r["carats"], r["value_usd"], r["usd_per_carat"]) for r in by_month] == [
        ("2026-10", "ZW", "1200.50", "18008.50", "15.00"), ("2026-11", "BW", "1200.50", "36015.00", "30.00"),
        ("2026-11", "ZW", "1200.50", "36015.00", "30.00")]
    per_carat = list(csv.DictReader(written[1].open(encoding="utf-8")))
    assert {r["certificate"]: r["position"] for r in per_carat} == {
        "ZW 004300": "below", "BW 000100": "within", "ZW 004217": "within"}
    # A monitor's name with a comma, a quote and a line break stays one cell.
    import dataclasses

    hostile = dataclasses.replace(fig, monitors=tuple(dataclasses.replace(m, monitor='Evil, "Name"\n=1+1')
                                                      for m in fig.monitors))
    rows = list(csv.reader(io.StringIO(figure_csv(hostile, "monitors"))))
    assert rows[1][0] == 'Evil, "Name"\n=1+1' and len(rows[1]) == len(rows[0])


def test_the_command_line_writes_the_csv_and_says_the_figures(hq: Path, tmp_path: Path) -> None:
    result = run(hq, "hq", "dashboard", "--from", "2026-10-01", "--to", "2026-12-31", "--csv",
                 str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "dashboard-monitors.csv").is_file()
    result = run(hq, "hq", "dashboard", "--origin", "bw", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [r["origin"] for r in data["by_month"]] == ["BW"]
    result = run(hq, "hq", "dashboard", "--from", "October")
    assert result.exit_code != 0 and "is not a date" in result.output


def test_quarters_are_read_as_the_working_group_writes_them() -> None:
    assert quarter_period("2026-Q4") == Q4
    assert quarter_period("2027-q1") == (date(2027, 1, 1), date(2027, 3, 31))
    from kpmonitor.errors import ParseError

    with pytest.raises(ParseError):
        quarter_period("Q4 2026")


def test_the_quarterly_report_holds_the_quarters_totals(hq: Path, tmp_path: Path) -> None:
    out = tmp_path / "q4.pdf"
    with ws(hq) as w:
        data = write_quarterly(w, "2026-Q4", out)
    assert data.figures.shipments == 3
    text = flat(" ".join(page_texts(out.read_bytes())))
    assert "Quarterly monitoring report, 2026-Q4" in text and "Working Group on Monitoring" in text
    assert "1 October 2026 – 31 December 2026" in text
    assert "3,601.50" in text and "90,038.50" in text  # the quarter's carats and value
    assert "ZW 004300" in text  # below its band, listed
    assert "ZW 004400" not in text  # September's: another quarter
    assert "Amélie Ndlovu" in text and "Baraka Moyo" in text
    assert "Value per carat" in text and "Confirmations of receipt outstanding" in text
    # Every certified shipment of the quarter awaits its confirmation of receipt.
    assert data.receipts["awaited"] + data.receipts["overdue"] == 3


def test_the_quarterly_command(hq: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    result = run(hq, "hq", "quarterly", "--quarter", "2026-Q4", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF") and "3 shipments" in result.output
    result = run(hq, "hq", "quarterly", "--quarter", "2026-4", "--out", str(out))
    assert result.exit_code != 0 and "is not a quarter" in result.output
