"""One kpmonitor home, opened: the core object the CLI and the GUI drive.

A ``Workspace`` is handed its paths (tests hand it a temporary home) and holds
the store, the photo vault, the reference tables and the settings. Operations
that cross modules — adding photos from files, validating an inspection —
live here so that the CLI and the GUI do the same thing the same way.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kpmonitor.domain.inspection import Inspection
from kpmonitor.errors import HomeError, PhotoError
from kpmonitor.fileio import write_atomic
from kpmonitor.paths import Paths
from kpmonitor.settings import Settings
from kpmonitor.store.db import Store, now

if TYPE_CHECKING:
    # Pillow (photos), the rules and the reference tables load when first used: opening a home to show its
    # list needs none of them.
    from kpmonitor.domain.reference import Reference
    from kpmonitor.evidence.photos import PhotoInfo, PhotoVault
    from kpmonitor.rules.kp import RuleContext
    from kpmonitor.rules.problems import Problem
    from kpmonitor.store.audit import Head

log = logging.getLogger(__name__)

ROLES = ("field", "hq")
# progress(done, total, text) → return False to cancel
Progress = Callable[[int, int, str], bool | None]


@dataclass(frozen=True)
class HomeInfo:
    role: str
    name: str
    device_id: str
    created_at: str
    format: int = 1
    # Headquarters on a PostgreSQL server: its URL (never with a password); empty: the home's own SQLite file.
    database: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"format": self.format, "role": self.role, "name": self.name,
                               "device_id": self.device_id, "created_at": self.created_at}
        if self.database:
            out["database"] = self.database
        return out


def read_home(paths: Paths) -> HomeInfo | None:
    """The home's identity, or None when ``init`` has not been run there."""
    try:
        doc = json.loads(paths.home_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise HomeError(f"The home file {paths.home_file} is damaged ({exc}).") from exc
    return HomeInfo(role=doc["role"], name=doc["name"], device_id=doc["device_id"],
                    created_at=doc["created_at"], format=doc.get("format", 1), database=str(doc.get("database") or ""))


def init_home(paths: Paths, role: str, name: str, passphrase: str | None = None, *, database: str = "") -> HomeInfo:
    """Create a home: directories, identity file, an empty store and, given a passphrase, its keys.

    A field home gets a device key with a self-signed certificate (until
    headquarters issues one); a headquarters home gets its root CA. ``database``: headquarters' PostgreSQL URL,
    recorded in the home's file (the caller made or joined the database there: ``hq.shared``).

    :raises HomeError: when the role is unknown, the name empty, or a home
        already exists there.
    """
    if role not in ROLES:
        raise HomeError(f"The role must be field or hq, not {role}.")
    if not name.strip():
        raise HomeError("Give the monitor's name (field) or the office's name (hq).")
    if read_home(paths) is not None:
        raise HomeError(f"A kpmonitor home already exists in {paths.data}.")
    if passphrase is not None:
        from kpmonitor.trust.keys import check_new_passphrase  # cryptography loads only when keys are made

        check_new_passphrase(passphrase)
    paths.ensure()
    if database and role != "hq":
        raise HomeError("Only a headquarters home keeps its records on a database server.")
    info = HomeInfo(role=role, name=name.strip(), device_id=uuid.uuid4().hex, created_at=now(), database=database)
    if passphrase is not None:
        create_identity(paths, info, passphrase)
    write_atomic(paths.home_file, json.dumps(info.to_json(), indent=2).encode("utf-8"))
    Store(paths.database, actor=info.name, device_id=info.device_id).close()
    return info


def create_identity(paths: Paths, info: HomeInfo, passphrase: str) -> None:
    """Make the home's signing identity: a device key (field) or the root CA (hq)."""
    from kpmonitor.trust.keys import Keyring

    keyring = Keyring(paths)
    if info.role == "hq":
        keyring.create_hq_identity(info.name, passphrase)
    else:
        keyring.create_field_identity(info.name, info.device_id, passphrase)


@dataclass
class PhotoAdded:
    path: Path
    info: PhotoInfo
    photo_id: str
    created: bool


@dataclass
class PhotoRefused:
    path: Path
    reason: str


def _make_private(paths: Paths) -> None:
    """Tighten a home that others could read (made by an older kpmonitor, or copied), and log that it was done."""
    changed, failed = paths.make_private()
    if changed or failed:
        from kpmonitor.logsetup import setup_logging  # the desktop app sets its log up after the list shows

        setup_logging(paths)

    def listed(items: list[Path]) -> str:
        return ", ".join(str(p) for p in items[:5]) + (f" and {len(items) - 5} more" if len(items) > 5 else "")

    if changed:
        log.warning("made %d of the home's folders and files private (other local users could read them): %s",
                    len(changed), listed(changed))
    if failed:
        log.warning("could not make %d of the home's folders and files private (%s): %s", len(failed),
                    failed[0][1], listed([path for path, _why in failed]))


class Workspace:
    """An opened home. Use as a context manager, or call ``close()``."""

    def __init__(self, paths: Paths, *, reference: Reference | None = None) -> None:
        info = read_home(paths)
        if info is None:
            raise HomeError(f"There is no kpmonitor home in {paths.data}; run “kpmonitor init” first.")
        self.paths = paths
        self.home = info
        paths.ensure()
        _make_private(paths)
        self.settings = Settings(paths.settings_file)
        if reference is not None:
            self.reference = reference
        self.actor = str(self.settings.get("actor") or info.name)
        # What the last commit's validation found, for the caller that made the change (``checked``).
        self._checked: dict[str, tuple[Head, str, Inspection, list[Problem]]] = {}
        self._fingerprint: tuple[object, str] | None = None
        self.store = Store(paths.database, actor=self.actor, device_id=info.device_id,
                           committed=self._validate_committed)
        # What the layers above keep open for this home and close with it (headquarters' database connection:
        # ``hq.store.hq_store``), by name.
        self.attached: dict[str, Any] = {}

    def close(self) -> None:
        try:
            for resource in self.attached.values():
                try:
                    resource.close()
                except Exception:  # one that fails to close must not keep the others, or the store, open
                    log.exception("could not close %r", resource)
        finally:
            self.attached.clear()
            self.store.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def role(self) -> str:
        return self.home.role

    @cached_property
    def reference(self) -> Reference:
        """The reference tables, shipped and as headquarters updated them (given, or read when first used).

        The list needs none of them (a country's name is a tool tip): the desktop application shows it
        first and reads them just after (``gui.app.warm_up``).

        :raises KPError: naming the file and line of a malformed row (``Reference.load``).
        """
        from kpmonitor.domain.reference import Reference

        return Reference.load(self.paths.reference_overrides)

    @cached_property
    def vault(self) -> PhotoVault:
        """The home's photos: originals by content, and their thumbnails."""
        from kpmonitor.evidence.photos import PhotoVault

        return PhotoVault(self.paths.originals, self.paths.thumbnails,
                          max_pixels=int(self.settings.get("max_photo_megapixels")) * 1_000_000)

    # --- rules -------------------------------------------------------------------------------

    def rule_context(self, inspection_id: str | None = None, *, settings: Settings | None = None) -> RuleContext:
        """The rules as this home judges, with its settings (or ``settings``: headquarters' shared ones)."""
        from kpmonitor.rules.kp import RuleContext

        chosen = self.settings if settings is None else settings
        return RuleContext(
            reference=self.reference,
            tolerance_hundredths=int(chosen.decimal("weight_tolerance_ct") * 100),
            tolerance_pct=chosen.decimal("weight_tolerance_pct"),
            eu_max_validity_days=int(chosen.get("eu_max_validity_days")),
            photo_span_hours=int(chosen.get("photo_span_hours")),
            photo_distance_km=chosen.decimal("photo_distance_km"),
            valuation_tolerance_pct=chosen.decimal("valuation_tolerance_pct"),
            sealing_to_signing_hours=int(chosen.get("sealing_to_signing_hours")),
            # In the field a draft is judged as if signed now, so the warning of a late signature is seen, and
            # acknowledged, before signing; headquarters judges each report at its own signed_at instead.
            signing_at=now() if self.role == "field" else None,
            seal_used_elsewhere=lambda number: self.store.seal_used_elsewhere(number, inspection_id),
        )

    def validate(self, insp: Inspection) -> list[Problem]:
        """Every problem of an inspection, stored or not."""
        from kpmonitor.rules.kp import check

        return check(insp, self.rule_context(insp.id))

    def inspection_from_document(self, doc: Any, *, replacing: str | None = None) -> tuple[Inspection, list[Problem]]:
        """Read a JSON document (``new --from-json``, ``edit --from-json``) and check it whole.

        A document describes a complete shipment: every error refuses it, warnings (and acceptable
        errors, ``Problem.acceptable``) come back to be stored and shown.

        :param replacing: the draft the document will replace: the rules then see it as that draft
            (its own seals are no reuse, nor those of the report it amends).
        :returns: the inspection and its warnings.
        :raises ValidationError: with every error, parse and rule alike; nothing is stored.
        """
        from kpmonitor.domain.inspection import from_document
        from kpmonitor.rules.problems import Problem, Severity, ValidationError

        insp, parse_problems = from_document(doc)
        if replacing is not None:
            current = self.store.get(replacing)
            insp.id, insp.supersedes, insp.amend_reason = current.id, current.supersedes, current.amend_reason
        problems = [Problem(Severity.ERROR, path, "parse", message) for path, message in parse_problems]
        problems += self.validate(insp)
        # An acceptable error (an expired certificate) is recorded, as a warning is: a document carries no
        # acknowledgement, so the monitor accepts it, with the reason, on the stored draft.
        errors = [p for p in problems if p.is_error and not p.acceptable]
        if errors:
            raise ValidationError(errors)
        return insp, problems

    def rules_fingerprint(self) -> str:
        """``RuleContext.fingerprint`` of this home's rules now (made again only when a setting changed)."""
        ctx = self.rule_context()
        key = (ctx.tolerance_hundredths, str(ctx.tolerance_pct), ctx.eu_max_validity_days, ctx.photo_span_hours,
               str(ctx.photo_distance_km), id(ctx.reference))
        if self._fingerprint is None or self._fingerprint[0] != key:
            self._fingerprint = (key, ctx.fingerprint())
        return self._fingerprint[1]

    def _count(self, inspection_id: str) -> tuple[Inspection, list[Problem]]:
        """Validate one stored inspection and record the list's counts for it."""
        from kpmonitor.rules.problems import open_errors, unacknowledged

        insp = self.store.get(inspection_id)
        problems = self.validate(insp)
        errors = len(open_errors(problems, insp))
        self.store.set_validation(inspection_id, errors, len(unacknowledged(problems, insp)), self.rules_fingerprint())
        return insp, problems

    def _validate_committed(self, inspection_ids: set[str]) -> None:
        """After a write committed: validate each changed inspection once and store the list's counts.

        Validation runs here, outside the write transaction, and its result is kept for ``checked``
        so that the editor, reloading after its own change, does not validate a second time.
        """
        self._checked.clear()  # only this commit's results are current
        head = self.store.audit_head()
        for inspection_id in inspection_ids:
            try:
                insp, problems = self._count(inspection_id)
            except Exception:  # the change itself is stored; the count is made again later (revalidate_stale)
                log.exception("validating inspection %s after a change failed", inspection_id)
                continue
            self._checked[inspection_id] = (head, self.rules_fingerprint(), insp, problems)

    def checked(self, inspection_id: str) -> tuple[Inspection, list[Problem]]:
        """The inspection as stored and its problems: from the last commit's validation when that commit
        changed it and nothing (another writer, a setting) changed since; else read and validated now."""
        found = self._checked.pop(inspection_id, None)
        if found is not None:
            head, rules, insp, problems = found
            if head == self.store.audit_head() and rules == self.rules_fingerprint():
                return insp, problems
        insp = self.store.get(inspection_id)
        return insp, self.validate(insp)

    def revalidate_stale(self, limit: int | None = None) -> int:
        """Make again the list's counts that are missing, older than their inspection's last change (a
        crash between a commit and its count) or made under other rules (a changed setting or table).

        :param limit: at most this many (the GUI spreads the work over idle moments); None for all.
        :returns: how many were made.
        """
        stale = self.store.stale_validations(self.rules_fingerprint())
        done = 0
        for inspection_id in stale[:limit]:
            try:
                self._count(inspection_id)
            except Exception:
                log.exception("validating inspection %s failed", inspection_id)
            done += 1
        return done

    # --- photos ------------------------------------------------------------------------------

    def add_photos(self, inspection_id: str, files: Iterable[Path], *, parcel: str | None = None,
                   seal: str | None = None, caption: str = "",
                   progress: Progress | None = None) -> tuple[list[PhotoAdded], list[PhotoRefused]]:
        """Add photo files (folders are searched for images) to an inspection.

        Each photo is verified, its original bytes written to the vault
        (fsynced) before its row commits; a refused file is reported with
        the reason and leaves nothing behind; the others go on.

        :param progress: ``progress(done, total, text)``; returning False cancels
            before the next file (files already added stay added).
        """
        parcel_id = self.store.parcel_id(inspection_id, parcel) if parcel else None
        seal_id = self.store.seal_id(inspection_id, seal) if seal else None
        self.store.require_draft(inspection_id)
        from kpmonitor.evidence.photos import iter_image_files

        paths = iter_image_files(files)
        added: list[PhotoAdded] = []
        refused: list[PhotoRefused] = []
        for i, path in enumerate(paths):
            if progress is not None and progress(i, len(paths), path.name) is False:
                break
            try:
                info = self.vault.ingest(path)
            except PhotoError as exc:
                refused.append(PhotoRefused(path, exc.message))
                continue
            photo_id, created = self.attach_photo(inspection_id, info, caption=caption, parcel_id=parcel_id,
                                                  seal_id=seal_id)
            added.append(PhotoAdded(path, info, photo_id, created))
        else:
            if progress is not None:
                progress(len(paths), len(paths), "")
        return added, refused

    def attach_photo(self, inspection_id: str, info: PhotoInfo, *, caption: str = "",
                     parcel_id: str | None = None, seal_id: str | None = None) -> tuple[str, bool]:
        """Record a photo already in the vault on an inspection; ``(photo id, created)``."""
        return self.store.add_photo(
            inspection_id, sha256=info.sha256, original_name=info.original_name, format=info.format,
            width=info.width, height=info.height, size=info.size, taken_at=info.taken_at,
            gps_lat=info.gps_lat, gps_lon=info.gps_lon, caption=caption, parcel_id=parcel_id, seal_id=seal_id)

    def inspection(self, id_or_prefix: str) -> Inspection:
        """Load an inspection by id or unique id prefix."""
        return self.store.get(self.store.resolve(id_or_prefix))
