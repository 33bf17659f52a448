"""The frozen snapshot a signed report is made from.

Signing freezes the inspection into one canonical JSON document: everything
the PDF, the QR seal and the bundle show comes from it, never from live
tables, so what was signed is exactly what is printed and exported. Its
SHA-256 is recorded with the report and carried in the QR seal and the bundle
manifest.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from kpmonitor.domain.inspection import Inspection, to_document
from kpmonitor.domain.quantities import plain
from kpmonitor.rules.problems import Problem
from kpmonitor.store.audit import Head, canonical

FORMAT = "kpmonitor-report/1"


@dataclass(frozen=True)
class SignerInfo:
    """Who signs: what the report states about the monitor and the device."""

    name: str
    device_id: str
    certificate_serial: str = ""
    certificate_issuer: str = ""
    certificate_subject: str = ""
    self_signed: bool = True


def build_snapshot(insp: Inspection, problems: list[Problem], *, report_id: str, version: int,
                   supersedes: str | None, supersedes_version: int | None, signed_at: str, device_seq: int,
                   audit_head: Head, signer: SignerInfo) -> dict[str, Any]:
    """The report's content, as it will be frozen.

    :param problems: the rules' findings at signing time; the warnings go into
        the report with the monitor's acknowledgement notes (errors never do:
        signing refuses them).
    :param device_seq: the device's report counter (1, 2, 3…), so that
        headquarters can tell a missing report.
    :param audit_head: the audit chain's head at signing time.
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
        if p.is_error:
            continue
        ack = insp.acknowledged(p.code, p.field)
        acknowledged.append({"code": p.code, "field": p.field, "message": p.message,
                             "note": ack.note if ack else "", "by": ack.by if ack else "", "at": ack.at if ack else ""})
    return {
        "format": FORMAT,
        "report": {
            "id": report_id, "version": version, "supersedes": supersedes,
            "supersedes_version": supersedes_version, "signed_at": signed_at,
            "device_id": signer.device_id, "device_seq": device_seq,
            "audit": {"seq": audit_head.seq, "head": audit_head.hash},
        },
        "monitor": {
            "name": signer.name, "certificate_serial": signer.certificate_serial,
            "certificate_issuer": signer.certificate_issuer, "certificate_subject": signer.certificate_subject,
            "self_signed": signer.self_signed,
        },
        "inspection": doc,
        "totals": totals,
        "warnings": acknowledged,
    }


def snapshot_bytes(snapshot: dict[str, Any]) -> bytes:
    """The canonical bytes that are hashed, stored and exported."""
    return canonical(snapshot).encode("utf-8")


def snapshot_sha256(snapshot: dict[str, Any]) -> str:
    return hashlib.sha256(snapshot_bytes(snapshot)).hexdigest()
