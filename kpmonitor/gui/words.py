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
