"""``kpmonitor verify``: whatever file it is handed — a report PDF, a bundle, the text of a QR seal.

The dispatch lives here, above both ``report`` and ``bundle``, because it needs both: a bundle is
checked by ``bundle.verify``, which builds on ``report``, and ``report`` must never import
``bundle`` (the layers go one way). The command line's ``verify`` and the GUI's verify screen
call ``verify_file``; the trust they check against is ``trust.keys.load_trust``.
"""

from __future__ import annotations

from pathlib import Path

from kpmonitor.bundle.format import LIMITS
from kpmonitor.bundle.verify import verify_bundle_data
from kpmonitor.errors import KPError
from kpmonitor.fileio import read_regular
from kpmonitor.report.verification import Verification
from kpmonitor.report.verify import verify_pdf_bytes, verify_qr_text
from kpmonitor.trust import qrseal
from kpmonitor.trust.keys import Keyring, load_enrolment, load_trust


def verify_file(path: Path, *, trust: Path | None = None, crl: Path | None = None,
                keyring: Keyring | None = None) -> Verification:
    """Verify a report PDF, a report bundle, or a text file holding the QR seal's text.

    :param trust: headquarters' root certificate; without it, a home's
        installed root is used when a keyring is given.
    :param crl: headquarters' revocation list (see ``load_trust``).
    With the home's own root, a headquarters home's records of the keys it certified are used too
    (``load_enrolment``): a report signed before enrolment is said to be so, as its import says it.
    :raises FileRefused: ``path`` is a link, a pipe or a device, or larger than a bundle may be.
    """
    root, crl_obj = load_trust(trust, crl, keyring)
    enrolment = load_enrolment(root, keyring)
    try:
        data = read_regular(path, LIMITS.max_file_bytes, "file to verify")
    except OSError as exc:
        raise KPError(f"The file {path} cannot be read ({exc.strerror or exc}).") from exc
    if data.startswith(b"%PDF"):
        return verify_pdf_bytes(data, root, crl_obj, enrolment=enrolment)
    if data.startswith(b"PK\x03\x04"):  # a report bundle (zip)
        return verify_bundle_data(data, root, crl_obj, enrolment=enrolment)
    try:
        text = data.decode("ascii").strip()
    except UnicodeDecodeError:
        text = ""
    if text.startswith(qrseal.PREFIX):
        return verify_qr_text(text, root, crl_obj, enrolment=enrolment)
    v = Verification("unknown")
    v.add("recognised", False, "The file is neither a kpmonitor report PDF nor the text of a QR seal.")
    return v
