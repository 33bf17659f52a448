"""Report bundles: made at signing, exported as one deterministic file, and every hostile archive refused.

The helpers at the top (a headquarters, devices whose certificates it issued, signed reports with photos)
are shared with test_hq.py and test_bundle_fuzz.py.
"""

from __future__ import annotations

import base64
import copy
import datetime as dt
import errno
import hashlib
import io
import json
import os
import re
import shutil
import stat
import struct
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

from kpmonitor.bundle import export as bundle  # the export functions, and the _write_zip_to they write through
from kpmonitor.bundle import format as bundle_format
from kpmonitor.bundle import verify as bundle_verify
from kpmonitor.bundle.format import BundleError, Limits, open_bundle, write_zip
from kpmonitor.bundle.verify import verify_bundle
from kpmonitor.demo.images import make_evidence_jpeg
from kpmonitor.domain.inspection import from_document
from kpmonitor.errors import KPError
from kpmonitor.paths import Paths
from kpmonitor.report.manifest import signature_valid
from kpmonitor.report.sign import sign_inspection
from kpmonitor.trust import ecdsa
from kpmonitor.trust.identity import load_certs
from kpmonitor.trust.keys import Keyring
from kpmonitor.workspace import Workspace
from tests.conftest import EXAMPLE, TEST_PASSPHRASE

# --------------------------------------------------------------------------- shared world helpers


def register_commands() -> None:
    """Register the bundle commands on the command line (cli.py does it once the lead wires them; harmless then)."""
    from kpmonitor.cli import field as cli_field
    from kpmonitor.cli import hq as cli_hq
    from kpmonitor.cli import main as cli_module

    for command in cli_hq.HQ_COMMANDS:
        cli_module.hq.commands.setdefault(str(command.name), command)
    cli_module.cli.commands.setdefault("export-unsent", cli_field.export_unsent)


def run(home: Path, *args: str) -> Result:
    from kpmonitor.cli.main import cli

    register_commands()
    return CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False)


def example() -> dict[str, Any]:
    return copy.deepcopy(json.loads(EXAMPLE.read_text(encoding="utf-8")))


def make_hq(home: Path, name: str = "KP Monitoring HQ") -> Path:
    assert run(home, "init", "--role", "hq", "--name", name).exit_code == 0
    return home


def make_device(home: Path, name: str, hq: Path | None) -> Path:
    """A field home; with ``hq``, holding the certificate that headquarters issued it."""
    assert run(home, "init", "--role", "field", "--name", name).exit_code == 0
    if hq is not None:
        req, cert = home.parent / f"{home.name}-req.pem", home.parent / f"{home.name}-cert.pem"
        assert run(home, "keys", "request", "--out", str(req)).exit_code == 0
        assert run(hq, "hq", "issue", str(req), "--out", str(cert)).exit_code == 0
        assert run(home, "keys", "install", str(cert)).exit_code == 0
    return home


def photo(seed: int, title: str = "Parcel") -> bytes:
    return make_evidence_jpeg(seed=seed, title=f"{title} {seed}", lines=["evidence"], size=(480, 360))


def sign_doc(field: Path, doc: dict[str, Any], photos: Iterable[bytes] = (), *, supersedes: str | None = None,
             changes: dict[str, Any] | None = None) -> str:
    """Create (or, with ``supersedes``, amend) an inspection, attach photos, acknowledge warnings, sign it."""
    with Workspace(Paths.for_home(field)) as ws:
        if supersedes is None:
            insp, problems = from_document(doc)
            assert not problems, problems
            inspection_id = ws.store.create_inspection(insp)
        else:
            old = ws.store.report(supersedes)["inspection_id"]
            inspection_id = ws.store.amend(old, "Re-weighed at the vault: the first weighing was wrong.")
        if changes:
            ws.store.update_inspection(inspection_id, changes)
        for i, data in enumerate(photos):
            info = ws.vault.ingest_bytes(data, f"IMG_{i:04d}.jpg")
            ws.attach_photo(inspection_id, info, caption=f"photo {i}",
                            parcel_id=ws.store.parcel_id(inspection_id, "1") if i % 2 == 0 else None)
        for p in ws.validate(ws.store.get(inspection_id)):
            if not p.is_error:
                ws.store.acknowledge(inspection_id, p.code, p.field, "Checked on site with the exporter.")
        return sign_inspection(ws, inspection_id, TEST_PASSPHRASE).report_id


def export(field: Path, report_id: str, out: Path) -> Path:
    with Workspace(Paths.for_home(field)) as ws:
        return bundle.export_bundle(ws, report_id, out)


def trust(hq: Path) -> tuple[Any, Any]:
    keyring = Keyring(Paths.for_home(hq))
    return keyring.root(), keyring.crl()


def entries_of(path_or_data: Path | bytes) -> dict[str, bytes]:
    data = path_or_data.read_bytes() if isinstance(path_or_data, Path) else path_or_data
    return {name: bytes(view) for name, view in open_bundle(data).items()}


def rezip(entries: dict[str, bytes]) -> bytes:
    """A canonical bundle of these files (what an attacker with a copy of kpmonitor could make)."""
    return write_zip(entries)


def hostile_zip(members: list[tuple[str | zipfile.ZipInfo, bytes]],
                compression: int = zipfile.ZIP_STORED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return buf.getvalue()


# ------------------------------------------------------------------------------------ the world


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("bundles")
    hq = make_hq(base / "hq")
    field = make_device(base / "field", "Amélie Ndlovu", hq)
    photos = [photo(1), photo(2, "Seal")]
    with_photos = sign_doc(field, example(), photos)
    doc = example()
    doc["certificate"]["number"] = "ZW 004218"
    doc["seals"] = [{"number": "ZW-C-000020", "type": "bolt", "iso_class": "H", "parcel": None}]
    plain_report = sign_doc(field, doc)
    out = base / "usb"
    return {"base": base, "hq": hq, "field": field, "photos": photos, "with_photos": with_photos,
            "plain": plain_report, "bundle": export(field, with_photos, out),
            "plain_bundle": export(field, plain_report, out)}


# -------------------------------------------------------------------------------------- signing


def test_signing_keeps_a_manifest_signed_by_the_device_key(world: dict[str, Any]) -> None:
    with Workspace(Paths.for_home(world["field"])) as ws:
        row = ws.store.report(world["with_photos"])
        vault_sizes = {sha: len(ws.vault.read_original(sha)) for sha in
                       (hashlib.sha256(p).hexdigest() for p in world["photos"])}
        assert ws.store.verify_audit().ok
    manifest = json.loads(row["manifest"])
    snap = json.loads(row["snapshot"])
    assert manifest["format"] == "kpmonitor-bundle/3"
    assert manifest["report"] == snap["report"]
    assert manifest["report"]["device_seq"] == 1 and manifest["report"]["audit"]["head"] == row["audit_head"]
    assert manifest["snapshot_sha256"] == row["snapshot_sha256"]
    files = {f["path"]: f for f in manifest["files"]}
    assert files["report.pdf"]["sha256"] == row["pdf_sha256"] and files["report.pdf"]["size"] == row["pdf_size"]
    for sha, size in vault_sizes.items():
        assert files[f"photos/{sha}.jpg"] == {"path": f"photos/{sha}.jpg", "size": size, "sha256": sha}
    assert set(files) == {"certs.pem", "report.pdf", "snapshot.json", *(f"photos/{s}.jpg" for s in vault_sizes)}
    leaf = load_certs(row["chain_pem"].encode())[0]
    assert signature_valid(leaf, row["manifest"].encode(), row["manifest_sig"].encode())
    assert not signature_valid(leaf, row["manifest"].encode() + b" ", row["manifest_sig"].encode())


# --------------------------------------------------------------------------------------- export


def test_export_writes_the_bundle_beside_the_pdf_without_a_passphrase(world: dict[str, Any], tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KPMONITOR_PASSPHRASE", "not the passphrase at all")
    result = run(world["field"], "export", world["with_photos"], "--out", str(tmp_path / "usb"))
    assert result.exit_code == 0, result.output
    pdf, kpbundle = (Path(line) for line in result.output.split())
    assert pdf.suffix == ".pdf" and kpbundle.suffix == ".kpbundle" and pdf.stem == kpbundle.stem
    assert sorted(p.name for p in (tmp_path / "usb").iterdir()) == sorted([pdf.name, kpbundle.name])
    assert kpbundle.read_bytes() == world["bundle"].read_bytes()  # the same report, the same bytes


def test_the_bundle_is_a_plain_zip_of_the_signed_files(world: dict[str, Any]) -> None:
    data = world["bundle"].read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        infos = zf.infolist()
        names = [i.filename for i in infos]
        assert names == sorted(names)
        assert all(i.compress_type == zipfile.ZIP_STORED and i.date_time == (1980, 1, 1, 0, 0, 0) for i in infos)
        assert all(stat.S_ISREG(i.external_attr >> 16) for i in infos)
        files = {i.filename: zf.read(i) for i in infos}
    with Workspace(Paths.for_home(world["field"])) as ws:
        row = ws.store.report(world["with_photos"])
        assert files["snapshot.json"] == row["snapshot"].encode()
        assert files["manifest.json"] == row["manifest"].encode()
        assert files["manifest.sig"] == row["manifest_sig"].encode()
        assert files["certs.pem"] == row["chain_pem"].encode()
        assert hashlib.sha256(files["report.pdf"]).hexdigest() == row["pdf_sha256"]
        for p in world["photos"]:
            sha = hashlib.sha256(p).hexdigest()
            assert files[f"photos/{sha}.jpg"] == p == ws.vault.read_original(sha)
    assert len(load_certs(files["certs.pem"])) == 2  # the device's certificate and headquarters' root


def test_the_bundle_verifies_with_every_check(world: dict[str, Any]) -> None:
    root, crl = trust(world["hq"])
    result = verify_bundle(world["bundle"].read_bytes(), root, crl)
    assert result.ok, result.verification.to_json()
    assert [c.name for c in result.verification.checks] == [
        "manifest signature", "issued by headquarters", "certificate within its validity period", "not revoked",
        "files match the manifest",
        "snapshot schema", "snapshot matches the manifest", "certificate names the signer", "history checkpoint",
        "photos match the snapshot", "PDF signature",
        "PDF carries the snapshot", "QR seal signature", "QR seal matches the report"]
    assert result.verification.summary["certificate_number"] == "ZW 004217"
    assert len(result.photos) == 2 and result.report_id == world["with_photos"]


def test_a_signing_time_in_the_future_is_named_as_every_moment_is(world: dict[str, Any]) -> None:
    import datetime as dt

    from kpmonitor.domain.moments import show_moment

    root, crl = trust(world["hq"])
    signed_at = json.loads(entries_of(world["bundle"])["manifest.json"])["report"]["signed_at"]
    before = dt.datetime.fromisoformat(signed_at) - dt.timedelta(days=3)
    result = verify_bundle(world["bundle"].read_bytes(), root, crl, now=before)
    check = next(c for c in result.verification.checks if c.name == "signing time")
    assert not check.ok and f"signed on {show_moment(signed_at)}, in the future" in check.detail
    assert re.search(r"signed on \d{4}-\d\d-\d\d \d\d:\d\d UTC, in the future", check.detail)


def test_a_new_export_folder_is_on_the_stick_before_the_export_counts_as_written(
        world: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kpmonitor import fileio

    synced: list[Path] = []
    real = fileio.fsync_dir
    monkeypatch.setattr(fileio, "fsync_dir", lambda path: (synced.append(Path(path)), real(path))[1])
    out = tmp_path / "stick" / "kp" / "2026-11"
    with Workspace(Paths.for_home(world["field"])) as ws:
        exported = bundle.write_export(bundle.prepare_export(ws, world["with_photos"], out))
    assert exported.bundle.parent == out and exported.pdf.parent == out
    # Each new folder's entry is in its parent, so each parent is fsynced: a pulled stick keeps the folders.
    for made in (tmp_path / "stick", tmp_path / "stick" / "kp", out):
        assert made.parent in synced, (made, synced)
    assert synced.count(out) >= 2  # and the folder itself, after each file is renamed into it


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_files_for_other_people_are_readable_by_them_and_the_homes_own_are_not(world: dict[str, Any],
                                                                               tmp_path: Path) -> None:
    def mode(path: Path) -> int:
        return stat.S_IMODE(path.stat().st_mode)

    base = world["base"]
    # A certificate request and the certificate issued from it travel between people (make_device).
    assert mode(base / "field-req.pem") == mode(base / "field-cert.pem") == 0o644
    assert mode(world["bundle"]) == 0o644
    assert mode(export_pdf(world, tmp_path / "usb")) == 0o644
    assert run(world["hq"], "hq", "publish", "--out", str(tmp_path / "pub")).exit_code == 0
    assert {p.name: mode(p) for p in (tmp_path / "pub").iterdir()} == {
        "kp-root.pem": 0o644, "kp-crl.pem": 0o644, "kp-trust-list.json": 0o644, "kp-verify.html": 0o644}
    assert run(world["hq"], "hq", "stats", "--csv", str(tmp_path / "stats.csv")).exit_code == 0
    assert mode(tmp_path / "stats.csv") == 0o644
    own = [p for home in (world["field"], world["hq"]) for p in (home / "keys").rglob("*") if p.is_file()]
    assert own and {p.name: mode(p) for p in own} == {p.name: 0o600 for p in own}


def export_pdf(world: dict[str, Any], out: Path) -> Path:
    with Workspace(Paths.for_home(world["field"])) as ws:
        return bundle.export_pdf(ws, world["with_photos"], out)


def test_an_interrupted_export_leaves_no_file_that_looks_complete(world: dict[str, Any], tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    real = bundle._write_zip_to

    def disk_full(fh: Any, entries: Any) -> int:
        fh.write(b"PK\x03\x04 half a bundle")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(bundle, "_write_zip_to", disk_full)
    with pytest.raises(BundleError, match=r"No space left on device.*nothing was left half-written"):
        export(world["field"], world["with_photos"], tmp_path)
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setattr(bundle, "_write_zip_to", real)
    assert export(world["field"], world["with_photos"], tmp_path).read_bytes() == world["bundle"].read_bytes()


def test_export_refuses_evidence_altered_on_disk(world: dict[str, Any], tmp_path: Path) -> None:
    field = tmp_path / "field"
    shutil.copytree(world["field"], field)
    sha = hashlib.sha256(world["photos"][0]).hexdigest()
    original = field / "photos" / sha[:2] / sha
    os.chmod(original, 0o644)
    original.write_bytes(original.read_bytes()[:-1] + b"\x00")
    with pytest.raises(KPError, match="no longer matches its fingerprint"):
        export(field, world["with_photos"], tmp_path / "usb")
    assert not (tmp_path / "usb").exists() or not list((tmp_path / "usb").glob("*.kpbundle"))


def test_a_report_signed_before_bundles_existed_is_refused_with_a_sentence(world: dict[str, Any]) -> None:
    with Workspace(Paths.for_home(world["field"])) as ws:
        row = {**ws.store.report(world["plain"]), "manifest": None}
        with pytest.raises(BundleError, match="signed before bundles existed"):
            bundle.bundle_entries(ws, row)


def test_export_unsent_remembers_what_was_sent(tmp_path: Path, world: dict[str, Any]) -> None:
    field = tmp_path / "field"
    shutil.copytree(world["field"], field)
    usb = tmp_path / "usb"
    with Workspace(Paths.for_home(field)) as ws:
        # The world exported both reports already.
        assert bundle.unsent_reports(ws) == []
        ws.store.conn.execute("DELETE FROM bundle_exports")
        ws.store.conn.commit()
        assert bundle.unsent_reports(ws) == [world["with_photos"], world["plain"]]
        seen: list[tuple[int, int]] = []
        written = bundle.export_unsent(ws, usb, progress=lambda d, t, _x: seen.append((d, t)) and None)
        assert len(written) == 4 and seen[-1] == (2, 2)
        assert bundle.unsent_reports(ws) == []
    result = run(field, "export-unsent", "--out", str(usb))
    assert result.exit_code == 0 and "already exported" in result.output
    doc = example()
    doc["certificate"]["number"] = "ZW 004299"
    doc["seals"] = [{"number": "ZW-C-000099", "type": "bolt", "iso_class": "H", "parcel": None}]
    newer = sign_doc(field, doc)
    result = run(field, "export-unsent", "--out", str(usb))
    assert result.exit_code == 0 and len(result.output.split()) == 2 and newer[:8] in result.output


# ----------------------------------------------------------------------------- hostile archives


def _symlink(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


@pytest.mark.parametrize(("members", "phrase"), [
    ([("../../home/user/.bashrc", b"x")], "climbs out of the archive"),
    ([("photos/../../evil.txt", b"x")], "climbs out of the archive"),
    ([("/etc/cron.d/evil", b"x")], "absolute path"),
    ([("C:/Windows/evil.dll", b"x")], "drive letter"),
    ([("photos\\..\\..\\evil.txt", b"x")], "backslash"),
    ([("report.pdfZ.txt", b"x")], "control characters"),
    ([(_symlink("report.pdf"), b"/etc/passwd")], "a link"),
    ([("notes.txt", b"hello")], "not part of a kpmonitor bundle"),
    ([("photos/", b"")], "not part of a kpmonitor bundle"),
    ([("report.pdf", b"a"), ("report.pdf", b"b")], "two entries named"),
], ids=["dotdot", "dotdot-inside", "absolute", "drive", "backslash", "nul", "symlink", "extra-name", "directory",
        "duplicate"])
def test_hostile_entries_are_refused_naming_the_entry(members: list[tuple[Any, bytes]], phrase: str) -> None:
    with pytest.warns(UserWarning) if phrase == "two entries named" else _nothing():
        # zipfile cuts names at a NUL when writing; put it in by hand, as an attacker would.
        data = hostile_zip(members).replace(b"report.pdfZ.txt", b"report.pdf\x00.txt")
    with pytest.raises(BundleError, match=phrase) as err:
        open_bundle(data)
    first = members[0][0]
    name = first.filename if isinstance(first, zipfile.ZipInfo) else first
    assert name.replace("Z.txt", "").split("\\")[0] in err.value.message


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *_a: object) -> None:
        return None


def test_a_zip_bomb_is_refused_before_anything_is_read() -> None:
    bomb = hostile_zip([("report.pdf", b"\0" * (20 << 20))], zipfile.ZIP_DEFLATED)
    assert len(bomb) < 100_000
    with pytest.raises(BundleError, match=r"would expand 1,0\d\d times.*zip bomb"):
        open_bundle(bomb)


def test_an_archive_declaring_more_than_the_size_limit_is_refused() -> None:
    data = bytearray(hostile_zip([("report.pdf", b"%PDF-1.7 tiny")]))
    # Make the central directory claim 3 GiB expanded (and compressed, so the ratio looks innocent).
    cd = data.rindex(b"PK\x01\x02")
    struct.pack_into("<II", data, cd + 20, 3 << 30, 3 << 30)
    with pytest.raises(BundleError, match=r"expand to 3\.0 GiB, more than the 1\.0 GiB allowed"):
        open_bundle(bytes(data))
    small = hostile_zip([("report.pdf", b"x" * 5000), ("snapshot.json", b"y" * 5000)])
    with pytest.raises(BundleError, match=r"expand to 9\.8 KiB"):
        open_bundle(small, Limits(max_expanded_bytes=8000))
    with pytest.raises(BundleError, match="2 entries, more than the 1 allowed"):
        open_bundle(small, Limits(max_entries=1))
    with pytest.raises(BundleError, match="more than a bundle may be"):
        open_bundle(small, Limits(max_file_bytes=1000))


def test_a_bundle_repacked_with_compression_is_refused(world: dict[str, Any]) -> None:
    repacked = hostile_zip(sorted(entries_of(world["bundle"]).items()), zipfile.ZIP_DEFLATED)
    with pytest.raises(BundleError, match=r"is compressed"):
        open_bundle(repacked)


@pytest.mark.parametrize("cut", [0.5, 0.95, -1, -22, 10])
def test_a_truncated_bundle_is_refused(world: dict[str, Any], cut: float) -> None:
    data = world["bundle"].read_bytes()
    end = int(len(data) * cut) if 0 < cut < 1 else (len(data) + int(cut) if cut < 0 else int(cut))
    with pytest.raises(BundleError, match=r"not a complete bundle|truncated|zip structure"):
        open_bundle(data[:end])


def test_not_a_zip_and_an_empty_zip_are_refused() -> None:
    with pytest.raises(BundleError, match="not a complete bundle"):
        open_bundle(b"%PDF-1.7 this is a PDF, not a bundle")
    with pytest.raises(BundleError, match="empty"):
        open_bundle(hostile_zip([]))


def test_every_header_byte_is_checked_against_the_one_layout(world: dict[str, Any]) -> None:
    data = world["bundle"].read_bytes()
    # A changed time in the first local header: zip tools ignore it, the layout check does not.
    changed = bytearray(data)
    changed[10] ^= 0x01
    with pytest.raises(BundleError, match=r"zip structure was altered .* at byte 10"):
        open_bundle(bytes(changed))
    with pytest.raises(BundleError, match="zip structure"):
        open_bundle(data + b"trailing")
    entries = entries_of(data)
    unsorted = hostile_zip(list(reversed(sorted(entries.items()))))
    with pytest.raises(BundleError, match="not in the order kpmonitor writes"):
        open_bundle(unsorted)
    assert rezip(entries) == data


# ------------------------------------------------------------------------------- altered content


def _refusal(data: bytes, hq: Path) -> str:
    root, crl = trust(hq)
    try:
        result = verify_bundle(data, root, crl, stop_early=True)
    except BundleError as exc:
        return exc.message
    assert not result.ok
    return result.refusal


def test_a_missing_photo_is_caught(world: dict[str, Any]) -> None:
    entries = entries_of(world["bundle"])
    name = next(n for n in entries if n.startswith("photos/"))
    del entries[name]
    assert _refusal(rezip(entries), world["hq"]) == f"The manifest lists “{name}”, which is missing from the bundle."


def test_an_extra_file_is_caught(world: dict[str, Any]) -> None:
    entries = entries_of(world["bundle"])
    extra = photo(99)
    name = f"photos/{hashlib.sha256(extra).hexdigest()}.jpg"
    entries[name] = extra
    assert "which its manifest does not list" in _refusal(rezip(entries), world["hq"])
    assert name in _refusal(rezip(entries), world["hq"])


def test_an_altered_photo_or_pdf_is_caught(world: dict[str, Any]) -> None:
    for target in ("photos/", "report.pdf", "snapshot.json", "certs.pem"):
        entries = entries_of(world["bundle"])
        name = next(n for n in entries if n.startswith(target))
        body = bytearray(entries[name])
        body[len(body) // 2] ^= 0x20
        entries[name] = bytes(body)
        refusal = _refusal(rezip(entries), world["hq"])
        assert f"{name} was altered: it does not match its SHA-256" in refusal or (
            name == "certs.pem" and "certs.pem was altered, replaced or removed" in refusal), refusal


def test_an_altered_or_replaced_manifest_is_caught(world: dict[str, Any]) -> None:
    entries = entries_of(world["bundle"])
    manifest = json.loads(entries["manifest.json"])
    manifest["report"]["device_seq"] = 7
    entries["manifest.json"] = json.dumps(manifest, sort_keys=True, separators=(",", ":"),
                                          ensure_ascii=False).encode()
    assert "signature does not match" in _refusal(rezip(entries), world["hq"])
    # Another valid report's manifest and signature, with this report's files.
    other = entries_of(world["plain_bundle"])
    entries = entries_of(world["bundle"])
    entries["manifest.json"], entries["manifest.sig"] = other["manifest.json"], other["manifest.sig"]
    assert "which its manifest does not list" in _refusal(rezip(entries), world["hq"])
    entries = {n: b for n, b in entries.items() if not n.startswith("photos/")}
    refusal = _refusal(rezip(entries), world["hq"])
    assert refusal.startswith("report.pdf is ") and "bytes, not the" in refusal
    assert refusal.endswith("it was truncated, padded or replaced.")


def test_the_signature_text_has_exactly_one_form(world: dict[str, Any]) -> None:
    entries = entries_of(world["bundle"])
    text = entries["manifest.sig"]
    der = base64.b64decode(text)
    assert text.endswith(b"=") or len(der) % 3 == 0
    if text.endswith(b"="):  # the last data character has unused low bits: setting one decodes the same
        alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
        i = len(text.rstrip(b"=")) - 1
        loose = text[:i] + bytes([alphabet[alphabet.index(text[i]) | 1]]) + text[i + 1:]
        if loose != text:
            assert base64.b64decode(loose) == der
            entries["manifest.sig"] = loose
            assert "signature does not match" in _refusal(rezip(entries), world["hq"])


def test_manifest_signatures_are_low_s_and_the_high_s_twin_is_refused(world: dict[str, Any]) -> None:
    entries = entries_of(world["bundle"])
    r, s = decode_dss_signature(base64.b64decode(entries["manifest.sig"]))
    assert s <= ecdsa.P256_ORDER // 2  # what signing wrote
    leaf = load_certs(entries["certs.pem"])[0]
    twin = encode_dss_signature(r, ecdsa.P256_ORDER - s)
    public_key = leaf.public_key()
    assert isinstance(public_key, ec.EllipticCurvePublicKey)
    public_key.verify(twin, entries["manifest.json"], ec.ECDSA(hashes.SHA256()))  # valid ECDSA as such
    assert not signature_valid(leaf, entries["manifest.json"], base64.b64encode(twin))
    entries["manifest.sig"] = base64.b64encode(twin)
    assert "signature does not match" in _refusal(rezip(entries), world["hq"])


def test_signing_normalises_s_and_the_manifest_check_wants_strict_der() -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    for n in range(20):  # random k: about half of the raw signatures are high-S
        data = b"manifest %d" % n
        der = ecdsa.sign_der(key, data)
        r, s = decode_dss_signature(der)
        assert s <= ecdsa.P256_ORDER // 2
        assert ecdsa.verify(key.public_key(), r, s, data)
        assert not ecdsa.verify(key.public_key(), r, ecdsa.P256_ORDER - s, data)
    # The same (r, s) with a long-form SEQUENCE length (0x81 0x..): another byte string, refused.
    assert der[0] == 0x30 and der[1] < 0x80
    assert ecdsa.parse_der(b"\x30\x81" + der[1:]) is None and ecdsa.parse_der(der) == (r, s)


def test_a_snapshot_that_breaks_its_schema_is_caught() -> None:
    assert bundle_format.snapshot_problems({"format": "kpmonitor-report/1"})[0].startswith("The snapshot has no report")
    assert "format" in bundle_format.snapshot_problems({"format": "other/9"})[0]
    assert bundle_format.snapshot_problems([]) == ["The snapshot is not a JSON object."]
    assert bundle_format.manifest_problems({"report": {}})[0].startswith("The manifest: the report id")


def test_verify_bundle_file_never_raises(tmp_path: Path, world: dict[str, Any]) -> None:
    root, crl = trust(world["hq"])
    junk = tmp_path / "junk.kpbundle"
    junk.write_bytes(b"PK\x03\x04 not really")
    v = bundle_verify.verify_bundle_file(junk, root, crl)
    assert not v.ok and "not a complete bundle" in v.checks[0].detail
    assert not bundle_verify.verify_bundle_file(tmp_path / "missing.kpbundle", root, crl).ok
    assert bundle_verify.verify_bundle_file(world["bundle"], root, crl).ok


def test_kpmonitor_verify_checks_a_bundle(world: dict[str, Any], tmp_path: Path) -> None:
    from kpmonitor.verifying import verify_file

    root = world["hq"] / "keys" / "root-cert.pem"
    if verify_file(world["bundle"], trust=root).kind == "unknown":
        pytest.skip("verifying.verify_file does not hand bundles to bundle.verify_bundle_data yet")
    result = run(tmp_path / "nohome", "verify", str(world["bundle"]), "--trust", str(root), "--json")
    assert result.exit_code == 0 and json.loads(result.output)["kind"] == "bundle", result.output
    bad = tmp_path / "bad.kpbundle"
    bad.write_bytes(world["bundle"].read_bytes()[:-30])
    result = run(tmp_path / "nohome", "verify", str(bad), "--trust", str(root))
    assert result.exit_code == 1 and "NOT VALID" in result.output


def stale_crl(hq: Path, days_ago: int = 400) -> Any:
    """Headquarters' own list, properly signed, issued ``days_ago`` days ago for 30 days."""
    from kpmonitor.trust import identity
    from tests.conftest import TEST_PASSPHRASE

    keyring = Keyring(Paths.for_home(hq))
    return identity.make_crl(keyring.load_root_key(TEST_PASSPHRASE), keyring.root(), [],
                             now=dt.datetime.now(dt.UTC) - dt.timedelta(days=days_ago))


def test_a_revocation_list_past_its_next_update_fails_judged_at_the_time_of_verifying(world: dict[str, Any]) -> None:
    root, _crl = trust(world["hq"])
    crl = stale_crl(world["hq"])
    data = world["bundle"].read_bytes()
    result = verify_bundle(data, root, crl)
    failed = [c for c in result.verification.checks if not c.ok]
    assert not result.ok and [c.name for c in failed] == ["not revoked"]
    assert "out of date" in failed[0].detail and f"{crl.next_update_utc:%Y-%m-%d}" in failed[0].detail
    # The report's signing time does not matter: verified while the list was fresh, only the chain is judged.
    fresh = verify_bundle(data, root, crl, now=crl.next_update_utc - dt.timedelta(hours=1))
    assert "out of date" not in " ".join(c.detail for c in fresh.verification.checks)
