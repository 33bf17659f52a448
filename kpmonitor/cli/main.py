"""The command line: the contract that tests, scripts and headquarters share.

This module holds the group and the commands of any home (``gui``, ``init``, ``demo``, ``verify``);
the field's commands are in ``cli.field``, the keys' in ``cli.keys``, headquarters' in ``cli.hq``.

Exit status: 0 success or valid, 1 refused or invalid, 2 usage error. Errors
reach the user as one sentence on stderr; a traceback only ever goes to the
log file.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from kpmonitor import APP_ID, __version__
from kpmonitor.cli import field as cli_field
from kpmonitor.cli import hq as cli_hq
from kpmonitor.cli import keys as cli_keys
from kpmonitor.cli.common import PASSPHRASE_ENV, Refused, _json_out, _passphrase, _refusals, _say, _workspace
from kpmonitor.domain.quantities import amount_text
from kpmonitor.i18n import _, ngettext
from kpmonitor.paths import Paths

# The core is imported inside the commands that use it: `kpmonitor` with no arguments starts the
# desktop app, whose window should paint before SQLite, Pillow and the rules are loaded.
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
        raise Refused(_("The desktop application is not available in this build ({reason}).").format(
            reason=exc)) from exc
    sys.exit(run(ctx.obj["paths"], demo=demo, files=files))


DEMO_PASSPHRASE = "kimberley-demo"


@cli.command()
@click.option("--role", type=click.Choice(ROLES), required=True, help="field: a monitor's laptop; hq: headquarters.")
@click.option("--name", required=True, help="The monitor's name (field) or the office's name (hq).")
@click.option("--database", default=None, metavar="URL",
              help="hq: keep headquarters on this PostgreSQL database (postgresql://USER@HOST/DB?sslmode=…), "
                   "or join the headquarters already there; default: $KPMONITOR_DATABASE, else the home's own file.")
@click.pass_context
def init(ctx: click.Context, role: str, name: str, database: str | None) -> None:
    """Create a kpmonitor home with its signing key (field) or root certificate authority (hq).

    The passphrase that protects the key is asked for, or taken from KPMONITOR_PASSPHRASE. With --database, a
    headquarters home on a database that already holds headquarters joins it: it holds no CA key.
    """
    from kpmonitor.workspace import init_home, read_home

    paths: Paths = ctx.obj["paths"]
    url = database if database is not None else os.environ.get("KPMONITOR_DATABASE", "")
    with _refusals():
        if read_home(paths) is not None:
            raise Refused(_("A kpmonitor home already exists in {folder}.").format(folder=paths.data))
        if url and role == "hq":
            _init_on_database(paths, name, url)
            return
        if database:
            raise Refused(_("Only a headquarters home (--role hq) keeps its records on a database server."))
        passphrase = _passphrase(new=True, what="root CA key" if role == "hq" else "signing key")
        info = init_home(paths, role, name, passphrase)
    said = _("Created a hq home for {name} in {folder} (device {device}), with a root certificate authority.") \
        if info.role == "hq" else _("Created a field home for {name} in {folder} (device {device}), with a device key "
                                    "(self-signed until headquarters issues a certificate).")
    _say(said.format(name=info.name, folder=paths.data, device=info.device_id[:8]))


def _init_on_database(paths: Paths, name: str, url: str) -> None:
    from kpmonitor.hq.pgstore import shown
    from kpmonitor.hq.shared import init_on_database

    made = init_on_database(paths, name, url, lambda: _passphrase(new=True, what="root CA key"))
    if made.joined:
        _say(_("Joined headquarters ({database}): this home, {name}'s in {folder}, trusts the root certificate found "
               "there (SHA-256 {fingerprint}; compare it with the issuing home's) and holds no CA key, so it imports, "
               "lists and annotates but does not issue or revoke.").format(
                   database=shown(url), name=made.info.name, folder=paths.data, fingerprint=made.root_fingerprint))
    else:
        _say(_("Created headquarters for {name} ({database}), its home in {folder}, with a root certificate authority "
               "(SHA-256 {fingerprint}); other analysts join with kpmonitor init --role hq --database on the same "
               "database.").format(name=made.info.name, database=shown(url), folder=paths.data,
                                   fingerprint=made.root_fingerprint))


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
                click.echo(_("Made a demo home; its signing passphrase is “{passphrase}”.").format(
                    passphrase=DEMO_PASSPHRASE))
    with _workspace(ctx, role="field") as ws:
        made = fill_demo(ws, count=count, photos=photos, seed=seed,
                         progress=lambda done, total, _t: None)
    # TRANSLATORS: English says "inspections" even for one, as it always printed; use each form's own.
    click.echo(ngettext("Added {count} demo inspections to {folder}.", "Added {count} demo inspections to {folder}.",
                        made).format(count=made, folder=paths.data))


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--trust", type=click.Path(exists=True, path_type=Path),
              help="Headquarters' root certificate (PEM), or the folder hq publish wrote (root, revocation list, "
                   "trust list). Default: the one installed in this home, if any.")
@click.option("--crl", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Headquarters' revocation list. Default: the one installed in this home, if any.")
@click.option("--trust-list", "trust_list", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Headquarters' trust list (kp-trust-list.json), which a KP2 seal needs. Default: the published "
                   "folder's, or the one installed in this home, if any.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def verify(ctx: click.Context, file: Path, trust: Path | None, crl: Path | None, trust_list: Path | None,
           as_json: bool) -> None:
    """Verify a signed report PDF, a bundle, a text file holding a QR seal's text, or a photo or scan of page 1
    (JPEG, PNG, HEIC, TIFF, or a scanner's PDF)."""
    from kpmonitor.trust.keys import Keyring
    from kpmonitor.verifying import verify_file
    from kpmonitor.workspace import read_home

    paths: Paths = ctx.obj["paths"]
    with _refusals():
        keyring = Keyring(paths) if read_home(paths) is not None else None
        result = verify_file(file, trust=trust, crl=crl, keyring=keyring, trust_list=trust_list)
    if as_json:
        _json_out({"file": str(file), **result.to_json()})
    else:
        # Every line holds text from the file (a detail can quote it): escaped, so it cannot repaint the verdict.
        _say(result.verdict)
        for c in result.checks:
            # The tags are codes scripts read; the check and its detail are a sentence of the language.
            _say(f"  [{'ok' if c.ok else 'FAIL'}] " + _("{check}: {detail}").format(check=c.label, detail=c.detail))
        for w in result.warnings:
            _say(f"  [note] {w}")
        if result.summary:
            s = result.summary
            # What the report says is vouched for only when every check held; else it is only its claim.
            _say("  " + _summary_line(s, result.ok))
    sys.exit(0 if result.ok else 1)


def _summary_line(s: dict[str, Any], verified: bool) -> str:
    """What the report says, as ``kpmonitor verify`` prints it under its checks."""
    said = dict(report=str(s.get("report_id"))[:8], version=s.get("report_version"),
                certificate=s.get("certificate_number"), carats=amount_text(s.get("carats"), "ct"),
                value=amount_text(s.get("value_usd")), parcels=s.get("parcels"), verdict=s.get("verdict"),
                monitor=s.get("monitor"), date=s.get("date"), container=s.get("container") or _("(none)"),
                validation=s.get("validation_number") or _("(none)"))
    # What the report says is vouched for only when every check held; else it is only its claim.
    if "container" in s:
        line = (_("Report {report} v{version}: certificate {certificate}, {carats}, US$ {value}, {parcels} parcels, "
                  "verdict {verdict}, monitor {monitor}, date {date}, container {container}, validation "
                  "{validation}") if verified else
                _("As the file claims (not verified): report {report} v{version}: certificate {certificate}, "
                  "{carats}, US$ {value}, {parcels} parcels, verdict {verdict}, monitor {monitor}, date {date}, "
                  "container {container}, validation {validation}"))
    else:
        line = (_("Report {report} v{version}: certificate {certificate}, {carats}, US$ {value}, {parcels} parcels, "
                  "verdict {verdict}, monitor {monitor}") if verified else
                _("As the file claims (not verified): report {report} v{version}: certificate {certificate}, "
                  "{carats}, US$ {value}, {parcels} parcels, verdict {verdict}, monitor {monitor}"))
    return line.format(**said)


for _command in (*cli_field.COMMANDS, cli_keys.keys, cli_hq.hq):
    cli.add_command(_command)
hq = cli_hq.hq  # the group, for scripts and tests that reach it as cli.main.hq


def main(argv: list[str] | None = None) -> NoReturn:
    """Entry point: a sentence for expected errors, the log for the unexpected."""
    try:
        cli.main(args=argv, prog_name="kpmonitor", standalone_mode=True)
    except SystemExit:
        raise
    except Exception as exc:
        from kpmonitor.logsetup import log_file

        where = log_file()  # the log of the home in use (--home, KPMONITOR_HOME), set up by the group
        if where is None:  # none could be opened (a read-only disk): no traceback on the terminal either
            _say(_("kpmonitor: something unexpected went wrong ({error}), and no log could be written to keep the "
                   "details.").format(error=type(exc).__name__), err=True)
        else:
            log.exception("Unexpected error")
            _say(_("kpmonitor: something unexpected went wrong; the details are in the log ({file}).").format(
                file=where), err=True)
        sys.exit(1)
    sys.exit(0)


if __name__ == "__main__":
    main()
