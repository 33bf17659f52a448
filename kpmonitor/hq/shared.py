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

import logging
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.serialization import Encoding

from kpmonitor.errors import HomeError, KPError
from kpmonitor.fileio import ensure_dir, write_atomic
from kpmonitor.hq.pgstore import PGConnection, PGStore, check_url, shown
from kpmonitor.paths import Paths
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
        raise HomeError(f"A kpmonitor home already exists in {paths.data}.")
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
    values = {"root": identity.pem(root).decode("ascii"), "name": ws.home.name,
              "issued": identity.pem(*keyring.issued()).decode("ascii") if keyring.issued() else ""}
    if keyring.crl_file.exists():
        values["crl"] = keyring.crl_file.read_text(encoding="ascii")
    shared = store.shared()
    if shared.get("root", values["root"]) != values["root"]:
        raise KPError(f"Headquarters' database ({shown(store.url)}) belongs to another root certificate than this "
                      "home's: it was made by another headquarters.")
    changed = {k: v for k, v in values.items() if shared.get(k) != v}
    if changed:
        store.share(changed)
    return bool(changed)


def pull_trust(ws: Workspace) -> bool:
    """Take the revocation list and the issued certificates from headquarters' database into this joined home,
    each checked against the root this home holds. Returns whether anything changed."""
    store = _store(ws)
    keyring = Keyring(ws.paths)
    if store is None or keyring.root_key.exists():
        return False
    root = keyring.root()
    if root is None:
        raise HomeError("This headquarters home holds no root certificate: make it again with kpmonitor init.")
    shared = store.shared()
    if shared.get("root") and identity.load_cert(shared["root"].encode("ascii")).public_bytes(
            Encoding.DER) != root.public_bytes(Encoding.DER):
        raise KPError(f"Headquarters' database ({shown(store.url)}) now names another root certificate than the "
                      "one this home joined with: nothing is taken from it. Ask the issuing home.")
    changed = False
    held = keyring.crl_file.read_text(encoding="ascii") if keyring.crl_file.exists() else ""
    if shared.get("crl") and shared["crl"] != held:
        try:
            keyring.install_crl(shared["crl"].encode("ascii"))
            changed = True
        except KPError as exc:  # older than ours, or not signed by our root: ours stays
            if "older" not in exc.message.lower():
                log.warning("the revocation list in headquarters' database was not taken: %s", exc.message)
    ensure_dir(keyring.issued_dir)
    for cert in identity.load_certs(shared["issued"].encode("ascii")) if shared.get("issued") else []:
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
