"""What a signed report PDF carries and states: its attachments, its QR seal's summary, a verifier's summary.

Signing writes these (``report.sign``) and every verifier reads them back (``report.verify`` for a
PDF, ``bundle.verify`` for a bundle), so each is decided here once.
"""

from __future__ import annotations

import io
from typing import Any

from kpmonitor.trust import qrseal

# The names the snapshot and the QR seal's text are attached to the signed PDF under.
SNAPSHOT_ATTACHMENT = "snapshot.json"
SEAL_ATTACHMENT = "qr-seal.txt"


def seal_payload(snap: dict[str, Any], snap_sha: str, *, kp2: bool = False) -> dict[str, Any]:
    """The QR seal's summary of a snapshot; ``kp2``: a KP2 seal's, which states the container and the exporting
    authority's validation number too ("" in a snapshot of before format 4, which has neither)."""
    insp = snap["inspection"]
    cert = insp["certificate"]
    moment = insp.get("inspected_at") or snap["report"]["signed_at"]
    shipment, validation = insp.get("shipment") or {}, insp.get("validation") or {}
    return qrseal.build_payload(
        certificate_number=cert["number"], carats=cert["carats"] or "0.00",
        value_usd=cert["value_usd"] or "0.00", parcels=len(insp["parcels"]),
        seals=[s["number"] for s in insp["seals"]], verdict=insp["verdict"] or "",
        monitor=snap["monitor"]["name"], date=str(moment)[:10], report_id=snap["report"]["id"],
        report_version=snap["report"]["version"], audit_seq=snap["report"]["audit"]["seq"],
        audit_head=snap["report"]["audit"]["head"], snapshot_sha256=snap_sha, kp2=kp2,
        container=str(shipment.get("container") or ""), validation_number=str(validation.get("number") or ""))


def seal_differences(payload: dict[str, Any], snap: dict[str, Any], snap_sha: str, *,
                     signer: str | None) -> list[str]:
    """What a QR seal's payload states differently from the snapshot it should summarise, by label.

    A KP2 payload (it states ``co`` and ``vn``; ``qrseal.decode_seal`` refuses one without them) is compared on
    the container and the validation number too. It names no monitor: its monitor is its signer, so ``signer``
    (the signer's CN, ``SealCheck.signer_name``) is compared with the snapshot's monitor instead.
    """
    kp2 = "co" in payload or "vn" in payload
    expected = seal_payload(snap, snap_sha, kp2=kp2)
    differing = [qrseal.PAYLOAD_LABELS.get(k, k) for k in expected if payload.get(k) != expected[k]]
    if kp2 and signer != snap["monitor"]["name"]:
        differing.append(qrseal.PAYLOAD_LABELS["mn"])
    return differing


def report_summary(snap: dict[str, Any], signer: str | None = None) -> dict[str, Any]:
    """What a verifier shows of a snapshot (``Verification.summary``).

    :param signer: the signing certificate's monitor (its common name): the monitor shown, since the signer is
        the certificate, whatever name the snapshot states (a verifier refuses one that differs).
    """
    insp = snap["inspection"]
    cert = insp["certificate"]
    return {"report_id": snap["report"]["id"], "report_version": snap["report"]["version"],
            "supersedes": snap["report"]["supersedes"], "signed_at": snap["report"]["signed_at"],
            "certificate_number": cert["number"], "exporter": cert["exporter"]["name"],
            "importer": cert["importer"]["name"], "carats": cert["carats"], "value_usd": cert["value_usd"],
            "parcels": len(insp["parcels"]), "seals": [s["number"] for s in insp["seals"]],
            "verdict": insp["verdict"], "monitor": signer or snap["monitor"]["name"],
            "audit": snap["report"]["audit"]}


def embedded_files(pdf: bytes) -> dict[str, bytes]:
    """The files attached to a PDF (the snapshot and the seal text), by name; empty when unreadable."""
    from pyhanko.pdf_utils.reader import PdfFileReader  # pyHanko is heavy: loaded by the first verification

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
        out: dict[str, bytes] = {}
        for i in range(0, len(names), 2):
            spec = names[i + 1].get_object()
            out[str(names[i])] = spec["/EF"]["/F"].get_object().data
        return out
    except Exception:  # a hostile PDF can break any step of this; the checks say what is missing
        return {}
