"""Files and text from outside are hostile: regular files only, bounded reads, escaped text, bounded rendering.

Each test is an attack that used to work: a FIFO named like a bundle hung ``hq import``; a link to
/dev/zero read until memory ran out; a link on a stick to a secret file was read and copied into
quarantine; control characters in a forged seal repainted the terminal; a 14,400-point page was
rendered before any trust decision; an 80,000-character name took 22 s to sign.
"""

from __future__ import annotations

import io
import json
import os
import secrets
import stat
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from reportlab.pdfgen import canvas

from kpmonitor.cli.main import cli
from kpmonitor.domain.inspection import Finding, FindingSeverity, from_document
from kpmonitor.domain.text import printable, printable_json
from kpmonitor.errors import FileRefused
from kpmonitor.fileio import read_regular
from kpmonitor.paths import Paths
from kpmonitor.report.verify import PageTooLarge, read_qr_from_pdf
from kpmonitor.rules.kp import FINDING_CHARS, NAME_CHARS, check_lengths
from kpmonitor.trust import identity, pdfsign, qrseal
from kpmonitor.workspace import Workspace, init_home
from tests.conftest import EXAMPLE

posix_only = pytest.mark.skipif(os.name == "nt", reason="FIFOs, devices and POSIX links")
ESC, RLO = "\x1b", "\u202e"


def run(home: Path, *args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, ["--home", str(home), *args], input=stdin, catch_exceptions=False)


def example() -> dict[str, Any]:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture
def field(tmp_path: Path) -> Path:
    """A field home's folder."""
    home = tmp_path / "field"
    init_home(Paths.for_home(home), "field", "Jane Monitor")
    return home


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    """A USB stick with a secret beside it: what a link on the stick would make kpmonitor read."""
    (tmp_path / "secret").write_text("root:$6$hash:19000:0:99999:7:::\n")
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


# ------------------------------------------------------------------------------ the one reader


@posix_only
@pytest.mark.timeout(20)
def test_a_fifo_is_refused_without_waiting_for_a_writer(stick: Path) -> None:
    os.mkfifo(stick / "report.kpbundle")
    with pytest.raises(FileRefused, match=r"is not a regular file \(a pipe"):
        read_regular(stick / "report.kpbundle", 1 << 20, "bundle")


@posix_only
def test_a_link_is_refused_even_to_an_ordinary_file(stick: Path) -> None:
    (stick / "report.kpbundle").symlink_to(stick.parent / "secret")
    with pytest.raises(FileRefused, match="is a link, not a file; it was skipped"):
        read_regular(stick / "report.kpbundle", 1 << 20, "bundle")


@posix_only
@pytest.mark.timeout(20)
def test_a_device_or_a_link_to_one_is_not_read(stick: Path) -> None:
    (stick / "zero.pdf").symlink_to("/dev/zero")
    with pytest.raises(FileRefused, match="is a link"):
        read_regular(stick / "zero.pdf", 1 << 20, "file to verify")
    with pytest.raises(FileRefused, match="not a regular file"):
        read_regular(Path("/dev/zero"), 1 << 20, "file to verify")


def test_a_file_over_the_limit_is_refused_unread_and_one_at_it_is_read(tmp_path: Path) -> None:
    (tmp_path / "big").write_bytes(b"x" * 1025)
    (tmp_path / "fits").write_bytes(b"x" * 1024)
    with pytest.raises(FileRefused, match=r"big is 1\.0 KiB, more than a photo may be \(1\.0 KiB\)"):
        read_regular(tmp_path / "big", 1024, "photo")
    assert read_regular(tmp_path / "fits", 1024, "photo") == b"x" * 1024
    with pytest.raises(FileRefused, match="is a folder"):
        read_regular(tmp_path, 1024, "photo")
    with pytest.raises(FileNotFoundError):  # the caller words a missing file
        read_regular(tmp_path / "missing", 1024, "photo")


def test_the_head_is_checked_before_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "f").write_bytes(b"MOVIE" + b"\0" * 5000)
    seen: list[bytes] = []

    def refuse(head: bytes) -> None:
        seen.append(head)
        raise ValueError("a video")

    with pytest.raises(ValueError, match="a video"):
        read_regular(tmp_path / "f", 1 << 20, "photo", head=refuse)
    assert seen == [b"MOVIE" + b"\0" * 59]
    assert read_regular(tmp_path / "f", 1 << 20, "photo", head=lambda _h: None) == b"MOVIE" + b"\0" * 5000


# ------------------------------------------------------------------------------ the command line


@posix_only
@pytest.mark.timeout(20)
@pytest.mark.parametrize("kind", ["fifo", "link to /dev/zero", "link to a secret"])
def test_verify_refuses_a_special_file_with_a_sentence(stick: Path, tmp_path: Path, kind: str) -> None:
    target = stick / "report.pdf"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/zero" if kind == "link to /dev/zero" else stick.parent / "secret")
    result = run(tmp_path / "nohome", "verify", str(target))
    assert result.exit_code == 1
    assert ("not a regular file" if kind == "fifo" else "is a link, not a file") in result.output
    assert "root:$6$" not in result.output


@posix_only
@pytest.mark.timeout(20)
def test_photo_add_refuses_a_fifo_and_links_and_stores_nothing(stick: Path, field: Path) -> None:
    home = field
    (stick.parent / "doc.json").write_text(json.dumps(example()))
    inspection_id = run(home, "new", "--from-json", str(stick.parent / "doc.json")).output.strip().splitlines()[-1]
    from kpmonitor.demo.images import make_evidence_jpeg

    (stick.parent / "outside.jpg").write_bytes(make_evidence_jpeg(seed=1, title="x", lines=[], size=(64, 64)))
    os.mkfifo(stick / "IMG_0001.JPG")
    (stick / "IMG_0002.JPG").symlink_to(stick.parent / "outside.jpg")
    (stick / "IMG_0003.JPG").symlink_to("/dev/zero")
    (stick / "DCIM").symlink_to(stick.parent)  # a link to a folder is not followed
    result = run(home, "photo", "add", inspection_id, str(stick))
    assert result.exit_code == 1
    assert result.output.count("refused:") == 3
    assert "not a regular file" in result.output and result.output.count("is a link, not a file") == 2
    single = run(home, "photo", "add", inspection_id, str(stick / "IMG_0001.JPG"))
    assert single.exit_code == 1 and "not a regular file" in single.output
    with Workspace(Paths.for_home(home)) as ws:
        assert ws.inspection(inspection_id).photos == []


@posix_only
@pytest.mark.timeout(20)
def test_new_from_json_refuses_a_fifo_a_link_and_a_document_too_large(stick: Path, field: Path) -> None:
    home = field
    os.mkfifo(stick / "doc.json")
    (stick.parent / "real.json").write_text(json.dumps(example()))
    (stick / "link.json").symlink_to(stick.parent / "real.json")
    (stick / "huge.json").write_bytes(b"[" + b"0," * (3 << 20) + b"0]")
    for name, phrase in (("doc.json", "not a regular file"), ("link.json", "is a link"), ("huge.json", "more than")):
        started = time.monotonic()
        result = run(home, "new", "--from-json", str(stick / name))
        assert result.exit_code == 1 and phrase in result.output, result.output
        assert time.monotonic() - started < 5
    with Workspace(Paths.for_home(home)) as ws:
        assert ws.store.summaries(None, limit=10) == []
    # A document on stdin is read bounded too, and still works.
    piped = run(home, "new", "--from-json", "-", stdin=json.dumps(example()).encode())
    assert piped.exit_code == 0, piped.output


@posix_only
@pytest.mark.timeout(20)
def test_certificate_files_are_read_as_regular_files_only(stick: Path, field: Path) -> None:
    home = field
    os.mkfifo(stick / "cert.pem")
    (stick / "root.pem").symlink_to("/dev/zero")
    installed = run(home, "keys", "install", str(stick / "cert.pem"))
    assert installed.exit_code == 1 and "not a regular file" in installed.output
    checked = run(home, "verify", str(EXAMPLE), "--trust", str(stick / "root.pem"))
    assert checked.exit_code == 1 and "is a link, not a file" in checked.output
    with pytest.raises(identity.CertificateError, match="is a link"):
        identity.load_cert(stick / "root.pem")


@pytest.fixture(scope="module")
def hq_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("hq") / "hq"
    assert run(home, "init", "--role", "hq", "--name", "KP Monitoring HQ").exit_code == 0
    return home


@posix_only
@pytest.mark.timeout(20)
def test_hq_import_skips_fifos_and_links_with_a_sentence_and_copies_nothing(hq_home: Path, stick: Path) -> None:
    os.mkfifo(stick / "a.kpbundle")
    (stick / "b.kpbundle").symlink_to(stick.parent / "secret")
    (stick / "c.kpbundle").symlink_to("/dev/zero")
    (stick / "keys").symlink_to(hq_home)  # a link to a folder (the home's keys, say) is not walked
    result = run(hq_home, "hq", "import", str(stick), "--json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    by_name = {Path(r["file"]).name: r for r in data["results"]}
    assert set(by_name) == {"a.kpbundle", "b.kpbundle", "c.kpbundle"}
    assert all(r["outcome"] == "refused" and r["quarantined"] is None for r in by_name.values())
    assert "not a regular file" in by_name["a.kpbundle"]["sentence"]
    assert "is a link, not a file" in by_name["b.kpbundle"]["sentence"]
    assert "is a link, not a file" in by_name["c.kpbundle"]["sentence"]
    quarantine = Paths.for_home(hq_home).data / "inbox" / "quarantine"
    assert not quarantine.exists() or not any(b"root:$6$" in p.read_bytes() for p in quarantine.iterdir())
    log = json.loads(run(hq_home, "hq", "log", "--json").output)
    assert {row["file_name"] for row in log} >= {"a.kpbundle", "b.kpbundle", "c.kpbundle"}


@posix_only
def test_a_quarantined_copy_is_readable_by_headquarters_only(hq_home: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.kpbundle"
    junk.write_bytes(b"PK\x03\x04 not really a bundle " + secrets.token_bytes(64))
    result = run(hq_home, "hq", "import", str(junk), "--json")
    assert result.exit_code == 1
    quarantined = Path(json.loads(result.output)["results"][0]["quarantined"])
    for path in (quarantined, quarantined.with_name(quarantined.name + ".txt")):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


# ------------------------------------------------------------------------------ control characters


def test_printable_escapes_controls_and_bidi_and_keeps_every_script() -> None:
    assert printable("Jane\x1b[2J\x1b[H") == "Jane\\x1b[2J\\x1b[H"
    assert printable("a\u202eb\u2066c\u200fd\x9be\x7ff\x00") == "a\\u202eb\\u2066c\\u200fd\\x9be\\x7ff\\x00"
    assert printable("line\nbreak\r") == "line\\x0abreak\\x0d"
    assert printable("line\nbreak", lines=True) == "line\nbreak"
    for text in ("Amélie Ndlovu", "Ёжик", "東京", "مرحبا", "नमस्ते", "👩‍🔬", "Zürich 8001"):
        assert printable(text) == text
    assert json.loads(printable_json(json.dumps({"n": f"x{ESC}{RLO}\x85"}, ensure_ascii=False))) == \
        {"n": f"x{ESC}{RLO}\x85"}
    assert RLO not in printable_json(json.dumps({"n": RLO}, ensure_ascii=False))


def _forged_seal(monitor: str, number: str) -> str:
    """A QR seal signed by nobody headquarters knows, its text fields chosen by the forger."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import NameOID

    key = identity.generate_key()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, monitor)])  # made by hand: no kpmonitor checks
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30)).sign(key, hashes.SHA256()))
    payload = qrseal.build_payload(
        certificate_number=number, carats="1200.50", value_usd="36015.00", parcels=2, seals=["ZW-S-1"],
        verdict="certified", monitor=monitor, date="2026-01-01", report_id="f" * 32, report_version=1,
        audit_seq=1, audit_head="0" * 64, snapshot_sha256="0" * 64)
    return qrseal.encode_seal(payload, key, cert)


def test_a_forged_seal_cannot_repaint_the_verify_output(tmp_path: Path) -> None:
    repaint = f"{ESC}[1A{ESC}[2K\rGENUINE: vouched for{ESC}[8m"  # within a common name's 64
    seal = tmp_path / "seal.txt"
    seal.write_text(_forged_seal(f"Mallory{repaint}", f"ZW {RLO}712400"))
    result = run(tmp_path / "nohome", "verify", str(seal))
    assert result.exit_code == 1
    assert ESC not in result.output and RLO not in result.output and "\r" not in result.output
    assert "Mallory\\x1b[1A\\x1b[2K\\x0dGENUINE" in result.output and "ZW \\u202e712400" in result.output
    assert not result.output.startswith("GENUINE")
    assert "As the file claims (not verified): report ffffffff" in result.output
    as_json = run(tmp_path / "nohome", "verify", str(seal), "--json")
    assert ESC not in as_json.output and RLO not in as_json.output
    assert json.loads(as_json.output)["report"]["certificate_number"] == f"ZW {RLO}712400"


def test_a_refusal_quoting_a_file_name_is_escaped(tmp_path: Path) -> None:
    result = run(tmp_path / "nohome", "verify", str(tmp_path / f"x{ESC}]0;owned{ESC}\\.pdf"))
    assert ESC not in result.output


# ------------------------------------------------------------------------------ a page too large to render


def _huge_page_pdf() -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(14_400, 14_400))
    page.drawString(72, 72, "a page two hundred inches wide")
    page.showPage()
    page.save()
    return buffer.getvalue()


@pytest.mark.timeout(60)
def test_a_signed_pdf_with_a_huge_page_is_not_valid_quickly_without_rendering(tmp_path: Path) -> None:
    root_key = identity.generate_key()
    root = identity.make_root_ca(root_key, "KP Working Group on Monitoring")
    key = identity.generate_key()
    cert = identity.issue_certificate(root_key, root, identity.make_csr(key, "Tendai Moyo", secrets.token_hex(16)))
    signed = pdfsign.sign_pdf(_huge_page_pdf(), key, cert, [root], reason="KP monitoring report",
                              location="Harare, ZW", name="Tendai Moyo")
    (tmp_path / "huge.pdf").write_bytes(signed)
    (tmp_path / "root.pem").write_bytes(identity.pem(root))
    with pytest.raises(PageTooLarge, match="14,400 × 14,400 points"):
        read_qr_from_pdf(signed)
    started = time.monotonic()
    result = run(tmp_path / "nohome", "verify", str(tmp_path / "huge.pdf"), "--trust", str(tmp_path / "root.pem"))
    assert time.monotonic() - started < 15
    assert result.exit_code == 1 and result.output.startswith("NOT VALID")
    assert "larger than a report's page (A4 or Letter), so it was not rendered" in result.output


def test_a_pdf_whose_signature_fails_is_never_rendered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def must_not_render(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("rendered before the signature held")

    monkeypatch.setattr("kpmonitor.report.verify.read_qr_from_pdf", must_not_render)
    (tmp_path / "unsigned.pdf").write_bytes(_huge_page_pdf())
    result = run(tmp_path / "nohome", "verify", str(tmp_path / "unsigned.pdf"))
    assert result.exit_code == 1 and result.output.startswith("NOT VALID")


# ------------------------------------------------------------------------------ lengths


def test_an_80000_character_name_is_an_error_naming_the_field_and_its_limit() -> None:
    doc = example()
    doc["certificate"]["exporter"]["name"] = "A" * 80_000
    doc["findings"] = [{"severity": "info", "section": "general", "text": "B" * 10_000_000}]
    insp, _problems = from_document(doc)
    started = time.monotonic()
    found = {p.field: p for p in check_lengths(insp, None)}  # type: ignore[arg-type]
    assert time.monotonic() - started < 0.5
    assert found["certificate.exporter.name"].message == (
        f"The exporter's name is 80,000 characters long; at most {NAME_CHARS} are allowed.")
    assert found["findings[0].text"].message == (
        f"Finding 1's text is 10,000,000 characters long; at most {FINDING_CHARS:,} are allowed.")
    assert all(p.is_error for p in found.values())
    assert check_lengths(from_document(example())[0], None) == []  # type: ignore[arg-type]


def test_a_300_character_word_in_a_finding_wraps_inside_the_page(tmp_path: Path) -> None:
    import pypdfium2

    from kpmonitor.bundle.export import export_report
    from kpmonitor.report.sign import sign_inspection
    from tests.conftest import TEST_PASSPHRASE

    paths = Paths.for_home(tmp_path / "field")
    init_home(paths, "field", "Jane Monitor", TEST_PASSPHRASE)
    word = "W" * 300
    with Workspace(paths) as ws:
        insp, _warnings = ws.inspection_from_document(example())
        insp.findings.append(Finding(severity=FindingSeverity.INFO, section="general", text=word))
        insp.certificate.exporter.name = "E" * NAME_CHARS
        inspection_id = ws.store.create_inspection(insp)
        assert not [p for p in ws.validate(ws.store.get(inspection_id)) if p.is_error]
        report = sign_inspection(ws, inspection_id, TEST_PASSPHRASE)
        exported = export_report(ws, report.report_id, tmp_path / "usb")
    doc = pypdfium2.PdfDocument(exported.pdf.read_bytes())
    seen = 0
    for i in range(len(doc)):
        page = doc[i]
        width, _height = page.get_size()
        text = page.get_textpage()
        for c in range(text.count_chars()):
            if text.get_text_range(c, 1) not in ("W", "E"):
                continue
            left, _bottom, right, _top = text.get_charbox(c)
            seen += 1
            assert left >= 40 and right <= width - 40, (i, left, right)  # inside the 15 mm margins
    assert seen >= 300 + NAME_CHARS


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX")
def test_hq_anomalies_escape_a_monitor_name_made_to_overwrite_the_line(tmp_path: Path) -> None:
    from tests.test_bundle import export, make_device, make_hq, sign_doc

    hq = make_hq(tmp_path / "hq")
    honest = make_device(tmp_path / "a", "Amélie Ndlovu", hq)
    hostile = make_device(tmp_path / "b", f"Baraka{ESC}[1A{ESC}[2K\rNo anomalies.{RLO}", hq)
    first = sign_doc(honest, example())
    second = sign_doc(hostile, example())  # the same seals and certificate number on another shipment
    bundles = [export(honest, first, tmp_path / "out-a"), export(hostile, second, tmp_path / "out-b")]
    assert run(hq, "hq", "import", *map(str, bundles)).exit_code == 0
    for args in (("hq", "anomalies"), ("hq", "list"), ("hq", "anomalies", "--json"), ("hq", "log")):
        result = run(hq, *args)
        assert result.exit_code == 0
        assert ESC not in result.output and RLO not in result.output and "\r" not in result.output, args
    shown = run(hq, "hq", "anomalies").output
    assert "seal" in shown.lower() and "Baraka\\x1b[1A\\x1b[2K\\x0dNo anomalies.\\u202e" in shown
