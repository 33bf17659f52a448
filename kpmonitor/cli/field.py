"""The field's commands: inspections, photos, the audit chain, signing, export.

::

    kpmonitor list / show ID / new --from-json FILE / photo add ID FILE... / audit verify
    kpmonitor sign ID / ack ID CODE FIELD --note TEXT / amend ID --reason TEXT / export REPORT_ID --out DIR
    kpmonitor export-unsent --out DIR      the PDF and bundle of every report not exported yet
    kpmonitor delete ID                    a draft, kept and marked deleted (restore undoes it)
    kpmonitor restore ID                   refused, the draft staying deleted, when a seal of it is now used elsewhere
    kpmonitor edit ID --from-json FILE     replace a draft's content from a document, with the same checks as new
    kpmonitor receipts install FILE        headquarters' signed receipt: what it holds, the history it cosigned
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from kpmonitor.cli.common import (
    Refused,
    _json_out,
    _labels,
    _passphrase,
    _problem_line,
    _refusals,
    _say,
    _workspace,
)
from kpmonitor.domain.moments import show_moment
from kpmonitor.domain.quantities import amount_text, format_carats, format_usd, plain, signed
from kpmonitor.i18n import LANGUAGES, N_, _, ngettext

# The core is imported inside the commands that use it: `kpmonitor` with no arguments starts the
# desktop app, whose window should paint before SQLite, Pillow and the rules are loaded.
if TYPE_CHECKING:
    from kpmonitor.rules.problems import Problem
    from kpmonitor.store.db import InspectionSummary


@click.command("list")
@click.option("--search", default=None, help="Certificate number, exporter, importer, site or seal number.")
@click.option("--limit", type=click.IntRange(1), default=200, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def list_cmd(ctx: click.Context, search: str | None, limit: int, as_json: bool) -> None:
    """List inspections, newest change first: each with its report's version, what it supersedes or is
    superseded by, and whether its bundle was exported and headquarters' newest receipt lists it."""
    from kpmonitor.history.received import received_reports

    with _workspace(ctx) as ws:
        if ws.role == "field":
            ws.revalidate_stale()  # counts a crash or a changed rule left behind, made again before they are shown
        rows = ws.store.summaries(search, limit=limit)
        held = received_reports(ws)
        received: set[str] = held.get("ids", set())
        if as_json:
            _json_out([{
                "id": r.id, "certificate": r.cert_number, "exporter": r.exporter, "importer": r.importer,
                "origin": r.origin, "site": r.site,
                "carats": None if r.carats is None else plain(r.carats),
                "value_usd": None if r.value_usd is None else plain(r.value_usd),
                "parcel_count": r.parcel_count, "status": r.status, "verdict": r.verdict, "errors": r.errors,
                "warnings": r.warnings, "inspected_at": r.inspected_at, "updated_at": r.updated_at,
                "version": r.version, "report_id": r.report_id, "supersedes": r.supersedes,
                "supersedes_version": r.supersedes_version, "amend_reason": r.amend_reason or None,
                "superseded_by": r.superseded_by, "superseded_by_signed": r.superseded_by_signed,
                "exported": r.exported_at is not None, "exported_at": r.exported_at,
                "received": r.report_id in received, "receipt_issued_at": held.get("issued_at"),
            } for r in rows])
            return
        if not rows:
            _say(_("No inspections.") if not search else _("No inspection matches “{search}”.").format(search=search))
            return
        for r in rows:
            carats = format_carats(r.carats) if r.carats is not None else "—"
            value = format_usd(r.value_usd) if r.value_usd is not None else "—"
            state = f"{r.status} v{r.version}"  # the status is a code (draft, signed)
            if r.errors:
                state += ", " + _("{count} err").format(count=r.errors)
            if r.warnings:
                state += ", " + _("{count} warn").format(count=r.warnings)
            state += "".join(f", {part}" for part in _lineage(r, received))
            _say(f"{r.id[:8]}  {r.cert_number or _('(no number)'):<16} {r.exporter[:28]:<28} "
                 f"{r.origin:<5} {carats:>14} {value:>18}  {state}")


def _lineage(r: InspectionSummary, received: set[str]) -> list[str]:
    """What the list line adds: what the version supersedes or is superseded by, and how far it travelled."""
    parts = []
    if r.supersedes:
        parts.append(_("supersedes v{version} ({report})").format(version=r.supersedes_version,
                                                                   report=r.supersedes[:8])
                     if r.supersedes_version else _("supersedes {report}").format(report=r.supersedes[:8]))
    if r.superseded_by:
        parts.append(_("superseded by v{version} ({inspection})").format(version=r.version + 1,
                                                                          inspection=r.superseded_by[:8])
                     if r.superseded_by_signed else
                     _("being amended ({inspection})").format(inspection=r.superseded_by[:8]))
    if r.report_id is not None:
        parts.append(_("received by headquarters") if r.report_id in received else
                     _("exported") if r.exported_at else _("not exported"))
    return parts


@click.command()
@click.argument("inspection_id")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def show(ctx: click.Context, inspection_id: str, as_json: bool) -> None:
    """Show one inspection and its problems."""
    from kpmonitor.domain.inspection import to_document

    with _workspace(ctx) as ws:
        insp = ws.inspection(inspection_id)
        problems = ws.validate(insp)
        if as_json:
            doc = to_document(insp)
            doc["problems"] = [{"severity": p.severity.value, "field": p.field, "code": p.code,
                                "message": p.message, "acceptable": p.acceptable,
                                "acknowledged": insp.acknowledged(p.code, p.field) is not None}
                               for p in problems]
            _json_out(doc)
            return
        _print_inspection(insp, problems, ws.store.reports(insp.id))


# The labels of ``show``, a column as wide as the longest in the language (``_labels``).
_SHOW_LABELS = (N_("Report"), N_("Amends"), N_("Certificate"), N_("Exporter"), N_("Importer"), N_("Origin"),
                N_("HS codes"), N_("Declared"), N_("Site"), N_("Verdict"), N_("Photos"), N_("Validated"),
                N_("Container"), N_("Carrier"), N_("Production"), N_("Valuation"))
_DASH = "—"


def _or_dash(value: Any) -> Any:
    return value or _DASH


def _print_inspection(insp: Any, problems: list[Problem], reports: list[dict[str, Any]]) -> None:
    c = insp.certificate
    echo = _say  # every line holds text from the inspection: escaped
    label = _labels(*_SHOW_LABELS)
    echo(_("Inspection {id}  ({status})").format(id=insp.id, status=insp.status.value))
    for report in reports:  # a signed inspection: when, as the desktop's banner and headquarters say it
        echo("  " + label(N_("Report")) + _("{report} v{version}, signed {moment}").format(
            report=str(report["id"])[:8], version=report["version"], moment=show_moment(report["signed_at"])))
    if insp.supersedes:
        echo("  " + label(N_("Amends")) + _("inspection {inspection}: {reason}").format(
            inspection=insp.supersedes[:8],
            reason=insp.amend_reason or _("no reason given yet (kpmonitor amend ID --reason TEXT gives it)")))
    echo("  " + label(N_("Certificate")) + _("{number}  issued {issued} by {authority}, expires {expires}").format(
        number=c.number, issued=_or_dash(c.issued_on), authority=_or_dash(c.issuing_authority),
        expires=_or_dash(c.expires_on)))
    echo("  " + label(N_("Exporter")) + f"{c.exporter.name} — {c.exporter.address}")
    echo("  " + label(N_("Importer")) + f"{c.importer.name} — {c.importer.address}")
    echo("  " + label(N_("Origin")) + _("{origin}   provenance {provenance}   destination {destination}").format(
        origin=_or_dash(c.origin), provenance=_or_dash(c.provenance), destination=_or_dash(c.destination)))
    echo("  " + label(N_("HS codes")) + (", ".join(c.hs_codes) or _DASH))
    parcels = c.parcel_count if c.parcel_count is not None else _DASH
    # TRANSLATORS: English says "parcels" even for one, as it always printed; use each form's own.
    echo("  " + label(N_("Declared")) + ngettext("{carats}   {value}   {count} parcels",
                                                 "{carats}   {value}   {count} parcels", c.parcel_count or 0).format(
        carats=format_carats(c.carats) if c.carats is not None else _DASH,
        value=format_usd(c.value_usd) if c.value_usd is not None else _DASH, count=parcels))
    for line in c.lines:
        echo("    " + _("line {hs_code} {carats}  {value}").format(
            hs_code=f"{line.hs_code or _DASH:<8}", carats=f"{amount_text(line.carats, 'ct') or _DASH:>16}",
            value=format_usd(line.value_usd) if line.value_usd is not None else _DASH))
    echo("  " + label(N_("Site")) + _("{site}   at {moment}").format(site=_or_dash(insp.site),
                                                                    moment=_or_dash(show_moment(insp.inspected_at))))
    echo("  " + label(N_("Verdict")) + (insp.verdict.label if insp.verdict else _DASH))
    _print_record_parts(insp, echo, label)
    _print_lists(insp, echo, label)
    if problems:
        echo("  " + _("Problems"))
        for p in problems:
            echo(_problem_line(p, insp.acknowledged(p.code, p.field) is not None))
    else:
        echo("  " + _("No problems: ready to sign."))


def _print_lists(insp: Any, echo: Any, label: Any) -> None:
    """The parcels, seals, findings and photos of ``show``."""
    if insp.parcels:
        echo("  " + _("Parcels"))
        for p in insp.parcels:
            diff = p.difference
            d = "" if diff is None else f" ({signed(diff)})"
            echo("    " + _("{number} {hs_code} declared {declared}  weighed {weighed}{difference}  {value}").format(
                number=f"{p.number:<6}", hs_code=f"{p.hs_code:<8}",
                declared=f"{format_carats(p.declared_carats) if p.declared_carats is not None else _DASH:>14}",
                weighed=f"{format_carats(p.weighed_carats) if p.weighed_carats is not None else _DASH:>14}",
                difference=d,
                value=format_usd(p.declared_value_usd) if p.declared_value_usd is not None else _DASH))
    if insp.seals:
        echo("  " + _("Seals"))
        for s in insp.seals:
            on = _("on parcel {parcel}").format(parcel=s.parcel) if s.parcel else _("on container")
            # Each event with its actor, as the report prints it: who applied a seal is the form's, not the monitor's.
            events = "; ".join((_("{event} {moment} by {who}") if e.by else _("{event} {moment}")).format(
                event=e.kind.label.lower(), moment=show_moment(e.at), who=e.by) for e in s.events)
            echo("    " + _("{number} {type} class {iso_class}  {on}  applied by {applied_by}, witness "
                            "{witness}").format(number=f"{s.number:<20}", type=f"{s.type:<8}", iso_class=s.iso_class,
                                                on=on, applied_by=_or_dash(s.applied_by),
                                                witness=_or_dash(s.witness))
                 + (f"  [{events}]" if events else ""))
    if insp.findings:
        echo("  " + _("Findings"))
        for f in insp.findings:
            echo(f"    [{f.severity.value}] {f.section}: {f.text}")  # the severity is a code, as show --json has it
    if insp.photos:
        echo("  " + label(N_("Photos")) + str(len(insp.photos)))
        for ph in insp.photos:
            link = (" " + _("parcel {parcel}").format(parcel=ph.parcel) if ph.parcel else
                    (" " + _("seal {seal}").format(seal=ph.seal) if ph.seal else ""))
            echo(f"    {ph.sha256[:12]}  {ph.original_name:<24} {ph.width}×{ph.height}  "
                 f"{show_moment(ph.taken_at)}{link}  {ph.caption}")


def _yes_no(flag: bool | None) -> str:
    return _("not recorded") if flag is None else (_("yes") if flag else _("no"))


def _print_record_parts(insp: Any, echo: Any, label: Any) -> None:
    """The validation, shipment, production, valuation, people present and documents received."""
    v, s, p, val = insp.validation, insp.shipment, insp.production, insp.valuation
    echo("  " + label(N_("Validated")) + _("{number} by {officer}, {authority}, at {moment}").format(
        number=_or_dash(v.number), officer=_or_dash(v.officer), authority=_or_dash(v.authority),
        moment=_or_dash(show_moment(v.at))))
    echo("  " + label(N_("Container")) + _("{container}   sealed {sealed}   gross {gross}   certificate number marked "
                                           "on it: {marked}").format(
        container=_or_dash(s.container), sealed=_or_dash(show_moment(insp.container_sealed_at())),
        gross=_or_dash(amount_text(s.gross_weight, "kg")), marked=_yes_no(s.certificate_number_on_container)))
    echo("  " + label(N_("Carrier")) + _("{carrier}   airway bill {airway_bill}   port of exit {port}   export "
                                         "declaration {declaration}").format(
        carrier=_or_dash(s.carrier), airway_bill=_or_dash(s.airway_bill), port=_or_dash(s.port_of_exit),
        declaration=_or_dash(s.export_declaration)))
    source = _DASH if p.stockpile is None else (_("stockpile") if p.stockpile else _("current production"))
    echo("  " + label(N_("Production")) + _("{operator}, {mine}, {period} ({source}); checked against "
                                            "{register}").format(
        operator=_or_dash(p.operator), mine=_or_dash(p.mine), period=_or_dash(p.period), source=source,
        register=_or_dash(p.register)))
    echo("  " + label(N_("Valuation")) + _("{valuator} ({organisation}) by {method}: {value}").format(
        valuator=_or_dash(val.valuator), organisation=_or_dash(val.organisation), method=_or_dash(val.method),
        value=format_usd(val.value_usd) if val.value_usd is not None else _DASH))
    for lot in val.assortment:
        echo("    " + _("lot {sieve} {colour} {quality}  {carats}").format(
            sieve=_or_dash(lot.sieve), colour=_or_dash(lot.colour), quality=_or_dash(lot.quality),
            carats=_or_dash(amount_text(lot.carats, "ct"))))
    if insp.present:
        echo("  " + _("Present"))
        for person in insp.present:
            echo(f"    {person.name}  {person.role or _DASH}  {person.organisation or _DASH}")
    if insp.documents:
        echo("  " + _("Documents received"))
        for d in insp.documents:
            echo(f"    {d.title}  {d.reference or _DASH}"
                 + ("  " + _("photo {photo}").format(photo=d.photo[:12]) if d.photo else ""))


def _read_document(source: Path) -> Any:
    """The JSON document of ``new``/``edit --from-json``: a regular file (or stdin, ``-``), at most 5 MiB, parsed."""
    from kpmonitor.domain.inspection import MAX_DOCUMENT_BYTES, parse_document
    from kpmonitor.fileio import read_regular

    with _refusals():
        if str(source) == "-":
            data = sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1)
        else:
            try:
                data = read_regular(source, MAX_DOCUMENT_BYTES, "JSON document")
            except OSError as exc:
                raise Refused(_("The document {source} cannot be read ({reason}).").format(
                    source=source, reason=exc.strerror or exc)) from exc
        return parse_document(data)


_DOCUMENT = click.Path(dir_okay=False, allow_dash=True, path_type=Path)


@click.command()
@click.option("--from-json", "source", type=_DOCUMENT, required=True,
              help="The inspection document (schema in docs/inspection.schema.json); - for stdin.")
@click.pass_context
def new(ctx: click.Context, source: Path) -> None:
    """Create an inspection from a JSON document; prints its id.

    A document with errors is refused with every problem listed and nothing is
    stored; warnings are stored and shown.
    """
    from kpmonitor.rules.problems import ValidationError

    doc = _read_document(source)
    with _workspace(ctx, role="field") as ws:
        try:
            insp, problems = ws.inspection_from_document(doc)
        except ValidationError as exc:
            raise Refused(str(exc)) from exc
        with _refusals():
            inspection_id = ws.store.create_inspection(insp)
        for p in problems:
            _say(_problem_line(p), err=True)
        click.echo(inspection_id)


@click.group()
def photo() -> None:
    """Photo evidence."""


@photo.command("add")
@click.argument("inspection_id")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--parcel", default=None, help="Parcel number the photos show.")
@click.option("--seal", default=None, help="Seal number the photos show.")
@click.option("--caption", default="", help="Caption for the photos.")
@click.pass_context
def photo_add(ctx: click.Context, inspection_id: str, files: tuple[Path, ...], parcel: str | None,
              seal: str | None, caption: str) -> None:
    """Add photos (files or folders) to an inspection."""
    with _workspace(ctx, role="field") as ws:
        full_id = ws.store.resolve(inspection_id) if len(inspection_id) < 32 else inspection_id
        with _refusals():
            added, refused = ws.add_photos(full_id, list(files), parcel=parcel, seal=seal, caption=caption)
        for a in added:
            said = (_("added: {file}  {sha256}  {size}") if a.created else
                    _("already attached: {file}  {sha256}  {size}"))
            _say(said.format(file=a.path.name, sha256=a.info.sha256[:12], size=f"{a.info.width}×{a.info.height}")
                 + ("  " + _("taken {moment}").format(moment=show_moment(a.info.taken_at)) if a.info.taken_at else ""))
        for r in refused:
            _say(_("refused: {file}: {reason}").format(file=r.path.name, reason=r.reason), err=True)
        if refused or not added:
            if not added and not refused:
                raise Refused(_("No image files were found there."))
            sys.exit(1)


@click.group()
def audit() -> None:
    """The hash-chained audit log."""


@audit.command("verify")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def audit_verify(ctx: click.Context, as_json: bool) -> None:
    """Re-check the audit chain, the tables it describes, the schema, the signed checkpoints and the receipts."""
    from kpmonitor.history.verify import verify_history

    with _workspace(ctx) as ws:
        report = verify_history(ws)
        if ws.home.database:  # headquarters on PostgreSQL: its own chain, and the tables it describes, are there
            from dataclasses import replace

            from kpmonitor.hq.store import hq_store

            shared = hq_store(ws).store.verify_audit()
            report = replace(report, audit=shared, problems=report.problems + shared.problems)
        if ws.role == "hq":  # every imported report's row against what its monitor signed (``hq.recheck``)
            from kpmonitor.hq.recheck import stored_problems

            report.problems.extend(stored_problems(ws))
    head = report.audit.head
    if as_json:
        _json_out({"ok": report.ok, "events": report.audit.events, "head": {"seq": head.seq, "hash": head.hash},
                   "checkpoints": report.checkpoints, "receipt": report.receipt or None,
                   "problems": report.problems})
    elif report.ok:
        click.echo(ngettext(
            "The audit chain is intact: {count} event, head {seq} {hash}; the schema and its freeze triggers are the "
            "ones kpmonitor made.",
            "The audit chain is intact: {count} events, head {seq} {hash}; the schema and its freeze triggers are the "
            "ones kpmonitor made.", report.audit.events).format(count=report.audit.events, seq=head.seq,
                                                                hash=head.hash[:16]))
        checkpoints = ngettext("{count} checkpoint signed by this device match the log.",
                               "{count} checkpoints signed by this device match the log.",
                               report.checkpoints).format(count=report.checkpoints)
        receipt = (_("Headquarters' receipt ({receipt}) matches it.").format(receipt=report.receipt_shown)
                   if report.receipt else _("No receipt from headquarters is installed yet."))
        click.echo(f"{checkpoints} {receipt}")
    else:
        click.echo(_("The audit history is BROKEN:"), err=True)
        for p in report.problems[:20]:
            _say(f"  {p}", err=True)
        if len(report.problems) > 20:
            click.echo("  " + _("… and {count} more.").format(count=len(report.problems) - 20), err=True)
    if not report.ok:
        sys.exit(1)


@click.group()
def receipts() -> None:
    """Headquarters' signed receipts: which reports it holds, and the history it cosigned."""


@receipts.command("install")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def receipts_install(ctx: click.Context, file: Path) -> None:
    """Install a receipt headquarters wrote (kpmonitor hq receipts) and check the local log against it."""
    from kpmonitor.history.receipts import install_receipt

    with _workspace(ctx) as ws:
        done = install_receipt(ws, file)
    for line in done.sentences():
        _say(line)
    for problem in done.problems:
        _say(_("PROBLEM: {problem}").format(problem=problem), err=True)
    if done.problems:
        sys.exit(1)


@click.command()
@click.argument("inspection_id")
@click.option("--language", type=click.Choice(LANGUAGES, case_sensitive=False), default=None,
              help="The report's language: en, fr or pt (default: kpmonitor's own, as KPMONITOR_LANG, the language "
                   "setting or the system's decide).")
@click.pass_context
def sign(ctx: click.Context, inspection_id: str, language: str | None) -> None:
    """Freeze and sign an inspection; prints the report id.

    Refused while errors remain or warnings are not acknowledged. The report is drawn in ``--language``; the
    snapshot records it, and verification reads the same facts whatever it is.
    """
    from kpmonitor.report.sign import sign_inspection
    from kpmonitor.trust.identity import self_signed_note
    from kpmonitor.trust.keys import Keyring

    with _workspace(ctx, role="field") as ws, _refusals():
        full_id = ws.store.resolve(inspection_id)
        insp = ws.store.get(full_id)
        problems = ws.validate(insp)
        from kpmonitor.rules.problems import blocking

        stopping = blocking(problems, insp)
        if stopping:
            for p in stopping:
                _say(_problem_line(p), err=True)
            raise Refused(_("The inspection cannot be signed yet: fix the errors and acknowledge the warnings "
                            "(kpmonitor ack; an error that can be accepted with a reason says so)."))
        # What headquarters and a customs verifier will make of a self-signed report: said before the passphrase.
        self_signed = self_signed_note(Keyring(ws.paths).device_certificate())
        if self_signed:
            _say(_("kpmonitor: note: {note}").format(note=self_signed), err=True)
        report = sign_inspection(ws, full_id, _passphrase(), language=language.lower() if language else None)
    if report.signer_note:  # on stderr: stdout stays the report id, for scripts
        _say(_("kpmonitor: note: {note}").format(note=report.signer_note), err=True)
    click.echo(report.report_id)


@click.command()
@click.argument("inspection_id")
@click.argument("code")
@click.argument("field_path", metavar="FIELD")
@click.option("--note", required=True, help="Why the warning is acceptable; it goes into the report.")
@click.pass_context
def ack(ctx: click.Context, inspection_id: str, code: str, field_path: str, note: str) -> None:
    """Acknowledge a warning, or accept an acceptable error (its CODE and FIELD as `show --json` lists them), with a
    note saying why."""
    with _workspace(ctx, role="field") as ws, _refusals():
        full_id = ws.store.resolve(inspection_id)
        insp = ws.store.get(full_id)
        match = [p for p in ws.validate(insp) if p.code == code and p.field == field_path and p.acknowledgeable]
        if not match:
            raise Refused(_("There is no warning {code} on {field} in this inspection.").format(
                code=code, field=field_path))
        ws.store.acknowledge(full_id, code, field_path, note)
    _say(_("Acknowledged: {problem}").format(problem=match[0].message))


@click.command()
@click.argument("inspection_id")
@click.option("--reason", required=True, help="Why the signed report is corrected; it goes into the new report.")
@click.pass_context
def amend(ctx: click.Context, inspection_id: str, reason: str) -> None:
    """Start a new draft that will supersede a signed inspection; prints its id.

    An amendment begun without a reason (before reasons were asked) is given this one.
    """
    with _workspace(ctx, role="field") as ws, _refusals():
        click.echo(ws.store.amend(ws.store.resolve(inspection_id), reason))


@click.command()
@click.argument("report_id")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True)
@click.pass_context
def export(ctx: click.Context, report_id: str, out_dir: Path) -> None:
    """Write a signed report's PDF and bundle into a folder (a USB stick)."""
    from kpmonitor.bundle.export import export_report

    with _workspace(ctx, role="field") as ws, _refusals():
        exported = export_report(ws, report_id, out_dir)
    for path in (exported.pdf, exported.bundle):
        _say(str(path))


@click.command("export-unsent")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True)
@click.pass_context
def export_unsent(ctx: click.Context, out_dir: Path) -> None:
    """Write the PDF and bundle of every signed report not exported yet into a folder (a USB stick)."""
    from kpmonitor.bundle.export import export_unsent as export_all
    from kpmonitor.cli.common import _refusals, _workspace

    with _workspace(ctx, role="field") as ws, _refusals():
        written = export_all(ws, out_dir)
    if not written:
        click.echo(_("Every signed report was already exported."))
    for path in written:
        _say(str(path))


@click.command()
@click.argument("inspection_id")
@click.pass_context
def delete(ctx: click.Context, inspection_id: str) -> None:
    """Delete a draft. It is kept, marked deleted: ``kpmonitor restore ID`` brings it back."""
    with _workspace(ctx, role="field") as ws, _refusals():
        full = ws.store.resolve(inspection_id)
        insp = ws.store.get(full)
        ws.store.delete_inspection(full)
        number = insp.certificate.number
        _say((_("Deleted the inspection of certificate {number} ({id}); “kpmonitor restore {id}” undoes it.")
              if number else _("Deleted inspection {id} ({id}); “kpmonitor restore {id}” undoes it.")).format(
            number=number, id=full[:8]))


@click.command()
@click.argument("inspection_id")
@click.pass_context
def restore(ctx: click.Context, inspection_id: str) -> None:
    """Restore a deleted draft; refused while one of its seal numbers is used on another inspection."""
    with _workspace(ctx, role="field") as ws, _refusals():
        full = ws.store.resolve(inspection_id)
        ws.store.restore_inspection(full)
        number = ws.store.get(full).certificate.number
        _say((_("Restored the inspection of certificate {number} ({id}).") if number else
              _("Restored inspection {id} ({id}).")).format(number=number, id=full[:8]))


@click.command()
@click.argument("inspection_id")
@click.option("--from-json", "source", type=_DOCUMENT, required=True,
              help="The inspection document (schema in docs/inspection.schema.json); - for stdin.")
@click.pass_context
def edit(ctx: click.Context, inspection_id: str, source: Path) -> None:
    """Replace a draft's content with a JSON document, checked as ``new`` checks it.

    A document with errors is refused with every problem listed and the draft
    is left as it was; warnings are stored and shown. The draft's photos stay.
    """
    from kpmonitor.rules.problems import ValidationError

    doc = _read_document(source)
    with _workspace(ctx, role="field") as ws, _refusals():
        full = ws.store.resolve(inspection_id)
        try:
            insp, problems = ws.inspection_from_document(doc, replacing=full)
        except ValidationError as exc:
            raise Refused(str(exc)) from exc
        ws.store.replace_inspection(full, insp)
        for p in problems:
            _say(_problem_line(p), err=True)
        click.echo(full)


COMMANDS = (list_cmd, show, new, delete, restore, edit, photo, audit, receipts, sign, ack, amend, export,
            export_unsent)
