"""Anomalies: what headquarters should look at, judged when each bundle is imported and kept as rows.

Per device: reports that have not arrived (gaps in the device's report numbers, and numbers before the
first one received), a history rolled back (a later report signed at an earlier audit event) or forked
(a report number issued twice, or two reports signed at one audit event). Per report: a report it
supersedes that has not arrived, or that is another device's (a report may supersede only its own
device's: one that did so before the other arrived is judged here; one that does so after is refused at
import). Across devices: a seal number, a photo (by its SHA-256: evidence reused) or a KP certificate
number on two shipments (amendments of one report share them legitimately), and, on the latest version
of each shipment, value per carat outside its band, weighed vs declared beyond tolerance and a photo taken
at another time or place than the inspection, judged by the rules with headquarters' reference tables and
settings.

Judging reads snapshots, which grows with what headquarters holds; the window shows the list on every
refresh. So an import judges, in its own transaction, only what it can change (``judge_import``): its
device's numbers and history, its shipment's reports (their missing predecessors, the latest version's
rule findings), and the seal numbers, photos and certificate numbers that shipment carries. Each stored row belongs to
one such *scope*; the scopes an import touches are dropped and judged again. ``anomalies`` reads the
rows. ``recompute`` judges everything from scratch (what a rebuild stores, and what a test compares the
stored rows with); it runs once on a database imported into before anomalies were stored, and again
when the rules' settings or tables change.

Receipts (``hq.receipts_due``), per certificate number: a confirmation of receipt whose figures differ from the
latest certified report's (``receipt_mismatch``), one for a certificate number no report carries
(``receipt_without_report``), and a certified report with none after ``hq_confirmation_days`` days
(``receipt_unconfirmed``). They read columns, never snapshots, and are judged when an import or a confirmation can
change them (``judge_receipts``). The last depends on the date too: each judging of them records the day and the
setting it used (``ReceiptTerms.marker``), and a listing (``stored_rows``) made on another day, or under another
setting, judges every certificate number's receipts again first: cheap, one read of the reports and one of the
confirmations, and at most once a day.

Each anomaly is said in every language kpmonitor speaks when it is judged (``_anomaly``): the English sentence is
``Anomaly.sentence``, the others ``Anomaly.sentences``, all stored with the row, and each analyst reads
``Anomaly.said()``, in the language of their own window or command line. Headquarters is shared by analysts of
several languages, so the sentence cannot be made in one at judging, and judging again for each reader would
rewrite the rows under the others. The rules' fingerprint covers the compiled catalogues: a corrected translation
judges everything again once, as a changed setting does.

Two alerts are not judged from what is held but kept from the import that raised them, as its log line
is (``kept_alert``): a bundle refused because it supersedes another device's report, and a report set
aside because another device's report holds its id. A rebuild keeps them. So is each refused bundle's report
(``kept_refusal``): the device and number its manifest claims (said to be unverified when the bundle did not
verify), so that a number whose bundle arrived and was refused is said to be refused, not "not arrived"; it is
dropped once that very report is imported.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from kpmonitor.domain.inspection import from_document, record_photos
from kpmonitor.domain.moments import show_moment
from kpmonitor.hq.lineage import latest, shipments, supersedes_among
from kpmonitor.hq.receipts_due import ReceiptTerms, differences, terms_for
from kpmonitor.hq.shared import judging_settings
from kpmonitor.hq.store import Anomaly, Confirmation, Held, HQStore, ReceiptReport, StoredAnomaly, hq_store
from kpmonitor.i18n import DEFAULT, LANGUAGES, _, in_every_language, ngettext, speaking
from kpmonitor.rules.kp import RuleContext, check
from kpmonitor.rules.problems import Problem
from kpmonitor.store.seals import SupersedesOf, lineage_root

if TYPE_CHECKING:
    from kpmonitor.workspace import Workspace

MISSING_REPORT, ROLLBACK, FORK = "missing_report", "rollback", "fork"
SEAL_REUSED, CERTIFICATE_REUSED = "seal_reused", "certificate_reused"
CROSS_DEVICE_SUPERSEDE, CROSS_DEVICE_ID = "cross_device_supersede", "cross_device_id"
REFUSED_REPORT = "refused_report"
VALUE_PER_CARAT, WEIGHT_TOLERANCE = "value_per_carat", "weight_tolerance"
PHOTO_OUT_OF_PLACE, PHOTO_REUSED = "photo_out_of_place", "photo_reused"
RECEIPT_UNCONFIRMED, RECEIPT_MISMATCH = "receipt_unconfirmed", "receipt_mismatch"
RECEIPT_WITHOUT_REPORT = "receipt_without_report"
LATE_SIGNING, VALUATION_DIFFERS = "late_signing", "valuation_differs"
OPERATOR_NOT_CLEARED, VALIDATED_BEFORE_SEALING = "operator_not_cleared", "validated_before_sealing"
# The field's acknowledgeable findings headquarters lists as anomalies, with the monitor's note: what an analyst
# follows up (undervaluation, a shipment waiting after its sealing, goods from an operation not cleared for export).
_RULE_KINDS = {"value.per_carat": VALUE_PER_CARAT, "parcel.weight.tolerance": WEIGHT_TOLERANCE,
               "photo.out_of_place": PHOTO_OUT_OF_PLACE, "signing.after_sealing": LATE_SIGNING,
               "valuation.value.differs": VALUATION_DIFFERS,
               "production.operator.unlisted": OPERATOR_NOT_CLEARED,
               "production.operator.not_cleared": OPERATOR_NOT_CLEARED,
               "production.mine.unlisted": OPERATOR_NOT_CLEARED,
               "validation.before_sealing": VALIDATED_BEFORE_SEALING}

# The list's order: most serious first; within a severity, by the check that found it, then by the
# device, report or number it is about (``Held.order_key``), then as the check listed them.
_SEVERITY_RANK = {"alert": 0, "warning": 1}
# (_PHOTO came last: the alerts kept from imports keep the place their rows were stored with.)
_DEVICE, _PREDECESSOR, _SEAL, _CERTIFICATE, _RULES, _IMPORT, _PHOTO, _RECEIPT = range(8)
_KEPT_SCOPE = "import:"  # the scope of an alert kept from an import (``kept_alert``): never judged again
_REFUSED_SCOPE = ":refused"  # after the bundle's hash: its refused report (``kept_refusal``), beside its alert


def _stored(scope: str, check_kind: int, key: str, position: int, anomaly: Anomaly) -> StoredAnomaly:
    rank = _SEVERITY_RANK.get(anomaly.severity, 2)
    return StoredAnomaly(scope, f"{rank}\x1e{check_kind}\x1e{key}\x1e{position:06d}", anomaly)


def _device_scope(device_id: str) -> str:
    return f"device:{device_id}"


def _report_scope(report_id: str) -> str:
    return f"report:{report_id}"


def _seal_scope(number: str) -> str:
    return f"seal:{number}"


def _certificate_scope(norm: str) -> str:
    return f"certificate:{norm}"


def _photo_scope(sha256: str) -> str:
    return f"photo:{sha256}"


_RECEIPT_SCOPE = "receipt:"


def _receipt_scope(norm: str) -> str:
    return f"{_RECEIPT_SCOPE}{norm}"


# ------------------------------------------------------------------------------------- the checks


def _anomaly(kind: str, make: Callable[[], str], device_id: str = "", monitor: str = "",
             report_ids: tuple[str, ...] = (), severity: str = "warning") -> Anomaly:
    """An anomaly whose sentence ``make`` says (with ``_``) in each language: English its ``sentence``, the others
    its ``sentences`` (see the module)."""
    said = in_every_language(make)
    english = said.pop(DEFAULT)
    return Anomaly(kind, english, device_id, monitor, report_ids, severity, tuple(said.items()))


def missing_ranges(numbers: Iterable[int], refused: Iterable[int] = ()) -> list[tuple[int, int]]:
    """A device's report numbers that have not arrived, as runs ``(first, last)``: every number from 1 to
    the highest held that is neither held nor ``refused`` (a number whose bundle arrived and was refused:
    ``kept_refusal`` says so instead).

    The one rule behind the missing-report anomalies and the monitors' count (``missing_count``). Runs,
    not numbers: a report numbered in the billions costs nothing more than one numbered 3.
    """
    out: list[tuple[int, int]] = []
    expected = 1
    for n in sorted(set(numbers)):
        if n > expected:
            out.append((expected, n - 1))
        expected = max(expected, n + 1)
    for r in sorted(set(refused)):  # a refused number splits the run it falls in
        out = [part for first, last in out
               for part in (((first, r - 1), (r + 1, last)) if first <= r <= last else ((first, last),))
               if part[0] <= part[1]]
    return out


def missing_count(numbers: Iterable[int], refused: Iterable[int] = ()) -> int:
    """How many of a device's report numbers have not arrived (``missing_ranges``)."""
    return sum(last - first + 1 for first, last in missing_ranges(numbers, refused))


def _device_label(h: Held) -> str:
    return _("device {device} ({monitor})").format(device=h.device_id[:8], monitor=h.monitor)


def _missing_sentence(h: Held, low: int, high: int, before: int | None, after: int) -> str:
    context = (_("headquarters holds reports {before} and {after}").format(before=before, after=after)
               if before is not None else
               _("the first report headquarters holds is number {after}").format(after=after))
    if low == high:
        return _("Report {number} of {device} has not arrived: {context}.").format(
            number=low, device=_device_label(h), context=context)
    return _("Reports {first}–{last} of {device} have not arrived: {context}.").format(
        first=low, last=high, device=_device_label(h), context=context)


def _fork_sentence(h: Held, a_id: str, b_id: str, reasons: list[tuple[int, int, bool]]) -> str:
    """``reasons``: (report number, 0, False) for a number issued twice, (0, audit event, same history?) for two
    reports signed at one event."""
    said = [_("both are report number {number}").format(number=seq) if seq else
            (_("both were signed at audit event {event} with the same history state") if same else
             _("both were signed at audit event {event} with different histories")).format(event=event)
            for seq, event, same in reasons]
    return _("Reports {first} and {second} of {device} conflict: {reasons}. The device's history was copied or "
             "restored from a backup and went on twice.").format(
                 first=a_id[:8], second=b_id[:8], device=_device_label(h), reasons="; ".join(said))


def _rollback_sentence(first: Held, h: Held, highest: Held) -> str:
    return _("Report {number} ({report}) of {device} was signed at audit event {event}, not after report "
             "{earlier_number} ({earlier}) at event {earlier_event}: the device's history was rolled back.").format(
                 number=h.device_seq, report=h.id[:8], device=_device_label(first), event=h.audit_seq,
                 earlier_number=highest.device_seq, earlier=highest.id[:8], earlier_event=highest.audit_seq)


def device_anomalies(reports: list[Held], refused: Collection[int] = ()) -> list[Anomaly]:
    """Missing report numbers, forks and rollbacks of one device's reports (in headquarters' order); the numbers
    ``refused`` at import are not missing (``missing_ranges``)."""
    first = reports[0]
    out: list[Anomaly] = []
    by_seq: dict[int, list[Held]] = defaultdict(list)
    for h in reports:
        by_seq[h.device_seq].append(h)
    seqs = sorted(by_seq)
    for low, high in missing_ranges(seqs, refused):
        before = max((s for s in seqs if s < low), default=None)
        after = min(s for s in seqs if s > high)
        out.append(_anomaly(MISSING_REPORT, partial(_missing_sentence, first, low, high, before, after),
                            first.device_id, first.monitor, severity="alert"))
    # Forks: one report number issued twice, or two reports signed at one point of the history.
    pairs: dict[tuple[str, str], list[tuple[int, int, bool]]] = defaultdict(list)
    for seq, same in by_seq.items():
        for i, a in enumerate(same):
            for b in same[i + 1:]:
                pairs[(min(a.id, b.id), max(a.id, b.id))].append((seq, 0, False))
    by_audit: dict[int, list[Held]] = defaultdict(list)
    for h in reports:
        by_audit[h.audit_seq].append(h)
    for audit_seq, same in by_audit.items():
        for i, a in enumerate(same):
            for b in same[i + 1:]:
                key = (min(a.id, b.id), max(a.id, b.id))
                pairs[key].append((0, audit_seq, a.audit_head == b.audit_head))
    for (a_id, b_id), reasons in pairs.items():
        out.append(_anomaly(FORK, partial(_fork_sentence, first, a_id, b_id, reasons),
                            first.device_id, first.monitor, (a_id, b_id), severity="alert"))
    # Rollback: a later report number signed at an earlier point of the audit chain.
    highest: Held | None = None
    for seq in seqs:
        group = by_seq[seq]
        if highest is not None:
            earlier = highest
            for h in group:
                if h.audit_seq <= earlier.audit_seq and h.device_seq > earlier.device_seq:
                    out.append(_anomaly(ROLLBACK, partial(_rollback_sentence, first, h, earlier),
                                        first.device_id, first.monitor, (earlier.id, h.id), severity="alert"))
        top = max(group, key=lambda x: x.audit_seq)
        if highest is None or top.audit_seq > highest.audit_seq:
            highest = top
    return out


def _missing_predecessor(h: Held) -> Anomaly:
    assert h.supersedes
    return _anomaly(MISSING_REPORT, lambda: _("Report {report} (certificate {certificate}) supersedes report "
                                              "{predecessor}, which has not arrived.").format(
                        report=h.id[:8], certificate=h.cert_number, predecessor=str(h.supersedes)[:8]),
                    h.device_id, h.monitor, (h.id,), severity="alert")


def _foreign_predecessor(h: Held, parent_device: str) -> Anomaly:
    assert h.supersedes
    return _anomaly(CROSS_DEVICE_SUPERSEDE, lambda: _(
        "Report {report} of {device} claims to supersede report {predecessor}, which is device {other}'s: a report "
        "may supersede only its own device's reports, so the two are kept apart.").format(
            report=h.id[:8], device=_device_label(h), predecessor=str(h.supersedes)[:8], other=parent_device[:8]),
        h.device_id, h.monitor, (h.id, h.supersedes), severity="alert")


def _rule_anomalies(h: Held, snap: dict[str, Any], ctx: RuleContext) -> list[Anomaly]:
    # The rules themselves decide (rules.check), on the signed inspection, with this home's reference tables.
    # Judged as of the report's signing, as the device judged it (a certificate expired since is no finding).
    ctx = dataclasses.replace(ctx, signing_at=str((snap.get("report") or {}).get("signed_at") or "") or None)
    insp, _problems = from_document(snap["inspection"])
    insp.photos = record_photos(snap["inspection"])  # a document attaches none; the signed record lists them
    notes = {(w.get("code"), w.get("field")): w.get("note") for w in snap.get("warnings") or []}

    def found() -> list[Problem]:
        return [p for p in check(insp, ctx) if p.code in _RULE_KINDS]

    # The rules say their findings in the language spoken: judged in English first, and in the other languages
    # only when there is a finding to say (most reports have none).
    with speaking(DEFAULT):
        english = found()
    if not english:
        return []
    said = {DEFAULT: english}
    for language in LANGUAGES:
        if language != DEFAULT:
            with speaking(language):
                said[language] = found()
    out: list[Anomaly] = []
    for i, p in enumerate(english):
        note = notes.get((p.code, p.field))
        sentences = {language: _rule_sentence(h, problems[i], note, language)
                     for language, problems in said.items()
                     if len(problems) == len(english) and (problems[i].code, problems[i].field) == (p.code, p.field)}
        sentence = sentences.pop(DEFAULT)
        out.append(Anomaly(_RULE_KINDS[p.code], sentence, h.device_id, h.monitor, (h.id,),
                           sentences=tuple(sentences.items())))
    return out


def _rule_sentence(h: Held, p: Problem, note: str | None, language: str) -> str:
    with speaking(language):
        if note:
            return _("Report {report} (certificate {certificate}, {monitor}): {problem} The monitor noted: "
                     "“{note}”").format(report=h.id[:8], certificate=h.cert_number, monitor=h.monitor,
                                       problem=p.message, note=note)
        return _("Report {report} (certificate {certificate}, {monitor}): {problem} The monitor left no "
                 "note.").format(report=h.id[:8], certificate=h.cert_number, monitor=h.monitor, problem=p.message)


def _where(lines: list[Held]) -> str:
    """The shipments a seal or a photo appears on, as the sentence lists them."""
    return ", ".join(_("certificate {certificate} (report {report}, {monitor})").format(
        certificate=h.cert_number, report=h.id[:8], monitor=h.monitor) for h in lines)


def _seal_reused(number: str, holders: list[Held], supersedes_of: SupersedesOf) -> list[StoredAnomaly]:
    lines = shipments(holders, supersedes_of)
    if len(lines) < 2:
        return []
    return [_stored(_seal_scope(number), _SEAL, number, 0, _anomaly(
        SEAL_REUSED, lambda: ngettext("Seal {number} was used on {count} shipment: {where}.",
                                      "Seal {number} was used on {count} shipments: {where}.", len(lines)).format(
            number=number, count=len(lines), where=_where(lines)),
        report_ids=tuple(h.id for h in lines), severity="alert"))]


def _photo_reused(sha256: str, holders: list[Held], supersedes_of: SupersedesOf) -> list[StoredAnomaly]:
    lines = shipments(holders, supersedes_of)
    if len(lines) < 2:
        return []
    return [_stored(_photo_scope(sha256), _PHOTO, sha256, 0, _anomaly(
        PHOTO_REUSED, lambda: ngettext(
            "The photo with SHA-256 {sha256}… is evidence in the reports of {count} shipment: {where}. One "
            "photograph cannot show two shipments.",
            "The photo with SHA-256 {sha256}… is evidence in the reports of {count} shipments: {where}. One "
            "photograph cannot show two shipments.", len(lines)).format(
                sha256=sha256[:16], count=len(lines), where=_where(lines)),
        report_ids=tuple(h.id for h in lines), severity="alert"))]


def _certificate_reused(norm: str, holders: list[Held], supersedes_of: SupersedesOf) -> list[StoredAnomaly]:
    lines = shipments(holders, supersedes_of)
    if len(lines) < 2:
        return []
    def where() -> str:
        return ", ".join(_("report {report} ({monitor})").format(report=h.id[:8], monitor=h.monitor) for h in lines)

    return [_stored(_certificate_scope(norm), _CERTIFICATE, lines[0].order_key, 0, _anomaly(
        CERTIFICATE_REUSED, lambda: ngettext(
            "KP certificate {certificate} appears on {count} different shipment: {where}.",
            "KP certificate {certificate} appears on {count} different shipments: {where}.", len(lines)).format(
                certificate=lines[0].cert_number, count=len(lines), where=where()),
        report_ids=tuple(h.id for h in lines), severity="alert"))]


def _confirmed_by(c: Confirmation) -> str:
    if c.reference:
        return _("The importing authority ({authority}) confirmed receipt of certificate {certificate} on {date} "
                 "(reference {reference})").format(authority=c.authority, certificate=c.cert_number,
                                                   date=c.confirmed_on, reference=c.reference)
    return _("The importing authority ({authority}) confirmed receipt of certificate {certificate} on "
             "{date}").format(authority=c.authority, certificate=c.cert_number, date=c.confirmed_on)


def _about(h: Held) -> str:
    return _("report {report} (certificate {certificate}, {monitor})").format(
        report=h.id[:8], certificate=h.cert_number, monitor=h.monitor)


def receipt_anomalies(norm: str, reports: list[ReceiptReport], confirmation: Confirmation | None, held: bool,
                      terms: ReceiptTerms) -> list[StoredAnomaly]:
    """The receipts of one certificate number: ``reports``, the latest versions carrying it, in headquarters' order;
    ``confirmation``, the one that counts; ``held``: some version of a report carries it."""
    scope = _receipt_scope(norm)
    out: list[StoredAnomaly] = []
    if confirmation is not None and not reports:
        c = confirmation
        out.append(_stored(scope, _RECEIPT, norm, 0, _anomaly(
            RECEIPT_WITHOUT_REPORT, lambda: (
                _("{confirmed}, but only a superseded version of a report carries it: its report has not arrived, or "
                  "the shipment left without a monitor's report.") if held else
                _("{confirmed}, but headquarters holds no report of it: its report has not arrived, or the shipment "
                  "left without a monitor's report.")).format(confirmed=_confirmed_by(c)),
            severity="alert")))
        return out
    for i, r in enumerate(reports):
        h = r.held
        if confirmation is not None:
            c = confirmation
            if differences(r, c):
                out.append(_stored(scope, _RECEIPT, h.order_key, i, _anomaly(
                    RECEIPT_MISMATCH, partial(_mismatch_sentence, r, c), h.device_id, h.monitor, (h.id,),
                    severity="alert")))
        elif r.verdict == "certified" and terms.overdue(h.signed_at):
            out.append(_stored(scope, _RECEIPT, h.order_key, i, _anomaly(
                RECEIPT_UNCONFIRMED, partial(_unconfirmed_sentence, h, terms.elapsed(h.signed_at) or 0, terms.days),
                h.device_id, h.monitor, (h.id,))))
    return out


def _mismatch_sentence(r: ReceiptReport, c: Confirmation) -> str:
    return _("{confirmed}, but not as {report} certified it: {differences}.").format(
        confirmed=_confirmed_by(c), report=_about(r.held), differences="; ".join(differences(r, c)))


def _unconfirmed_sentence(h: Held, elapsed: int, days: int) -> str:
    return ngettext(
        "No confirmation of receipt of {report}: it was certified and signed {elapsed} day ago, and the importing "
        "authority is asked to confirm within {days} (setting hq_confirmation_days).",
        "No confirmation of receipt of {report}: it was certified and signed {elapsed} days ago, and the importing "
        "authority is asked to confirm within {days} (setting hq_confirmation_days).",
        elapsed).format(report=_about(h), elapsed=elapsed, days=days)


def _receipts(hqs: HQStore, terms: ReceiptTerms, norms: Collection[str] | None) -> list[StoredAnomaly]:
    """The receipt anomalies of these certificate numbers (of every one held or confirmed, when None)."""
    reports = hqs.receipt_reports(norms)
    confirmations = hqs.current_confirmations(norms)
    by_norm: dict[str, list[ReceiptReport]] = defaultdict(list)
    for r in reports:
        if r.held.cert_number_norm:
            by_norm[r.held.cert_number_norm].append(r)
    judged = set(by_norm) | set(confirmations) if norms is None else set(norms)
    held = hqs.certificate_norms_held(c for c in confirmations if c not in by_norm)
    out: list[StoredAnomaly] = []
    for norm in sorted(judged):
        out += receipt_anomalies(norm, by_norm.get(norm, []), confirmations.get(norm), norm in held, terms)
    return out


def judge_receipts(hqs: HQStore, terms: ReceiptTerms, norms: Collection[str] | None = None) -> None:
    """Judge again the receipts of these certificate numbers (every one, recording the day, when None); call in a
    transaction (an import's, a confirmation's, or a listing's)."""
    if norms is None:
        hqs.replace_anomalies_under(_RECEIPT_SCOPE, _receipts(hqs, terms, None))
        hqs.set_receipts_judged_with(terms.marker())
    else:
        norms = {n for n in norms if n}
        hqs.replace_anomalies([_receipt_scope(n) for n in norms], _receipts(hqs, terms, norms))


# ------------------------------------------------------------------------------ what to judge


@dataclass(frozen=True)
class _Scope:
    """What to judge: everything (``recompute``), or what one import can change (``judge_import``)."""

    devices: dict[str, list[Held]]     # each device judged: all its reports
    reports: list[Held]                 # each report judged (missing predecessor, rules when latest)
    latest: set[str]                    # which of them are their shipment's latest version
    device_of: Callable[[str], str | None]  # a held report's device; None: not held
    seals: dict[str, list[Held]]        # each seal number judged: every report carrying it
    photos: dict[str, list[Held]]       # each photo judged (by SHA-256): every report carrying it
    certificates: dict[str, list[Held]]  # each certificate number judged: every report carrying it
    supersedes_of: SupersedesOf
    refused: dict[str, set[int]]        # per device judged: the numbers refused at import (``kept_refusal``)

    def names(self) -> set[str]:
        """The scopes judged: their stored rows are replaced, found again or not."""
        return ({_device_scope(d) for d in self.devices} | {_report_scope(h.id) for h in self.reports}
                | {_seal_scope(n) for n in self.seals} | {_photo_scope(p) for p in self.photos}
                | {_certificate_scope(c) for c in self.certificates})


def _judge(scope: _Scope, snapshot_of: Callable[[str], dict[str, Any]], ctx: RuleContext) -> list[StoredAnomaly]:
    out: list[StoredAnomaly] = []
    for device_id, reports in scope.devices.items():
        out += _device_rows(device_id, reports, scope.refused.get(device_id, set()))
    for h in scope.reports:
        parent_device = scope.device_of(h.supersedes) if h.supersedes else None
        if h.supersedes and parent_device is None:
            out.append(_stored(_report_scope(h.id), _PREDECESSOR, h.order_key, 0, _missing_predecessor(h)))
        elif parent_device is not None and parent_device != h.device_id:
            out.append(_stored(_report_scope(h.id), _PREDECESSOR, h.order_key, 0,
                               _foreign_predecessor(h, parent_device)))
        if h.id in scope.latest:
            out += [_stored(_report_scope(h.id), _RULES, h.order_key, i, a)
                    for i, a in enumerate(_rule_anomalies(h, snapshot_of(h.id), ctx))]
    for number, holders in scope.seals.items():
        out += _seal_reused(number, holders, scope.supersedes_of)
    for sha256, holders in scope.photos.items():
        out += _photo_reused(sha256, holders, scope.supersedes_of)
    for norm, holders in scope.certificates.items():
        out += _certificate_reused(norm, holders, scope.supersedes_of)
    return out


def _device_rows(device_id: str, reports: list[Held], refused: Collection[int]) -> list[StoredAnomaly]:
    """The stored rows of one device's scope: its missing numbers, forks and rollbacks."""
    if not reports:
        return []
    return [_stored(_device_scope(device_id), _DEVICE, device_id, i, a)
            for i, a in enumerate(device_anomalies(reports, refused))]


def _refused_key(device_id: str, device_seq: int) -> str:
    # A refused report's place in the list, just after its device's own anomalies (the device's key, then \x1f);
    # the number it holds is what ``_refused_numbers`` reads back: the rows keep no other column for it.
    return f"{device_id}\x1f{device_seq:012d}"


def _refused_numbers(rows: Iterable[StoredAnomaly]) -> dict[str, set[int]]:
    """Per device, the report numbers of the refused reports kept (``kept_refusal``)."""
    out: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        parts = row.sort_key.split("\x1e")
        device, _sep, seq = parts[2].partition("\x1f") if len(parts) == 4 else ("", "", "")
        if device and seq.isdigit():
            out[device].add(int(seq))
    return dict(out)


def refused_numbers(hqs: HQStore) -> dict[str, set[int]]:
    """Per device, the report numbers whose bundles arrived and were refused (the monitors' view counts them
    apart from those that have not arrived, as the anomalies say)."""
    return _refused_numbers(hqs.stored_of_kind(REFUSED_REPORT))


def _everything(hqs: HQStore) -> _Scope:
    held = hqs.held()
    supersedes_of = supersedes_among(held)
    device_of = {h.id: h.device_id for h in held}
    devices: dict[str, list[Held]] = defaultdict(list)
    certificates: dict[str, list[Held]] = defaultdict(list)
    for h in held:
        devices[h.device_id].append(h)
        if h.cert_number_norm:
            certificates[h.cert_number_norm].append(h)
    return _Scope(dict(devices), held, {h.id for h in latest(held, supersedes_of)}, device_of.get,
                  hqs.seal_holders(), hqs.photo_holders(), dict(certificates), supersedes_of, refused_numbers(hqs))


def _touched_by(hqs: HQStore, report: Held) -> _Scope:
    """What importing ``report`` can change: its device, and its whole shipment (which its arrival may have
    joined to others: a report superseding it was, until now, a shipment of its own), with the reports of
    other devices that claim to supersede one of it (each a shipment of its own, judged whole)."""
    supersedes_of = supersedes_among((), hqs.held_report)
    shipment = hqs.held_descending_from(lineage_root(report.id, supersedes_of))
    norms = {h.cert_number_norm for h in shipment if h.cert_number_norm}
    ids = [h.id for h in shipment]
    return _Scope({report.device_id: hqs.held_of_device(report.device_id)}, shipment,
                  {h.id for h in latest(shipment, supersedes_of)}, hqs.device_of,
                  hqs.seal_holders(hqs.seal_numbers(ids)), hqs.photo_holders(hqs.photo_hashes(ids)),
                  hqs.certificate_holders(norms), supersedes_of,
                  _refused_numbers(hqs.stored_of_kind(REFUSED_REPORT, report.device_id)))


# ------------------------------------------------------------------------------------- the API


def rules_for(ws: Workspace) -> RuleContext:
    """The rules as headquarters judges imported reports: this home's reference tables and settings."""
    # Seal reuse is judged across reports here, not against this home's own (empty) inspections.
    # On a shared database, the issuing home's settings (``hq.shared.judging_settings``): one judgement for all.
    return dataclasses.replace(ws.rule_context(settings=judging_settings(ws)), seal_used_elsewhere=lambda _n: None)


def recompute(hqs: HQStore, ctx: RuleContext, terms: ReceiptTerms | None = None) -> list[StoredAnomaly]:
    """Every anomaly, judged from scratch over everything imported, with the alerts kept from imports, in the
    list's order; the receipts judged with ``terms`` (kept as stored without: they need the home's setting and
    the date, which the rules do not hold)."""
    kept = [row for row in hqs.stored_anomalies()
            if row.scope.startswith(_KEPT_SCOPE) or (terms is None and row.scope.startswith(_RECEIPT_SCOPE))]
    receipts = _receipts(hqs, terms, None) if terms is not None else []
    return sorted(_judge(_everything(hqs), hqs.snapshot, ctx) + receipts + kept, key=lambda row: row.sort_key)


def kept_alert(hqs: HQStore, bundle_sha256: str, anomaly: Anomaly) -> None:
    """Keep the alert an import raised about a bundle it did not record (call in the transaction of its log line).

    Nothing held says it again, so no judging makes it again: it is kept, one per bundle, as the import log is.
    """
    scope = f"{_KEPT_SCOPE}{bundle_sha256}"
    hqs.replace_anomalies([scope], [_stored(scope, _IMPORT, bundle_sha256, 0, anomaly)])


@dataclass(frozen=True)
class RefusedClaim:
    """What a refused bundle says of its report: its device, number and id (and its certificate's monitor)."""

    device_id: str
    device_seq: int
    report_id: str
    monitor: str = ""
    verified: bool = False  # the bundle verified (it was refused for what headquarters holds): not only a claim


def kept_refusal(hqs: HQStore, ctx: RuleContext, bundle_sha256: str, claim: RefusedClaim, at: str,
                 reason: str) -> None:
    """Keep, as an alert, the report a refused bundle brought (call in the transaction of its log line), and judge
    its device's numbers again: that number arrived and was refused, it is not missing.

    One per bundle, as the import log is; dropped once that very report is imported (``judge_import``).
    """
    if hqs.device_of(claim.report_id) is not None:
        return  # that report is held: its number arrived, whatever this copy of it was
    scope = f"{_KEPT_SCOPE}{bundle_sha256}{_REFUSED_SCOPE}"
    anomaly = _anomaly(REFUSED_REPORT, lambda: _refusal_sentence(claim, at, reason), claim.device_id, claim.monitor,
                       (claim.report_id,), severity="alert")
    hqs.replace_anomalies([scope], [_stored(scope, _DEVICE, _refused_key(claim.device_id, claim.device_seq), 0,
                                            anomaly)])
    if hqs.anomalies_judged_with() != ctx.fingerprint():
        rebuild(hqs, ctx)
        return
    device = claim.device_id
    hqs.replace_anomalies([_device_scope(device)], _device_rows(
        device, hqs.held_of_device(device), _refused_numbers(hqs.stored_of_kind(REFUSED_REPORT, device)).get(
            device, set())))


def _refusal_sentence(claim: RefusedClaim, at: str, reason: str) -> str:
    # ``reason`` is the import's own sentence, in the language of the analyst who imported.
    who = (_("device {device} ({monitor})") if claim.monitor else _("device {device}")).format(
        device=claim.device_id[:8], monitor=claim.monitor)
    if claim.verified:
        return _("Report {number} of {device} was refused at import ({moment}: {reason})").format(
            number=claim.device_seq, device=who, moment=show_moment(at), reason=reason)
    return _("Report {number} of {device}, as its bundle claims (the bundle did not verify), was refused at import "
             "({moment}: {reason})").format(number=claim.device_seq, device=who, moment=show_moment(at), reason=reason)


def rebuild(hqs: HQStore, ctx: RuleContext, terms: ReceiptTerms | None = None) -> None:
    """Judge everything again and store it (in one transaction, or the caller's); the receipts too with ``terms``."""
    with hqs.transaction():
        hqs.replace_anomalies(None, recompute(hqs, ctx, terms))
        hqs.set_anomalies_judged_with(ctx.fingerprint())
        if terms is not None:
            hqs.set_receipts_judged_with(terms.marker())


def judge_import(hqs: HQStore, ctx: RuleContext, report_id: str, terms: ReceiptTerms | None = None) -> None:
    """Judge again what importing ``report_id`` can change; call in the import's transaction, after its rows.

    With ``terms`` its shipment's receipts are judged too (the import's certificate numbers, as of today).
    """
    report = hqs.held_report(report_id)
    if report is None:
        return
    # A refusal of this very report is over: it is held now.
    resolved = [row.scope for row in hqs.stored_of_kind(REFUSED_REPORT, report.device_id)
                if row.anomaly.report_ids == (report_id,)]
    if resolved:
        hqs.replace_anomalies(resolved, [])
    if hqs.anomalies_judged_with() != ctx.fingerprint():
        rebuild(hqs, ctx, terms)  # never judged (an older database), or by other rules: everything, once
        return
    scope = _touched_by(hqs, report)
    hqs.replace_anomalies(scope.names(), _judge(scope, hqs.snapshot, ctx))
    if terms is not None:
        judge_receipts(hqs, terms, {h.cert_number_norm for h in scope.reports})


def anomalies(ws: Workspace) -> list[Anomaly]:
    """Everything headquarters should look at, most serious first (the stored rows; see the module)."""
    return [row.anomaly for row in stored_rows(ws)]


def stored_rows(ws: Workspace, *, rebuild_first: bool = False) -> list[StoredAnomaly]:
    """The stored rows with their scopes (what an analyst's note is keyed by, ``hq.notes``), judged again first
    when asked, never judged, or judged by other rules."""
    hqs = hq_store(ws)
    ctx = rules_for(ws)
    terms = terms_for(ws)
    if rebuild_first or hqs.anomalies_judged_with() != ctx.fingerprint():
        rebuild(hqs, ctx, terms)
    elif hqs.receipts_judged_with() != terms.marker():  # another day (or setting): what is overdue changed
        with hqs.transaction():
            judge_receipts(hqs, terms)
    return hqs.stored_anomalies()


def rebuild_anomalies(ws: Workspace) -> list[Anomaly]:
    """Judge everything again from the snapshots (``kpmonitor hq anomalies --rebuild``); returns the list."""
    hqs = hq_store(ws)
    rebuild(hqs, rules_for(ws), terms_for(ws))
    return hqs.anomalies()


__all__ = [
    "CERTIFICATE_REUSED",
    "CROSS_DEVICE_ID",
    "CROSS_DEVICE_SUPERSEDE",
    "FORK",
    "MISSING_REPORT",
    "PHOTO_OUT_OF_PLACE",
    "PHOTO_REUSED",
    "RECEIPT_MISMATCH",
    "RECEIPT_UNCONFIRMED",
    "RECEIPT_WITHOUT_REPORT",
    "REFUSED_REPORT",
    "ROLLBACK",
    "SEAL_REUSED",
    "VALUE_PER_CARAT",
    "WEIGHT_TOLERANCE",
    "Anomaly",
    "RefusedClaim",
    "anomalies",
    "device_anomalies",
    "judge_import",
    "judge_receipts",
    "kept_alert",
    "kept_refusal",
    "missing_count",
    "missing_ranges",
    "rebuild",
    "rebuild_anomalies",
    "receipt_anomalies",
    "recompute",
    "refused_numbers",
    "rules_for",
    "stored_rows",
]
