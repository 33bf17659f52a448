"""Carats and US dollars, exactly.

Carats are integer hundredths of a carat (a scale reads to 0.01 ct); money is
integer US cents. Nothing here is ever a float. Parsing accepts what people
type — ``1234.56``, ``1 234.56``, ``1,234.56``, ``1.234,56``, ``US$ 1,234`` —
and refuses what could be read two ways (``1,234``: a thousand or one point
two?) with a sentence that says how to write it.
"""

from __future__ import annotations

import re

from kpmonitor.errors import ParseError
from kpmonitor.i18n import N_, _

# Characters people and spreadsheets use to group thousands besides , and .
_GROUP_CHARS = " \u00a0\u2009\u202f'’"
_UNITS = re.compile(r"^(?:us\$|usd|\$)\s*|\s*(?:usd|us\$|\$|cts?\.?|carats?)$", re.IGNORECASE)

# The most an amount may be, in hundredths: any amount, well below what a 64-bit SQLite INTEGER holds; carats
# (a parcel or a whole shipment: 100 million carats, about a year of the world's production); US$ 100 billion.
MAX_AMOUNT = 10**17
MAX_CARATS = 100_000_000 * 100
MAX_USD = 100_000_000_000 * 100


def _valid_grouping(groups: list[str]) -> bool:
    """Thousands groups: first 1–3 digits, then exactly 3 each."""
    return bool(groups) and 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]) and all(
        g.isdigit() for g in groups
    )


def parse_hundredths(text: str, *, what: str = "amount", unit: str = "", maximum: int | None = None) -> int:
    """Parse a typed non-negative amount with at most two decimals into hundredths.

    :param text: what was typed, e.g. ``"1 234,5"``.
    :param what: the field's name for messages (``"carats"``, ``"value"``).
    :param unit: shown in messages, e.g. ``"ct"``.
    :param maximum: the most it may be, in hundredths (the store's columns are 64-bit integers).
    :raises ParseError: with a sentence when the text is empty, negative,
        not a number, too precise, ambiguous or more than ``maximum``.
    """
    raw = text
    s = text.strip()
    prev = None
    while prev != s:  # units may stand on either side, "US$ 12" or "12 ct"
        prev = s
        s = _UNITS.sub("", s).strip()
    if not s:
        raise ParseError(_("Enter the {what}.").format(what=_(what)))
    if s.startswith("-"):
        raise ParseError(_("The {what} cannot be negative ({typed}).").format(what=_(what), typed=raw.strip()))
    if s.startswith("+"):
        s = s[1:]
    if not re.fullmatch(r"[0-9.,\u00a0\u2009\u202f' ’]+", s) or not any(c.isdigit() for c in s):
        raise ParseError(_("“{typed}” is not a number; type the {what} like 1234.56.").format(
            typed=raw.strip(), what=_(what)))

    has_space_groups = any(c in _GROUP_CHARS for c in s)
    dots, commas = s.count("."), s.count(",")
    decimal_sep: str | None = None
    if dots and commas:
        decimal_sep = "." if s.rfind(".") > s.rfind(",") else ","
        if s.count(decimal_sep) > 1:
            raise ParseError(_("“{typed}” has more than one decimal separator.").format(typed=raw.strip()))
    elif dots + commas == 1:
        sep = "." if dots else ","
        after = s.split(sep)[1]
        before = s.split(sep)[0]
        bare_before = "".join(c for c in before if c not in _GROUP_CHARS)
        if len(after) == 3 and not has_space_groups and 1 <= len(bare_before) <= 3 and bare_before != "0":
            raise ParseError(
                _("“{typed}” is ambiguous: type {thousands} if you mean thousands, "
                  "or use at most two decimals (like {decimals}).").format(
                    typed=raw.strip(), thousands=bare_before + after, decimals=f"{bare_before}.{after[:2]}")
            )
        decimal_sep = sep
    # else: several of one separator only (1,234,567) — all grouping — or none.

    if decimal_sep is not None:
        int_part, frac = s.rsplit(decimal_sep, 1)
    else:
        int_part, frac = s, ""
    group_sep_chars = _GROUP_CHARS + ("," if decimal_sep != "," else "") + ("." if decimal_sep != "." else "")
    groups = re.split("[" + re.escape(group_sep_chars) + "]", int_part) if int_part else ["0"]
    if len(groups) > 1 and not _valid_grouping(groups):
        raise ParseError(_("“{typed}” has digits grouped oddly; type it like 1234.56 or 1,234.56.").format(
            typed=raw.strip()))
    if not all(g.isdigit() for g in groups) or (frac and not frac.isdigit()):
        raise ParseError(_("“{typed}” is not a number; type the {what} like 1234.56.").format(
            typed=raw.strip(), what=_(what)))
    unit_text = f" {unit}" if unit else ""
    if len(frac) > 2:
        raise ParseError(
            _("The {what} is recorded to 0.01{unit}; “{typed}” has {count} decimals.").format(
                what=_(what), unit=unit_text, typed=raw.strip(), count=len(frac))
        )
    most = MAX_AMOUNT if maximum is None else maximum
    digits = "".join(groups).lstrip("0")
    # The length first: int() of a number of 5,000 digits is slow, and refused by Python past 4,300.
    fits = len(digits) <= len(str(most // 100))
    value = int(digits or "0") * 100 + int((frac + "00")[:2]) if fits else most + 1
    if value > most:
        typed = raw.strip() if len(raw.strip()) <= 40 else raw.strip()[:40] + "…"
        raise ParseError(_("The {what} cannot be more than {most}{unit} (“{typed}”).").format(
            what=_(what), most=grouped(most), unit=unit_text, typed=typed))
    return value


def parse_carats(text: str) -> int:
    """Typed carats → integer hundredths of a carat."""
    return parse_hundredths(text, what=N_("carats"), unit="ct", maximum=MAX_CARATS)


def parse_usd(text: str) -> int:
    """Typed US dollars → integer cents."""
    return parse_hundredths(text, what=N_("value in US$"), unit="US$", maximum=MAX_USD)


def plain(hundredths: int) -> str:
    """``123456`` → ``"1234.56"``: the canonical form in JSON and snapshots."""
    sign = "-" if hundredths < 0 else ""
    n = abs(hundredths)
    return f"{sign}{n // 100}.{n % 100:02d}"


def grouped(hundredths: int) -> str:
    """``123456`` → ``"1,234.56"``: for people."""
    sign = "-" if hundredths < 0 else ""
    n = abs(hundredths)
    return f"{sign}{n // 100:,}.{n % 100:02d}"


def signed(hundredths: int) -> str:
    """A difference for people: ``+0.02``, ``−1.50`` (a real minus sign: a hyphen is easy to miss on a
    photocopy), ``0.00``."""
    if hundredths == 0:
        return grouped(0)
    return ("+" if hundredths > 0 else "−") + grouped(abs(hundredths))


# What ``plain`` writes (snapshots, JSON): the only text read back as an amount for showing.
_CANONICAL = re.compile(r"(-?)(\d+)\.(\d{2})")


def hundredths_of(value: object) -> int | None:
    """Integer hundredths from an int or a canonical amount text (``"1200.50"``); None otherwise."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if not isinstance(value, str):
        return None
    canonical = _CANONICAL.fullmatch(value.strip())
    if canonical is None:
        return None
    sign, whole, cents = canonical.groups()
    return (-1 if sign else 1) * (int(whole) * 100 + int(cents))


def amount_text(value: object, unit: str = "") -> str:
    """An amount for people (``1,200.50 ct``) from hundredths or a snapshot's text; other text as it is.

    The one formatter behind every amount the screens, the reports and the command line show.
    """
    hundredths = hundredths_of(value)
    if hundredths is None:
        return "" if value is None else str(value)
    return grouped(hundredths) + (f" {unit}" if unit else "")


def format_carats(hundredths: int) -> str:
    return f"{grouped(hundredths)} ct"


def format_usd(cents: int) -> str:
    return f"US$ {grouped(cents)}"


def usd_per_carat(cents: int, hundredths_ct: int) -> int | None:
    """Value per carat in cents per carat, rounded half up; None for zero carats."""
    if hundredths_ct <= 0:
        return None
    # cents / (hundredths/100) = cents*100/hundredths
    return (cents * 100 * 2 + hundredths_ct) // (2 * hundredths_ct)
