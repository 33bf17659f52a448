"""The answer a verifier gives for one file: every check made, and what the report says.

A leaf: the PDF and QR checks (``report.verify``), the bundle checks (``bundle.verify``), the
command line and the GUI all speak in these two types, so they import nothing of kpmonitor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Check:
    name: str
    ok: bool
    detail: str = ""


@dataclass
class Verification:
    """The answer for one file: every check, and what the report says."""

    kind: str
    checks: list[Check] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    signer: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Signed with the monitor's self-signed certificate, whose key headquarters certified afterwards (a verifier
    # holding headquarters' own records of the keys it certified: ``trust.identity.enrolled_as``).
    before_enrolment: bool = False

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)

    @property
    def verdict(self) -> str:
        if self.ok and self.before_enrolment:
            return ("GENUINE, SIGNED BEFORE ENROLMENT: signed with the monitor's self-signed certificate before "
                    "headquarters certified the same key, and unaltered since.")
        if self.ok:
            return "GENUINE: signed by a monitor headquarters vouches for, and unaltered since."
        failed = [c for c in self.checks if not c.ok]
        intact = all(c.ok for c in self.checks if c.name in ("signature intact", "covers the whole file",
                                                               "QR seal signature"))
        if intact and all(c.name in ("issued by headquarters",) for c in failed):
            return "INTACT BUT NOT VOUCHED FOR: unaltered since signing, but not signed with a certificate " \
                   "issued by headquarters."
        return "NOT VALID: " + failed[0].detail

    def add(self, name: str, ok: bool, detail: str = "") -> None:
        self.checks.append(Check(name, ok, detail))

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "ok": self.ok, "verdict": self.verdict,
                "checks": [{"name": c.name, "ok": c.ok, "detail": c.detail} for c in self.checks],
                "report": self.summary, "signer": self.signer, "warnings": self.warnings,
                "signed_before_enrolment": self.before_enrolment}
