"""The field's commands on drafts that the desktop app has too: delete (undoable), restore, edit from a document.

::

    kpmonitor delete ID                    a draft, kept and marked deleted (restore undoes it)
    kpmonitor restore ID                   refused, the draft staying deleted, when a seal of it is now used elsewhere
    kpmonitor edit ID --from-json FILE     replace a draft's content from a document, with the same checks as new
"""

from __future__ import annotations

import json
from typing import Any

import click

from kpmonitor.cli.common import Refused, _problem_line, _refusals, _workspace


def _label(cert_number: str, inspection_id: str) -> str:
    return f"the inspection of certificate {cert_number}" if cert_number else f"inspection {inspection_id[:8]}"


@click.command()
@click.argument("inspection_id")
@click.pass_context
def delete(ctx: click.Context, inspection_id: str) -> None:
    """Delete a draft. It is kept, marked deleted: ``kpmonitor restore ID`` brings it back."""
    with _workspace(ctx, role="field") as ws, _refusals():
        full = ws.store.resolve(inspection_id)
        insp = ws.store.get(full)
        ws.store.delete_inspection(full)
        click.echo(f"Deleted {_label(insp.certificate.number, full)} ({full[:8]}); "
                   f"“kpmonitor restore {full[:8]}” undoes it.")


@click.command()
@click.argument("inspection_id")
@click.pass_context
def restore(ctx: click.Context, inspection_id: str) -> None:
    """Restore a deleted draft; refused while one of its seal numbers is used on another inspection."""
    with _workspace(ctx, role="field") as ws, _refusals():
        full = ws.store.resolve(inspection_id)
        ws.store.restore_inspection(full)
        click.echo(f"Restored {_label(ws.store.get(full).certificate.number, full)} ({full[:8]}).")


@click.command()
@click.argument("inspection_id")
@click.option("--from-json", "source", type=click.File("r", encoding="utf-8"), required=True,
              help="The inspection document (schema in docs/inspection.schema.json); - for stdin.")
@click.pass_context
def edit(ctx: click.Context, inspection_id: str, source: Any) -> None:
    """Replace a draft's content with a JSON document, checked as ``new`` checks it.

    A document with errors is refused with every problem listed and the draft
    is left as it was; warnings are stored and shown. The draft's photos stay.
    """
    from kpmonitor.rules.problems import ValidationError

    try:
        doc = json.load(source)
    except ValueError as exc:
        raise Refused(f"The file is not valid JSON ({exc}).") from exc
    with _workspace(ctx, role="field") as ws, _refusals():
        full = ws.store.resolve(inspection_id)
        try:
            insp, problems = ws.inspection_from_document(doc, replacing=full)
        except ValidationError as exc:
            raise Refused(str(exc)) from exc
        ws.store.replace_inspection(full, insp)
        for p in problems:
            click.echo(_problem_line(p), err=True)
        click.echo(full)


COMMANDS = (delete, restore, edit)
