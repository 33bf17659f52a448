"""The keys and certificates of one home, on disk.

A field home holds the device's key (encrypted), its signing certificate —
self-signed until headquarters issues one — and, once installed, the chain up
to headquarters' root and the latest revocation list. A headquarters home
holds the root CA key (encrypted), the root certificate, every certificate it
issued, and the revocations it has made.

File layout under ``<home>/keys``::

    device-key.json      field: the device's ECDSA P-256 key, sealed with the passphrase
    device-cert.pem      field: the certificate reports are signed with
    chain.pem            field: certificates above it (headquarters' root), once issued
    root-key.json        hq: the root CA key, sealed with the passphrase
    root-cert.pem        both: headquarters' root (on a field device, the trust anchor installed with the cert)
    crl.pem              both: the latest revocation list
    trust-list.json      field: headquarters' latest trust list (kp-trust-list.json), once installed
    issued/<serial>.pem  hq: every certificate issued
    revoked.json         hq: serial → revocation time
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from kpmonitor.errors import HomeError, KPError
from kpmonitor.fileio import SHARED, SHARED_DIR, ensure_dir, write_atomic
from kpmonitor.paths import Paths
from kpmonitor.trust import identity, trustlist, verifier_page
from kpmonitor.trust.identity import pem
from kpmonitor.trust.trustlist import TrustList

MIN_PASSPHRASE = 8
_NO_SIGNING_KEY = ("This home has no signing key yet: make one first (kpmonitor keys init, or Tools ▸ Signing "
                   "certificate in the application).")


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise KPError(f"Choose a passphrase of at least {MIN_PASSPHRASE} characters: it protects the signing key.")


@dataclass
class Keyring:
    """The key files of one home."""

    paths: Paths

    @property
    def dir(self) -> Path:
        return self.paths.keys

    @property
    def device_key(self) -> Path:
        return self.dir / "device-key.json"

    @property
    def device_cert(self) -> Path:
        return self.dir / "device-cert.pem"

    @property
    def chain_file(self) -> Path:
        return self.dir / "chain.pem"

    @property
    def root_key(self) -> Path:
        return self.dir / "root-key.json"

    @property
    def root_cert_file(self) -> Path:
        return self.dir / "root-cert.pem"

    @property
    def crl_file(self) -> Path:
        return self.dir / "crl.pem"

    @property
    def trust_list_file(self) -> Path:
        return self.dir / "trust-list.json"

    @property
    def issued_dir(self) -> Path:
        return self.dir / "issued"

    @property
    def revoked_file(self) -> Path:
        return self.dir / "revoked.json"

    # --- creation --------------------------------------------------------------------------

    def create_field_identity(self, monitor_name: str, device_id: str, passphrase: str) -> x509.Certificate:
        """A new device key and its self-signed certificate (until headquarters issues one)."""
        if self.device_key.exists():
            raise HomeError("This home already has a device key.")
        check_new_passphrase(passphrase)
        key = identity.generate_key()
        identity.save_key(key, self.device_key, passphrase)
        cert = identity.make_self_signed(key, monitor_name, device_id)
        write_atomic(self.device_cert, pem(cert))
        return cert

    def create_hq_identity(self, office_name: str, passphrase: str) -> x509.Certificate:
        """Headquarters' root CA: key and self-signed root certificate, and an empty revocation list."""
        if self.root_key.exists():
            raise HomeError("This home already has a root key.")
        check_new_passphrase(passphrase)
        key = identity.generate_key()
        identity.save_key(key, self.root_key, passphrase)
        root = identity.make_root_ca(key, office_name)
        write_atomic(self.root_cert_file, pem(root))
        ensure_dir(self.issued_dir)
        write_atomic(self.revoked_file, b"{}")
        write_atomic(self.crl_file, pem(identity.make_crl(key, root, [])))
        return root

    # --- reading ---------------------------------------------------------------------------

    def has_signing_key(self) -> bool:
        return self.device_key.exists() and self.device_cert.exists()

    def load_device_key(self, passphrase: str) -> ec.EllipticCurvePrivateKey:
        if not self.device_key.exists():
            raise HomeError(_NO_SIGNING_KEY)
        return identity.load_key(self.device_key, passphrase)

    def load_root_key(self, passphrase: str) -> ec.EllipticCurvePrivateKey:
        if not self.root_key.exists():
            raise HomeError("This home has no root key: only a headquarters home issues certificates.")
        return identity.load_key(self.root_key, passphrase)

    def device_certificate(self) -> x509.Certificate:
        if not self.device_cert.exists():
            raise HomeError(_NO_SIGNING_KEY if not self.device_key.exists() else
                            "This home has no signing certificate.")
        return identity.load_cert(self.device_cert)

    def chain(self) -> list[x509.Certificate]:
        """Certificates above the device's: empty while it is self-signed."""
        return identity.load_certs(self.chain_file) if self.chain_file.exists() else []

    def root(self) -> x509.Certificate | None:
        return identity.load_cert(self.root_cert_file) if self.root_cert_file.exists() else None

    def crl(self) -> x509.CertificateRevocationList | None:
        root = self.root()
        if root is None or not self.crl_file.exists():
            return None
        return identity.load_crl(self.crl_file, root)

    def trust_list(self) -> TrustList | None:
        """Headquarters' trust list installed here (``install_trust_list``), checked against the installed root."""
        root = self.root()
        if root is None or not self.trust_list_file.exists():
            return None
        return trustlist.read_trust_list_file(self.trust_list_file, root)

    # --- field: request and install --------------------------------------------------------

    def request(self, passphrase: str, monitor_name: str, device_id: str) -> x509.CertificateSigningRequest:
        """A certificate request for headquarters, signed with the device key (proof of possession)."""
        return identity.make_csr(self.load_device_key(passphrase), monitor_name, device_id)

    def write_request(self, out: Path, passphrase: str, monitor_name: str, device_id: str) -> Path:
        """Write a certificate request for headquarters to ``out`` (readable by others); returns ``out``.

        :raises KPError: when the passphrase is wrong or the file cannot be written, with a sentence.
        """
        csr = self.request(passphrase, monitor_name, device_id)
        try:
            write_atomic(out, pem(csr), mode=SHARED)
        except OSError as exc:
            raise KPError(f"The request could not be written to {out} ({exc.strerror or exc}).") from exc
        return out

    def install(self, data: bytes) -> x509.Certificate:
        """Install the certificate headquarters issued (the file holds it and the root above it).

        :raises KPError: when the certificate is not for this device's key or
            does not chain to the root that comes with it.
        """
        certs = identity.load_certs(data)
        own_public = identity.spki(identity.load_cert(self.device_cert).public_key())
        leaf = next((c for c in certs if identity.spki(c.public_key()) == own_public), None)
        if leaf is None:
            raise KPError("This certificate is not for this device's key: it was issued for another request.")
        problem = identity.signer_problem(leaf)
        if problem is not None:
            raise KPError("The certificate cannot be installed: " + problem)
        others = [c for c in certs if c is not leaf]
        roots = [c for c in others if identity.is_self_signed(c)]
        if not roots:
            raise KPError("The file holds no headquarters root certificate; ask headquarters for the full file.")
        root = roots[0]
        result = identity.check_chain(leaf, [c for c in others if c is not root], root, None, None)
        if not result.ok:
            raise KPError("The certificate cannot be installed: " + " ".join(result.problems))
        # The device certificate last, each file whole (write_atomic): a crash before it leaves the home signing
        # with the certificate it had, a crash after it the whole new set; never a new certificate without the
        # chain it needs.
        write_atomic(self.root_cert_file, pem(root))
        write_atomic(self.chain_file, pem(*others))
        write_atomic(self.device_cert, pem(leaf))
        return leaf

    def install_crl(self, data: bytes) -> x509.CertificateRevocationList:
        """Install headquarters' revocation list, signed by its root and no older than the one installed.

        :raises KPError: when the list is not headquarters', or is older than the installed one (its CRL
            Number, else its issue time): a replayed old list could hide a revocation.
        """
        root = self.root()
        if root is None:
            raise KPError("Install headquarters' certificate before its revocation list.")
        crl = identity.load_crl(data, root)
        try:
            installed = self.crl()
        except KPError:  # an unreadable or foreign list installed is simply replaced
            installed = None
        older = identity.crl_older_problem(crl, installed) if installed is not None else None
        if older is not None:
            raise KPError(older)
        write_atomic(self.crl_file, pem(crl))
        return crl

    def install_trust_list(self, data: bytes) -> TrustList:
        """Install headquarters' trust list, signed by its root and no older than the one installed.

        :raises KPError: when the list is not headquarters', or was published before the installed one: a
            replayed old list could hide a revocation (as ``install_crl``).
        """
        root = self.root()
        if root is None:
            raise KPError("Install headquarters' certificate before its trust list.")
        new = trustlist.read_trust_list(data, root)
        try:
            installed = self.trust_list()
        except KPError:  # an unreadable or foreign list installed is simply replaced
            installed = None
        older = trustlist.trust_list_older_problem(new, installed) if installed is not None else None
        if older is not None:
            raise KPError(older)
        write_atomic(self.trust_list_file, new.data)
        return new

    # --- hq: issue, revoke, publish --------------------------------------------------------

    def issue(self, csr_data: bytes, passphrase: str, valid_days: int = 730) -> bytes:
        """Issue a monitor certificate; returns the PEM file to send back (certificate + root).

        A device id names one device, and a device has one key: a request for a device that holds an
        unrevoked certificate for another key, or from a key certified for another device, is refused
        (else one enrolled monitor could sign as another's device).
        """
        csr = identity.load_csr(csr_data)
        root = self.root()
        if root is None:
            raise HomeError("This home has no root certificate.")
        self._refuse_another_devices(csr)
        cert = identity.issue_certificate(self.load_root_key(passphrase), root, csr, valid_days)
        write_atomic(self.issued_dir / f"{identity.format_serial(cert.serial_number)}.pem", pem(cert))
        return pem(cert, root)

    def _refuse_another_devices(self, csr: x509.CertificateSigningRequest) -> None:
        """Refuse a request whose device or key belongs, in an unrevoked certificate issued here, to another."""
        _monitor, device = identity.check_request(csr)  # a request unfit to be issued is refused as such first
        key = identity.spki(csr.public_key())
        revoked = self.revoked()
        valid = [(identity.format_serial(c.serial_number), identity.certificate_device(c),
                  identity.spki(c.public_key())) for c in self.issued()]
        valid = [(serial, d, k) for serial, d, k in valid if serial not in revoked]
        for serial, other_device, other_key in valid:
            if other_device == device and other_key != key:
                raise KPError(f"Device {device[:8]} already holds certificate {serial}, for another key: a "
                              "device id names one device. If that device really has a new key, revoke its "
                              f"certificate first (kpmonitor hq revoke {serial}).")
        for serial, other_device, other_key in valid:
            if other_key == key and other_device != device:
                raise KPError(f"This key already holds certificate {serial}, for another device: a key signs for "
                              "one device only. It was not issued.")

    def issue_to(self, out: Path, csr_data: bytes, passphrase: str, valid_days: int = 730) -> bytes:
        """Issue a monitor certificate and write the file to send back to ``out`` (readable by others).

        :returns: what was written (the certificate and the root above it).
        :raises KPError: when the file cannot be written, saying that the certificate was issued.
        """
        data = self.issue(csr_data, passphrase, valid_days)
        try:
            write_atomic(out, data, mode=SHARED)
        except OSError as exc:
            raise KPError(f"The certificate was issued, but it could not be written to {out} "
                          f"({exc.strerror or exc}); issue it again to another place.") from exc
        return data

    def issued(self) -> list[x509.Certificate]:
        if not self.issued_dir.exists():
            return []
        return [identity.load_cert(p) for p in sorted(self.issued_dir.glob("*.pem"))]

    def enrolment(self) -> identity.Enrolment | None:
        """What this headquarters certified: every certificate it issued, and the serials it revoked (its own list
        and its revocation list); None in a home that issues none (a field device)."""
        # A headquarters home that joined a shared database holds no root key, but the issued certificates the
        # issuing home shared there (``hq.shared.pull_trust``, each checked against the root).
        if not self.root_key.exists() and not self.issued_dir.exists():
            return None
        revoked = set(self.revoked())
        try:
            crl = self.crl()
        except KPError:  # an unreadable list vouches for nothing; the home's own list of revocations still counts
            crl = None
        if crl is not None:
            revoked |= {identity.format_serial(entry.serial_number) for entry in crl}
        return identity.Enrolment(tuple(self.issued()), frozenset(revoked))

    def revoked(self) -> dict[str, str]:
        """Serial (as formatted) → revocation time (ISO 8601)."""
        if not self.revoked_file.exists():
            return {}
        data: dict[str, str] = json.loads(self.revoked_file.read_text(encoding="utf-8"))
        return data

    def revoke(self, serial: str, passphrase: str) -> x509.CertificateRevocationList:
        """Revoke an issued certificate by serial (as printed, with or without colons) and re-sign the CRL."""
        wanted = serial.replace(":", "").strip().upper().lstrip("0")
        match = next((c for c in self.issued() if identity.format_serial(c.serial_number) == wanted), None)
        if match is None:
            raise KPError(f"No certificate with serial {serial} was issued here.")
        key = self.load_root_key(passphrase)
        revoked = self.revoked()
        label = identity.format_serial(match.serial_number)
        revoked.setdefault(label, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
        write_atomic(self.revoked_file, json.dumps(revoked, indent=2).encode())
        return self._resign_crl(key, revoked)

    def _resign_crl(self, key: ec.EllipticCurvePrivateKey,
                    revoked: dict[str, str]) -> x509.CertificateRevocationList:
        root = self.root()
        assert root is not None
        entries = []
        for cert in self.issued():
            at = revoked.get(identity.format_serial(cert.serial_number))
            if at:
                entries.append((cert.serial_number, dt.datetime.fromisoformat(at)))
        crl = identity.make_crl(key, root, entries)
        write_atomic(self.crl_file, pem(crl))
        return crl

    def publish(self, out_dir: Path, passphrase: str) -> list[Path]:
        """Write the root certificate, a freshly signed revocation list and trust list (every certificate issued
        here, with its status: ``trustlist.publish_trust_list``) for field devices and verifiers, and the verifier
        page a customs officer opens offline, with that trust list inside (``verifier_page``)."""
        key = self.load_root_key(passphrase)
        revoked = self.revoked()
        crl = self._resign_crl(key, revoked)
        root = self.root()
        assert root is not None
        ensure_dir(out_dir, SHARED_DIR)  # for field devices and verifiers
        written = [out_dir / "kp-root.pem", out_dir / "kp-crl.pem"]
        write_atomic(written[0], pem(root), mode=SHARED)
        write_atomic(written[1], pem(crl), mode=SHARED)
        listed = trustlist.publish_trust_list(out_dir / trustlist.FILE_NAME, key, root, self.issued(), revoked,
                                              crl=crl, now=crl.last_update_utc)
        page = out_dir / verifier_page.PAGE_NAME
        write_atomic(page, verifier_page.build_verifier_page(listed.read_bytes(), root).encode("utf-8"), mode=SHARED)
        return [*written, listed, page]


def load_trust(trust: Path | None, crl: Path | None,
               keyring: Keyring | None) -> tuple[x509.Certificate | None, x509.CertificateRevocationList | None]:
    """Headquarters' root and revocation list to check a report against: the chosen files, or the home's.

    The one loader for the command line's ``verify``, the GUI's verify screen
    and report verification. Without a chosen root, the home's installed root
    and revocation list are used (when a keyring is given). A chosen root
    brings no revocation list unless one is chosen too: the home's list belongs
    to the home's root.

    :param trust: headquarters' root certificate, or a folder ``hq publish`` wrote (its ``kp-root.pem``, and its
        ``kp-crl.pem`` unless ``crl`` is chosen).
    :raises KPError: when a revocation list is chosen without any root to check it against.
    """
    if trust is not None and trust.is_dir():  # a folder hq publish wrote: its root, and its list unless one is chosen
        published = trust / "kp-crl.pem"
        crl = crl if crl is not None or not published.is_file() else published
        trust = trust / "kp-root.pem"
    root = identity.load_cert(trust) if trust is not None else (keyring.root() if keyring is not None else None)
    if crl is not None:
        if root is None:
            raise KPError("A revocation list can only be checked against headquarters' root certificate; give the "
                          "root certificate too.")
        return root, identity.load_crl(crl, root)
    return root, (keyring.crl() if keyring is not None and trust is None else None)


def load_enrolment(root: x509.Certificate | None, keyring: Keyring | None) -> identity.Enrolment | None:
    """Headquarters' records of the keys it certified (``Keyring.enrolment``), when a report is checked against this
    home's own root: what lets ``verify`` at headquarters say "signed before enrolment", as its import does.

    None when the root is another (its records are not this home's), or the home issues no certificates.
    """
    if keyring is None or root is None or keyring.root() != root:
        return None
    return keyring.enrolment()


def load_trust_list(chosen: Path | None, trust: Path | None, root: x509.Certificate | None,
                    keyring: Keyring | None) -> TrustList | None:
    """Headquarters' trust list to check a KP2 seal against: the chosen file, else the ``kp-trust-list.json`` of a
    published folder given as ``trust`` (the folder, or its ``kp-root.pem``), else the home's installed list (when
    ``root`` is the home's root).

    :raises KPError: when a list is chosen without a root to check it against, or is not that root's.
    """
    # The folder hq publish wrote, given as itself or by its root file: the list beside the root is that root's
    # (it is checked against it), as the revocation list beside it is.
    beside = (trust if trust.is_dir() else trust.parent) / trustlist.FILE_NAME if trust is not None else None
    if chosen is None and beside is not None and beside.is_file():
        chosen = beside
    if chosen is not None:
        if root is None:
            raise KPError("A trust list can only be checked against headquarters' root certificate; give the root "
                          "certificate too.")
        return trustlist.read_trust_list_file(chosen, root)
    if keyring is None or root is None or keyring.root() != root:
        return None
    try:
        return keyring.trust_list()
    except KPError:  # an installed list that no longer reads vouches for nothing; the seal says a list is missing
        return None
