"""Settings, each declared once with its default.

A missing key takes its default; an unknown key is kept (a newer version may
have written it); a corrupt file is reported in the log and the defaults are
used, so a damaged settings file never stops a monitor from working.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from kpmonitor.fileio import write_atomic

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    doc: str


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("weight_tolerance_ct", "0.02",
                "Weighed vs declared carats: a difference up to this many carats is not a finding."),
        Setting("weight_tolerance_pct", "0.02",
                "…or up to this percentage of the declared carats, whichever is larger."),
        Setting("eu_max_validity_days", 61, "EU certificates: warn when valid longer than two months."),
        Setting("photo_span_hours", 48,
                "A photo taken more than this many hours before or after the inspection is a warning."),
        Setting("photo_distance_km", 25,
                "A photo taken further than this many kilometres from the site's position is a warning."),
        Setting("valuation_tolerance_pct", "5",
                "The valuator's figure differing from the declared value by more than this percentage is a "
                "warning. Valuers' own figures for one parcel differ by a few per cent (assortment and price book "
                "judgement); past 5 % the gap is the undervaluation or overvaluation a monitor is there to see."),
        Setting("sealing_to_signing_hours", 48,
                "Signing the report more than this many hours after the container was sealed is a warning: the "
                "monitor certifies a shipment before it leaves, and a sealed container waits for its flight a "
                "day or two, not more."),
        Setting("max_photo_megapixels", 100, "Photos larger than this are refused as decompression bombs."),
        Setting("paper_size", "A4", "Report paper: A4 or Letter."),
        Setting("language", "", "The language of the screens: en, fr or pt; empty follows the system's language."),
        Setting("actor", "", "Name written into the audit log; defaults to the home's name."),
        Setting("hq_confirmation_days", 30,
                "Headquarters: a certified report whose receipt the importing authority has not confirmed this "
                "many days after its signing is an anomaly. The KPCS asks the importing authority to confirm "
                "receipt (certificate number, parcels, carats, importer, exporter) but sets no deadline; 30 days "
                "leaves room for the flight, customs and the confirmation's own way back."),
    )
}


class Settings:
    """Settings of one home, backed by a JSON file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._values: dict[str, Any] = {}
        self.load_error: str | None = None
        if path.exists():
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"))
                if not isinstance(loaded, dict):
                    raise ValueError("not a JSON object")
                self._values = loaded
            except (OSError, ValueError) as exc:
                self.load_error = f"The settings file {path.name} could not be read ({exc}); defaults are used."
                log.warning(self.load_error)

    def get(self, key: str) -> Any:
        setting = SETTINGS[key]
        return self._values.get(key, setting.default)

    def decimal(self, key: str) -> Decimal:
        try:
            return Decimal(str(self.get(key)))
        except InvalidOperation:
            log.warning("Setting %s is not a number; using its default", key)
            return Decimal(str(SETTINGS[key].default))

    def overlaid(self, values: Mapping[str, Any]) -> Settings:
        """These settings with ``values`` over them (known keys only), in memory: never written to the file
        (headquarters' shared judging settings, ``hq.shared.judging_settings``)."""
        copy = Settings.__new__(Settings)
        copy.path, copy.load_error = self.path, self.load_error
        copy._values = {**self._values, **{k: v for k, v in values.items() if k in SETTINGS}}
        return copy

    def set(self, key: str, value: Any) -> None:
        if key not in SETTINGS:
            raise KeyError(key)
        self._values[key] = value
        write_atomic(self.path, json.dumps(self._values, indent=2, sort_keys=True).encode("utf-8"))
