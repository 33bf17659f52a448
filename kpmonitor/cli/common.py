"""What every command shares: the opened home, the refusal (a sentence and exit status 1), JSON out.

The one mapping from the core's exceptions to what a person reads on the command line lives here
(``_refusals``): a ``KPError`` becomes its sentence; anything else is a bug and goes to the log.

Text from files and data is hostile: every line that shows some goes out through ``_say`` (and JSON
through ``_json_out``), which escape control characters and bidi overrides (``domain.text.printable``),
so a forged name or seal cannot repaint the terminal.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

from kpmonitor.domain.text import printable, printable_json
from kpmonitor.errors import KPError
from kpmonitor.i18n import N_, _
from kpmonitor.paths import Paths

if TYPE_CHECKING:
    from kpmonitor.rules.problems import Problem
    from kpmonitor.workspace import Workspace


class Refused(click.ClickException):
    """A sentence for the user and exit status 1."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        # A refusal listing problems has lines of its own (each problem's own line breaks are escaped already).
        click.echo(_("kpmonitor: {message}").format(message=printable(self.message, lines=True)), err=True)


# A home's role as a sentence names it: its code in English (``field``, ``hq``), a word in other languages.
_ROLES = {"field": N_("field"), "hq": N_("hq")}


@contextmanager
def _workspace(ctx: click.Context, role: str | None = None) -> Iterator[Workspace]:
    from kpmonitor.workspace import Workspace

    paths: Paths = ctx.obj["paths"]
    with _refusals(), Workspace(paths) as ws:
        if role is not None and ws.role != role:
            raise Refused(_("This is a {home} home; the command needs a {role} home.").format(
                home=_(_ROLES.get(ws.role, ws.role)), role=_(_ROLES.get(role, role))))
        if ws.home.database:  # headquarters on PostgreSQL: the issuing home's latest trust before anything is read
            from kpmonitor.hq.shared import sync_trust

            sync_trust(ws)
        yield ws


@contextmanager
def _refusals() -> Iterator[None]:
    try:
        yield
    except KPError as exc:
        raise Refused(exc.message) from exc


def _say(line: str, *, err: bool = False) -> None:
    """One line of output that holds text from data, its control characters and bidi overrides escaped."""
    click.echo(printable(line), err=err)


def _json_out(data: Any) -> None:
    click.echo(printable_json(json.dumps(data, indent=2, ensure_ascii=False)))


def _problem_line(p: Problem, acknowledged: bool = False) -> str:
    tag = _("ack'd") if acknowledged and p.acknowledgeable else (_("error") if p.is_error else _("warning"))
    return f"  {tag:<7} {p.field}: {p.message}"  # a column of tags, as wide as the English


def _labels(*words: str, minimum: int = 13) -> Callable[[str], str]:
    """A listing's column of labels: ``label(word)`` is ``word`` (``N_``-marked English, one of ``words``) in the
    language, padded to the widest of them (at least ``minimum``, English's width) and a space, so that the values
    line up in every language."""
    width = max(minimum, *(len(_(word)) for word in words))

    def label(word: str) -> str:
        return f"{_(word):<{width}} "

    return label


PASSPHRASE_ENV = "KPMONITOR_PASSPHRASE"
# The prompts for a passphrase, by the key it protects (``what``): whole sentences, each translated.
_PROMPTS = {
    ("signing key", False): N_("Passphrase for the signing key"),
    ("signing key", True): N_("New passphrase for the signing key"),
    ("root CA key", False): N_("Passphrase for the root CA key"),
    ("root CA key", True): N_("New passphrase for the root CA key"),
}


def _passphrase(*, new: bool = False, what: str = "signing key") -> str:
    """The passphrase: from KPMONITOR_PASSPHRASE (scripts), else asked for without echo."""
    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        return env
    known = _PROMPTS.get((what, new))
    prompt = _(known) if known else (f"New passphrase for the {what}" if new else f"Passphrase for the {what}")
    try:
        value: str = click.prompt(prompt, hide_input=True, confirmation_prompt=new, err=True)
    except click.Abort:
        raise Refused(_("No passphrase was given: type it when asked, or set {variable}.").format(
            variable=PASSPHRASE_ENV)) from None
    return value
