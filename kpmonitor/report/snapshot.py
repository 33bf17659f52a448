"""The frozen snapshot a signed report is made from.

Signing freezes the inspection into one canonical JSON document: everything
the PDF, the QR seal and the bundle show comes from it, never from live
tables, so what was signed is exactly what is printed and exported. Its
SHA-256 is recorded with the report and carried in the QR seal and the bundle
manifest.

A report's id belongs to its device (format 2): it is ``report_id_for`` the
device id, the device's report number and a random nonce the snapshot carries,
so no device can take another's report id, and nobody can guess a device's
next one. Format 3 adds the ``amendment`` section: why a version after the first
corrects the report it supersedes, as the monitor said when amending. Format 4's
inspection adds the record the Kimberley Process asks for besides the
certificate's figures: the exporting authority's validation, the shipment, the
production, the valuation, who was present, the documents received and the
certificate's lines per HS code. Formats 3 and 2 (amendments without a reason)
and format 1 (ids drawn at random) are still read: their inspection reads with
those parts empty.

The report section names the language the report was drawn in (``language``: ``en``, ``fr`` or ``pt``, chosen at
signing). It is a new key of format 4, not a new format: it changes nothing any check reads, and a kpmonitor that
does not know it still verifies and imports the report; a snapshot without it (signed before it) is English, and
so is one that names a language this kpmonitor does not speak (``snapshot_language``).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from kpmonitor.domain.inspection import Inspection, to_document
from kpmonitor.domain.quantities import plain
from kpmonitor.i18n import DEFAULT as DEFAULT_LANGUAGE
from kpmonitor.i18n import LANGUAGES
from kpmonitor.rules.problems import Problem
from kpmonitor.store.audit import Head, canonical

FORMAT = "kpmonitor-report/4"
FORMAT_V3 = "kpmonitor-report/3"  # before the validation, shipment, production, valuation…: still read
FORMAT_V2 = "kpmonitor-report/2"  # before amendments carried their reason: still read
FORMAT_V1 = "kpmonitor-report/1"  # before report ids were bound to their device: still read, with a note
FORMATS_READ = (FORMAT, FORMAT_V3, FORMAT_V2, FORMAT_V1)
# The parts of a format-4 inspection that earlier formats lack (``to_document``'s ``record_parts_document``).
RECORD_PARTS = {"validation": dict, "shipment": dict, "production": dict, "valuation": dict, "present": list,
                "documents": list}
UNBOUND_ID_NOTE = ("This report is of format kpmonitor-report/1, made before report ids were bound to their "
                   "device: that its id is its device's own could not be checked.")


def snapshot_language(snap: object) -> str:
    """The language a snapshot's report is drawn in: its ``report.language``, English when it names none (signed
    before the key) or one this kpmonitor does not speak (a hostile or newer snapshot: the facts print anyway)."""
    report = snap.get("report") if isinstance(snap, dict) else None
    language = report.get("language") if isinstance(report, dict) else None
    return language if isinstance(language, str) and language in LANGUAGES else DEFAULT_LANGUAGE


def report_id_for(device_id: str, device_seq: int, nonce: str) -> str:
    """The id of a device's report number ``device_seq`` (format 2): 32 hex characters of a SHA-256.

    The nonce (``new_report_id``) keeps the ids of two reports with one number apart (a history copied and
    continued twice: a fork headquarters must see as two reports) and makes a device's next id unguessable.
    """
    text = f"kpmonitor-report-id\n{device_id}\n{device_seq}\n{nonce}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def new_report_id(device_id: str, device_seq: int) -> tuple[str, str]:
    """A new report's id and the nonce it was made with (``report_id_for``)."""
    nonce = secrets.token_hex(16)
    return report_id_for(device_id, device_seq, nonce), nonce


def report_id_problem(snapshot_format: object, report: dict[str, Any]) -> str | None:
    """Why a snapshot's report id is not its device's own; None when it is (or, format 1, cannot be told).

    ``report`` is the snapshot's report section, of any shape (a hostile PDF's snapshot is not checked first):
    whatever is not its device's own id is refused.
    """
    if snapshot_format == FORMAT_V1:
        return None
    seq, nonce = report.get("device_seq"), report.get("id_nonce")
    if not (isinstance(seq, int) and isinstance(nonce, str)) or report.get("id") != report_id_for(
            str(report.get("device_id")), seq, nonce):
        return (f"The report id {str(report.get('id'))[:8]} is not one its device makes (from the device id, its "
                "report number and its nonce): a device may use only its own report ids.")
    return None


@dataclass(frozen=True)
class SignerInfo:
    """Who signs: what the report states about the monitor and the device."""

    name: str
    device_id: str
    certificate_serial: str = ""
    certificate_issuer: str = ""
    certificate_subject: str = ""
    self_signed: bool = True


def build_snapshot(insp: Inspection, problems: list[Problem], *, report_id: str, id_nonce: str, version: int,
                   supersedes: str | None, supersedes_version: int | None, signed_at: str, device_seq: int,
                   audit_head: Head, signer: SignerInfo, language: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """The report's content, as it will be frozen.

    :param problems: the rules' findings at signing time; the warnings go into
        the report with the monitor's acknowledgement notes, and so do the
        acceptable errors the monitor accepted (other errors never do: signing
        refuses them).
    :param report_id: ``report_id_for(signer.device_id, device_seq, id_nonce)`` (``new_report_id``).
    :param device_seq: the device's report counter (1, 2, 3…), so that
        headquarters can tell a missing report.
    :param audit_head: the audit chain's head at signing time.
    :param language: the language the PDF is drawn in (one of ``i18n.LANGUAGES``), recorded as ``report.language``.

    A version after the first carries the ``amendment`` section, with the reason ``insp.amend_reason`` gives
    (signing refuses an amendment without one: ``rules.kp``); the first version's is null.
    """
    doc = to_document(insp, with_record=True)
    parcels = insp.parcels
    totals = {
        "declared_carats": plain(sum(p.declared_carats or 0 for p in parcels)),
        "weighed_carats": plain(sum(p.weighed_carats or 0 for p in parcels)),
        "difference_carats": plain(sum(p.difference or 0 for p in parcels)),
        "declared_value_usd": plain(sum(p.declared_value_usd or 0 for p in parcels)),
        "parcels": len(parcels),
        "stones": sum(p.stones or 0 for p in parcels) if any(p.stones for p in parcels) else None,
    }
    acknowledged = []
    for p in problems:
        if not p.acknowledgeable:
            continue
        ack = insp.acknowledged(p.code, p.field)
        acknowledged.append({"code": p.code, "field": p.field, "message": p.message,
                             "note": ack.note if ack else "", "by": ack.by if ack else "", "at": ack.at if ack else ""})
    return {
        "format": FORMAT,
        "report": {
            "id": report_id, "id_nonce": id_nonce, "version": version, "supersedes": supersedes,
            "supersedes_version": supersedes_version, "signed_at": signed_at,
            "device_id": signer.device_id, "device_seq": device_seq,
            "audit": {"seq": audit_head.seq, "head": audit_head.hash}, "language": language,
        },
        "monitor": {
            "name": signer.name, "certificate_serial": signer.certificate_serial,
            "certificate_issuer": signer.certificate_issuer, "certificate_subject": signer.certificate_subject,
            "self_signed": signer.self_signed,
        },
        "inspection": doc,
        "totals": totals,
        "warnings": acknowledged,
        "amendment": {"reason": insp.amend_reason} if version > 1 else None,
    }


def snapshot_bytes(snapshot: dict[str, Any]) -> bytes:
    """The canonical bytes that are hashed, stored and exported."""
    return canonical(snapshot).encode("utf-8")


def snapshot_sha256(snapshot: dict[str, Any]) -> str:
    return hashlib.sha256(snapshot_bytes(snapshot)).hexdigest()
