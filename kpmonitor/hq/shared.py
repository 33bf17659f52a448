"""Several analysts on one headquarters database: making it, joining it, and the trust they share through it.

The first ``kpmonitor init --role hq --database URL`` on an empty database makes headquarters there: its home
holds the root CA key (in its own folder, never in the database) and puts into the database what every analyst
needs to verify a bundle — the root certificate, the revocation list, the certificates issued (``share_trust``).
A later ``init`` on that database joins it: the new home keeps the root certificate found there (its fingerprint
is printed, to compare with the issuing home's), holds no CA key, and takes the revocation list and the issued
certificates from the database whenever it opens it (``pull_trust``), each checked against that root: an insider
who edits the database can withhold a new list, never forge one, nor bring an older one back.

Issuing and revoking stay with the home that holds the CA key; it shares the result at once (the command that
did it calls ``share_trust``) and again whenever it opens headquarters' store.
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.serialization import Encoding

from kpmonitor.errors import HomeError, KPError
from kpmonitor.fileio import ensure_dir, write_atomic
from kpmonitor.hq.pgstore import PGConnection, PGStore, check_url, shown
from kpmonitor.i18n import _
from kpmonitor.paths import Paths
from kpmonitor.settings import Settings
from kpmonitor.trust import identity
from kpmonitor.trust.keys import Keyring
from kpmonitor.workspace import HomeInfo, Workspace, init_home, read_home

log = logging.getLogger(__name__)

INIT_LOCK = 0x4B504D494E495448  # "KPMINITH": one init at a time on a database (pg_advisory_lock)


@dataclass(frozen=True)
class Made:
    info: HomeInfo
    joined: bool
    root_fingerprint: str


def init_on_database(paths: Paths, name: str, url: str, passphrase: Callable[[], str]) -> Made:
    """Make a headquarters home on the PostgreSQL database at ``url``: headquarters itself when the database
    holds none (``passphrase()`` then protects the new root CA key), else an analyst's home joining it.

    :raises KPError: the URL unusable, the server unreachable, or a home already here.
    """
    url = check_url(url)
    if read_home(paths) is not None:
        raise HomeError(_("A kpmonitor home already exists in {folder}.").format(folder=paths.data))
    fresh = not paths.data.exists() or not any(paths.data.iterdir())
    try:
        return _init_on_database(paths, name, url, passphrase)
    except BaseException:
        if fresh:  # nothing half-made is left: the next init starts again
            shutil.rmtree(paths.data, ignore_errors=True)
        raise


def _init_on_database(paths: Paths, name: str, url: str, passphrase: Callable[[], str]) -> Made:
    lock = PGConnection(url)  # a session lock: two analysts' first init on one database cannot both make it
    with closing(lock):
        lock.execute("SELECT pg_advisory_lock(?)", [INIT_LOCK])
        with closing(PGStore(url, actor=name.strip())) as pg:
            root_pem = pg.shared().get("root")
        if root_pem is not None:
            root = identity.load_cert(root_pem.encode("ascii"))
            info = init_home(paths, "hq", name, None, database=url)
            keyring = Keyring(paths)
            write_atomic(keyring.root_cert_file, identity.pem(root))
            with Workspace(paths) as ws:
                pull_trust(ws)
            return Made(info, True, identity.fingerprint(root))
        info = init_home(paths, "hq", name, passphrase(), database=url)
        with Workspace(paths) as ws:
            share_trust(ws)
        made = Keyring(paths).root()
        assert made is not None  # init_home made it with the key
        return Made(info, False, identity.fingerprint(made))


def sync_trust(ws: Workspace) -> None:
    """Share (the issuing home) or take (a joined one) headquarters' trust; nothing on SQLite."""
    if not share_trust(ws):
        pull_trust(ws)


# The settings headquarters judges imported reports with (``hq.anomalies.rules_for``, ``receipts_due.terms_for``):
# the issuing home's, for every analyst, so that the anomalies stored once are judged once (analysts with settings
# of their own would each judge everything again, in turn, at every read).
JUDGING_SETTINGS = ("weight_tolerance_ct", "weight_tolerance_pct", "eu_max_validity_days", "photo_span_hours",
                    "photo_distance_km", "valuation_tolerance_pct", "sealing_to_signing_hours",
                    "hq_confirmation_days")


def judging_settings(ws: Workspace) -> Settings:
    """The settings headquarters judges with: on a shared database a joined home takes the issuing home's
    (``JUDGING_SETTINGS``, shared with its trust); else this home's own."""
    store = _store(ws)
    if store is None or Keyring(ws.paths).root_key.exists():
        return ws.settings
    try:
        shared = json.loads(store.shared().get("settings") or "{}")
    except ValueError:
        log.warning("the judging settings in headquarters' database are unreadable: this home's own are used")
        return ws.settings
    if not isinstance(shared, dict):
        return ws.settings
    return ws.settings.overlaid({k: v for k, v in shared.items() if k in JUDGING_SETTINGS})


def _store(ws: Workspace) -> PGStore | None:
    from kpmonitor.hq.store import hq_store

    store = hq_store(ws).store
    return store if isinstance(store, PGStore) else None


def share_trust(ws: Workspace) -> bool:
    """Put this home's root, revocation list and issued certificates into headquarters' database, when this home
    holds the CA key and the database is PostgreSQL. Returns whether anything changed."""
    store = _store(ws)
    keyring = Keyring(ws.paths)
    if store is None or not keyring.root_key.exists():
        return False
    root = keyring.root()
    if root is None:
        return False
    issued = keyring.issued()
    values = {"root": identity.pem(root).decode("ascii"), "name": ws.home.name,
              "issued": identity.pem(*issued).decode("ascii") if issued else "",
              "settings": json.dumps({k: ws.settings.get(k) for k in JUDGING_SETTINGS}, sort_keys=True)}
    if keyring.crl_file.exists():
        values["crl"] = keyring.crl_file.read_text(encoding="ascii")
    shared = store.shared()
    if shared.get("root", values["root"]) != values["root"]:
        # The home that holds the CA key is headquarters' authority: what someone put there instead is replaced
        # (every joined home verifies with the root it joined with, whatever the database says).
        log.warning("headquarters' database (%s) named another root certificate than this home's: replaced",
                    shown(store.url))
    changed = {k: v for k, v in values.items() if shared.get(k) != v}
    if changed:
        store.share(changed)
    return bool(changed)


def pull_trust(ws: Workspace) -> bool:
    """Take the revocation list and the issued certificates from headquarters' database into this joined home,
    each checked against the root this home holds. Returns whether anything changed.

    Never in the way of an import: what the database holds is only ever taken when the root this home joined with
    signed it; anything else (another root, a damaged list, text that is no certificate: someone wrote to the
    database outside kpmonitor) is logged and left, and the home goes on with the trust it holds."""
    store = _store(ws)
    keyring = Keyring(ws.paths)
    if store is None or keyring.root_key.exists():
        return False
    root = keyring.root()
    if root is None:
        raise HomeError(_("This headquarters home holds no root certificate: make it again with kpmonitor init."))
    shared = store.shared()
    try:
        named = identity.load_cert(shared["root"].encode("ascii")) if shared.get("root") else None
        if named is not None and named.public_bytes(Encoding.DER) != root.public_bytes(Encoding.DER):
            log.error("headquarters' database (%s) names another root certificate than the one this home joined "
                      "with: nothing is taken from it", shown(store.url))
            return False
    except (KPError, UnicodeError, ValueError) as exc:
        log.error("the root certificate in headquarters' database is unreadable (%s): nothing is taken from it", exc)
        return False
    return _take_crl(keyring, shared.get("crl", "")) | _take_issued(keyring, root, shared.get("issued", ""))


def _take_crl(keyring: Keyring, text: str) -> bool:
    held = keyring.crl_file.read_bytes() if keyring.crl_file.exists() else b""
    try:
        data = text.encode("ascii")
        if not data or data == held:
            return False
        keyring.install_crl(data)  # signed by our root, and no older than ours: else refused with a sentence
        return True
    except (KPError, UnicodeError, ValueError) as exc:
        log.warning("the revocation list in headquarters' database was not taken: %s",
                    exc.message if isinstance(exc, KPError) else exc)
        return False


def _take_issued(keyring: Keyring, root: x509.Certificate, text: str) -> bool:
    ensure_dir(keyring.issued_dir)
    try:
        certs = identity.load_certs(text.encode("ascii")) if text else []
    except (KPError, UnicodeError, ValueError) as exc:
        log.warning("the issued certificates in headquarters' database were not taken: %s", exc)
        return False
    changed = False
    for cert in certs:
        try:
            cert.verify_directly_issued_by(root)
        except (ValueError, TypeError, InvalidSignature):
            log.warning("a certificate in headquarters' database was not issued by its root: not taken")
            continue
        target = keyring.issued_dir / f"{identity.format_serial(cert.serial_number)}.pem"
        if not target.exists():
            write_atomic(target, identity.pem(cert))
            changed = True
    return changed
