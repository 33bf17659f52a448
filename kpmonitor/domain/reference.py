"""The dated reference tables: participants, countries, HS codes, value-per-carat bands, and the operations
headquarters lists as cleared for export.

The tables are CSV files shipped in ``kpmonitor/resources/``. Lines starting with ``#`` are
comments; one of them, ``# compiled: YYYY-MM-DD``, dates the table. Headquarters
can import newer tables: a file of the same name in the override directory wins
over the shipped one, table by table.

Nothing is cached at module level: a caller loads a :class:`Reference` once and
passes it to whoever needs it (the rules, the GUI), so tests can hand in their own.

In French and Portuguese: country and participant names are CLDR's (through Babel), by code, so the
tables need no column per language; an HS code's description and a band's source are English in the
table and translated through the core's gettext catalogue, which ``scripts/i18n.py core-update`` fills
from the tables' rows. A catalogue keyed by the English text cannot go stale: a table headquarters
updates with a reworded description shows it in English until it is translated, never an old
translation of other words (and a table with an extra column per language would be refused by the
kpmonitor versions already in the field).
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cached_property, lru_cache
from pathlib import Path

from kpmonitor.errors import KPError

PARTICIPANTS_FILE = "participants.csv"
COUNTRIES_FILE = "countries.csv"
HS_CODES_FILE = "hs_codes.csv"
BANDS_FILE = "vpc_bands.csv"
OPERATORS_FILE = "operators.csv"
TABLE_FILES = (PARTICIPANTS_FILE, COUNTRIES_FILE, HS_CODES_FILE, BANDS_FILE, OPERATORS_FILE)

PARTICIPANT_COLUMNS = ("code", "name", "status", "members", "notes")
COUNTRY_COLUMNS = ("code", "name")
HS_COLUMNS = ("code", "in_scheme", "description", "reason")
BAND_COLUMNS = ("origin", "hs_code", "low_usd_per_ct", "high_usd_per_ct", "reference_usd_per_ct",
                "reference_year", "source")
OPERATOR_COLUMNS = ("country", "operator", "aliases", "mine", "cleared_from", "cleared_until", "source")

# Status words of participants.csv. "entity" is Chinese Taipei: not a participant, but
# the KP records that it meets the minimum requirements, so trade with it is allowed.
STATUSES = frozenset({"participant", "participant-special-measures", "suspended", "entity"})
TRADING_STATUSES = frozenset({"participant", "participant-special-measures", "entity"})

# Origins of vpc_bands.csv besides country codes. The certificate's own word for mixed
# goods is the same "mixed"; it is repeated here so the table format stands on its own.
WILDCARD = "*"
MIXED = "mixed"

_CODE_RE = re.compile(r"[A-Z]{2}")
_HS_RE = re.compile(r"\d{4}(\.\d{2})?")
_COMPILED_RE = re.compile(r"#\s*compiled\s*:\s*(\S*)", re.IGNORECASE)


@dataclass(frozen=True)
class Participant:
    """A KPCS participant; ``members`` are the ISO countries it covers (27 for the EU)."""

    code: str
    name: str
    status: str
    members: tuple[str, ...]
    notes: str = ""

    @property
    def may_trade(self) -> bool:
        """Whether rough diamonds may be traded with it (not suspended)."""
        return self.status in TRADING_STATUSES


@dataclass(frozen=True)
class HSCode:
    """An HS code a certificate may name; ``reason`` says why a refused one is refused."""

    code: str
    in_scheme: bool
    description: str
    reason: str


@dataclass(frozen=True)
class Band:
    """A plausible value-per-carat range (US$/ct) for goods of one origin and HS code."""

    origin: str
    hs_code: str
    low: Decimal
    high: Decimal
    reference: Decimal
    year: int
    source: str


@dataclass(frozen=True)
class Operation:
    """An operation headquarters lists as cleared for export: an operator (at one mine, when ``mine`` is given)
    from ``cleared_from`` to ``cleared_until`` inclusive (None: still cleared)."""

    country: str
    operator: str
    aliases: tuple[str, ...]
    mine: str
    cleared_from: date
    cleared_until: date | None
    source: str

    def names(self, name: str) -> bool:
        """Whether ``name`` is this operation's operator, by its name or an alias."""
        key = name_key(name)
        return bool(key) and any(name_key(n) == key for n in (self.operator, *self.aliases))

    def at_mine(self, mine: str) -> bool:
        """Whether goods from ``mine`` are this operation's: any mine, unless the table names one."""
        return not self.mine or name_key(self.mine) == name_key(mine)

    def covers(self, day: date) -> bool:
        return self.cleared_from <= day and (self.cleared_until is None or day <= self.cleared_until)


# The words a company's name ends with that say what kind of company it is, not which: "Mbada Diamonds (Pvt)
# Ltd", "Mbada Diamonds (Private) Limited" and "MBADA DIAMONDS" are one operator.
_COMPANY_SUFFIXES = frozenset({"pvt", "private", "ltd", "limited", "pty", "proprietary", "inc", "incorporated",
                               "plc", "llc", "co", "corp", "sa", "sarl", "nv", "bv", "gmbh", "ag", "spa", "lda"})


def name_key(name: str) -> str:
    """The one comparison of operators' and mines' names: without case, accents, punctuation or a company suffix."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").casefold()
    words = re.sub(r"[^0-9a-z]+", " ", folded).split()
    while len(words) > 1 and words[-1] in _COMPANY_SUFFIXES:
        words.pop()
    return " ".join(words)


@dataclass(frozen=True)
class Reference:
    """All reference tables, as loaded from the shipped files and headquarters' updates."""

    participants: dict[str, Participant]
    countries: dict[str, str]
    hs_codes: dict[str, HSCode]
    bands: tuple[Band, ...]
    operations: tuple[Operation, ...]
    compiled_on: dict[str, str]  # file name -> the date in its "# compiled:" line
    paths: dict[str, Path] = field(default_factory=dict)  # file name -> the file actually read

    @cached_property
    def digest(self) -> str:
        """A SHA-256 of every table's content: what a judgement made with these tables depends on.

        Made once per loaded ``Reference`` (the tables never change under it).
        """
        content = (sorted(self.participants.items()), sorted(self.countries.items()), sorted(self.hs_codes.items()),
                   self.bands, self.operations)
        return hashlib.sha256(repr(content).encode("utf-8")).hexdigest()

    @classmethod
    def load(cls, override_dir: Path | None = None) -> Reference:
        """Read the five tables and check them.

        override_dir: headquarters' updated tables; a file there with a table's name
        replaces the shipped table of that name. Missing files fall back to the shipped ones.
        Raises KPError naming the file and line of the first malformed row.
        """
        shipped = resources_dir()
        paths: dict[str, Path] = {}
        for name in TABLE_FILES:
            candidate = override_dir / name if override_dir is not None else None
            paths[name] = candidate if candidate is not None and candidate.is_file() else shipped / name

        tables = {name: _read_table(paths[name], columns) for name, columns in (
            (PARTICIPANTS_FILE, PARTICIPANT_COLUMNS), (COUNTRIES_FILE, COUNTRY_COLUMNS),
            (HS_CODES_FILE, HS_COLUMNS), (BANDS_FILE, BAND_COLUMNS), (OPERATORS_FILE, OPERATOR_COLUMNS))}
        countries = _parse_countries(tables[COUNTRIES_FILE])
        participants = _parse_participants(tables[PARTICIPANTS_FILE], countries)
        hs_codes = _parse_hs_codes(tables[HS_CODES_FILE])
        bands = _parse_bands(tables[BANDS_FILE], countries, participants, hs_codes)
        operations = _parse_operations(tables[OPERATORS_FILE], countries)
        return cls(
            participants=participants,
            countries=countries,
            hs_codes=hs_codes,
            bands=bands,
            operations=operations,
            compiled_on={name: table.compiled for name, table in tables.items()},
            paths=paths,
        )

    def is_participant(self, code: str) -> bool:
        """Whether ``code`` may issue or receive KP certificates.

        True for a participant's own code (``EU``, ``ZW``) and for a country it covers
        (``BE``), unless that participant is suspended.
        """
        return self.participant_for_country(code) is not None

    def participant_for_country(self, country: str) -> Participant | None:
        """The participant that covers ``country`` ('BE' -> EU, 'ZW' -> ZW, 'EU' -> EU).

        None when no participant covers it or the one that does is suspended:
        in both cases rough diamonds may not be traded with that country.
        """
        code = country.strip().upper()
        own = self.participants.get(code)
        if own is not None:
            return own if own.may_trade else None
        for participant in self.participants.values():
            if code in participant.members:
                return participant if participant.may_trade else None
        return None

    def country_name(self, code: str, language: str | None = None) -> str | None:
        """The name of an ISO code, or of a participant code that is not a country ('EU'); None if unknown.

        language: None or ``"en"``, the table's English name; ``"fr"``, ``"pt"``, CLDR's name in that
        language (Portugal's for Portuguese), the English one for a code CLDR does not name.
        """
        key = code.strip().upper()
        name = self.countries.get(key)
        if name is None:
            participant = self.participants.get(key)
            name = participant.name if participant is not None else None
        if name is None or language in (None, "en"):
            return name
        return _cldr_territories(str(language)).get(key, name)

    def hs_description(self, code: str, language: str | None = None) -> str | None:
        """The description of an HS code in ``language`` (None: English), None for a code not in the table."""
        entry = self.hs_codes.get(code.strip())
        return None if entry is None else _translated(entry.description, language)

    def band_source(self, band: Band, language: str | None = None) -> str:
        """Where a band's figures come from, in ``language`` (None: English)."""
        return _translated(band.source, language)

    def band_for(self, origin: str, hs_code: str) -> Band | None:
        """The band for goods of ``origin`` under ``hs_code``: the origin's own row, else the '*' row.

        origin: an ISO code, 'mixed' or '*'. None for an HS code without bands (outside the scheme).
        """
        key = _origin_key(origin)
        hs = hs_code.strip()
        fallback: Band | None = None
        for band in self.bands:
            if band.hs_code != hs:
                continue
            if band.origin == key:
                return band
            if band.origin == WILDCARD:
                fallback = band
        return fallback


    def lists_operations(self, country: str) -> bool:
        """Whether headquarters' list of cleared operations covers ``country`` (its operators are then checked)."""
        code = country.strip().upper()
        return any(op.country == code for op in self.operations)

    def operations_of(self, country: str, operator: str) -> list[Operation]:
        """The listed operations of ``operator`` in ``country``, matched by ``name_key``."""
        code = country.strip().upper()
        return [op for op in self.operations if op.country == code and op.names(operator)]


@lru_cache(maxsize=4)
def _cldr_territories(language: str) -> dict[str, str]:
    """CLDR's names of the territories in ``language``, by ISO code (one per language: they never change)."""
    from babel import Locale  # loaded when a name is first asked for in another language

    from kpmonitor.i18n import babel_locale

    return {str(code): str(name) for code, name in Locale.parse(babel_locale(language)).territories.items()}


def _translated(text: str, language: str | None) -> str:
    """A table's English text in ``language`` through the core's catalogue (the English when it has none)."""
    if language in (None, "en"):
        return text
    from kpmonitor.i18n import translator

    return translator(str(language)).gettext(text)


def resources_dir() -> Path:
    """The folder holding the shipped tables, fonts and icons: ``kpmonitor/resources``.

    It is package data, so a checkout, an installed wheel and the frozen app (whose modules sit
    under its ``_internal/kpmonitor``) all keep it beside the code.
    """
    folder = Path(__file__).resolve().parent.parent / "resources"
    # Look for a table, not just the folder: a half-copied install is told apart from a whole one.
    if not (folder / PARTICIPANTS_FILE).is_file():
        raise KPError(f"The reference tables were not found in {folder}. "
                      "The installation is incomplete: reinstall kpmonitor.")
    return folder


# --- reading ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    line: int
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values[column]


@dataclass(frozen=True)
class _Table:
    path: Path
    compiled: str
    rows: tuple[_Row, ...]

    def __iter__(self) -> Iterator[_Row]:
        return iter(self.rows)

    def error(self, row: _Row | int, why: str) -> KPError:
        line = row if isinstance(row, int) else row.line
        return KPError(f"Line {line} of the reference table {self.path} is malformed: {why}.")


def _read_table(path: Path, columns: tuple[str, ...]) -> _Table:
    """Read one CSV table: skip '#' and blank lines, check the header, keep line numbers."""
    try:
        # utf-8-sig: a table saved by a spreadsheet often starts with a byte-order mark.
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise KPError(f"The reference table {path} cannot be read: {exc.strerror or exc}.") from exc
    except UnicodeDecodeError as exc:
        raise KPError(f"The reference table {path} is not UTF-8 text; save it as CSV UTF-8.") from exc

    probe = _Table(path, "", ())
    compiled: str | None = None
    header_seen = False
    rows: list[_Row] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            match = _COMPILED_RE.match(stripped)
            if match and compiled is None:
                compiled = _check_date(match.group(1), probe, number)
            continue
        # One line at a time so every error can name its line; fields never span lines.
        try:
            fields = [f.strip() for f in next(csv.reader([line], strict=True))]
        except csv.Error as exc:
            raise probe.error(number, f"the CSV quoting is broken ({exc})") from exc
        if not header_seen:
            if tuple(fields) != columns:
                raise probe.error(number, f"the header must be {','.join(columns)}")
            header_seen = True
            continue
        if len(fields) != len(columns):
            raise probe.error(number, f"it has {len(fields)} fields where {len(columns)} are expected "
                                      f"({','.join(columns)})")
        rows.append(_Row(number, dict(zip(columns, fields, strict=True))))
    if not header_seen:
        raise KPError(f"The reference table {path} has no header line ({','.join(columns)}).")
    if compiled is None:
        raise KPError(f"The reference table {path} has no '# compiled: YYYY-MM-DD' line; "
                      "every table must say when it was compiled.")
    return _Table(path, compiled, tuple(rows))


def _check_date(text: str, table: _Table, line: int) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError as exc:
        raise table.error(line, f"the compiled date {text!r} is not written as YYYY-MM-DD") from exc


def _code(table: _Table, row: _Row, value: str, what: str) -> str:
    code = value.strip().upper()
    if not _CODE_RE.fullmatch(code):
        raise table.error(row, f"the {what} {value!r} is not a two-letter code")
    return code


def _required(table: _Table, row: _Row, column: str) -> str:
    value = row[column]
    if not value:
        raise table.error(row, f"the {column} is empty")
    return value


def _decimal(table: _Table, row: _Row, column: str) -> Decimal:
    text = row[column]
    try:
        value = Decimal(text)
    except InvalidOperation as exc:
        raise table.error(row, f"the {column} {text!r} is not a number; write it like 12.5, "
                               "with a point and no thousands separator") from exc
    if not value.is_finite() or value <= 0:
        raise table.error(row, f"the {column} {text!r} must be a number above 0")
    return value


def _parse_countries(table: _Table) -> dict[str, str]:
    countries: dict[str, str] = {}
    for row in table:
        code = _code(table, row, row["code"], "country code")
        if code in countries:
            raise table.error(row, f"the country {code} is listed twice")
        countries[code] = _required(table, row, "name")
    return countries


def _parse_participants(table: _Table, countries: dict[str, str]) -> dict[str, Participant]:
    participants: dict[str, Participant] = {}
    covered: dict[str, str] = {}  # country -> participant covering it
    for row in table:
        code = _code(table, row, row["code"], "participant code")
        if code in participants:
            raise table.error(row, f"the participant {code} is listed twice")
        status = row["status"].lower()
        if status not in STATUSES:
            known = ", ".join(sorted(STATUSES))
            raise table.error(row, f"the status {row['status']!r} is not one of {known}")
        listed = row["members"].split()
        # An empty members cell means the participant is the one country of its code.
        members = tuple(_code(table, row, m, "member code") for m in listed) if listed else (code,)
        for member in members:
            if member not in countries:
                raise table.error(row, f"the country {member} is not in {COUNTRIES_FILE}")
            if member in covered:
                raise table.error(row, f"the country {member} is already covered by {covered[member]}")
            covered[member] = code
        participants[code] = Participant(code, _required(table, row, "name"), status, members, row["notes"])
    return participants


def _parse_hs_codes(table: _Table) -> dict[str, HSCode]:
    codes: dict[str, HSCode] = {}
    for row in table:
        code = row["code"]
        if not _HS_RE.fullmatch(code):
            raise table.error(row, f"the HS code {code!r} is not written like 7102.10 or 7105")
        if code in codes:
            raise table.error(row, f"the HS code {code} is listed twice")
        flag = row["in_scheme"].lower()
        if flag not in ("yes", "no"):
            raise table.error(row, f"in_scheme must be yes or no, not {row['in_scheme']!r}")
        in_scheme = flag == "yes"
        if not in_scheme and not row["reason"]:
            raise table.error(row, f"the refused HS code {code} needs a reason to show the monitor")
        codes[code] = HSCode(code, in_scheme, _required(table, row, "description"), row["reason"])
    return codes


def _parse_bands(table: _Table, countries: dict[str, str], participants: dict[str, Participant],
                 hs_codes: dict[str, HSCode]) -> tuple[Band, ...]:
    bands: list[Band] = []
    seen: set[tuple[str, str]] = set()
    for row in table:
        origin = _origin_key(row["origin"])
        if origin not in (WILDCARD, MIXED):
            origin = _code(table, row, origin, "origin")
            if origin not in countries and origin not in participants:
                raise table.error(row, f"the origin {origin} is neither a country nor a participant")
        hs = row["hs_code"]
        if hs not in hs_codes or not hs_codes[hs].in_scheme:
            raise table.error(row, f"the HS code {hs!r} is not one of the KPCS codes in {HS_CODES_FILE}")
        if (origin, hs) in seen:
            raise table.error(row, f"there is already a band for origin {origin} and HS code {hs}")
        seen.add((origin, hs))
        low = _decimal(table, row, "low_usd_per_ct")
        high = _decimal(table, row, "high_usd_per_ct")
        reference = _decimal(table, row, "reference_usd_per_ct")
        if not low < reference < high:
            raise table.error(row, "the band must run low < reference < high, "
                                   f"not {low} / {reference} / {high}")
        year_text = row["reference_year"]
        if not (year_text.isdigit() and len(year_text) == 4):
            raise table.error(row, f"the reference_year {year_text!r} is not a year like 2024")
        bands.append(Band(origin, hs, low, high, reference, int(year_text), _required(table, row, "source")))
    return tuple(bands)


def _day(table: _Table, row: _Row, column: str) -> date:
    text = row[column]
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise table.error(row, f"the {column} {text!r} is not a date written as YYYY-MM-DD") from exc


def _parse_operations(table: _Table, countries: dict[str, str]) -> tuple[Operation, ...]:
    operations: list[Operation] = []
    seen: set[tuple[str, str, str, date]] = set()
    for row in table:
        country = _code(table, row, row["country"], "country")
        if country not in countries:
            raise table.error(row, f"the country {country} is not in {COUNTRIES_FILE}")
        operator = _required(table, row, "operator")
        if not name_key(operator):
            raise table.error(row, f"the operator {operator!r} has no letters or digits")
        aliases = tuple(a.strip() for a in row["aliases"].split(";") if a.strip())
        _required(table, row, "cleared_from")
        cleared_from = _day(table, row, "cleared_from")
        cleared_until = _day(table, row, "cleared_until") if row["cleared_until"] else None
        if cleared_until is not None and cleared_until < cleared_from:
            raise table.error(row, f"the clearance ends ({cleared_until}) before it starts ({cleared_from})")
        key = (country, name_key(operator), name_key(row["mine"]), cleared_from)
        if key in seen:
            raise table.error(row, f"the operation of {operator} from {cleared_from} is listed twice")
        seen.add(key)
        operations.append(Operation(country, operator, aliases, row["mine"], cleared_from, cleared_until,
                                    _required(table, row, "source")))
    return tuple(operations)


def _origin_key(origin: str) -> str:
    """The table's spelling of an origin: '*' and 'mixed' as they are, codes in capitals."""
    text = origin.strip()
    if text.lower() == MIXED:
        return MIXED
    return text if text == WILDCARD else text.upper()
