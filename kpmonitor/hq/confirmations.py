"""Confirmations of receipt: what the importing authority said it received, recorded per certificate number.

The KPCS asks the importing authority to confirm receipt of each shipment to the exporting authority: the
certificate number, the parcels, the carats, the importer and the exporter. Headquarters records each
confirmation it is sent, typed in (``confirm``: ``kpmonitor hq confirm``) or from a CSV file of many
(``import_csv``: ``kpmonitor hq confirmations import``; the header is ``HEADER``, docs/formats.md has the
format). A CSV file comes from outside: a regular file of at most ``MAX_CSV_BYTES`` (``fileio.read_regular``),
read whole and checked whole; any bad line refuses the file with every bad line's number, and nothing of it
is recorded. A confirmation identical to one recorded already (a file imported twice) is skipped and counted.

Confirmations are evidence of what the importing side said: audited and frozen (``schema.m013``). A correction
is a new confirmation of the same certificate number, which supersedes the earlier (the latest counts).
Each recording judges that certificate number's receipts again, in its transaction (``anomalies.judge_receipts``).
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kpmonitor.domain.inspection import normalise_certificate_number
from kpmonitor.domain.quantities import parse_hundredths
from kpmonitor.errors import KPError, ParseError
from kpmonitor.fileio import read_regular
from kpmonitor.hq import receipts_due
from kpmonitor.hq.anomalies import judge_receipts
from kpmonitor.hq.receipts_due import differences, terms_for
from kpmonitor.hq.store import Confirmation, ReceiptReport, hq_store
from kpmonitor.i18n import _
from kpmonitor.store.db import now

if TYPE_CHECKING:
    from kpmonitor.workspace import Workspace

# The CSV file's header, in this order (docs/formats.md); the first three must be filled on every line.
HEADER = ("certificate", "confirmed_on", "authority", "parcels", "carats", "importer", "exporter", "reference", "note")
REQUIRED = ("certificate", "confirmed_on", "authority")
MAX_CSV_BYTES = 2 * 1024 * 1024  # some 10,000 confirmations: a year of a busy exporting authority's, and more
MAX_LINES = 20_000
TEXT_CHARS = 300  # a name, an authority, a certificate number, a reference
NOTE_CHARS = 2_000  # as an analyst's note (``hq.notes.NOTE_CHARS``)
MAX_PARCELS = 1_000_000
MAX_CARATS = 10**15  # hundredths: far above any shipment, well within the store's 64-bit integers


@dataclass(frozen=True)
class Entry:
    """One confirmation as typed or read from a line, checked."""

    cert_number: str
    confirmed_on: str
    authority: str
    parcels: int | None = None
    carats: int | None = None
    importer: str = ""
    exporter: str = ""
    reference: str = ""
    note: str = ""

    @property
    def cert_number_norm(self) -> str:
        return normalise_certificate_number(self.cert_number)

    def content(self) -> tuple[Any, ...]:
        """As ``Confirmation.content``: what makes two confirmations the same."""
        return (self.cert_number_norm, self.confirmed_on, self.authority, self.parcels, self.carats, self.importer,
                self.exporter, self.reference, self.note)


def _text(values: Mapping[str, str | None], name: str, limit: int, problems: list[str]) -> str:
    text = " ".join(str(values.get(name) or "").split()) if name != "note" else str(values.get(name) or "").strip()
    if any((ord(c) < 32 and c not in "\n\t") or ord(c) == 127 for c in text):
        problems.append(_("the {name} holds a control character").format(name=name))
    elif len(text) > limit:
        problems.append(_("the {name} is {length} characters long, at most {limit} are allowed").format(
            name=name, length=f"{len(text):,}", limit=f"{limit:,}"))
    return text


def check_entry(values: Mapping[str, str | None], *, on_or_before: date | None = None) -> Entry:
    """A confirmation from its fields' texts (``HEADER``'s names), every problem named.

    :raises ParseError: with every problem of the fields, in one sentence.
    """
    problems: list[str] = []
    texts = {name: _text(values, name, NOTE_CHARS if name == "note" else TEXT_CHARS, problems) for name in HEADER}
    for name in REQUIRED:
        if not texts[name]:
            problems.append(_("the {name} is empty").format(name=name))
    if texts["certificate"] and not normalise_certificate_number(texts["certificate"]):
        problems.append(_("the certificate number “{number}” holds no letter or digit").format(
            number=texts["certificate"]))
    confirmed_on = texts["confirmed_on"]
    if confirmed_on:
        try:
            day = date.fromisoformat(confirmed_on)
            if len(confirmed_on) != 10:
                raise ValueError(confirmed_on)
            if day > (on_or_before or receipts_due.today()):
                problems.append(_("the date {day} is in the future").format(day=confirmed_on))
        except ValueError:
            problems.append(_("the date “{day}” is not written YYYY-MM-DD").format(day=confirmed_on))
    parcels: int | None = None
    if texts["parcels"]:
        if texts["parcels"].isdigit() and int(texts["parcels"]) <= MAX_PARCELS:
            parcels = int(texts["parcels"])
        else:
            problems.append(_("the parcels “{parcels}” are not a whole number").format(parcels=texts["parcels"]))
    carats: int | None = None
    if texts["carats"]:
        try:
            carats = parse_hundredths(texts["carats"], what="carats", unit="ct", maximum=MAX_CARATS)
        except ParseError as exc:
            problems.append(_("the carats: {problem}").format(problem=exc.message.rstrip(".")))
    if problems:
        raise ParseError("; ".join(problems) + ".")
    return Entry(texts["certificate"], confirmed_on, texts["authority"], parcels, carats, texts["importer"],
                 texts["exporter"], texts["reference"], texts["note"])


@dataclass(frozen=True)
class Recorded:
    """What recording confirmations did: the new ones, and how many were already recorded."""

    recorded: tuple[Confirmation, ...]
    duplicates: int
    file_name: str = ""
    sha256: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"recorded": [c.to_json() for c in self.recorded], "duplicates": self.duplicates,
                "file": self.file_name or None, "sha256": self.sha256 or None}


def _record(ws: Workspace, entries: list[tuple[Entry, int | None]], source: str, file_name: str,
            sha256: str) -> Recorded:
    """Record the entries not recorded already, in one transaction with their certificates' receipts judged."""
    hqs = hq_store(ws)
    terms = terms_for(ws)
    at = now()
    with hqs.transaction():
        norms = {e.cert_number_norm for e, _line in entries}
        held = hqs.confirmations(norms)
        seen = {c.content() for c in held}
        current = {c.cert_number_norm: c.id for c in held}
        ids: list[str] = []
        duplicates = 0
        for entry, line in entries:
            if entry.content() in seen:
                duplicates += 1
                continue
            seen.add(entry.content())
            new = hqs.insert_confirmation({
                "cert_number": entry.cert_number, "cert_number_norm": entry.cert_number_norm,
                "confirmed_on": entry.confirmed_on, "authority": entry.authority, "parcels": entry.parcels,
                "carats": entry.carats, "importer": entry.importer, "exporter": entry.exporter,
                "reference": entry.reference, "note": entry.note, "source": source, "source_file": file_name,
                "source_sha256": sha256, "source_line": line, "supersedes": current.get(entry.cert_number_norm),
                "by": ws.store.actor, "at": at})
            current[entry.cert_number_norm] = new
            ids.append(new)
        if ids:
            judge_receipts(hqs, terms, norms)
        recorded = {c.id: c for c in hqs.confirmations(norms)}
    return Recorded(tuple(recorded[i] for i in ids), duplicates, file_name, sha256)


def confirm(ws: Workspace, values: Mapping[str, str | None]) -> Recorded:
    """Record one confirmation typed in (``HEADER``'s names → texts); one identical to a recorded one is counted
    as a duplicate and not recorded again.

    :raises ParseError: naming every problem of the fields.
    """
    return _record(ws, [(check_entry(values), None)], "entered", "", "")


def read_csv(data: bytes, name: str) -> list[tuple[Entry, int]]:
    """The entries of a CSV file of confirmations, with their line numbers.

    :raises ParseError: naming every bad line (up to 20 of them) and what is wrong with it.
    """
    try:
        text = data.decode("utf-8-sig")  # a spreadsheet's "CSV UTF-8" starts with a byte-order mark
    except UnicodeDecodeError as exc:
        raise ParseError(_("{file} is not UTF-8 text (at byte {byte}); save it as CSV UTF-8. Nothing was "
                           "recorded.").format(file=name, byte=f"{exc.start:,}")) from exc
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[str] = []
    entries: list[tuple[Entry, int]] = []
    header_seen = False
    try:
        for fields in reader:
            line = reader.line_num
            if line > MAX_LINES:
                raise ParseError(_("{file} has more than {lines} lines; split it. Nothing was recorded.").format(
                    file=name, lines=f"{MAX_LINES:,}"))
            if not any(f.strip() for f in fields) or fields[0].lstrip().startswith("#"):
                continue  # blank lines and comments
            if not header_seen:
                if tuple(f.strip().lower() for f in fields) != HEADER:
                    raise ParseError(_("Line {line} of {file} must be the header {header}. Nothing was "
                                       "recorded.").format(line=line, file=name, header=",".join(HEADER)))
                header_seen = True
                continue
            if len(fields) != len(HEADER):
                problems.append(_("line {line}: it has {count} fields where {expected} are expected").format(
                    line=line, count=len(fields), expected=len(HEADER)))
                continue
            try:
                entries.append((check_entry(dict(zip(HEADER, fields, strict=True))), line))
            except ParseError as exc:
                problems.append(_("line {line}: {problem}").format(line=line, problem=exc.message.rstrip(".")))
    except csv.Error as exc:
        problems.append(_("line {line}: the CSV quoting is broken ({why})").format(line=reader.line_num, why=exc))
    if not header_seen:
        raise ParseError(_("{file} has no header line ({header}). Nothing was recorded.").format(
            file=name, header=",".join(HEADER)))
    if problems:
        more = _("; and {count} more").format(count=len(problems) - 20) if len(problems) > 20 else ""
        raise ParseError(_("{file} was refused, nothing of it recorded: {problems}{more}.").format(
            file=name, problems="; ".join(problems[:20]), more=more))
    return entries


def import_csv(ws: Workspace, path: Path) -> Recorded:
    """Record the confirmations of a CSV file, all or none (see the module).

    :raises FileRefused: a link, a pipe, a folder or a file over ``MAX_CSV_BYTES``.
    :raises ParseError: naming every bad line; nothing is recorded.
    :raises KPError: the file cannot be read.
    """
    path = Path(path)
    try:
        data = read_regular(path, MAX_CSV_BYTES, "CSV file of confirmations")
    except OSError as exc:
        raise KPError(_("{file} cannot be read ({why}).").format(file=path.name, why=exc.strerror or exc)) from exc
    entries = read_csv(data, path.name)
    return _record(ws, list(entries), "csv", path.name, hashlib.sha256(data).hexdigest())


# ---------------------------------------------------------------------------------------- listing


@dataclass(frozen=True)
class Listed:
    """A recorded confirmation and what it is held against."""

    confirmation: Confirmation
    # "matched" (agrees with the latest report of its certificate), "mismatch", "unmatched" (no report carries
    # its certificate number), or "superseded" (a later confirmation of the certificate counts)
    state: str
    reports: tuple[str, ...] = ()  # the latest reports of its certificate number
    differences: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {**self.confirmation.to_json(), "state": self.state, "reports": list(self.reports),
                "differences": list(self.differences)}


def list_confirmations(ws: Workspace) -> list[Listed]:
    """Every confirmation recorded, newest first, each with its state."""
    hqs = hq_store(ws)
    recorded = hqs.confirmations()
    current = {c.cert_number_norm: c.id for c in recorded}
    by_norm: dict[str, list[ReceiptReport]] = {}
    for r in hqs.receipt_reports({c.cert_number_norm for c in recorded}):
        by_norm.setdefault(r.held.cert_number_norm, []).append(r)
    out: list[Listed] = []
    for c in reversed(recorded):
        reports = by_norm.get(c.cert_number_norm, [])
        ids = tuple(r.held.id for r in reports)
        if current[c.cert_number_norm] != c.id:
            out.append(Listed(c, "superseded", ids))
            continue
        found = tuple(d for r in reports for d in differences(r, c))
        out.append(Listed(c, "unmatched" if not reports else "mismatch" if found else "matched", ids, found))
    return out


__all__ = ["HEADER", "MAX_CSV_BYTES", "REQUIRED", "Entry", "Listed", "Recorded", "check_entry", "confirm",
           "import_csv", "list_confirmations", "read_csv"]
