"""GUI fixtures: offscreen Qt, a fresh home per test, a main window the size of a laptop screen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("KPMONITOR_HOME", None)

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kpmonitor.demo.images import make_evidence_jpeg
from kpmonitor.domain.inspection import (
    Certificate,
    CertificateLine,
    Inspection,
    Parcel,
    Party,
    Production,
    Seal,
    Shipment,
    Validation,
    Verdict,
)
from kpmonitor.gui.common.workers import pool
from kpmonitor.gui.main_window import MainWindow
from kpmonitor.paths import Paths
from kpmonitor.workspace import Workspace, init_home

SCREEN = (1366, 768)


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog nobody answers would hang the run: any that a test did not expect fails it instead."""
    from kpmonitor.gui.common import dialogs

    def unexpected(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"unexpected dialog: {args[1:]}")

    monkeypatch.setattr(dialogs, "confirm", unexpected)
    monkeypatch.setattr(dialogs, "show_error", unexpected)
    monkeypatch.setattr(dialogs, "show_info", unexpected)


@pytest.fixture
def home(tmp_path: Path) -> Paths:
    paths = Paths.for_home(tmp_path / "home")
    init_home(paths, "field", "Jane Monitor")
    return paths


@pytest.fixture
def workspace(home: Paths) -> Iterator[Workspace]:
    with Workspace(home) as ws:
        yield ws
        pool().waitForDone(10_000)  # no worker may outlive the vault it writes to


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[Callable[[Workspace], MainWindow]]:
    """Open main windows on a workspace; each is closed (state saved) at the end."""
    windows: list[MainWindow] = []

    def make(ws: Workspace) -> MainWindow:
        window = MainWindow(ws)
        qtbot.addWidget(window)
        window.resize(*SCREEN)
        window.show()
        qtbot.waitExposed(window)
        # Shortcuts go to the active window only.
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
    pool().waitForDone(10_000)


@pytest.fixture
def window(workspace: Workspace, make_window: Callable[[Workspace], MainWindow]) -> MainWindow:
    return make_window(workspace)


def clean_inspection(number: str = "ZW 004217", seal_prefix: str = "ZW-S-") -> Inspection:
    """A complete inspection with no problem at all (today's dates)."""
    today = date.today()
    parcels = [Parcel(number=str(i), hs_code="7102.31", declared_carats=60025, weighed_carats=60025,
                      declared_value_usd=1800750) for i in (1, 2)]
    return Inspection(
        certificate=Certificate(number=number, issuing_authority="Ministry of Mines and Mining Development",
                                issued_on=today - timedelta(days=2), expires_on=today + timedelta(days=58),
                                exporter=Party("Mbada Diamonds (Pvt) Ltd", "Harare, Zimbabwe"),
                                importer=Party("Antwerp Rough Trading NV", "Antwerp, Belgium"),
                                origin="ZW", provenance="ZW", destination="BE", hs_codes=["7102.31"],
                                carats=120050, value_usd=3601500, parcel_count=2,
                                lines=[CertificateLine("7102.31", 120050, 3601500)]),
        validation=Validation(authority="Ministry of Mines and Mining Development", officer="T. Moyo",
                              number="MMMD-V-2026-0412", at=f"{today.isoformat()}T11:40:00+02:00"),
        shipment=Shipment(container="MMCZ-BOX-0417", carrier="Emirates SkyCargo", airway_bill="176-12345675"),
        production=Production(operator="Zimbabwe Consolidated Diamond Company (Pvt) Ltd"),
        site="Mbada sort house, Marange", inspected_at=f"{today.isoformat()}T09:30:00+02:00",
        parcels=parcels,
        seals=[Seal(number=f"{seal_prefix}000981", parcel="1", applied_by="MMCZ officer", witness="ZIMRA officer"),
               Seal(number=f"{seal_prefix}C017", type="bolt", iso_class="H", applied_by="MMCZ officer",
                    witness="ZIMRA officer")],
        verdict=Verdict.CERTIFIED)


def write_photos(folder: Path, count: int, *, start: int = 0) -> list[Path]:
    """Camera-like JPEG files (EXIF time and GPS) in a DCIM-like folder, taken today (as the inspection is) at
    Marange."""
    from datetime import datetime, time

    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(start, start + count):
        data = make_evidence_jpeg(seed=i, title=f"Parcel {i + 1}", lines=["600.25 ct"], size=(640, 480),
                                  taken_at=datetime.combine(date.today(), time(9, 30 + i)), gps=(-19.95, 32.33))
        path = folder / f"IMG_{1000 + i}.JPG"
        path.write_bytes(data)
        files.append(path)
    return files


@pytest.fixture
def clean() -> Callable[..., Inspection]:
    return clean_inspection


@pytest.fixture
def photo_files() -> Callable[..., list[Path]]:
    return write_photos


# --- a home that signs: headquarters issued its certificate -------------------------------------

SIGNING_PASSPHRASE = "correct horse battery"


@dataclass(frozen=True)
class SigningWorld:
    """Headquarters and a monitor whose certificate it issued, made once; each test copies the monitor's home."""

    field: Path
    hq: Path
    root: Path  # headquarters' published root certificate
    crl: Path   # and revocation list


@pytest.fixture(scope="session")
def signing_world(tmp_path_factory: pytest.TempPathFactory) -> SigningWorld:
    from kpmonitor.trust import identity
    from kpmonitor.trust.keys import Keyring

    base = tmp_path_factory.mktemp("signing-world")
    field, hq = Paths.for_home(base / "field"), Paths.for_home(base / "hq")
    # A cheap key derivation: the key files take the same path, without the second of Argon2 per test.
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(identity, "default_kdf", lambda: identity.Argon2idParams(memory_kib=1024, iterations=1, lanes=1))
        init_home(hq, "hq", "KP Monitoring HQ", SIGNING_PASSPHRASE)
        info = init_home(field, "field", "Jane Monitor", SIGNING_PASSPHRASE)
    csr = Keyring(field).request(SIGNING_PASSPHRASE, info.name, info.device_id)
    Keyring(field).install(Keyring(hq).issue(identity.pem(csr), SIGNING_PASSPHRASE))
    root, crl, listed = Keyring(hq).publish(base / "pub", SIGNING_PASSPHRASE)[:3]
    Keyring(field).install_trust_list(listed.read_bytes())  # as a device gets it with its certificate
    return SigningWorld(field=field.data, hq=hq.data, root=root, crl=crl)


@pytest.fixture
def signing_home(signing_world: SigningWorld, tmp_path: Path) -> Paths:
    """A monitor's home with an issued certificate (passphrase ``SIGNING_PASSPHRASE``), fresh for the test."""
    import shutil

    shutil.copytree(signing_world.field, tmp_path / "signing-home")
    return Paths.for_home(tmp_path / "signing-home")


@pytest.fixture
def signing_workspace(signing_home: Paths) -> Iterator[Workspace]:
    with Workspace(signing_home) as ws:
        yield ws
        pool().waitForDone(10_000)


@dataclass(frozen=True)
class SignedTemplate:
    """A monitor's home holding one signed inspection, and that report exported: made once, copied per test."""

    home: Path
    inspection_id: str
    report_id: str
    pdf: Path
    bundle: Path | None  # None in a build without bundles


@pytest.fixture(scope="session")
def signed_template(signing_world: SigningWorld, tmp_path_factory: pytest.TempPathFactory) -> SignedTemplate:
    import shutil

    from kpmonitor.bundle.export import export_pdf
    from kpmonitor.report.sign import sign_inspection

    base = tmp_path_factory.mktemp("signed")
    shutil.copytree(signing_world.field, base / "home")
    with Workspace(Paths.for_home(base / "home")) as ws:
        inspection_id = ws.store.create_inspection(clean_inspection())
        report = sign_inspection(ws, inspection_id, SIGNING_PASSPHRASE)
        pdf = export_pdf(ws, report.report_id, base / "usb")
        try:
            from kpmonitor.bundle.export import export_bundle
        except ImportError:
            bundle = None
        else:
            bundle = export_bundle(ws, report.report_id, base / "usb")
    return SignedTemplate(home=base / "home", inspection_id=inspection_id, report_id=report.report_id, pdf=pdf,
                          bundle=bundle)


@pytest.fixture
def signed_home(signed_template: SignedTemplate, tmp_path: Path) -> Paths:
    import shutil

    shutil.copytree(signed_template.home, tmp_path / "signed-home")
    return Paths.for_home(tmp_path / "signed-home")
