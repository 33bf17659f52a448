"""Every headquarters command, in one place: certificates, revocations, publishing, imports and what they show.

::

    hq issue CSR.pem --out CERT.pem [--days N] / hq revoke SERIAL / hq publish --out DIR
    hq import FILE_OR_DIR... [--json]      exit 0: every file imported or already imported; 1: any refused
    hq list [--json] [--search TEXT]
    hq show REPORT_ID [--json]
    hq anomalies [--json] [--rebuild]      each with its reference, its latest note, whether it is resolved
    hq note ANOMALY_REF --text TEXT [--resolved]
    hq monitors [--json]
    hq stats [--by month|operator|mine] [--csv FILE] [--json]
    hq log [--json]
    hq confirm CERT --on DATE --authority TEXT [--parcels N --carats X --importer … --exporter … --reference …
               --note …] [--json]                  an importing authority's confirmation of receipt
    hq confirmations [--json]                      every confirmation recorded, with its state
    hq confirmations import FILE.csv [--json]      all of the file or none of it (docs/formats.md)
    hq dashboard [--from DATE --to DATE --origin CC --device ID] [--csv DIR] [--json]   the dashboard's figures
    hq quarterly --quarter 2026-Q4 --out FILE.pdf  the quarterly report for the Working Group on Monitoring
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import click

from kpmonitor.cli.common import Refused, _json_out, _labels, _passphrase, _refusals, _say, _workspace
from kpmonitor.domain.moments import show_moment
from kpmonitor.domain.quantities import amount_text, format_carats, format_usd, plain
from kpmonitor.i18n import N_, _, ngettext


@click.group()
def hq() -> None:
    """Headquarters: certificates, revocations, imports, anomalies, statistics."""


@hq.command("issue")
@click.argument("csr_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--days", type=click.IntRange(1, 3650), default=730, show_default=True)
@click.pass_context
def hq_issue(ctx: click.Context, csr_file: Path, out: Path, days: int) -> None:
    """Issue a monitor's certificate from their request."""
    from kpmonitor.hq.shared import share_trust
    from kpmonitor.trust.identity import certificate_summary, load_certs, read_pem_file
    from kpmonitor.trust.keys import Keyring

    with _workspace(ctx, role="hq") as ws, _refusals():
        request = read_pem_file(csr_file, "certificate request")
        data = Keyring(ws.paths).issue_to(out, request, _passphrase(what="root CA key"), days)
        share_trust(ws)  # headquarters on PostgreSQL: every analyst's home now knows the certificate
        summary = certificate_summary(load_certs(data)[0])
    _say(_("Issued certificate {serial} to {name} (device {device}), valid until {until}: {file}").format(
        serial=summary["serial"], name=summary["name"], device=summary["device_id"][:8],
        until=summary["not_after"][:10], file=out))


@hq.command("revoke")
@click.argument("serial")
@click.pass_context
def hq_revoke(ctx: click.Context, serial: str) -> None:
    """Revoke a monitor's certificate by its serial; publish afterwards."""
    from kpmonitor.hq.shared import share_trust
    from kpmonitor.trust.keys import Keyring

    with _workspace(ctx, role="hq") as ws, _refusals():
        Keyring(ws.paths).revoke(serial, _passphrase(what="root CA key"))
        share_trust(ws)  # headquarters on PostgreSQL: every analyst's next import refuses it
    _say(_("Revoked {serial}. Run “kpmonitor hq publish” and send the new list to monitors.").format(
        serial=serial.upper()))


@hq.command("publish")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True)
@click.pass_context
def hq_publish(ctx: click.Context, out_dir: Path) -> None:
    """Write the root certificate and a freshly signed revocation list."""
    from kpmonitor.hq.shared import share_trust
    from kpmonitor.trust.keys import Keyring

    with _workspace(ctx, role="hq") as ws, _refusals():
        written = Keyring(ws.paths).publish(out_dir, _passphrase(what="root CA key"))
        share_trust(ws)  # the list just signed, for every analyst's home (headquarters on PostgreSQL)
    for path in written:
        click.echo(str(path))


@hq.command("receipts")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True)
@click.pass_context
def hq_receipts(ctx: click.Context, out_dir: Path) -> None:
    """Cosign each device's latest history and write its signed receipt of the reports held."""
    from kpmonitor.hq.receipts import write_receipts

    with _workspace(ctx, role="hq") as ws, _refusals():
        written = write_receipts(ws, _passphrase(what="root CA key"), out_dir)
    if not written:
        click.echo(_("No device has sent a report with a signed history yet: there is nothing to receipt."))
    for path in written:
        _say(str(path))


_OUTCOME_LABELS = {"imported": "imported", "already": "already ", "conflict": "CONFLICT", "refused": "REFUSED "}


@hq.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output: each file's outcome and sentence.")
@click.pass_context
def hq_import(ctx: click.Context, paths: tuple[Path, ...], as_json: bool) -> None:
    """Import report bundles: files, or folders holding *.kpbundle files.

    Each bundle is verified completely and imported whole or not at all; a
    refused or conflicting one is set aside: copied to the quarantine folder,
    nothing of it recorded. Exit status 0 when every file was imported or
    already imported, 1 otherwise.
    """
    from kpmonitor.hq.importer import ImportResult, find_bundles, import_paths
    from kpmonitor.hq.inbox import SET_ASIDE_OUTCOMES, set_aside_explained

    def echo(result: ImportResult) -> None:
        _say(f"{_OUTCOME_LABELS[result.outcome]}  {result.file.name}: {result.sentence}", err=not result.ok)

    with _workspace(ctx, role="hq") as ws, _refusals():
        if not find_bundles(paths):
            raise Refused(_("No .kpbundle files were found there."))
        results = import_paths(ws, paths, on_result=None if as_json else echo)
    counts = Counter(r.outcome for r in results)
    set_aside = (set_aside_explained(ctx.obj["paths"]) if any(r.outcome in SET_ASIDE_OUTCOMES for r in results)
                 else None)
    if as_json:
        _json_out({"results": [r.to_json() for r in results],
                   "counts": {k: counts.get(k, 0) for k in ("imported", "already", "conflict", "refused")},
                   "set_aside": set_aside})
    else:
        click.echo(_("{imported} imported, {already} already imported, {conflict} in conflict, {refused} "
                     "refused.").format(imported=counts.get("imported", 0), already=counts.get("already", 0),
                                        conflict=counts.get("conflict", 0), refused=counts.get("refused", 0)))
        if set_aside:
            _say(set_aside)
    sys.exit(0 if all(r.ok for r in results) else 1)


@hq.command("list")
@click.option("--search", default=None, help="Certificate number, exporter, importer, monitor, origin, date, "
              "verdict, seal number.")
@click.option("--limit", type=click.IntRange(1), default=200, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def hq_list(ctx: click.Context, search: str | None, limit: int, as_json: bool) -> None:
    """List imported reports, newest signature first."""
    from kpmonitor.hq.reports import list_reports

    with _workspace(ctx, role="hq") as ws, _refusals():
        rows = list_reports(ws, search, limit=limit)
    if as_json:
        _json_out([r.to_json() for r in rows])
        return
    if not rows:
        _say(_("No reports imported yet.") if not search else
             _("No imported report matches “{search}”.").format(search=search))
        return
    for r in rows:
        carats = format_carats(r.carats) if r.carats is not None else "—"
        value = format_usd(r.value_usd) if r.value_usd is not None else "—"
        state = r.badge + (", " + _("superseded by {report}").format(report=r.superseded_by[:8])
                           if r.superseded_by else "")
        _say(f"{r.id[:8]} v{r.version}  {r.cert_number:<14} {r.exporter[:26]:<26} {r.origin:<5} "
             f"{carats:>14} {value:>18}  {r.verdict or '—':<13} {r.monitor[:20]:<20} {show_moment(r.signed_at)}  "
             f"[{state}]")


@hq.command("show")
@click.argument("report_id")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def hq_show(ctx: click.Context, report_id: str, as_json: bool) -> None:
    """Show one imported report: what it says, its checks, its files."""
    from kpmonitor.hq.reports import report_detail

    with _workspace(ctx, role="hq") as ws, _refusals():
        detail = report_detail(ws, report_id)
    if as_json:
        _json_out(detail)
        return
    r = detail["report"]
    if detail["stored_problem"]:  # before anything it lists: none of it may be what a monitor signed
        _say(_("PROBLEM: {problem}").format(problem=detail["stored_problem"]), err=True)
    _say(_("Report {id} v{version}  [{badge}]").format(id=r["id"], version=r["version"], badge=detail["badge"]))
    label = _labels(*_SHOW_LABELS)

    def say(word: str, text: str) -> None:  # a line of the column of labels
        _say("  " + label(word) + text)

    say(N_("Certificate"), f"{r['cert_number']}   {r['exporter']} → {r['importer']}")
    say(N_("Origin"), _("{origin}   destination {destination}").format(origin=r["origin"] or "—",
                                                                       destination=r["destination"] or "—"))
    # TRANSLATORS: English says "parcels" even for one, as it always printed; use each form's own.
    say(N_("Declared"), ngettext("{carats}   US$ {value}   {count} parcels", "{carats}   US$ {value}   {count} parcels",
                                 r["parcels"] or 0).format(carats=amount_text(r["carats"], "ct") or "—",
                                                          value=amount_text(r["value_usd"]) or "—", count=r["parcels"]))
    say(N_("Verdict"), _("{verdict}   inspected {moment}").format(verdict=r["verdict"] or "—",
                                                                  moment=show_moment(r["inspected_at"]) or "—"))
    say(N_("Monitor"), _("{monitor}   device {device} report {number}   certificate {serial}").format(
        monitor=r["monitor"], device=r["device_id"][:8], number=r["device_seq"], serial=r["signer_serial"]))
    say(N_("Signed"), _("{signed}   imported {imported}").format(signed=show_moment(r["signed_at"]),
                                                                 imported=show_moment(r["imported_at"])))
    record = detail["record"]
    if any(record.values()):
        say(N_("Production"), _("{operator}, {mine}   container {container}   validation {validation}   airway bill "
                                "{airway_bill}").format(
            operator=record["production_operator"] or "—", mine=record["production_mine"] or "—",
            container=record["container"] or "—", validation=record["validation_number"] or "—",
            airway_bill=record["airway_bill"] or "—"))
    say(N_("Receipt"), receipt_sentence(detail["receipt"]))
    if r["supersedes"]:
        received = ("" if detail["supersedes_received"] else
                    " " + _("(another device's report: not an amendment of it)") if detail["supersedes_foreign"] else
                    " " + _("(not received)"))
        say(N_("Supersedes"), f"{r['supersedes']}{received}")
        amendment = detail["snapshot"].get("amendment")
        if isinstance(amendment, dict):  # format 3: why, as the monitor said when amending
            say(N_("Reason"), f"{amendment.get('reason')}")
    for later in detail["superseded_by"]:
        say(N_("Superseded by"), later)
    say(N_("PDF"), f"{detail['pdf_path']}")
    say(N_("Photos"), f"{len(detail['photos'])}")
    _say("  " + _("Checks at import"))
    for c in detail["verification"]["checks"]:  # the tags and the check's name are codes, as the JSON has them
        _say(f"    [{'ok' if c['ok'] else 'FAIL'}] {c['name']}: {c['detail']}")
    for w in detail["verification"]["warnings"]:
        _say(f"    [note] {w}")


# The labels of ``hq show``, a column as wide as the longest in the language (``_labels``).
_SHOW_LABELS = (N_("Certificate"), N_("Origin"), N_("Declared"), N_("Verdict"), N_("Monitor"), N_("Signed"),
                N_("Production"), N_("Receipt"), N_("Supersedes"), N_("Reason"), N_("Superseded by"), N_("PDF"),
                N_("Photos"))


def receipt_sentence(receipt: dict[str, Any]) -> str:
    """A report's confirmation of receipt (``hq.store.Receipt.to_json``) in words."""
    c = receipt.get("confirmation")
    if c is not None:
        figures = ", ".join(part for part in (
            # TRANSLATORS: English says "parcels" even for one, as it always printed; use each form's own.
            ngettext("{count} parcels", "{count} parcels", c["parcels"]).format(count=c["parcels"])
            if c["parcels"] is not None else "",
            f"{amount_text(c['carats'], 'ct')}" if c["carats"] is not None else "",
            _("importer {importer}").format(importer=c["importer"]) if c["importer"] else "",
            _("exporter {exporter}").format(exporter=c["exporter"]) if c["exporter"] else "",
            _("reference {reference}").format(reference=c["reference"]) if c["reference"] else "") if part)
        text = (_("confirmed on {day} by {authority} ({figures})") if figures else
                _("confirmed on {day} by {authority}")).format(day=c["confirmed_on"], authority=c["authority"],
                                                               figures=figures)
        if receipt["differences"]:
            text += _("; it differs from this report: {differences}").format(
                differences="; ".join(receipt["differences"]))
        return text
    if receipt["state"] in ("awaited", "overdue"):
        days = receipt["days"]
        overdue = receipt["state"] == "overdue"
        if days is None:
            return _("no confirmation of receipt yet, overdue") if overdue else _("no confirmation of receipt yet")
        return (ngettext("no confirmation of receipt yet, {count} day after signing, overdue",
                         "no confirmation of receipt yet, {count} days after signing, overdue", days) if overdue else
                ngettext("no confirmation of receipt yet, {count} day after signing",
                         "no confirmation of receipt yet, {count} days after signing", days)).format(count=days)
    return _("none awaited (not certified, or a later version counts)")


@hq.command("anomalies")
@click.option("--json", "as_json", is_flag=True)
@click.option("--rebuild", is_flag=True, help="Judge every imported report again from its snapshot first "
              "(the anomalies are otherwise judged at import and kept).")
@click.pass_context
def hq_anomalies(ctx: click.Context, as_json: bool, rebuild: bool) -> None:
    """What headquarters should look at: missing reports, rolled-back or forked histories, reused seals and
    certificate numbers, value per carat and weight findings, and confirmations of receipt that differ from their
    report, that match no report, or that have not come after hq_confirmation_days days.

    Each is listed with its reference (for ``hq note``) and its latest note; a resolved one stays listed,
    marked, and is not counted as open.
    """
    from kpmonitor.hq.notes import noted_anomalies, open_count

    with _workspace(ctx, role="hq") as ws, _refusals():
        found = noted_anomalies(ws, rebuild=rebuild)
    if as_json:
        _json_out([a.to_json() for a in found])
        return
    if not found:
        click.echo(_("No anomalies."))
        return
    for a in found:
        # The severity and the kind are codes (scripts read them); the rest is said in the analyst's language.
        _say((_("[{severity}] {kind} {ref} (resolved): {sentence}") if a.resolved else
              _("[{severity}] {kind} {ref}: {sentence}")).format(severity=a.severity, kind=a.kind, ref=a.ref,
                                                                  sentence=a.sentence))
        if a.note is not None:
            _say("    " + (_("note by {who}, {moment}, resolved: {text}") if a.note.resolved else
                           _("note by {who}, {moment}: {text}")).format(who=a.note.by, moment=show_moment(a.note.at),
                                                                        text=a.note.text))
    alerts, warnings, resolved = open_count(found)
    click.echo(_("{open} open ({alerts}, {warnings}), {resolved} resolved.").format(
        open=alerts + warnings, alerts=ngettext("{count} alert", "{count} alerts", alerts).format(count=alerts),
        warnings=ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
        resolved=resolved))


@hq.command("note")
@click.argument("anomaly_ref")
@click.option("--text", required=True, help="What was found, or why the anomaly is resolved.")
@click.option("--resolved", is_flag=True, help="Mark the anomaly resolved (a later note without it opens it again).")
@click.pass_context
def hq_note(ctx: click.Context, anomaly_ref: str, text: str, resolved: bool) -> None:
    """Write a note on an anomaly (its reference as ``hq anomalies`` prints it), kept audited: notes are never
    changed, a later note supersedes an earlier one."""
    from kpmonitor.hq.notes import add_note

    with _workspace(ctx, role="hq") as ws, _refusals():
        noted = add_note(ws, anomaly_ref, text, resolved=resolved)
    _say((_("Noted on {kind} {ref} (now resolved): {sentence}") if noted.resolved else
          _("Noted on {kind} {ref}: {sentence}")).format(kind=noted.kind, ref=noted.ref, sentence=noted.sentence))


@hq.command("monitors")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def hq_monitors(ctx: click.Context, as_json: bool) -> None:
    """Every device reports came from: its monitor, reports received and missing, revocation."""
    from kpmonitor.hq.stats import monitors

    with _workspace(ctx, role="hq") as ws, _refusals():
        rows = monitors(ws)
    if as_json:
        _json_out([m.to_json() for m in rows])
        return
    for m in rows:
        flags = ((", " + _("REVOKED") if m.revoked else "")
                 + (", " + _("{count} missing").format(count=m.missing) if m.missing else ""))
        _say(f"{m.device_id[:8]}  {m.monitor[:28]:<28} "
             + ngettext("{count} report, last number {number}, last signed {moment}",
                        "{count} reports, last number {number}, last signed {moment}", m.reports).format(
                 count=f"{m.reports:>5}", number=m.last_seq, moment=show_moment(m.last_signed_at)) + flags)


@hq.command("stats")
@click.option("--by", "by", type=click.Choice(("month", "operator", "mine")), default="month", show_default=True,
              help="month: by month and origin; operator, mine: by the production's operator or mine.")
@click.option("--csv", "csv_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the statistics as CSV to this file.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def hq_stats(ctx: click.Context, by: str, csv_file: Path | None, as_json: bool) -> None:
    """Shipments, carats and value by origin and month, or by operator or mine (each shipment once, at its latest
    version)."""
    from kpmonitor.hq.stats import stats, write_stats_csv

    if by != "month":
        _group_stats(ctx, by, csv_file, as_json)
        return
    with _workspace(ctx, role="hq") as ws, _refusals():
        rows = write_stats_csv(ws, csv_file) if csv_file is not None else stats(ws)
    if as_json:
        _json_out([{"month": r.month, "origin": r.origin, "shipments": r.shipments, "certified": r.certified,
                    "carats": plain(r.carats), "value_usd": plain(r.value_usd),
                    "usd_per_carat": r.usd_per_carat or None} for r in rows])
    elif csv_file is not None:
        click.echo(_wrote_rows(len(rows), csv_file))
    else:
        for r in rows:
            _say(f"{r.month}  {r.origin:<6} {r.shipments:>5} {_shipments(r.shipments)}  {format_carats(r.carats):>18}  "
                 f"{format_usd(r.value_usd):>20}")


def _wrote_rows(count: int, csv_file: Path) -> str:
    # TRANSLATORS: English says "rows" even for one, as it always printed; use each form's own.
    return ngettext("Wrote {count} rows to {file}.", "Wrote {count} rows to {file}.", count).format(
        count=count, file=csv_file)


def _shipments(count: int) -> str:
    """The noun after a count of shipments, padded as wide as its plural (a column)."""
    widest = max(len(ngettext("shipment", "shipments", n)) for n in (1, 2, 1_000_000))
    return f"{ngettext('shipment', 'shipments', count):<{widest}}"


def _group_stats(ctx: click.Context, by: str, csv_file: Path | None, as_json: bool) -> None:
    from kpmonitor.hq.stats import stats_by, write_group_csv

    with _workspace(ctx, role="hq") as ws, _refusals():
        rows = write_group_csv(ws, csv_file, by) if csv_file is not None else stats_by(ws, by)
    if as_json:
        _json_out([r.to_json(by) for r in rows])
    elif csv_file is not None:
        click.echo(_wrote_rows(len(rows), csv_file))
    else:
        for r in rows:
            per_carat = f"US$ {amount_text(r.usd_per_carat)}/ct" if r.usd_per_carat else "—"
            _say(f"{(r.group or _('(not recorded)'))[:36]:<36} {r.shipments:>5} {_shipments(r.shipments)}  "
                 f"{format_carats(r.carats):>18}  {format_usd(r.value_usd):>20}  {per_carat}")


@hq.command("log")
@click.option("--limit", type=click.IntRange(1), default=100, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def hq_log(ctx: click.Context, limit: int, as_json: bool) -> None:
    """The import log: every attempt, newest first, with its outcome in a sentence (what "set aside" means after
    it, when a bundle was)."""
    from kpmonitor.hq.inbox import SET_ASIDE_OUTCOMES, set_aside_explained
    from kpmonitor.hq.reports import import_log

    with _workspace(ctx, role="hq") as ws, _refusals():
        rows = import_log(ws, limit)
    if as_json:
        _json_out(rows)
        return
    for row in rows:
        _say(f"{show_moment(row['at'], seconds=True)}  {row['outcome']:<8} {row['file_name']}: {row['sentence']}")
    if any(row["outcome"] in SET_ASIDE_OUTCOMES for row in rows):
        _say(set_aside_explained(ctx.obj["paths"]))


# ------------------------------------------------------------------------------- confirmations of receipt


@hq.command("confirm")
@click.argument("certificate")
@click.option("--on", "confirmed_on", required=True, help="The day the importing authority confirmed receipt "
              "(YYYY-MM-DD).")
@click.option("--authority", required=True, help="The importing authority that confirmed it.")
@click.option("--parcels", default=None, help="The parcels it says it received.")
@click.option("--carats", default=None, help="The carats it says it received.")
@click.option("--importer", default="", help="The importer it names.")
@click.option("--exporter", default="", help="The exporter it names.")
@click.option("--reference", default="", help="Its reference (a letter's or a message's number).")
@click.option("--note", default="", help="Headquarters' note on it.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def hq_confirm(ctx: click.Context, certificate: str, confirmed_on: str, authority: str, parcels: str | None,
               carats: str | None, importer: str, exporter: str, reference: str, note: str, as_json: bool) -> None:
    """Record an importing authority's confirmation of receipt of a certificate's shipment (kept audited and
    never changed: a later confirmation of the certificate corrects it)."""
    from kpmonitor.hq.confirmations import confirm

    with _workspace(ctx, role="hq") as ws, _refusals():
        done = confirm(ws, {"certificate": certificate, "confirmed_on": confirmed_on, "authority": authority,
                            "parcels": parcels, "carats": carats, "importer": importer, "exporter": exporter,
                            "reference": reference, "note": note})
    if as_json:
        _json_out(done.to_json())
    elif done.recorded:
        c = done.recorded[0]
        _say((_("Recorded the confirmation of receipt of certificate {certificate} on {day} by {authority}, correcting "
                "the one recorded before. See “kpmonitor hq confirmations” and “kpmonitor hq anomalies”.")
              if c.supersedes else
              _("Recorded the confirmation of receipt of certificate {certificate} on {day} by {authority}. See "
                "“kpmonitor hq confirmations” and “kpmonitor hq anomalies”.")).format(
            certificate=c.cert_number, day=c.confirmed_on, authority=c.authority))
    else:
        _say(_("That very confirmation was recorded already; nothing changed."))


@hq.group("confirmations", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def hq_confirmations(ctx: click.Context, as_json: bool) -> None:
    """The confirmations of receipt recorded, newest first: each matched to its report, differing from it,
    unmatched (no report carries its certificate number) or superseded by a later one."""
    if ctx.invoked_subcommand is not None:
        return
    from kpmonitor.hq.confirmations import list_confirmations

    with _workspace(ctx, role="hq") as ws, _refusals():
        rows = list_confirmations(ws)
    if as_json:
        _json_out([row.to_json() for row in rows])
        return
    if not rows:
        _say(_("No confirmation of receipt recorded yet."))
        return
    for row in rows:
        c = row.confirmation
        reports = ", ".join(r[:8] for r in row.reports) or "—"
        figures = " ".join(part for part in (
            # TRANSLATORS: English says "parcels" even for one, as it always printed; use each form's own.
            ngettext("{count} parcels", "{count} parcels", c.parcels).format(count=c.parcels)
            if c.parcels is not None else "", amount_text(c.carats, "ct") if c.carats is not None else "") if part)
        source = (_("{file}, line {line}").format(file=c.source_file, line=c.source_line) if c.source == "csv" else
                  _("entered"))
        # The state is a code (matched, differs, unmatched, superseded), as the JSON has it.
        _say(f"{c.confirmed_on}  {c.cert_number:<14} {row.state:<10} "
             + _("report {reports}").format(reports=f"{reports:<8}") + f"  {c.authority[:30]}"
             + (f"  {figures}" if figures else "") + "  [" + _("{source}, by {who}").format(source=source, who=c.by)
             + "]")
        for difference in row.differences:
            _say("    " + _("differs: {difference}").format(difference=difference))


@hq_confirmations.command("import")
@click.argument("csv_file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def hq_confirmations_import(ctx: click.Context, csv_file: Path, as_json: bool) -> None:
    """Record the confirmations of receipt of a CSV file (header: certificate,confirmed_on,authority,parcels,
    carats,importer,exporter,reference,note). A bad line refuses the whole file, naming its line; nothing is
    recorded then. A confirmation recorded already is skipped and counted."""
    from kpmonitor.hq.confirmations import import_csv

    with _workspace(ctx, role="hq") as ws, _refusals():
        done = import_csv(ws, csv_file)
    if as_json:
        _json_out(done.to_json())
        return
    _say(ngettext("Recorded {count} confirmation of receipt from {file}; {duplicates} recorded already (skipped).",
                  "Recorded {count} confirmations of receipt from {file}; {duplicates} recorded already (skipped).",
                  len(done.recorded)).format(count=len(done.recorded), file=csv_file.name,
                                             duplicates=done.duplicates))


# --- the dashboard's figures and the quarterly report (hq.dashboard, hq.quarterly) --------------------------


def _day_option(value: str | None, what: str) -> Any:
    from datetime import date

    if not value:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise Refused(_("{what} “{value}” is not a date: write it as 2026-10-01.").format(
            what=what, value=value)) from exc


@hq.command("dashboard")
@click.option("--from", "start", default=None, help="The first day counted (YYYY-MM-DD, the shipment's date).")
@click.option("--to", "end", default=None, help="The last day counted (YYYY-MM-DD).")
@click.option("--origin", default="", help="Only shipments of this origin (ISO code, such as ZW).")
@click.option("--device", "device_id", default="", help="Only the reports of this device (its id, or the first "
              "characters of it, as hq monitors shows).")
@click.option("--csv", "csv_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write each of the dashboard's tables as CSV into this folder (dashboard-*.csv).")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def hq_dashboard(ctx: click.Context, start: str | None, end: str | None, origin: str, device_id: str,
                 csv_dir: Path | None, as_json: bool) -> None:
    """The dashboard's figures: carats and value by month and origin, value per carat against the bands,
    anomalies by kind and month, reports per monitor (each shipment once, at its latest version)."""
    from kpmonitor.hq.dashboard import HEADERS, TABLES, Filter, figures, table_rows, write_all_csv

    filt = Filter(_day_option(start, "--from"), _day_option(end, "--to"), origin.strip().upper(), "")
    with _workspace(ctx, role="hq") as ws, _refusals():
        if device_id.strip():
            found = [d for d, _m in figures(ws, Filter()).devices if d.startswith(device_id.strip().lower())]
            if len(found) != 1:
                raise Refused(_("No single device's id starts with “{device}”: see kpmonitor hq monitors.").format(
                    device=device_id))
            filt = Filter(filt.start, filt.end, filt.origin, found[0])
        fig = figures(ws, filt)
        written = write_all_csv(fig, csv_dir) if csv_dir is not None else []
    if as_json:
        _json_out({table: [dict(zip(HEADERS[table], row, strict=True)) for row in table_rows(fig, table)]
                   for table in TABLES})
        return
    for path in written:
        click.echo(str(path))
    if written:
        return
    counts = fig.band_counts()
    # TRANSLATORS: English says "shipments" even for one, as it always printed; use each form's own.
    _say(ngettext("{what}: {count} shipments, {carats}, {value}; value per carat below / within / above its band: "
                  "{below} / {within} / {above}", "{what}: {count} shipments, {carats}, {value}; value per carat "
                  "below / within / above its band: {below} / {within} / {above}", fig.shipments).format(
        what=filt.describe(fig.monitor_name(filt.device_id)), count=fig.shipments, carats=format_carats(fig.carats),
        value=format_usd(fig.value_usd), below=counts["below"], within=counts["within"], above=counts["above"])
         + (" " + _("({count} without a band)").format(count=counts[""]) if counts[""] else ""))
    for r in fig.by_month:
        # TRANSLATORS: English says "shipments" even for one, as it always printed; use each form's own.
        _say(f"  {r.month}  {r.origin:<6} " + ngettext("{count} shipments", "{count} shipments", r.shipments).format(
            count=f"{r.shipments:>5}") + f"  {format_carats(r.carats):>18}  {format_usd(r.value_usd):>20}")
    for kind, count, still_open, resolved in fig.anomaly_kinds():  # the kind is a code, as the JSON has it
        _say("  " + _("anomalies {kind} {count}  ({open} open, {resolved} resolved)").format(
            kind=f"{kind:<26}", count=f"{count:>5}", open=still_open, resolved=resolved))
    for m in fig.monitors:
        # TRANSLATORS: English says "reports" and "amendments" even for one, as it always printed; use each form's own.
        reports = ngettext("{count} reports", "{count} reports", m.reports).format(count=f"{m.reports:>5}")
        amendments = ngettext("{count} amendments", "{count} amendments", m.amendments).format(count=m.amendments)
        _say(f"  {m.monitor[:30]:<30} " + _("device {device}  {reports} ({amendments})").format(
            device=m.device_id[:8], reports=reports, amendments=amendments))


@hq.command("quarterly")
@click.option("--quarter", required=True, help="The quarter, such as 2026-Q4.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The PDF to write.")
@click.pass_context
def hq_quarterly(ctx: click.Context, quarter: str, out: Path) -> None:
    """The quarterly monitoring report for the Working Group on Monitoring (PDF): the quarter's figures, its
    anomalies open and resolved, and the confirmations of receipt outstanding."""
    from kpmonitor.hq.quarterly import write_quarterly

    with _workspace(ctx, role="hq") as ws, _refusals():
        data = write_quarterly(ws, quarter, out)
    fig = data.figures
    # TRANSLATORS: English says "shipments" even for one, as it always printed; use each form's own.
    _say(ngettext("Wrote the quarterly report for {quarter} ({count} shipments, {carats}, {value}) to {file}",
                  "Wrote the quarterly report for {quarter} ({count} shipments, {carats}, {value}) to {file}",
                  fig.shipments).format(quarter=data.quarter, count=fig.shipments, carats=format_carats(fig.carats),
                                        value=format_usd(fig.value_usd), file=out))


HQ_COMMANDS = (hq_issue, hq_revoke, hq_publish, hq_import, hq_list, hq_show, hq_anomalies, hq_note, hq_monitors,
               hq_stats, hq_log, hq_confirm, hq_confirmations,
               hq_dashboard, hq_quarterly)
