"""The answer a verifier gives for one file: every check made, and what the report says.

A leaf: the PDF and QR checks (``report.verify``), the bundle checks (``bundle.verify``), the
command line and the GUI all speak in these two types, so they import nothing of kpmonitor but its
sentences' translation (``kpmonitor.i18n``, itself a leaf).

A check's ``name`` is a stable English key (the JSON's ``name``, what the GUI's own labels and the verdict
look up); ``label`` is that name in the reader's language. Its ``detail`` and the ``verdict`` are sentences,
made in the language the core speaks when the check is made.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kpmonitor.i18n import N_, _

# Every check's name, marked for translation: the key stays English, the label a reader sees is ``_(name)``.
CHECK_NAMES = (
    N_("signature intact"), N_("covers the whole file"), N_("certified, no changes permitted"),
    N_("issued by headquarters"), N_("certificate within its validity period"), N_("not revoked"),
    N_("report snapshot attached"), N_("certificate names the signer"), N_("QR seal signature"),
    N_("QR seal and PDF signed by the same monitor"), N_("QR seal vouched for"), N_("QR seal matches the report"),
    N_("on headquarters' trust list"), N_("recognised"), N_("QR seal found"), N_("readable bundle"),
    N_("manifest signature"), N_("signing time"), N_("files match the manifest"), N_("snapshot schema"),
    N_("snapshot matches the manifest"), N_("history checkpoint"), N_("photos match the snapshot"),
    N_("PDF signature"), N_("PDF carries the snapshot"),
)
GENUINE, INTACT, INVALID = "genuine", "intact", "invalid"

@dataclass
class Check:
    name: str
    ok: bool
    detail: str = ""

    @property
    def label(self) -> str:
        """The check's name in the reader's language (the name itself when it has no translation)."""
        return _(self.name)


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
    def state(self) -> str:
        """GENUINE, INTACT (unaltered, but headquarters does not vouch for the signer) or INVALID: what the
        verdict says, as a code that reads the same in every language."""
        if self.ok:
            return GENUINE
        failed = [c for c in self.checks if not c.ok]
        intact = all(c.ok for c in self.checks if c.name in ("signature intact", "covers the whole file",
                                                               "QR seal signature"))
        if intact and all(c.name in ("issued by headquarters",) for c in failed):
            return INTACT
        return INVALID

    @property
    def verdict(self) -> str:
        # The capitalised word before the colon is the headline (the GUI shows the rest as a sentence).
        state = self.state
        if state == GENUINE and self.before_enrolment:
            return _("GENUINE, SIGNED BEFORE ENROLMENT: signed with the monitor's self-signed certificate before "
                     "headquarters certified the same key, and unaltered since.")
        if state == GENUINE:
            return _("GENUINE: signed by a monitor headquarters vouches for, and unaltered since.")
        if state == INTACT:
            return _("INTACT BUT NOT VOUCHED FOR: unaltered since signing, but not signed with a certificate "
                     "issued by headquarters.")
        failed = [c for c in self.checks if not c.ok]
        return _("NOT VALID: {reason}").format(reason=failed[0].detail)

    def add(self, name: str, ok: bool, detail: str = "") -> None:
        self.checks.append(Check(name, ok, detail))

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "ok": self.ok, "verdict": self.verdict,
                "checks": [{"name": c.name, "ok": c.ok, "detail": c.detail} for c in self.checks],
                "report": self.summary, "signer": self.signer, "warnings": self.warnings,
                "signed_before_enrolment": self.before_enrolment}
