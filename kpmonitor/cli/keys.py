"""The field device's keys: make one, ask headquarters for a certificate, install it, show it.

::

    kpmonitor keys init / keys request --out CSR.pem / keys show [--json]
    kpmonitor keys install CERT.pem | kp-crl.pem | kp-trust-list.json
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from kpmonitor.cli.common import _json_out, _passphrase, _refusals, _say, _workspace
from kpmonitor.domain.moments import show_moment
from kpmonitor.i18n import N_, _, ngettext

MOMENTS = ("not_before", "not_after")  # shown as people read a moment; the JSON keeps them ISO 8601
# The headings of ``keys show``; the names under them are the summary's fields, as the JSON names them.
_HEADINGS = {"signing_certificate": N_("Signing certificate"), "headquarters_root": N_("Headquarters root")}


@click.group()
def keys() -> None:
    """The device's signing key and certificate."""


@keys.command("init")
@click.pass_context
def keys_init(ctx: click.Context) -> None:
    """Make the signing key (field) or root CA (hq) of a home that was created without one."""
    from kpmonitor.workspace import create_identity

    with _workspace(ctx) as ws, _refusals():
        create_identity(ws.paths, ws.home, _passphrase(new=True))
    click.echo(_("Made the key. Send a certificate request to headquarters: kpmonitor keys request.")
               if ws.role == "field" else _("Made the key."))


@keys.command("request")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.pass_context
def keys_request(ctx: click.Context, out: Path) -> None:
    """Write a certificate request for headquarters."""
    from kpmonitor.trust.keys import Keyring

    with _workspace(ctx, role="field") as ws, _refusals():
        Keyring(ws.paths).write_request(out, _passphrase(), ws.home.name, ws.home.device_id)
    click.echo(_("Wrote the certificate request to {file}; send it to headquarters.").format(file=out))


@keys.command("install")
@click.argument("cert_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_context
def keys_install(ctx: click.Context, cert_file: Path) -> None:
    """Install the certificate headquarters issued (or its revocation list, or its trust list)."""
    from kpmonitor.trust.identity import read_pem_file
    from kpmonitor.trust.keys import Keyring
    from kpmonitor.trust.trustlist import day

    with _workspace(ctx) as ws, _refusals():
        keyring = Keyring(ws.paths)
        data = read_pem_file(cert_file)
        if b"X509 CRL" in data:
            keyring.install_crl(data)
            click.echo(_("Installed headquarters' revocation list."))
            return
        if data.lstrip().startswith(b"{"):  # kp-trust-list.json (JSON); certificates are PEM or DER
            listed = keyring.install_trust_list(data)
            click.echo(ngettext(
                # TRANSLATORS: English says "certificates" even for one, as it always printed; use each form's own.
                "Installed headquarters' trust list of {published} ({count} certificates; the next is due by {due}).",
                "Installed headquarters' trust list of {published} ({count} certificates; the next is due by {due}).",
                len(listed.signers)).format(published=day(listed.published_at), count=len(listed.signers),
                                            due=day(listed.next_update)))
            return
        cert = keyring.install(data)
    from kpmonitor.trust.identity import certificate_summary

    summary = certificate_summary(cert)
    _say(_("Installed the certificate {serial} issued by {issuer} (valid until {until}). Reports are now signed "
           "with it.").format(serial=summary["serial"], issuer=summary["issuer"], until=summary["not_after"][:10]))


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
        heading = _HEADINGS.get(label)
        click.echo(_(heading) if heading else label.replace("_", " ").capitalize())
        for k, v in data.items():
            _say(f"  {k:<12} {show_moment(v) if k in MOMENTS else v}")  # its names are whatever its maker wrote
