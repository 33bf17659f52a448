"""Photo evidence: what is accepted, what is refused, and that the original stays original."""

from __future__ import annotations

import hashlib
import io
import os
import random
import struct
import time
import warnings
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import ExifTags, Image, ImageDraw, ImageOps

from kpmonitor.demo.images import KINDS, encode_with_exif, make_evidence_jpeg
from kpmonitor.errors import PhotoError
from kpmonitor.evidence.photos import PhotoInfo, PhotoVault, iter_image_files
from tests.conftest import in_threads

CAT = timezone(timedelta(hours=2))  # Harare
RED = (220, 20, 20)


@pytest.fixture
def vault(tmp_path: Path) -> PhotoVault:
    return PhotoVault(tmp_path / "originals", tmp_path / "thumbs")


def stored_files(vault: PhotoVault) -> list[Path]:
    """Every file in the vault, temp files included."""
    return sorted(p for d in (vault.originals_dir, vault.thumbs_dir) for p in d.rglob("*") if p.is_file())


def marked_scene(size: tuple[int, int] = (400, 300)) -> Image.Image:
    """A landscape picture with a red block in its top-left corner only."""
    im = Image.new("RGB", size, (235, 235, 235))
    w, h = size
    ImageDraw.Draw(im).rectangle((0, 0, w // 4, h // 4), fill=RED)
    return im


def rgb_at(im: Image.Image, xy: tuple[int, int]) -> tuple[int, int, int]:
    pixel = im.convert("RGB").getpixel(xy)
    assert isinstance(pixel, tuple)
    return int(pixel[0]), int(pixel[1]), int(pixel[2])


def is_red(im: Image.Image, xy: tuple[int, int]) -> bool:
    r, g, b = rgb_at(im, xy)
    return r > 150 and g < 90 and b < 90


def assert_upright(im: Image.Image) -> None:
    """Landscape, with the red marker top-left and nowhere else."""
    im = im.convert("RGB")
    w, h = im.size
    assert w > h, f"expected landscape, got {w} × {h}"
    assert is_red(im, (w // 10, h // 10))
    for x, y in ((w * 9 // 10, h // 10), (w // 10, h * 9 // 10), (w * 9 // 10, h * 9 // 10)):
        assert not is_red(im, (x, y)), f"marker found at {(x, y)}"


def png_bytes(im: Image.Image, **params: object) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "PNG", **params)
    return buf.getvalue()


def jpeg_bytes(im: Image.Image, **params: object) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "JPEG", **params)
    return buf.getvalue()


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def bomb_png(width: int, height: int) -> bytes:
    """A few dozen bytes that declare a gigantic image."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + png_chunk(b"IEND", b"")
    )


def bomb_jpeg(width: int, height: int) -> bytes:
    """A real small JPEG whose frame header is rewritten to claim ``width`` × ``height``."""
    data = bytearray(jpeg_bytes(Image.new("RGB", (16, 16), "white")))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


# --- orientation -------------------------------------------------------------------------


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_is_reported_and_shown_upright(vault: PhotoVault, orientation: int) -> None:
    data = encode_with_exif(marked_scene(), taken_at=None, gps=None, orientation=orientation)
    stored = Image.open(io.BytesIO(data))
    if orientation >= 5:
        assert stored.size == (300, 400), "the camera stored the picture on its side"

    info = vault.ingest_bytes(data, "IMG_0001.JPG")

    assert info.orientation == orientation
    assert (info.width, info.height) == (400, 300)
    with Image.open(vault.thumbnail(info.sha256)) as thumb:
        assert thumb.size == (256, 192)
        assert_upright(thumb)
    with Image.open(io.BytesIO(vault.scaled_jpeg(info.sha256, max_side=200))) as scaled:
        assert scaled.size == (200, 150)
        assert_upright(scaled)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_orientation_handling_matches_pillow_exif_transpose(vault: PhotoVault, orientation: int) -> None:
    data = encode_with_exif(marked_scene((320, 240)), taken_at=None, gps=None, orientation=orientation)
    info = vault.ingest_bytes(data, "a.jpg")
    reference = ImageOps.exif_transpose(Image.open(io.BytesIO(data)))
    reference.thumbnail((256, 256))
    with Image.open(vault.thumbnail(info.sha256)) as ours:
        assert ours.size == reference.size
        assert is_red(ours, (20, 20)) == is_red(reference, (20, 20))


def test_a_missing_or_nonsense_orientation_counts_as_upright(vault: PhotoVault) -> None:
    plain = vault.examine(jpeg_bytes(marked_scene()), "plain.jpg")
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 42
    odd = vault.examine(jpeg_bytes(marked_scene(), exif=exif), "odd.jpg")
    assert plain.orientation == odd.orientation == 1
    assert (odd.width, odd.height) == (400, 300)


# --- time, place, camera -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lat", "lon"),
    [(-20.123456, 32.654321), (51.501364, -0.14189), (-33.868820, -70.209346), (25.204849, 55.270783)],
    ids=["south-east", "north-west", "south-west", "north-east"],
)
def test_gps_position_is_read_with_the_sign_of_each_hemisphere(vault: PhotoVault, lat: float, lon: float) -> None:
    data = make_evidence_jpeg(seed=1, title="P1", lines=[], size=(320, 240), gps=(lat, lon), altitude_m=1012.5)

    exif = Image.open(io.BytesIO(data)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert exif[ExifTags.GPS.GPSLatitudeRef] == ("N" if lat > 0 else "S")
    assert exif[ExifTags.GPS.GPSLongitudeRef] == ("E" if lon > 0 else "W")

    info = vault.examine(data, "IMG.JPG")
    assert info.gps_lat == pytest.approx(lat, abs=1e-6)
    assert info.gps_lon == pytest.approx(lon, abs=1e-6)
    assert info.gps_alt_m == pytest.approx(1012.5)


def test_altitude_below_sea_level_is_negative(vault: PhotoVault) -> None:
    data = make_evidence_jpeg(seed=2, title="P", lines=[], size=(320, 240), gps=(31.5, 35.5), altitude_m=-430.0)
    assert vault.examine(data, "x.jpg").gps_alt_m == pytest.approx(-430.0)


def test_a_camera_without_a_fix_gives_no_position(vault: PhotoVault) -> None:
    exif = Image.Exif()
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (0.0, 0.0, 0.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (0.0, 0.0, 0.0),
    }
    info = vault.examine(jpeg_bytes(marked_scene(), exif=exif), "nofix.jpg")
    assert (info.gps_lat, info.gps_lon) == (None, None)


@pytest.mark.parametrize(
    ("taken_at", "expected"),
    [
        (datetime(2024, 3, 5, 10, 11, 12, tzinfo=CAT), "2024-03-05T10:11:12+02:00"),
        (
            datetime(2023, 11, 30, 23, 59, 58, tzinfo=timezone(-timedelta(hours=3, minutes=30))),
            "2023-11-30T23:59:58-03:30",
        ),
        (datetime(2024, 3, 5, 10, 11, 12), "2024-03-05T10:11:12"),
    ],
    ids=["utc-plus", "utc-minus-half-hour", "camera-without-offset"],
)
def test_capture_time_carries_the_cameras_utc_offset_when_it_wrote_one(
    vault: PhotoVault, taken_at: datetime, expected: str
) -> None:
    data = make_evidence_jpeg(seed=3, title="P", lines=[], size=(320, 240), taken_at=taken_at)
    info = vault.examine(data, "t.jpg")
    assert info.taken_at == expected
    assert datetime.fromisoformat(expected) == datetime.fromisoformat(info.taken_at)


def test_a_photo_without_exif_has_no_time_place_or_camera(vault: PhotoVault) -> None:
    info = vault.examine(jpeg_bytes(marked_scene()), "bare.jpg")
    assert (info.taken_at, info.gps_lat, info.gps_lon, info.gps_alt_m, info.camera) == (None,) * 5


def test_an_unset_camera_clock_gives_no_time(vault: PhotoVault) -> None:
    exif = Image.Exif()
    exif[ExifTags.IFD.Exif] = {ExifTags.Base.DateTimeOriginal: "0000:00:00 00:00:00"}
    assert vault.examine(jpeg_bytes(marked_scene(), exif=exif), "x.jpg").taken_at is None


def test_camera_is_make_and_model_without_repeating_the_make(vault: PhotoVault) -> None:
    demo = make_evidence_jpeg(seed=4, title="P", lines=[], size=(320, 240))
    assert vault.examine(demo, "d.jpg").camera == "KP Demo Camera"
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "NIKON CORPORATION\x00"
    exif[ExifTags.Base.Model] = "NIKON Z 6_2 "
    assert vault.examine(jpeg_bytes(marked_scene(), exif=exif), "n.jpg").camera == "NIKON CORPORATION NIKON Z 6_2"


# --- accepted formats ----------------------------------------------------------------------


def test_a_jpeg_is_kept_byte_for_byte_under_its_sha256(vault: PhotoVault, tmp_path: Path) -> None:
    data = make_evidence_jpeg(seed=5, title="Parcel 1", lines=["10.00 ct"], size=(640, 480))
    src = tmp_path / "DCIM" / "IMG_0005.JPG"
    src.parent.mkdir()
    src.write_bytes(data)

    info = vault.ingest(src)

    assert info == PhotoInfo(
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        format="JPEG",
        mime="image/jpeg",
        width=640,
        height=480,
        orientation=1,
        taken_at=None,
        gps_lat=None,
        gps_lon=None,
        gps_alt_m=None,
        camera="KP Demo Camera",
        original_name="IMG_0005.JPG",
    )
    assert vault.has(info.sha256)
    assert vault.original_path(info.sha256) == vault.originals_dir / info.sha256[:2] / info.sha256
    assert vault.original_path(info.sha256).read_bytes() == data
    assert vault.read_original(info.sha256) == data


def test_png_is_accepted_and_transparency_becomes_white_in_the_thumbnail(vault: PhotoVault) -> None:
    im = Image.new("RGBA", (300, 200), (0, 0, 0, 0))
    ImageDraw.Draw(im).rectangle((0, 0, 60, 40), fill=(*RED, 255))
    info = vault.ingest_bytes(png_bytes(im), "screenshot.png")

    assert (info.format, info.mime, info.width, info.height) == ("PNG", "image/png", 300, 200)
    with Image.open(vault.thumbnail(info.sha256)) as thumb:
        assert thumb.mode == "RGB"
        assert is_red(thumb, (5, 5))
        assert min(rgb_at(thumb, (200, 100))) > 240


def test_sixteen_bit_png_is_accepted(vault: PhotoVault) -> None:
    im = Image.new("I;16", (64, 48), 40000)
    info = vault.ingest_bytes(png_bytes(im), "scan.png")
    with Image.open(vault.thumbnail(info.sha256)) as thumb:
        assert thumb.mode == "RGB"


def test_png_exif_orientation_is_applied(vault: PhotoVault) -> None:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 3
    info = vault.ingest_bytes(png_bytes(marked_scene().rotate(180), exif=exif), "r.png")
    assert info.orientation == 3
    with Image.open(vault.thumbnail(info.sha256)) as thumb:
        assert_upright(thumb)


def _heif_encoder() -> bool:
    try:
        import pillow_heif
    except ImportError:
        return False
    return bool(pillow_heif.libheif_info().get("HEIF"))


heif_encoder = pytest.mark.skipif(not _heif_encoder(), reason="this pillow-heif wheel has no HEIF encoder")


@heif_encoder
def test_heic_from_a_phone_is_accepted_and_shown_upright(vault: PhotoVault) -> None:
    import pillow_heif

    pillow_heif.register_heif_opener()
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Apple"
    exif[ExifTags.Base.Model] = "iPhone 15"
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.IFD.Exif] = {
        ExifTags.Base.DateTimeOriginal: "2024:03:05 10:11:12",
        ExifTags.Base.OffsetTimeOriginal: "+02:00",
    }
    # Held upright, the phone stores the scene turned a quarter anticlockwise and says "6".
    stored = marked_scene().transpose(Image.Transpose.ROTATE_90)
    buf = io.BytesIO()
    stored.save(buf, "HEIF", exif=exif.tobytes(), quality=90)

    info = vault.ingest_bytes(buf.getvalue(), "IMG_4242.HEIC")

    assert (info.format, info.mime) == ("HEIF", "image/heif")
    assert (info.width, info.height) == (400, 300)
    assert info.orientation == 6
    assert info.taken_at == "2024-03-05T10:11:12+02:00"
    assert info.camera == "Apple iPhone 15"
    assert vault.read_original(info.sha256) == buf.getvalue()
    with Image.open(vault.thumbnail(info.sha256)) as thumb:
        assert_upright(thumb)


# --- refused files -------------------------------------------------------------------------


def _truncated_jpeg() -> bytes:
    data = make_evidence_jpeg(seed=6, title="P", lines=["1.00 ct"], size=(800, 600))
    return data[: len(data) * 2 // 3]


def _gif() -> bytes:
    buf = io.BytesIO()
    Image.new("P", (10, 10)).save(buf, "GIF")
    return buf.getvalue()


def _tiff() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buf, "TIFF")
    return buf.getvalue()


def _webp() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buf, "WEBP")
    return buf.getvalue()


REFUSED: dict[str, tuple[bytes, str]] = {
    "truncated-jpeg": (_truncated_jpeg(), "damaged or incomplete"),
    "truncated-png": (png_bytes(marked_scene())[:-300], "damaged or incomplete"),
    "random-bytes": (random.Random(7).randbytes(5000), "not an image"),
    "text": (b"Parcel 3: 152.40 ct\n", "not an image"),
    "gif": (_gif(), "GIF"),
    "tiff": (_tiff(), "TIFF"),
    "webp": (_webp(), "WebP"),
    "mp4": (b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + bytes(100), "video"),
    "jpeg-header-only": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "damaged or incomplete"),
    "png-bomb": (bomb_png(100_000, 100_000), "too large"),
    "jpeg-bomb": (bomb_jpeg(60_000, 60_000), "too large"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_a_bad_file_is_refused_with_a_sentence_naming_it_and_leaves_nothing(
    vault: PhotoVault, tmp_path: Path, case: str
) -> None:
    data, reason = REFUSED[case]
    src = tmp_path / f"IMG_{case}.JPG"
    src.write_bytes(data)

    with pytest.raises(PhotoError) as err:
        vault.ingest(src)

    assert str(src) in str(err.value)
    assert reason in str(err.value)
    assert "\n" not in str(err.value) and "Traceback" not in str(err.value)
    assert stored_files(vault) == []


@pytest.mark.parametrize("case", REFUSED)
def test_bytes_are_refused_the_same_way(vault: PhotoVault, case: str) -> None:
    data, reason = REFUSED[case]
    with pytest.raises(PhotoError, match=reason) as err:
        vault.ingest_bytes(data, "from-bundle.jpg")
    assert "from-bundle.jpg" in str(err.value)
    assert stored_files(vault) == []


def test_empty_file_missing_file_and_folder_are_refused(vault: PhotoVault, tmp_path: Path) -> None:
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    with pytest.raises(PhotoError, match="empty"):
        vault.ingest(empty)
    with pytest.raises(PhotoError, match="does not exist"):
        vault.ingest(tmp_path / "gone.jpg")
    with pytest.raises(PhotoError, match="folder"):
        vault.ingest(tmp_path)
    with pytest.raises(PhotoError, match="empty"):
        vault.ingest_bytes(b"", "x.jpg")
    assert stored_files(vault) == []


def test_bomb_is_refused_from_the_header_without_pillow_warning(vault: PhotoVault) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a DecompressionBombWarning would fail the test
        # 100 MP sits where Pillow only warns; 400 MP and 900 MP where it raises.
        for data in (bomb_png(10_000, 10_000), bomb_png(20_000, 20_000), bomb_jpeg(30_000, 30_000)):
            with pytest.raises(PhotoError, match="too large to open safely"):
                vault.examine(data, "bomb")


def test_the_vaults_own_pixel_limit_is_enforced(tmp_path: Path) -> None:
    small_limit = PhotoVault(tmp_path / "o", tmp_path / "t", max_pixels=100_000)
    with pytest.raises(PhotoError, match="400 × 300 pixels"):
        small_limit.examine(jpeg_bytes(marked_scene()), "big.jpg")
    assert small_limit.examine(jpeg_bytes(marked_scene((300, 300))), "ok.jpg").width == 300


def test_pillows_process_wide_limit_also_holds_and_never_warns(
    vault: PhotoVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 50_000)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(PhotoError, match="too large"):
            vault.examine(jpeg_bytes(marked_scene()), "big.jpg")  # 120 000 px: Pillow would warn


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(
    prefix=st.sampled_from([b"", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"\x00\x00\x00\x18ftypheic"]),
    tail=st.binary(max_size=2000),
)
def test_arbitrary_bytes_get_a_sentence_never_a_traceback(vault: PhotoVault, prefix: bytes, tail: bytes) -> None:
    try:
        vault.examine(prefix + tail, "junk.jpg")
    except PhotoError as err:
        assert "junk.jpg" in str(err)


GOOD_JPEG = make_evidence_jpeg(seed=8, title="P", lines=["3.21 ct"], size=(320, 240), gps=(-20.0, 32.0))


@settings(max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(cut=st.integers(min_value=0, max_value=len(GOOD_JPEG) - 1))
def test_a_jpeg_cut_short_anywhere_is_refused(vault: PhotoVault, cut: int) -> None:
    with pytest.raises(PhotoError):
        vault.examine(GOOD_JPEG[:cut], "cut.jpg")


# --- storage -------------------------------------------------------------------------------


def test_examine_writes_nothing(vault: PhotoVault) -> None:
    info = vault.examine(GOOD_JPEG, "x.jpg")
    assert info.gps_lat == pytest.approx(-20.0)
    assert not vault.has(info.sha256)
    assert stored_files(vault) == []


def test_the_same_bytes_twice_are_stored_once_and_not_rewritten(vault: PhotoVault, tmp_path: Path) -> None:
    first = tmp_path / "card1" / "IMG_0001.JPG"
    second = tmp_path / "card2" / "copy of IMG_0001.JPG"
    for p in (first, second):
        p.parent.mkdir()
        p.write_bytes(GOOD_JPEG)

    a = vault.ingest(first)
    blob = vault.original_path(a.sha256)
    before = blob.stat()
    b = vault.ingest(second)
    after = blob.stat()

    assert a.sha256 == b.sha256
    assert (a.original_name, b.original_name) == ("IMG_0001.JPG", "copy of IMG_0001.JPG")
    originals = [p for p in vault.originals_dir.rglob("*") if p.is_file()]
    assert originals == [blob]
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_concurrent_ingests_of_one_photo_leave_one_blob_and_no_temp(vault: PhotoVault) -> None:
    assert in_threads(lambda: vault.ingest_bytes(GOOD_JPEG, "x.jpg")) == []
    originals = [p for p in vault.originals_dir.rglob("*") if p.is_file()]
    assert [p.name for p in originals] == [hashlib.sha256(GOOD_JPEG).hexdigest()]
    assert not [p for p in stored_files(vault) if p.name.startswith(".")]


def test_a_full_disk_gives_a_sentence_and_leaves_nothing(vault: PhotoVault, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_space(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(PhotoError, match="could not be saved: No space left on device"):
        vault.ingest_bytes(GOOD_JPEG, "x.jpg")
    assert stored_files(vault) == []


def test_read_original_detects_a_tampered_blob(vault: PhotoVault) -> None:
    info = vault.ingest_bytes(GOOD_JPEG, "x.jpg")
    blob = vault.original_path(info.sha256)
    blob.chmod(0o644)
    tampered = bytearray(blob.read_bytes())
    tampered[len(tampered) // 2] ^= 0x01
    blob.write_bytes(bytes(tampered))

    with pytest.raises(PhotoError, match="no longer matches its fingerprint"):
        vault.read_original(info.sha256)


def test_a_missing_thumbnail_is_rebuilt_but_never_from_tampered_bytes(vault: PhotoVault) -> None:
    info = vault.ingest_bytes(GOOD_JPEG, "x.jpg")
    thumb = vault.thumbnail(info.sha256)
    thumb.unlink()
    assert vault.thumbnail(info.sha256) == thumb
    assert thumb.stat().st_size > 0

    thumb.unlink()
    blob = vault.original_path(info.sha256)
    blob.chmod(0o644)
    blob.write_bytes(GOOD_JPEG[:-10] + b"\x00" * 10)
    with pytest.raises(PhotoError, match="altered or damaged"):
        vault.thumbnail(info.sha256)
    assert not thumb.exists()


def test_adding_the_photo_again_repairs_a_damaged_blob(vault: PhotoVault) -> None:
    info = vault.ingest_bytes(GOOD_JPEG, "x.jpg")
    blob = vault.original_path(info.sha256)
    blob.chmod(0o644)
    blob.write_bytes(b"garbage")
    vault.ingest_bytes(GOOD_JPEG, "x.jpg")
    assert vault.read_original(info.sha256) == GOOD_JPEG


def test_verified_bytes_are_kept_as_an_ingested_photo_is(vault: PhotoVault) -> None:
    # Headquarters' import: bytes a signed manifest vouches for, kept without decoding them again.
    sha = hashlib.sha256(GOOD_JPEG).hexdigest()
    assert vault.store_verified(sha, memoryview(GOOD_JPEG)) is True
    blob = vault.original_path(sha)
    assert vault.read_original(sha) == GOOD_JPEG
    if os.name != "nt":
        assert blob.stat().st_mode & 0o777 == 0o400  # evidence is read-only, and the owner's only
    assert vault.store_verified(sha, GOOD_JPEG) is False  # the same evidence: not rewritten
    blob.chmod(0o644)
    blob.write_bytes(b"garbage")
    assert vault.store_verified(sha, GOOD_JPEG) is True  # a damaged copy is repaired
    assert vault.read_original(sha) == GOOD_JPEG
    other = hashlib.sha256(b"other").hexdigest()
    with pytest.raises(PhotoError, match="not that photo"):
        vault.store_verified(other, GOOD_JPEG)
    assert not vault.has(other) and not [p for p in stored_files(vault) if p.name.startswith(".")]


def test_a_new_shard_is_durable_before_a_photo_counts_as_kept(vault: PhotoVault,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from kpmonitor import fileio

    synced: list[Path] = []
    real = fileio.fsync_dir
    monkeypatch.setattr(fileio, "fsync_dir", lambda path: (synced.append(Path(path)), real(path))[1])
    info = vault.ingest_bytes(GOOD_JPEG, "x.jpg")
    shard = vault.original_path(info.sha256).parent
    assert synced.index(vault.originals_dir) < synced.index(shard)  # the shard's entry, then the photo's


def test_a_missing_original_is_reported(vault: PhotoVault) -> None:
    sha = hashlib.sha256(b"never stored").hexdigest()
    assert not vault.has(sha)
    with pytest.raises(PhotoError, match="missing from the photo store"):
        vault.read_original(sha)


@pytest.mark.parametrize("bad", ["../../etc/passwd", "ABC", "g" * 64, "A" * 64, ""])
def test_a_fingerprint_that_is_not_a_sha256_cannot_name_a_path(vault: PhotoVault, bad: str) -> None:
    with pytest.raises(PhotoError, match="not a photo fingerprint"):
        vault.original_path(bad)
    with pytest.raises(PhotoError):
        vault.thumbnail(bad)


def test_temp_files_left_by_a_crash_are_swept_but_fresh_ones_are_kept(tmp_path: Path) -> None:
    originals = tmp_path / "originals"
    originals.mkdir()
    stale = originals / ".incoming-crash.part"
    fresh = originals / ".incoming-busy.part"
    stale.write_bytes(b"half a photo")
    fresh.write_bytes(b"being written")
    old = time.time() - 7200
    os.utime(stale, (old, old))

    PhotoVault(originals, tmp_path / "thumbs")

    assert not stale.exists()
    assert fresh.exists()


def test_report_copy_is_small_upright_and_carries_no_exif(vault: PhotoVault) -> None:
    data = make_evidence_jpeg(
        seed=9,
        title="Parcel 2",
        lines=["20.00 ct"],
        size=(2400, 1800),
        taken_at=datetime(2024, 3, 5, 9, 0, tzinfo=CAT),
        gps=(-20.1, 32.3),
        orientation=8,
    )
    info = vault.ingest_bytes(data, "IMG.JPG")

    copy = vault.scaled_jpeg(info.sha256, max_side=1600, quality=80)

    with Image.open(io.BytesIO(copy)) as im:
        assert im.format == "JPEG"
        assert im.size == (1600, 1200)
        assert dict(im.getexif()) == {}
    assert vault.scaled_jpeg(info.sha256, max_side=1600, quality=80) == copy  # cached
    assert vault.read_original(info.sha256) == data  # the evidence is untouched


# --- finding files on a memory card -------------------------------------------------------


def test_a_memory_card_folder_expands_to_its_photos_in_order(tmp_path: Path) -> None:
    card = tmp_path / "SDCARD"
    files = [
        "DCIM/100CANON/IMG_0002.jpeg",
        "DCIM/100CANON/IMG_0001.JPG",
        "DCIM/100CANON/IMG_0003.MOV",
        "DCIM/100CANON/IMG_0001.THM",
        "DCIM/100CANON/._IMG_0001.JPG",
        "DCIM/101APPLE/IMG_4242.HEIC",
        "DCIM/101APPLE/IMG_4243.heif",
        "DCIM/101APPLE/scan.Png",
        "DCIM/.thumbnails/IMG_0001.jpg",
        ".Trashes/501/IMG_0099.JPG",
        "MISC/notes.txt",
    ]
    for name in files:
        p = card / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"x")
    extra = tmp_path / "WhatsApp Image.jpeg"
    extra.write_bytes(b"x")

    found = iter_image_files([card, extra, card / "DCIM/100CANON/IMG_0001.JPG"])

    assert found == [
        card / "DCIM/100CANON/IMG_0001.JPG",
        card / "DCIM/100CANON/IMG_0002.jpeg",
        card / "DCIM/101APPLE/IMG_4242.HEIC",
        card / "DCIM/101APPLE/IMG_4243.heif",
        card / "DCIM/101APPLE/scan.Png",
        extra,
    ]


def test_a_named_file_is_kept_even_if_it_is_not_an_image_so_it_gets_a_sentence(tmp_path: Path) -> None:
    doc = tmp_path / "certificate.pdf"
    doc.write_bytes(b"%PDF-1.7")
    assert iter_image_files([doc, tmp_path / "missing.jpg"]) == [doc, tmp_path / "missing.jpg"]


# --- demo photos ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_demo_photos_are_deterministic_and_carry_real_exif(vault: PhotoVault, kind: str) -> None:
    def demo(seed: int) -> bytes:
        return make_evidence_jpeg(
            seed=seed,
            title="ZW 2024/00123",
            lines=["HS 7102.31", "152.40 ct"],
            kind=kind,
            size=(800, 600),
            taken_at=datetime(2024, 3, 5, 10, 11, 12, tzinfo=CAT),
            gps=(-20.123, 32.456),
            orientation=6,
        )

    data = demo(11)
    assert demo(11) == data
    assert demo(12) != data

    info = vault.examine(data, "demo.jpg")
    assert (info.width, info.height, info.orientation) == (800, 600, 6)
    assert info.taken_at == "2024-03-05T10:11:12+02:00"
    assert info.gps_lat == pytest.approx(-20.123)
    assert info.gps_lon == pytest.approx(32.456)
    assert info.camera == "KP Demo Camera"


def test_demo_photo_kind_must_be_known() -> None:
    with pytest.raises(ValueError, match="unknown photo kind"):
        make_evidence_jpeg(seed=1, title="x", lines=[], kind="selfie")
