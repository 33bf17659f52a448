"""``kpmonitor verify``: whatever file it is handed — a report PDF, a bundle, the text of a QR seal, or a photo or
scan of a printed page.

The dispatch lives here, above both ``report`` and ``bundle``, because it needs both: a bundle is
checked by ``bundle.verify``, which builds on ``report``, and ``report`` must never import
``bundle`` (the layers go one way). The command line's ``verify`` and the GUI's verify screen
call ``verify_file``; the trust they check against is ``trust.keys.load_trust`` (and ``load_trust_list``).

A photo (JPEG, PNG, HEIC) or a scan (TIFF, one page or many; a PDF without a signature, as a scanner writes)
is looked through page by page for a QR seal; the seal found is verified as its text would be, and the answer
says what it proves: the signed summary, never the rest of the paper.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kpmonitor.bundle.format import LIMITS
from kpmonitor.bundle.verify import verify_bundle_data
from kpmonitor.errors import KPError
from kpmonitor.fileio import read_regular
from kpmonitor.i18n import N_, _, ngettext
from kpmonitor.report.verification import INTACT, Check, Verification
from kpmonitor.report.verify import MAX_RENDER_PIXELS, seal_text_of, verify_pdf_bytes, verify_qr_text
from kpmonitor.trust import qrseal
from kpmonitor.trust.keys import Keyring, load_enrolment, load_trust, load_trust_list
from kpmonitor.trust.trustlist import TrustList

if TYPE_CHECKING:
    from PIL import Image

# A photo or scan larger than this many pixels is refused before it is decoded (a 50-megapixel phone photo is
# within; a "decompression bomb" of a few kilobytes that claims gigapixels is not). Pillow's own guard would
# only warn below twice its default limit.
MAX_IMAGE_PIXELS = 100_000_000
# Pages of a multi-page scan (TIFF or PDF) looked through for the seal: page 1 of a report carries it, and a
# scanner's batch may hold a few reports' first pages; more is not a report's scan.
MAX_SCAN_PAGES = 24
SCAN_DPI = 200  # a scan PDF's page is rendered at this resolution, within MAX_RENDER_PIXELS
# The kind of paper (the Verification's kind, a code) and how a sentence names it.
_WHAT = {"JPEG": "photo", "PNG": "photo", "HEIF": "photo", "TIFF": "scan", "PDF": "scan"}
_WHAT_SAID = {"photo": N_("photo"), "scan": N_("scan")}
_PROVES_KP1 = N_("certificate, carats, value, parcels, seal numbers, verdict, monitor, date")
_PROVES_KP2 = N_("certificate, carats, value, parcels, seal numbers, verdict, monitor, date, container, validation")
# The first check's detail when a PDF carries no signature at all (a scanner's PDF): its English source and
# its translation are both recognised.
_UNSIGNED = (N_("The PDF carries no signature."), N_("The file is not a readable PDF."))


def _said(what: str) -> str:
    return _(_WHAT_SAID.get(what, what))


def verify_file(path: Path, *, trust: Path | None = None, crl: Path | None = None,
                keyring: Keyring | None = None, trust_list: Path | None = None) -> Verification:
    """Verify a report PDF, a report bundle, a text file holding the QR seal's text, or a photo or scan of a page.

    :param trust: headquarters' root certificate, or a folder ``hq publish`` wrote (root, revocation list and
        trust list); without it, a home's installed root is used when a keyring is given.
    :param crl: headquarters' revocation list (see ``load_trust``).
    :param trust_list: headquarters' trust list (``kp-trust-list.json``), which a KP2 seal needs; without it, the
        published folder's or the home's installed one (``load_trust_list``).
    With the home's own root, a headquarters home's records of the keys it certified are used too
    (``load_enrolment``): a report signed before enrolment is said to be so, as its import says it.
    :raises FileRefused: ``path`` is a link, a pipe or a device, or larger than a bundle may be.
    """
    root, crl_obj = load_trust(trust, crl, keyring)
    listed = load_trust_list(trust_list, trust, root, keyring)
    enrolment = load_enrolment(root, keyring)
    try:
        data = read_regular(path, LIMITS.max_file_bytes, "file to verify")
    except OSError as exc:
        raise KPError(_("The file {path} cannot be read ({reason}).").format(
            path=path, reason=exc.strerror or exc)) from exc
    if data.startswith(b"%PDF"):
        v = verify_pdf_bytes(data, root, crl_obj, enrolment=enrolment, trust_list=listed)
        if v.signer or not _unsigned(v) or b"/ByteRange" in data:
            return v  # a signed PDF, or one that was signed (a damaged signature is never read as a scan)
        # No signature: a scanner's PDF of a printed page. Its pages are looked at for the seal.
        return _verify_scan("PDF", data, root, crl_obj, enrolment, listed)[0] or v
    if data.startswith(b"PK\x03\x04"):  # a report bundle (zip)
        return verify_bundle_data(data, root, crl_obj, enrolment=enrolment)
    kind = _image_kind(data[:16])
    if kind is not None:
        found, looked = _verify_scan(kind, data, root, crl_obj, enrolment, listed)
        return found or _not_found(kind, looked)
    try:
        text = data.decode("ascii").strip()
    except UnicodeDecodeError:
        text = ""
    if text.startswith((qrseal.PREFIX, qrseal.PREFIX_KP2)):
        return verify_qr_text(text, root, crl_obj, enrolment=enrolment, trust_list=listed)
    v = Verification("unknown")
    v.add("recognised", False, _("The file is neither a kpmonitor report PDF, a bundle, the text of a QR seal, nor "
                                 "a photo or scan (JPEG, PNG, HEIC, TIFF) of a printed report."))
    return v


def _unsigned(v: Verification) -> bool:
    first = v.checks[0] if v.checks else None
    return first is not None and not first.ok and first.detail in {*_UNSIGNED, *map(_, _UNSIGNED)}


def _image_kind(head: bytes) -> str | None:
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "TIFF"
    if len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"heim", b"heis", b"mif1",
                                                                   b"msf1", b"hevc", b"hevx"):
        return "HEIF"
    return None


def _verify_scan(kind: str, data: bytes, root: Any, crl: Any, enrolment: Any,
                 listed: TrustList | None) -> tuple[Verification | None, int]:
    """Find the seal on the pages of a photo or scan and verify it (None when no page shows one), and the number of
    pages looked at.

    :raises KPError: the image cannot be opened, or claims more pixels than ``MAX_IMAGE_PIXELS``.
    """
    what = _WHAT[kind]
    pages = _pdf_pages(data) if kind == "PDF" else _image_pages(data, kind)
    looked = 0
    for number, total, image in pages:
        looked = number
        text = read_seal_in_image(image)
        if text is None:
            continue
        v = verify_qr_text(text, root, crl, enrolment=enrolment, trust_list=listed, kind=what)
        fmt = "KP2" if text.startswith(qrseal.PREFIX_KP2) else "KP1"
        found = _("A {format} seal was found on the {what} (page {page} of {pages})").format(
            format=fmt, what=_said(what), page=number, pages=total)
        v.checks.insert(0, Check("QR seal found", True, found + "."))
        v.warnings.append(_proves(found, fmt, v))
        v.summary["found"] = {"what": what, "page": number, "pages": total}
        return v, looked
    return None, looked


def _proves(found: str, fmt: str, v: Verification) -> str:
    """What a seal found on paper proves: the signed summary, and never the rest of the paper."""
    proves = _PROVES_KP2 if fmt == "KP2" else _PROVES_KP1
    fields = _(proves)
    seal = v.summary.get("seal") or {}
    signer = v.summary.get("monitor") or _("its signer")
    if v.ok:
        return _("{found} and it is genuine: it proves the summary below ({fields}) was signed by {signer}, whom "
                 "headquarters vouches for; it does not prove the rest of the paper.").format(
                     found=found, fields=fields, signer=signer)
    if seal.get("verdict") == "unvouched" or v.state == INTACT:
        return _("{found}; it is unaltered, but headquarters does not vouch for its signer: it proves only that the "
                 "summary below ({fields}) was not changed since {signer} signed it; it does not prove the rest of "
                 "the paper.").format(found=found, fields=fields, signer=signer)
    return _("{found}, but it is not genuine: it proves nothing about the paper.").format(found=found)


def _not_found(kind: str, looked: int) -> Verification:
    what = _WHAT[kind]
    v = Verification(what)
    advice = _("photograph or scan page 1 of the report straight on, with the whole QR code sharp and in good "
               "light.")
    v.add("QR seal found", False, (ngettext(
        "No kpmonitor QR seal could be read on the {what} ({pages} page looked at): {advice}",
        "No kpmonitor QR seal could be read on the {what} ({pages} pages looked at): {advice}", looked)
        if looked > 1 else _("No kpmonitor QR seal could be read on the {what}: {advice}")).format(
            what=_said(what), pages=looked, advice=advice))
    return v


def read_seal_in_image(image: Any) -> str | None:
    """The seal's text from a photo or scan (a PIL image), or None: zxing-cpp on each of ``capture_variants``."""
    import zxingcpp

    qr_only = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    for variant in capture_variants(image):
        try:
            text = seal_text_of(zxingcpp.read_barcodes(variant, formats=qr_only))
        except Exception:  # a decoder fault on a strange image is "not read", never a crash
            text = None
        if text is not None:
            return text
    return None


def capture_variants(image: Any) -> Iterator[Image.Image]:
    """The image as it is (grey), then a few bounded steps that help a poor capture, made one at a time.

    Stretched contrast (a grey photocopy, a dim photo); a scale that brings the modules to the size decoders like
    (a large photo halved; a small scan doubled, which gives a blurred 100 dpi scan's 2.6-pixel modules the
    edges a binariser needs); a sharpened copy (a blurred print).
    """
    from PIL import Image, ImageFilter, ImageOps

    grey: Image.Image = image.convert("L")
    yield grey
    contrast = ImageOps.autocontrast(grey)
    yield contrast
    side = max(grey.size)
    if side > 3000:
        yield contrast.reduce(2)
    elif side < 2400:
        yield contrast.resize((contrast.width * 2, contrast.height * 2), Image.Resampling.BICUBIC)
    yield contrast.filter(ImageFilter.UnsharpMask(2, 150, 3))


def _image_pages(data: bytes, kind: str) -> Iterator[tuple[int, int, Any]]:
    """The pages of a photo or a (multi-page) TIFF, each checked against ``MAX_IMAGE_PIXELS`` before decoding."""
    from PIL import Image, UnidentifiedImageError

    if kind == "HEIF":
        _register_heif()
    try:
        image = Image.open(io.BytesIO(data))
        total = min(int(getattr(image, "n_frames", 1)), MAX_SCAN_PAGES)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise KPError(_("The {what} cannot be opened: it is damaged or not a {format} image.").format(
            what=_said(_WHAT[kind]), format=kind)) from exc
    for index in range(total):
        try:
            image.seek(index)
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise KPError(_("The {what} is {width} × {height} pixels, larger than any photo or scan of a "
                                "page: it was not opened.").format(what=_said(_WHAT[kind]), width=f"{width:,}",
                                                                   height=f"{height:,}"))
            if kind == "JPEG":
                image.draft("L", (4000, 4000))  # decode a large JPEG straight to grey at a reduced size: fast
            page = image.convert("L")
        except KPError:
            raise
        except Exception as exc:  # a truncated or hostile image breaks decoding in many ways; one sentence
            raise KPError(_("The {what} cannot be read: it is damaged.").format(what=_said(_WHAT[kind]))) from exc
        yield index + 1, total, page


def _pdf_pages(data: bytes) -> Iterator[tuple[int, int, Any]]:
    """The pages of a scan PDF as grey images, each rendered within ``MAX_RENDER_PIXELS`` (at most ``SCAN_DPI``)."""
    import pypdfium2

    try:
        doc = pypdfium2.PdfDocument(data)
    except Exception:
        return
    try:
        total = min(len(doc), MAX_SCAN_PAGES)
        for index in range(total):
            try:
                page = doc[index]
                width, height = page.get_size()
                scale = min(SCAN_DPI / 72, (MAX_RENDER_PIXELS / max(width * height, 1.0)) ** 0.5)
                image = page.render(scale=scale, grayscale=True).to_pil()
            except Exception:
                continue
            yield index + 1, total, image
    finally:
        doc.close()


def _register_heif() -> None:
    """Let Pillow open HEIC (pi-heif, the decoder-only build; pillow-heif where that is what is installed)."""
    try:
        import pi_heif as heif
    except ImportError:
        try:
            import pillow_heif as heif
        except ImportError as exc:
            raise KPError(_("This installation cannot open HEIC images (pi-heif is missing).")) from exc
    heif.register_heif_opener()
