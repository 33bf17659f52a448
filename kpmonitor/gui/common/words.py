"""How the core's stored values read on screen, translatable.

The store keeps stable English codes (``verified_intact``, ``bag``,
``major``); these functions give the words a monitor reads, through
``QCoreApplication.translate`` so that a translation can replace them.
An unknown value (a newer file) is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("words", text)


def event_label(kind: str) -> str:
    return {
        "applied": _t("Applied"), "verified_intact": _t("Verified intact"), "broken": _t("Broken"),
        "number_mismatch": _t("Number mismatch"), "missing": _t("Missing"),
    }.get(str(kind), str(kind))


def seal_type_label(kind: str) -> str:
    return {
        "bag": _t("bag"), "tape": _t("tape"), "bolt": _t("bolt"), "cable": _t("cable"), "wire": _t("wire"),
        "padlock": _t("padlock"), "label": _t("label"), "strap": _t("strap"), "other": _t("other"),
    }.get(kind, kind)


def iso_class_label(cls: str) -> str:
    return {"I": _t("I — indicative"), "S": _t("S — security"), "H": _t("H — high security")}.get(cls, cls)


def severity_label(severity: str) -> str:
    return {"info": _t("info"), "minor": _t("minor"), "major": _t("major"),
            "critical": _t("critical")}.get(str(severity), str(severity))


def role_label(role: str) -> str:
    """A home's role (``field``, ``hq``) as the status bar names it."""
    return {"field": _t("field"), "hq": _t("headquarters")}.get(role, role)


def verdict_label(verdict: str | None) -> str:
    if not verdict:
        return _t("none")
    return {"certified": _t("Certified for export"), "not_certified": _t("Not certified"),
            "held": _t("Held pending")}.get(str(verdict), str(verdict))


def check_label(name: str) -> str:
    """A verification check's name (the core's stable English key) as the screen says it."""
    return {
        "signature intact": _t("Signature intact"),
        "covers the whole file": _t("Signature covers the whole file"),
        "certified, no changes permitted": _t("Certified, no changes permitted"),
        "issued by headquarters": _t("Issued by headquarters"),
        "certificate within its validity period": _t("Certificate within its validity period"),
        "not revoked": _t("Not revoked"),
        "report snapshot attached": _t("Report snapshot attached"),
        "QR seal signature": _t("QR seal signature"),
        "QR seal and PDF signed by the same monitor": _t("QR seal and PDF signed by the same monitor"),
        "QR seal matches the report": _t("QR seal matches the report"),
        "recognised": _t("Recognised as a report"),
        # a bundle's checks
        "readable bundle": _t("Readable bundle"),
        "manifest signature": _t("Manifest signature"),
        "files match the manifest": _t("Files match the manifest"),
        "snapshot schema": _t("Snapshot follows the report format"),
        "snapshot matches the manifest": _t("Snapshot matches the manifest"),
        "certificate names the signer": _t("Certificate names the signer"),
        "photos match the snapshot": _t("Photos match the snapshot"),
        "PDF signature": _t("PDF signature"),
        "PDF carries the snapshot": _t("PDF carries the snapshot"),
    }.get(name, name[:1].upper() + name[1:])
