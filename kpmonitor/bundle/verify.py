"""Checking a bundle completely: its manifest, its signer, its files, its snapshot, photos, PDF and seal.

``verify_bundle`` is what headquarters' import runs before anything is written; ``verify_bundle_data``
and ``verify_bundle_file`` give the same checks as a ``Verification`` for ``kpmonitor verify``. The
archive's form is ``bundle.format``; each check below is a step of its own, run in a fixed order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from kpmonitor.bundle.format import (
    CERTS_NAME,
    FORMAT,
    FORMATS,
    LIMITS,
    MANIFEST_NAME,
    PDF_NAME,
    PHOTO_DIR,
    SIGNATURE_NAME,
    SNAPSHOT_FORMATS_OF,
    SNAPSHOT_NAME,
    BundleError,
    Limits,
    entry_matches,
    manifest_problems,
    open_bundle,
    parse_moment,
    photo_entry,
    show_name,
    snapshot_problems,
    strict_json,
)
from kpmonitor.domain.moments import show_moment
from kpmonitor.errors import FileRefused, KPError
from kpmonitor.fileio import read_regular
from kpmonitor.history.checkpoint import CheckedHistory, check_history
from kpmonitor.i18n import _, ngettext
from kpmonitor.report.contents import (
    SEAL_ATTACHMENT,
    SNAPSHOT_ATTACHMENT,
    embedded_files,
    report_summary,
    seal_differences,
)
from kpmonitor.report.manifest import signature_valid
from kpmonitor.report.snapshot import snapshot_bytes
from kpmonitor.report.verification import Verification
from kpmonitor.report.verify import SIGNER_CHECK, chain_checks, same_certificate, signer_checked
from kpmonitor.store.audit import canonical
from kpmonitor.trust import identity, pdfsign, qrseal
from kpmonitor.trust.note import NoteError

log = logging.getLogger(__name__)


@dataclass
class VerifiedBundle:
    """A bundle read and checked: every check, and its parts for an import."""

    verification: Verification
    bundle_sha256: str
    manifest: dict[str, Any] = field(default_factory=dict)
    manifest_bytes: bytes = b""
    manifest_sig: str = ""
    manifest_sha256: str = ""
    snapshot: dict[str, Any] = field(default_factory=dict)
    snapshot_bytes: bytes = b""
    pdf: memoryview | bytes = b""
    photos: dict[str, memoryview] = field(default_factory=dict)  # sha256 → original bytes
    certs_pem: str = ""
    signer: x509.Certificate | None = None
    history: CheckedHistory | None = None  # the device's checkpoint (format 3), checked on its own

    @property
    def ok(self) -> bool:
        return bool(self.verification.ok)

    @property
    def refusal(self) -> str:
        """The first failed check's sentence."""
        failed = [c for c in self.verification.checks if not c.ok]
        return str(failed[0].detail) if failed else ""

    @property
    def manifest_pdf_sha256(self) -> str:
        """The signed PDF's SHA-256 as the manifest lists it."""
        for item in self.manifest.get("files") or []:
            if isinstance(item, dict) and item.get("path") == PDF_NAME:
                return str(item.get("sha256"))
        return ""

    @property
    def report_id(self) -> str:
        report = self.manifest.get("report") if isinstance(self.manifest, dict) else None
        return str(report.get("id") or "") if isinstance(report, dict) else ""


class _Stopped(Exception):
    """A check failed and no later check is to run."""


@dataclass
class _Run:
    """One bundle being checked: its files, what the steps found so far, and how a failure ends the run."""

    result: VerifiedBundle
    files: dict[str, memoryview]
    root: x509.Certificate | None
    crl: x509.CertificateRevocationList | None
    stop_early: bool
    now: dt.datetime | None
    certs: list[x509.Certificate] = field(default_factory=list)
    leaf: x509.Certificate | None = None  # the certificate that signed the manifest, when it is in the bundle
    signed_at: dt.datetime | None = None
    listed: dict[str, Any] = field(default_factory=dict)  # the manifest's files, by path
    snap: Any = None  # the snapshot, once it passed its checks
    enrolment: identity.Enrolment | None = None  # headquarters' records of the keys it certified (at headquarters)

    @property
    def v(self) -> Verification:
        return self.result.verification

    @property
    def manifest(self) -> dict[str, Any]:
        return self.result.manifest

    def fail(self, name: str, detail: str, *, last: bool = False) -> None:
        """Record a failed check; with ``stop_early`` (an import needs only one reason), or ``last``, stop."""
        self.v.add(name, False, detail)
        if last or self.stop_early:
            raise _Stopped


def verify_bundle(data: bytes, root: x509.Certificate | None, crl: x509.CertificateRevocationList | None, *,
                  limits: Limits = LIMITS, stop_early: bool = False, bundle_sha256: str | None = None,
                  now: dt.datetime | None = None, enrolment: identity.Enrolment | None = None) -> VerifiedBundle:
    """Check a bundle completely, against headquarters' ``root`` and revocation list ``crl``.

    The archive's form is checked first (``open_bundle``: names, links, zip
    bombs, layout) and a refusal there raises. Then, each a check of the
    returned verification: the manifest's signature, the signer's chain to
    ``root`` and its revocation, every file's size and hash and that the
    manifest lists exactly the files present, the snapshot's schema and its
    agreement with the manifest, that the certificate is its signer (one
    device, the report's; its monitor, the report's; the report id that
    device's own), the photos, the PDF's
    signature and the snapshot it carries, and the QR seal it carries.
    Certificates are judged at the signing time the manifest states, so a
    report signed shortly before a certificate expired still imports;
    revocation is honoured whatever the time.

    :param stop_early: stop at the first failed check (an import needs only one reason).
    :param enrolment: headquarters' records of the keys it certified: with them a self-signed signer whose key
        headquarters certified since is vouched for, signed before enrolment (``identity.enrolled_as``).
    :raises BundleError: when the archive itself is refused.
    """
    sha = bundle_sha256 or hashlib.sha256(data).hexdigest()
    result = VerifiedBundle(Verification("bundle"), sha)
    run = _Run(result, open_bundle(data, limits), root, crl, stop_early, now, enrolment=enrolment)
    _read_manifest(run)
    try:
        for step in (_check_manifest_signature, _check_signing_time, _check_chain, _check_files, _check_snapshot,
                     _check_snapshot_story, _check_signer, _check_history, _check_photos, _check_pdf,
                     _check_pdf_contents):
            step(run)
    except _Stopped:
        pass
    return result


def _read_manifest(run: _Run) -> None:
    """The manifest: present, the canonical JSON of this format, well-formed; else the bundle is refused."""
    files, result = run.files, run.result
    if MANIFEST_NAME not in files or SIGNATURE_NAME not in files:
        raise BundleError(_("The bundle has no signed manifest (manifest.json and manifest.sig); it is not a "
                            "kpmonitor bundle."))
    manifest_view = files[MANIFEST_NAME]
    try:
        manifest = strict_json(manifest_view)
        if canonical(manifest).encode("utf-8") != manifest_view:
            raise ValueError("not canonical")
    except (ValueError, UnicodeDecodeError) as exc:
        raise BundleError(_("The bundle's manifest is damaged: it is not the JSON kpmonitor writes.")) from exc
    if isinstance(manifest, dict) and manifest.get("format") not in FORMATS:
        raise BundleError(_("The bundle is of format {format}; this kpmonitor reads {formats}. Update "
                            "kpmonitor.").format(format=repr(str(manifest.get("format"))[:40]),
                                                 formats=", ".join(FORMATS)))
    shape = manifest_problems(manifest)
    if shape:
        raise BundleError(shape[0])
    result.manifest = manifest
    result.manifest_bytes = bytes(manifest_view)
    result.manifest_sha256 = hashlib.sha256(manifest_view).hexdigest()
    result.manifest_sig = bytes(files[SIGNATURE_NAME]).decode("ascii", "replace")


def _check_manifest_signature(run: _Run) -> None:
    """Who signed the manifest: their certificate is in the bundle, and the signature holds."""
    files = run.files
    if CERTS_NAME in files:
        try:
            run.certs = identity.load_certs(bytes(files[CERTS_NAME]))
        except (KPError, ValueError):
            run.certs = []
    wanted = run.manifest["signer"]["certificate_sha256"]
    leaf = run.leaf = next((c for c in run.certs if identity.fingerprint(c) == wanted), None)
    if leaf is None:
        run.fail("manifest signature", _("The certificate that signed the manifest is not in the bundle: "
                                         "certs.pem was altered, replaced or removed."))
        return
    run.result.signer = leaf
    run.result.certs_pem = bytes(files[CERTS_NAME]).decode("ascii", "replace")
    run.v.signer = identity.certificate_summary(leaf)
    if signature_valid(leaf, files[MANIFEST_NAME], files[SIGNATURE_NAME]):
        run.v.add("manifest signature", True, _("The manifest is signed by the monitor's device key."))
    else:
        run.fail("manifest signature", _("The manifest's signature does not match it: the manifest was altered "
                                         "or the signature damaged."))


def _check_signing_time(run: _Run) -> None:
    """A report cannot be signed in the future (a day's leeway for clocks and time zones)."""
    report = run.manifest["report"]
    run.signed_at = signed_at = parse_moment(report["signed_at"])
    assert signed_at is not None  # manifest_problems checked it
    moment = run.now or dt.datetime.now(dt.UTC)
    if signed_at > moment + dt.timedelta(days=1):
        run.fail("signing time", _("The report claims to be signed on {moment}, in the future: the device's clock "
                                   "is wrong or the report is forged.").format(
                                       moment=show_moment(report["signed_at"])))


def _check_chain(run: _Run) -> None:
    """The signer's certificate chains to headquarters' root, at the signing time, and is not revoked."""
    leaf = run.leaf
    if leaf is None:
        return
    if run.root is None:
        run.fail("issued by headquarters", _("No headquarters root certificate is installed in this home."))
        return
    try:
        chain = identity.check_chain(leaf, [c for c in run.certs if c is not leaf], run.root, run.crl,
                                     run.signed_at, now=run.now, enrolment=run.enrolment)
    except Exception:  # a hostile certificate can break parsing of its extensions
        log.debug("chain check failed", exc_info=True)
        chain = None
    if chain is None:
        run.fail("issued by headquarters", _("The signing certificate in the bundle cannot be read."))
        return
    # Each chain problem fails the check it concerns (the validity period judged at the signing time,
    # the revocation list's freshness at the time of verifying).
    failed = chain_checks(run.v, chain, run.crl is not None)
    if run.crl is None:
        run.v.warnings.append(_("Revocation was not checked: this home has no revocation list."))
    if failed and run.stop_early:
        raise _Stopped


def _check_files(run: _Run) -> None:
    """Every file present is listed, every listed file is present, with its size and hash."""
    files = run.files
    listed = run.listed = {str(item["path"]): item for item in run.manifest["files"]}
    present = set(files) - {MANIFEST_NAME, SIGNATURE_NAME}
    extra = sorted(present - set(listed))
    missing = sorted(set(listed) - present)
    wrong = [path for path in sorted(set(listed) & present) if not entry_matches(listed[path], files[path])]
    if extra:
        run.fail("files match the manifest", _("The bundle holds {file}, which its manifest does not list: a file "
                                               "was added.").format(file=show_name(extra[0])))
    elif missing:
        run.fail("files match the manifest", _("The manifest lists {file}, which is missing from the "
                                               "bundle.").format(file=show_name(missing[0])))
    elif wrong:
        path = wrong[0]
        size, signed_size = len(files[path]), listed[path]["size"]
        run.fail("files match the manifest",
                 _("{file} is {size} bytes, not the {signed_size} the signed manifest lists: it was truncated, "
                   "padded or replaced.").format(file=path, size=f"{size:,}", signed_size=f"{signed_size:,}")
                 if size != signed_size else
                 _("{file} was altered: it does not match its SHA-256 in the signed manifest.").format(file=path))
    else:
        run.v.add("files match the manifest", True, ngettext(
            "All {count} file is present, listed and unaltered.", "All {count} files are present, listed and "
            "unaltered.", len(listed)).format(count=len(listed)))


def _check_snapshot(run: _Run) -> None:
    """The snapshot: the one the manifest names, canonical, and of the schema this kpmonitor reads."""
    manifest, result = run.manifest, run.result
    snap_view = run.files.get(SNAPSHOT_NAME)
    if snap_view is None or run.listed.get(SNAPSHOT_NAME, {}).get("sha256") != manifest["snapshot_sha256"]:
        run.fail("snapshot schema", _("The bundle's snapshot is not the one its manifest names."))
        return
    try:
        snap = strict_json(snap_view)
        if snapshot_bytes(snap) != snap_view:
            raise ValueError("not canonical")
        problems = snapshot_problems(snap)
    except (ValueError, UnicodeDecodeError):
        problems = [_("The snapshot is not the canonical JSON kpmonitor writes.")]
    if problems:
        run.fail("snapshot schema", problems[0])
        return
    run.snap = snap
    run.v.add("snapshot schema", True, _("The snapshot follows {format}.").format(format=snap["format"]))
    result.snapshot = snap
    result.snapshot_bytes = bytes(snap_view)
    run.v.summary = report_summary(snap, run.v.signer.get("name"))
    run.v.summary["snapshot_sha256"] = manifest["snapshot_sha256"]


def _check_snapshot_story(run: _Run) -> None:
    """The snapshot tells the manifest's story: the same format, report, device, audit head and certificate."""
    snap, report = run.snap, run.manifest["report"]
    if snap is None:
        return
    differing = [k for k in ("id", "id_nonce", "version", "supersedes", "supersedes_version", "signed_at",
                             "device_id", "device_seq", "audit") if snap["report"].get(k) != report.get(k)]
    if snap["format"] not in SNAPSHOT_FORMATS_OF[run.manifest["format"]]:
        differing.insert(0, "the format")
    if run.leaf is not None and snap["monitor"]["certificate_serial"] != identity.format_serial(
            run.leaf.serial_number):
        differing.append("the signer's certificate")
    if not differing:
        run.v.add("snapshot matches the manifest", True, _("The snapshot and the manifest describe the same "
                                                           "report, device and audit head."))
    else:
        run.fail("snapshot matches the manifest", _("The snapshot and the manifest disagree on: {fields}.").format(
            fields=", ".join(d.replace("_", " ") for d in differing)))


def _check_signer(run: _Run) -> None:
    """The certificate is the report's signer: it names one device, the report's, and its monitor, the report's;
    the report id is that device's own (a format 1 report is noted: its id cannot be told)."""
    if run.snap is None or run.leaf is None:
        return
    detail, ok, note = signer_checked(run.leaf, run.snap)
    if note:
        run.v.warnings.append(note)
    if ok:
        run.v.add(SIGNER_CHECK, True, detail)
    else:
        run.fail(SIGNER_CHECK, detail)


HISTORY_CHECK = "history checkpoint"


def _check_history(run: _Run) -> None:
    """The device's signed checkpoint of its audit log ends at the report's audit head and proves what it
    extends (format 3); whether it extends what headquarters holds is the import's to judge (``hq.history``)."""
    if run.snap is None or run.leaf is None:
        return
    if run.manifest["format"] != FORMAT:
        run.v.warnings.append(_("This report was signed before devices signed checkpoints of their history "
                                "({format}): its history cannot be checked.").format(format=run.manifest["format"]))
        return
    public_key = run.leaf.public_key()
    if not isinstance(public_key, ec.EllipticCurvePublicKey):
        run.fail(HISTORY_CHECK, _("The signing certificate's key is not an ECDSA P-256 key."))
        return
    try:
        checked = check_history(run.manifest["history"], public_key, str(run.snap["report"]["device_id"]),
                                run.manifest["report"]["audit"])
    except NoteError as exc:
        run.fail(HISTORY_CHECK, str(exc))
        return
    run.result.history = checked
    run.v.add(HISTORY_CHECK, True, ngettext(
        "The device signed a checkpoint of its history at audit event {event}, ending at the report's audit head, "
        "with {count} proof that it extends its earlier checkpoints.",
        "The device signed a checkpoint of its history at audit event {event}, ending at the report's audit head, "
        "with {count} proofs that it extends its earlier checkpoints.", len(checked.claims)).format(
            event=checked.checkpoint.size, count=len(checked.claims)))


def _looks_like(fmt: str, data: bytes | memoryview) -> bool:
    """Whether a photo's first bytes are those of its format (the field's vault decoded it in full)."""
    head = bytes(data[:12])
    if fmt.upper() == "JPEG":
        return head.startswith(b"\xff\xd8\xff")
    if fmt.upper() == "PNG":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if fmt.upper() == "HEIF":
        return head[4:8] == b"ftyp"
    return False


def _check_photos(run: _Run) -> None:
    """Photos: exactly the snapshot's, each stored under its own hash, each the image the report describes."""
    snap, files, listed = run.snap, run.files, run.listed
    if snap is None:
        return
    wanted = {str(p["sha256"]): str(p["format"]) for p in snap["inspection"]["photos"]}
    photos = {name[len(PHOTO_DIR):].split(".")[0]: (name, files[name]) for name in files
              if name.startswith(PHOTO_DIR)}
    lacking = sorted(set(wanted) - set(photos))
    unknown = sorted(set(photos) - set(wanted))
    misnamed = [sha for sha, (name, data) in photos.items()
                if sha in wanted and (name != photo_entry(sha, wanted[sha])
                                      or listed.get(name, {}).get("sha256") != sha)]
    sizes = {str(p["sha256"]): p["size"] for p in snap["inspection"]["photos"]}
    not_images = [sha for sha, (_name, data) in photos.items()
                  if sha in wanted and (not _looks_like(wanted[sha], data) or sizes[sha] != len(data))]
    if lacking:
        run.fail("photos match the snapshot", _("Photo {photo} of the report is missing from the bundle.").format(
            photo=lacking[0][:12]))
    elif unknown:
        run.fail("photos match the snapshot", _("The bundle holds photo {photo}, which the report does not "
                                                "list.").format(photo=unknown[0][:12]))
    elif misnamed:
        run.fail("photos match the snapshot", _("Photo {photo} is stored under a name that is not its own "
                                                "hash.").format(photo=misnamed[0][:12]))
    elif not_images:
        sha = not_images[0]
        run.fail("photos match the snapshot", _("Photo {photo} is not the {format} image of {size} bytes the "
                                                "report describes.").format(photo=sha[:12], format=wanted[sha],
                                                                            size=f"{sizes[sha]:,}"))
    else:
        run.v.add("photos match the snapshot", True, _("The report has no photos.") if not wanted else
                  ngettext("The report's {count} photo is here, unaltered.",
                           "The report's {count} photos are here, unaltered.", len(wanted)).format(count=len(wanted)))
        run.result.photos = {sha: data for sha, (_name, data) in photos.items()}


def _check_pdf(run: _Run) -> None:
    """The PDF: its certification signature holds, covers the whole file, by the manifest's signer."""
    pdf_view = run.files.get(PDF_NAME)
    if pdf_view is None:
        run.fail("PDF signature", _("The bundle has no report PDF."), last=True)
        return
    pdf = bytes(pdf_view)
    run.result.pdf = pdf
    check = pdfsign.verify_pdf(pdf, run.root, run.crl, run.signed_at)
    pdf_intact = check.intact and check.signature_valid and check.covers_whole_file and check.certified_no_changes
    # Trust was judged above on the manifest's certificate; here only the PDF's own problems count.
    own = [p for p in check.problems if check.chain is None or p not in check.chain.problems]
    if not pdf_intact or own or check.signer_cert is None:
        run.fail("PDF signature", own[0] if own else _("The PDF's signature is not valid."))
    elif run.leaf is not None and not same_certificate(check.signer_cert, run.leaf):
        run.fail("PDF signature", _("The PDF was signed with another certificate than the manifest."))
    else:
        run.v.add("PDF signature", True, _("The PDF's certification signature is intact, covers the whole file "
                                           "and was made by the same certificate."))


def _check_pdf_contents(run: _Run) -> None:
    """What the signed PDF carries: exactly this snapshot, and a QR seal by the same signer that agrees."""
    snap, result = run.snap, run.result
    if snap is None:
        return
    attached = embedded_files(bytes(result.pdf))
    if attached.get(SNAPSHOT_ATTACHMENT) != result.snapshot_bytes:
        run.fail("PDF carries the snapshot", _("The snapshot attached to the signed PDF is not the bundle's snapshot."))
    else:
        run.v.add("PDF carries the snapshot", True, _("The signed PDF carries exactly this snapshot."))
    # The seal text attached to the PDF is the text the page's QR code was drawn from, under the same
    # signature; `kpmonitor verify` on the PDF also scans the printed code. Rendering every page to scan it
    # would multiply the cost of an import several times over for no stronger guarantee.
    seal_text = attached.get(SEAL_ATTACHMENT, b"").decode("ascii", "replace")
    # The manifest's certificate is the seal's signer: a KP2 seal names it by key id only, and this is the
    # certificate it must name (``certificate=``); a KP1 seal still carries its own, compared below.
    seal = qrseal.verify_seal(seal_text, run.root, run.crl, run.signed_at, certificate=run.leaf)
    if not seal.signature_valid or seal.signer_cert is None or seal.payload is None:
        run.fail("QR seal signature", " ".join(seal.problems[:1]) or _("The PDF carries no QR seal."))
    elif run.leaf is not None and not same_certificate(seal.signer_cert, run.leaf):
        run.fail("QR seal signature", _("The QR seal was signed with another certificate than the manifest."))
    elif seal.signer_problem is not None:
        run.fail("QR seal signature", seal.signer_problem)
    else:
        run.v.add("QR seal signature", True, _("The QR seal's signature is valid."))
        differing = seal_differences(seal.payload, snap, run.manifest["snapshot_sha256"], signer=seal.signer_name)
        if differing:
            run.fail("QR seal matches the report", _("The QR seal and the report disagree on: {fields}.").format(
                fields=", ".join(differing)))
        else:
            run.v.add("QR seal matches the report", True, _("The QR seal states the same certificate, amounts, "
                                                            "seals, verdict and report as the snapshot."))


def verify_bundle_data(data: bytes, root: x509.Certificate | None, crl: x509.CertificateRevocationList | None, *,
                       limits: Limits = LIMITS, enrolment: identity.Enrolment | None = None) -> Verification:
    """Every check of a bundle's bytes as a ``Verification`` (for ``kpmonitor verify``); never raises."""
    v = Verification("bundle")
    try:
        return verify_bundle(data, root, crl, limits=limits, enrolment=enrolment).verification
    except BundleError as exc:
        v.add("readable bundle", False, exc.message)
    except Exception:  # a signed but hostile snapshot can break any step; a verifier must answer, not crash
        log.exception("bundle verification stopped")
        v.add("readable bundle", False, _("The bundle's content could not be read; the details are in the log."))
    return v


def verify_bundle_file(path: Path, root: x509.Certificate | None, crl: x509.CertificateRevocationList | None, *,
                       limits: Limits = LIMITS, enrolment: identity.Enrolment | None = None) -> Verification:
    """Every check of a bundle file as a ``Verification``; never raises."""
    try:
        return verify_bundle_data(read_regular(path, limits.max_file_bytes, "bundle"), root, crl, limits=limits,
                                  enrolment=enrolment)
    except FileRefused as exc:  # a link, a pipe, a device, or too large: not read
        problem = exc.message
    except OSError as exc:
        problem = _("The file cannot be read ({reason}).").format(reason=exc.strerror or exc)
    v = Verification("bundle")
    v.add("readable bundle", False, problem)
    return v
