"""The command line: the contract that tests, scripts and headquarters share.

Exit status: 0 success or valid, 1 refused or invalid, 2 usage error. Errors
reach the user as one sentence on stderr; a traceback only ever goes to the
log file.
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from kpmonitor import APP_ID, __version__
from kpmonitor.cli import field as cli_field
from kpmonitor.cli import hq as cli_hq
from kpmonitor.cli.common import Refused, _json_out, _problem_line, _refusals, _workspace
from kpmonitor.domain.quantities import format_carats, format_usd, plain
from kpmonitor.paths import Paths

# The core is imported inside the commands that use it: `kpmonitor` with no arguments starts the
# desktop app, whose window should paint before SQLite, Pillow and the rules are loaded.
if TYPE_CHECKING:
    from kpmonitor.rules.problems import Problem

ROLES = ("field", "hq")

log = logging.getLogger("kpmonitor")


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--home", type=click.Path(file_okay=False, path_type=Path), envvar="KPMONITOR_HOME",
              help="Data directory (default: the platform's own). Also KPMONITOR_HOME.")
@click.option("--self-test", "self_test", is_flag=True,
              help="Check this install headlessly: inspect, photo, sign, render, verify (in a temporary home).")
@click.version_option(__version__, prog_name="kpmonitor", message=f"%(prog)s %(version)s ({APP_ID})")
@click.pass_context
def cli(ctx: click.Context, home: Path | None, self_test: bool) -> None:
    """kpmonitor: Kimberley Process shipment inspections, signed reports, offline sync.

    Without a command, starts the desktop application.
    """
    if self_test:
        from kpmonitor.demo import selftest

        sys.exit(0 if selftest.run(click.echo) else 1)
    paths = Paths.for_home(home)
    from kpmonitor.logsetup import setup_logging

    setup_logging(paths)
    ctx.obj = {"paths": paths}
    if ctx.invoked_subcommand is None:
        ctx.invoke(gui)


@cli.command()
@click.option("--demo", is_flag=True, help="Open a home filled with demo inspections.")
# No exists=True: a file that is missing is said in the window, where the user is looking.
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def gui(ctx: click.Context, demo: bool, files: tuple[Path, ...]) -> None:
    """Start the desktop application; FILES are reports to verify (PDF, QR text) or bundles to import."""
    try:
        from kpmonitor.gui.app import run  # type: ignore[import-not-found,unused-ignore]
    except ImportError as exc:
        raise Refused(f"The desktop application is not available in this build ({exc}).") from exc
    sys.exit(run(ctx.obj["paths"], demo=demo, files=files))


PASSPHRASE_ENV = "KPMONITOR_PASSPHRASE"
DEMO_PASSPHRASE = "kimberley-demo"


def _passphrase(*, new: bool = False, what: str = "signing key") -> str:
    """The passphrase: from KPMONITOR_PASSPHRASE (scripts), else asked for without echo."""
    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        return env
    prompt = f"New passphrase for the {what}" if new else f"Passphrase for the {what}"
    try:
        value: str = click.prompt(prompt, hide_input=True, confirmation_prompt=new, err=True)
    except click.Abort:
        raise Refused(f"No passphrase was given: type it when asked, or set {PASSPHRASE_ENV}.") from None
    return value


@cli.command()
@click.option("--role", type=click.Choice(ROLES), required=True, help="field: a monitor's laptop; hq: headquarters.")
@click.option("--name", required=True, help="The monitor's name (field) or the office's name (hq).")
@click.pass_context
def init(ctx: click.Context, role: str, name: str) -> None:
    """Create a kpmonitor home with its signing key (field) or root certificate authority (hq).

    The passphrase that protects the key is asked for, or taken from KPMONITOR_PASSPHRASE.
    """
    from kpmonitor.workspace import init_home, read_home

    paths: Paths = ctx.obj["paths"]
    with _refusals():
        if read_home(paths) is not None:
            raise Refused(f"A kpmonitor home already exists in {paths.data}.")
        passphrase = _passphrase(new=True, what="root CA key" if role == "hq" else "signing key")
        info = init_home(paths, role, name, passphrase)
    what = ("a root certificate authority" if role == "hq"
            else "a device key (self-signed until headquarters issues a certificate)")
    click.echo(f"Created a {info.role} home for {info.name} in {paths.data} (device {info.device_id[:8]}), "
               f"with {what}.")


@cli.command()
@click.option("--inspections", "count", type=click.IntRange(1, 200_000), default=12, show_default=True)
@click.option("--photos/--no-photos", default=True, show_default=True, help="Generate evidence photos.")
@click.option("--seed", type=int, default=2009, show_default=True)
@click.pass_context
def demo(ctx: click.Context, count: int, photos: bool, seed: int) -> None:
    """Fill a field home with realistic demo inspections (made if missing)."""
    from kpmonitor.demo.fill import fill_demo
    from kpmonitor.workspace import init_home, read_home

    paths: Paths = ctx.obj["paths"]
    with _refusals():
        if read_home(paths) is None:
            init_home(paths, "field", "Demo Monitor", os.environ.get(PASSPHRASE_ENV) or DEMO_PASSPHRASE)
            if not os.environ.get(PASSPHRASE_ENV):
                click.echo(f"Made a demo home; its signing passphrase is “{DEMO_PASSPHRASE}”.")
    with _workspace(ctx, role="field") as ws:
        made = fill_demo(ws, count=count, photos=photos, seed=seed,
                         progress=lambda done, total, _t: None)
    click.echo(f"Added {made} demo inspections to {paths.data}.")


@cli.command("list")
@click.option("--search", default=None, help="Certificate number, exporter, importer, site or seal number.")
@click.option("--limit", type=click.IntRange(1), default=200, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def list_cmd(ctx: click.Context, search: str | None, limit: int, as_json: bool) -> None:
    """List inspections, newest change first."""
    with _workspace(ctx) as ws:
        rows = ws.store.summaries(search, limit=limit)
        if as_json:
            _json_out([{
                "id": r.id, "certificate": r.cert_number, "exporter": r.exporter, "importer": r.importer,
                "origin": r.origin, "site": r.site,
                "carats": None if r.carats is None else plain(r.carats),
                "value_usd": None if r.value_usd is None else plain(r.value_usd),
                "parcel_count": r.parcel_count, "status": r.status, "verdict": r.verdict, "errors": r.errors,
                "warnings": r.warnings, "inspected_at": r.inspected_at, "updated_at": r.updated_at,
            } for r in rows])
            return
        if not rows:
            click.echo("No inspections." if not search else f"No inspection matches “{search}”.")
            return
        for r in rows:
            carats = format_carats(r.carats) if r.carats is not None else "—"
            value = format_usd(r.value_usd) if r.value_usd is not None else "—"
            state = r.status if not r.errors else f"{r.status}, {r.errors} err"
            if r.warnings:
                state += f", {r.warnings} warn"
            click.echo(f"{r.id[:8]}  {r.cert_number or '(no number)':<16} {r.exporter[:28]:<28} "
                       f"{r.origin:<5} {carats:>14} {value:>18}  {state}")


@cli.command()
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
                                "message": p.message,
                                "acknowledged": insp.acknowledged(p.code, p.field) is not None}
                               for p in problems]
            _json_out(doc)
            return
        _print_inspection(insp, problems)


def _print_inspection(insp: Any, problems: list[Problem]) -> None:
    c = insp.certificate
    echo = click.echo
    echo(f"Inspection {insp.id}  ({insp.status.value})")
    echo(f"  Certificate   {c.number}  issued {c.issued_on or '—'} by {c.issuing_authority or '—'}, "
         f"expires {c.expires_on or '—'}")
    echo(f"  Exporter      {c.exporter.name} — {c.exporter.address}")
    echo(f"  Importer      {c.importer.name} — {c.importer.address}")
    echo(f"  Origin        {c.origin or '—'}   provenance {c.provenance or '—'}   destination "
         f"{c.destination or '—'}")
    echo(f"  HS codes      {', '.join(c.hs_codes) or '—'}")
    echo(f"  Declared      {format_carats(c.carats) if c.carats is not None else '—'}   "
         f"{format_usd(c.value_usd) if c.value_usd is not None else '—'}   "
         f"{c.parcel_count if c.parcel_count is not None else '—'} parcels")
    echo(f"  Site          {insp.site or '—'}   at {insp.inspected_at or '—'}")
    echo(f"  Verdict       {insp.verdict.label if insp.verdict else '—'}")
    if insp.parcels:
        echo("  Parcels")
        for p in insp.parcels:
            diff = p.difference
            d = "" if diff is None else f" ({'+' if diff >= 0 else '−'}{abs(diff) / 100:.2f})"
            echo(f"    {p.number:<6} {p.hs_code:<8} declared "
                 f"{format_carats(p.declared_carats) if p.declared_carats is not None else '—':>14}  weighed "
                 f"{format_carats(p.weighed_carats) if p.weighed_carats is not None else '—':>14}{d}  "
                 f"{format_usd(p.declared_value_usd) if p.declared_value_usd is not None else '—'}")
    if insp.seals:
        echo("  Seals")
        for s in insp.seals:
            on = f"parcel {s.parcel}" if s.parcel else "container"
            events = "; ".join(f"{e.kind.label.lower()} {e.at[:16]}" for e in s.events)
            echo(f"    {s.number:<20} {s.type:<8} class {s.iso_class}  on {on}" + (f"  [{events}]" if events else ""))
    if insp.findings:
        echo("  Findings")
        for f in insp.findings:
            echo(f"    [{f.severity.value}] {f.section}: {f.text}")
    if insp.photos:
        echo(f"  Photos        {len(insp.photos)}")
        for ph in insp.photos:
            link = f" parcel {ph.parcel}" if ph.parcel else (f" seal {ph.seal}" if ph.seal else "")
            echo(f"    {ph.sha256[:12]}  {ph.original_name:<24} {ph.width}×{ph.height}  "
                 f"{ph.taken_at or ''}{link}  {ph.caption}")
    if problems:
        echo("  Problems")
        for p in problems:
            echo(_problem_line(p, insp.acknowledged(p.code, p.field) is not None))
    else:
        echo("  No problems: ready to sign.")


@cli.command()
@click.option("--from-json", "source", type=click.File("r", encoding="utf-8"), required=True,
              help="The inspection document (schema in docs/inspection.schema.json); - for stdin.")
@click.pass_context
def new(ctx: click.Context, source: Any) -> None:
    """Create an inspection from a JSON document; prints its id.

    A document with errors is refused with every problem listed and nothing is
    stored; warnings are stored and shown.
    """
    from kpmonitor.rules.problems import ValidationError

    try:
        doc = json.load(source)
    except ValueError as exc:
        raise Refused(f"The file is not valid JSON ({exc}).") from exc
    with _workspace(ctx, role="field") as ws:
        try:
            insp, problems = ws.inspection_from_document(doc)
        except ValidationError as exc:
            raise Refused(str(exc)) from exc
        with _refusals():
            inspection_id = ws.store.create_inspection(insp)
        for p in problems:
            click.echo(_problem_line(p), err=True)
        click.echo(inspection_id)


@cli.group()
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
            state = "added" if a.created else "already attached"
            click.echo(f"{state}: {a.path.name}  {a.info.sha256[:12]}  {a.info.width}×{a.info.height}"
                       + (f"  taken {a.info.taken_at}" if a.info.taken_at else ""))
        for r in refused:
            click.echo(f"refused: {r.path.name}: {r.reason}", err=True)
        if refused or not added:
            if not added and not refused:
                raise Refused("No image files were found there.")
            sys.exit(1)


@cli.group()
def audit() -> None:
    """The hash-chained audit log."""


@audit.command("verify")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def audit_verify(ctx: click.Context, as_json: bool) -> None:
    """Re-check the local audit chain and the tables it describes."""
    with _workspace(ctx) as ws:
        report = ws.store.verify_audit()
    if as_json:
        _json_out({"ok": report.ok, "events": report.events, "head": {"seq": report.head.seq,
                   "hash": report.head.hash}, "problems": report.problems})
    elif report.ok:
        click.echo(f"The audit chain is intact: {report.events} events, head {report.head.seq} "
                   f"{report.head.hash[:16]}.")
    else:
        click.echo("The audit chain is BROKEN:", err=True)
        for p in report.problems[:20]:
            click.echo(f"  {p}", err=True)
        if len(report.problems) > 20:
            click.echo(f"  … and {len(report.problems) - 20} more.", err=True)
    if not report.ok:
        sys.exit(1)


@cli.command()
@click.argument("inspection_id")
@click.pass_context
def sign(ctx: click.Context, inspection_id: str) -> None:
    """Freeze and sign an inspection; prints the report id.

    Refused while errors remain or warnings are not acknowledged.
    """
    from kpmonitor.report.sign import sign_inspection

    with _workspace(ctx, role="field") as ws, _refusals():
        full_id = ws.store.resolve(inspection_id)
        insp = ws.store.get(full_id)
        problems = ws.validate(insp)
        from kpmonitor.rules.problems import blocking

        stopping = blocking(problems, insp)
        if stopping:
            for p in stopping:
                click.echo(_problem_line(p), err=True)
            raise Refused("The inspection cannot be signed yet: fix the errors and acknowledge the warnings "
                          "(kpmonitor ack).")
        report = sign_inspection(ws, full_id, _passphrase())
    click.echo(report.report_id)


@cli.command()
@click.argument("inspection_id")
@click.argument("code")
@click.argument("field_path", metavar="FIELD")
@click.option("--note", required=True, help="Why the warning is acceptable; it goes into the report.")
@click.pass_context
def ack(ctx: click.Context, inspection_id: str, code: str, field_path: str, note: str) -> None:
    """Acknowledge a warning (its CODE and FIELD as `show --json` lists them) with a note."""
    with _workspace(ctx, role="field") as ws, _refusals():
        full_id = ws.store.resolve(inspection_id)
        insp = ws.store.get(full_id)
        match = [p for p in ws.validate(insp) if p.code == code and p.field == field_path and not p.is_error]
        if not match:
            raise Refused(f"There is no warning {code} on {field_path} in this inspection.")
        ws.store.acknowledge(full_id, code, field_path, note)
    click.echo(f"Acknowledged: {match[0].message}")


@cli.command()
@click.argument("inspection_id")
@click.pass_context
def amend(ctx: click.Context, inspection_id: str) -> None:
    """Start a new draft that will supersede a signed inspection; prints its id."""
    with _workspace(ctx, role="field") as ws, _refusals():
        click.echo(ws.store.amend(ws.store.resolve(inspection_id)))


@cli.command()
@click.argument("report_id")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True)
@click.pass_context
def export(ctx: click.Context, report_id: str, out_dir: Path) -> None:
    """Write a signed report's PDF and bundle into a folder (a USB stick)."""
    from kpmonitor.bundle.export import export_report

    with _workspace(ctx, role="field") as ws, _refusals():
        exported = export_report(ws, report_id, out_dir)
    for path in (exported.pdf, exported.bundle):
        click.echo(str(path))


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--trust", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Headquarters' root certificate (PEM). Default: the one installed in this home, if any.")
@click.option("--crl", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Headquarters' revocation list. Default: the one installed in this home, if any.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def verify(ctx: click.Context, file: Path, trust: Path | None, crl: Path | None, as_json: bool) -> None:
    """Verify a signed report PDF, a bundle, or a text file holding a QR seal's text."""
    from kpmonitor.trust.keys import Keyring
    from kpmonitor.verifying import verify_file
    from kpmonitor.workspace import read_home

    paths: Paths = ctx.obj["paths"]
    with _refusals():
        keyring = Keyring(paths) if read_home(paths) is not None else None
        result = verify_file(file, trust=trust, crl=crl, keyring=keyring)
    if as_json:
        _json_out({"file": str(file), **result.to_json()})
    else:
        click.echo(result.verdict)
        for c in result.checks:
            click.echo(f"  [{'ok' if c.ok else 'FAIL'}] {c.name}: {c.detail}")
        for w in result.warnings:
            click.echo(f"  [note] {w}")
        if result.summary:
            s = result.summary
            click.echo(f"  Report {str(s.get('report_id'))[:8]} v{s.get('report_version')}: certificate "
                       f"{s.get('certificate_number')}, {s.get('carats')} ct, US$ {s.get('value_usd')}, "
                       f"{s.get('parcels')} parcels, verdict {s.get('verdict')}, monitor {s.get('monitor')}")
    sys.exit(0 if result.ok else 1)


@cli.group()
def keys() -> None:
    """The device's signing key and certificate."""


@keys.command("init")
@click.pass_context
def keys_init(ctx: click.Context) -> None:
    """Make the signing key (field) or root CA (hq) of a home that was created without one."""
    from kpmonitor.workspace import create_identity

    with _workspace(ctx) as ws, _refusals():
        create_identity(ws.paths, ws.home, _passphrase(new=True))
    click.echo("Made the key." + (" Send a certificate request to headquarters: kpmonitor keys request."
                                  if ws.role == "field" else ""))


@keys.command("request")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.pass_context
def keys_request(ctx: click.Context, out: Path) -> None:
    """Write a certificate request for headquarters."""
    from kpmonitor.fileio import write_atomic
    from kpmonitor.trust.keys import Keyring, pem

    with _workspace(ctx, role="field") as ws, _refusals():
        csr = Keyring(ws.paths).request(_passphrase(), ws.home.name, ws.home.device_id)
        write_atomic(out, pem(csr))
    click.echo(f"Wrote the certificate request to {out}; send it to headquarters.")


@keys.command("install")
@click.argument("cert_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_context
def keys_install(ctx: click.Context, cert_file: Path) -> None:
    """Install the certificate headquarters issued (or its revocation list)."""
    from kpmonitor.trust.keys import Keyring

    with _workspace(ctx) as ws, _refusals():
        keyring = Keyring(ws.paths)
        data = cert_file.read_bytes()
        if b"X509 CRL" in data:
            keyring.install_crl(data)
            click.echo("Installed headquarters' revocation list.")
            return
        cert = keyring.install(data)
    from kpmonitor.trust.identity import certificate_summary

    summary = certificate_summary(cert)
    click.echo(f"Installed the certificate {summary['serial']} issued by {summary['issuer']} "
               f"(valid until {summary['not_after'][:10]}). Reports are now signed with it.")


@keys.command("show")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def keys_show(ctx: click.Context, as_json: bool) -> None:
    """Show the signing certificate and headquarters' root."""
    from kpmonitor.trust.identity import certificate_summary, is_self_signed
    from kpmonitor.trust.keys import Keyring

    with _workspace(ctx) as ws, _refusals():
        keyring = Keyring(ws.paths)
        info: dict[str, Any] = {}
        if keyring.device_cert.exists():
            cert = keyring.device_certificate()
            info["signing_certificate"] = {**certificate_summary(cert), "self_signed": is_self_signed(cert)}
        root = keyring.root()
        if root is not None:
            info["headquarters_root"] = certificate_summary(root)
    if as_json:
        _json_out(info)
        return
    for label, data in info.items():
        click.echo(label.replace("_", " ").capitalize())
        for k, v in data.items():
            click.echo(f"  {k:<12} {v}")


@cli.group()
def hq() -> None:
    """Headquarters: certificates, revocations, imports, anomalies, statistics."""


@hq.command("issue")
@click.argument("csr_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--days", type=click.IntRange(1, 3650), default=730, show_default=True)
@click.pass_context
def hq_issue(ctx: click.Context, csr_file: Path, out: Path, days: int) -> None:
    """Issue a monitor's certificate from their request."""
    from kpmonitor.fileio import write_atomic
    from kpmonitor.trust.identity import certificate_summary, load_certs
    from kpmonitor.trust.keys import Keyring

    with _workspace(ctx, role="hq") as ws, _refusals():
        data = Keyring(ws.paths).issue(csr_file.read_bytes(), _passphrase(what="root CA key"), days)
        write_atomic(out, data)
        summary = certificate_summary(load_certs(data)[0])
    click.echo(f"Issued certificate {summary['serial']} to {summary['name']} (device {summary['device_id'][:8]}), "
               f"valid until {summary['not_after'][:10]}: {out}")


@hq.command("revoke")
@click.argument("serial")
@click.pass_context
def hq_revoke(ctx: click.Context, serial: str) -> None:
    """Revoke a monitor's certificate by its serial; publish afterwards."""
    from kpmonitor.trust.keys import Keyring

    with _workspace(ctx, role="hq") as ws, _refusals():
        Keyring(ws.paths).revoke(serial, _passphrase(what="root CA key"))
    click.echo(f"Revoked {serial.upper()}. Run “kpmonitor hq publish” and send the new list to monitors.")


@hq.command("publish")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True)
@click.pass_context
def hq_publish(ctx: click.Context, out_dir: Path) -> None:
    """Write the root certificate and a freshly signed revocation list."""
    from kpmonitor.trust.keys import Keyring

    with _workspace(ctx, role="hq") as ws, _refusals():
        written = Keyring(ws.paths).publish(out_dir, _passphrase(what="root CA key"))
    for path in written:
        click.echo(str(path))


for _command in cli_field.COMMANDS:
    cli.add_command(_command)
for _command in cli_hq.HQ_COMMANDS:
    hq.add_command(_command)
cli.add_command(cli_hq.export_unsent)


def main(argv: list[str] | None = None) -> NoReturn:
    """Entry point: a sentence for expected errors, the log for the unexpected."""
    try:
        cli.main(args=argv, prog_name="kpmonitor", standalone_mode=True)
    except SystemExit:
        raise
    except Exception:
        log.exception("Unexpected error")
        click.echo("kpmonitor: something unexpected went wrong; the details are in the log "
                   f"({Paths.for_home().log_file}).", err=True)
        sys.exit(1)
    sys.exit(0)


if __name__ == "__main__":
    main()
