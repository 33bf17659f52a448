"""What the rules say of an inspection: problems, and the refusal that carries them.

A problem has a severity (an *error* blocks signing, a *warning* must be
acknowledged with a note before signing), the field it concerns as a path the
GUI can jump to (``parcels[2].weighed_carats``), a stable code, and a sentence.
A few errors are *acceptable*: what the monitor cannot mend, only judge (a KP
certificate that expired before the inspection). Such an error blocks signing
like any other until the monitor records why it is accepted, in the one way a
reason is recorded: an acknowledgement with a note, which the report prints.
This module is a leaf of the rules: the store, the reports and both faces
import it without loading the reference tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from kpmonitor.domain.text import printable
from kpmonitor.errors import KPError
from kpmonitor.i18n import ngettext

if TYPE_CHECKING:
    from kpmonitor.domain.inspection import Inspection


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    severity: Severity
    field: str
    code: str
    message: str
    acceptable: bool = False  # an error the monitor may accept with a note (see the module)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def acknowledgeable(self) -> bool:
        """Whether an acknowledgement with a note settles it: every warning, and the acceptable errors."""
        return not self.is_error or self.acceptable


class ValidationError(KPError):
    """An inspection breaks KP rules that block it (errors, not warnings)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        # One line per problem: a line break inside a message (a name from a document) is shown escaped.
        lines = [f"{p.field}: {printable(p.message)}" for p in problems]
        super().__init__(
            ngettext("The inspection has {count} problem:", "The inspection has {count} problems:",
                     len(problems)).format(count=len(problems))
            + "\n"
            + "\n".join(f"  - {line}" for line in lines)
        )


def unacknowledged(problems: list[Problem], insp: Inspection) -> list[Problem]:
    """Warnings the monitor has not yet acknowledged."""
    return [p for p in problems if not p.is_error and insp.acknowledged(p.code, p.field) is None]


def open_errors(problems: list[Problem], insp: Inspection) -> list[Problem]:
    """Errors that still stand: every error but an acceptable one the monitor has accepted with a note."""
    return [p for p in problems if p.is_error and not (p.acceptable and insp.acknowledged(p.code, p.field) is not None)]


def blocking(problems: list[Problem], insp: Inspection) -> list[Problem]:
    """What stands between the inspection and its signature."""
    return open_errors(problems, insp) + unacknowledged(problems, insp)
