"""Packaging: the desktop files validate, a wheel carries its resources, the frozen build works.

The fast tests check the files under packaging/ and kpmonitor/resources/icons/. The slow ones build as a
release would, from a copy of this checkout in fresh venvs: a wheel installed into its own venv,
and the Linux one-folder bundle (packaging/linux/build.sh), whose frozen program must pass its
own --self-test, open a HEIC photo and start its desktop window.
"""

from __future__ import annotations

import configparser
import os
import plistlib
import re
import runpy
import select
import shutil
import subprocess
import sys
import tarfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kpmonitor import APP_ID, __version__
from kpmonitor.paths import Paths

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / f"{APP_ID}.mime.xml"
ICONS = ROOT / "kpmonitor" / "resources" / "icons" / "hicolor"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
EXAMPLE = ROOT / "docs" / "examples" / "inspection.json"

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="builds the Linux bundle")


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package {package}; CI installs it)")
    return path


# --- the Linux desktop files -----------------------------------------------------------------


def test_desktop_file_is_valid() -> None:
    result = subprocess.run([_tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)],
                            capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_desktop_file_opens_bundles_and_names_the_application() -> None:
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Icon"] == APP_ID
    assert section["Exec"].split() == ["kpmonitor", "gui", "%F"]
    assert section["MimeType"].split(";")[:2] == ["application/x-kpbundle", "application/pdf"]


def test_metainfo_is_valid() -> None:
    result = subprocess.run([_tool("appstreamcli", "appstream"), "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_names_this_id_and_version() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    newest = component.find("releases/release")
    assert newest is not None and newest.get("version") == __version__, "add a <release> for this version"


def test_mime_type_matches_bundles(tmp_path: Path) -> None:
    tool = _tool("update-mime-database", "shared-mime-info")
    mime = tmp_path / "mime"
    (mime / "packages").mkdir(parents=True)
    shutil.copy(MIME, mime / "packages" / f"{APP_ID}.xml")
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    result = subprocess.run([tool, str(mime)], env=env, capture_output=True, text=True)
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr  # warnings go to stderr
    assert "application/x-kpbundle:*.kpbundle" in (mime / "globs2").read_text()


# --- icons -------------------------------------------------------------------------------------


def test_icon_comes_in_every_size() -> None:
    from PIL import Image

    assert (ICONS / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in PNG_SIZES:
        with Image.open(ICONS / f"{size}x{size}" / "apps" / f"{APP_ID}.png") as png:
            assert png.size == (size, size) and png.mode == "RGBA"
    with Image.open(PACKAGING / "windows" / "kpmonitor.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(PACKAGING / "macos" / "kpmonitor.icns") as icns:
        assert (512, 512, 2) in icns.info["sizes"]


def test_png_icons_are_the_svg_rendered(tmp_path: Path) -> None:
    """The committed PNGs match the SVG: packaging/render_icons.py was run after the last change."""
    from PIL import Image, ImageChops, ImageStat

    tool = _tool("rsvg-convert", "librsvg2-bin")
    svg = ICONS / "scalable" / "apps" / f"{APP_ID}.svg"
    fresh = tmp_path / "48.png"
    subprocess.run([tool, "--width", "48", "--height", "48", str(svg), "-o", str(fresh)], check=True)
    with Image.open(fresh) as a, Image.open(ICONS / "48x48" / "apps" / f"{APP_ID}.png") as b:
        difference = ImageStat.Stat(ImageChops.difference(a.convert("RGBA"), b.convert("RGBA"))).mean
    assert max(difference) < 2, "run packaging/render_icons.py and commit the icons"


# --- macOS and Windows (their builds run on those systems; here their inputs are checked) ------


def test_macos_info_plist_has_the_bundle_id_and_document_types() -> None:
    keys = runpy.run_path(str(PACKAGING / "macos" / "info_plist.py"))["info_plist"](APP_ID, __version__)
    plist = plistlib.loads(plistlib.dumps(keys))
    assert plist["CFBundleIdentifier"] == APP_ID
    assert plist["CFBundleShortVersionString"] == __version__
    assert plist["NSHighResolutionCapable"] is True and plist["LSMinimumSystemVersion"]
    exported = plist["UTExportedTypeDeclarations"][0]
    assert exported["UTTypeTagSpecification"]["public.filename-extension"] == ["kpbundle"]
    ranks = {t["LSItemContentTypes"][0]: t["LSHandlerRank"] for t in plist["CFBundleDocumentTypes"]}
    assert ranks == {exported["UTTypeIdentifier"]: "Owner", "com.adobe.pdf": "Alternate"}


def test_installer_and_spec_take_version_and_id_from_the_package() -> None:
    for path in (PACKAGING / "windows" / "kpmonitor.iss", PACKAGING / "pyinstaller" / "kpmonitor.spec"):
        text = path.read_text(encoding="utf-8")
        assert APP_ID not in text and f'"{__version__}"' not in text, f"{path.name} hard-codes the id or version"
    iss = (PACKAGING / "windows" / "kpmonitor.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in iss and r"Software\Classes\.kpbundle" in iss


# --- install.sh, with a stand-in for the frozen program ---------------------------------------


def _unpacked_release(folder: Path) -> Path:
    """The layout build.sh packs, with a two-line script in place of the frozen program."""
    program = folder / "kpmonitor" / "kpmonitor"
    program.parent.mkdir(parents=True)
    program.write_text(f"#!/bin/sh\necho 'kpmonitor, version {__version__}'\n")
    program.chmod(0o755)
    share = folder / "share"
    for sub, source in (("applications", DESKTOP), ("metainfo", METAINFO)):
        (share / sub).mkdir(parents=True)
        shutil.copy(source, share / sub)
    (share / "mime" / "packages").mkdir(parents=True)
    shutil.copy(MIME, share / "mime" / "packages" / f"{APP_ID}.xml")
    shutil.copytree(ICONS, share / "icons" / "hicolor")
    shutil.copy(LINUX / "install.sh", folder / "install.sh")
    return folder / "install.sh"


def test_install_sh_installs_for_the_user_and_uninstalls(tmp_path: Path) -> None:
    install = _unpacked_release(tmp_path / "release dir")
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share"),
           "XDG_CONFIG_HOME": str(home / ".config")}
    env.pop("PREFIX", None)
    result = subprocess.run(["sh", str(install)], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"version {__version__}" in result.stdout

    local = home / ".local"
    program = local / "lib" / "kpmonitor" / "kpmonitor"
    assert (local / "bin" / "kpmonitor").resolve() == program.resolve()
    desktop = local / "share" / "applications" / f"{APP_ID}.desktop"
    assert f'Exec="{program}" gui %F' in desktop.read_text()
    assert (local / "share" / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").is_file()
    assert (local / "share" / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout

    result = subprocess.run(["sh", str(program.parent / "install.sh"), "--uninstall"], env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not program.exists() and not desktop.exists() and not (local / "bin" / "kpmonitor").exists()
    assert not list((local / "share" / "icons").rglob(f"{APP_ID}.*"))


# --- slow: real builds from a copy of the checkout -------------------------------------------

_NO_INDEX = re.compile(r"No matching distribution|Could not find a version|NewConnectionError|"
                       r"Temporary failure in name resolution|Network is unreachable|ProxyError")


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of this checkout's files as git sees them (nothing it ignores): builds write there, not here."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True)
    if listed.returncode != 0:
        (pytest.fail if os.environ.get("CI") else pytest.skip)(f"git cannot list the checkout: {listed.stderr!r}")
    copy = tmp_path_factory.mktemp("checkout") / "kpmonitor"
    for name in filter(None, listed.stdout.decode().split("\0")):
        source, target = ROOT / name, copy / name
        if source.is_file():  # listed files deleted in the work tree are left out
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target, follow_symlinks=False)
    return copy


def _no_index(output: str) -> None:
    """Skip (not fail) when the package index cannot be reached, except in CI, which must reach it."""
    if _NO_INDEX.search(output) and not os.environ.get("CI"):
        pytest.skip("the package index is not reachable: " + output.strip().splitlines()[-1])


# What setuptools says of a package whose data it does not understand, or of an editable install it had to
# improvise: screens of it greeted a newcomer's first ./run.
_SETUPTOOLS_NOISE = re.compile(r"BuildBackendWarning|SetuptoolsDeprecationWarning|is deprecated|as data|"
                               r"Editable install will be performed")


def _assert_quiet(output: str) -> None:
    noise = [line for line in output.splitlines() if _SETUPTOOLS_NOISE.search(line)]
    assert noise == [], "\n".join(noise)


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_the_quick_starts_editable_install_says_nothing(checkout: Path, tmp_path: Path) -> None:
    # ./run and ./test install kpmonitor editable, quietly: nothing should be printed but what a person needs.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    result = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "-e", str(checkout)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        _no_index(result.stdout + result.stderr)
    assert result.returncode == 0, result.stdout + result.stderr
    _assert_quiet(result.stdout + result.stderr)


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_installed_wheel_finds_its_resources(checkout: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    result = subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(checkout)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        _no_index(result.stdout + result.stderr)
    assert result.returncode == 0, result.stdout + result.stderr
    _assert_quiet(result.stdout + result.stderr)

    show = "from kpmonitor.domain.reference import resources_dir; print(resources_dir())"
    where = subprocess.run([str(python), "-c", show], cwd=tmp_path, capture_output=True, text=True,
                           check=True).stdout.strip()
    assert Path(where).is_relative_to(venv.resolve()) and Path(where).name == "resources"
    assert (Path(where) / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    program = python.parent / ("kpmonitor.exe" if sys.platform == "win32" else "kpmonitor")
    self_test = subprocess.run([str(program), "--self-test"], cwd=tmp_path, capture_output=True, text=True)
    assert self_test.returncode == 0, self_test.stdout + self_test.stderr


@contextmanager
def _x_server() -> Iterator[str | None]:
    """A virtual X display (Xvfb), so the bundle's xcb platform plugin is loaded too; None without Xvfb."""
    if shutil.which("Xvfb") is None:
        yield None
        return
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        ready, _, _ = select.select([read], [], [], 20)
        number = os.read(read, 32).decode().strip() if ready else ""
        yield f":{number}" if number else None
    finally:
        os.close(read)
        server.terminate()
        server.wait(timeout=20)


def _desktop_app_starts(program: Path, home: Path, env: dict[str, str]) -> None:
    """Start the frozen desktop app on a demo home; it must come up and stay up without an error."""
    log_file = Paths.for_home(home).log_file
    app = subprocess.Popen([str(program), "--home", str(home), "gui", "--demo"], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and app.poll() is None:
            if log_file.is_file() and "filled the demo home" in log_file.read_text(errors="replace"):
                break
            time.sleep(0.5)
        time.sleep(2)  # the main window opens after the demo is filled
        running = app.poll() is None
    finally:
        app.terminate()
        output, _ = app.communicate(timeout=20)
    log = log_file.read_text(errors="replace") if log_file.is_file() else ""
    platform = env.get("QT_QPA_PLATFORM")
    assert running, f"the desktop app ({platform}) exited with {app.returncode}:\n{output}\n{log}"
    assert f"kpmonitor {__version__} started" in log, output + log
    assert " ERROR " not in log and "Traceback" not in output, output + log


@pytest.mark.slow
@pytest.mark.timeout(1200)
@linux_only
def test_frozen_linux_bundle_passes_its_self_test(checkout: Path, tmp_path: Path) -> None:
    started = time.monotonic()
    build = subprocess.run(["bash", str(checkout / "packaging" / "linux" / "build.sh"), "--fast", str(tmp_path)],
                           capture_output=True, text=True)
    took = time.monotonic() - started
    if build.returncode == 3:
        _no_index(build.stderr)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-5000:]
    print(f"\nbuild.sh took {took:.0f} s\n" + "\n".join(build.stdout.splitlines()[-3:]))

    (archive,) = tmp_path.glob("kpmonitor-*-linux-*.tar.gz")
    assert f"kpmonitor-{__version__}-linux-" in archive.name
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "unpacked", filter="tar")
    (release,) = (tmp_path / "unpacked").iterdir()
    program = release / "kpmonitor" / "kpmonitor"
    assert (release / "kpmonitor" / "_internal" / "kpmonitor" / "resources" / "icons" / "hicolor" / "scalable" / "apps"
            / f"{APP_ID}.svg").is_file()
    assert (release / "share" / "applications" / f"{APP_ID}.desktop").is_file()

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("KPMONITOR_HOME", None)
    version = subprocess.run([str(program), "--version"], env=env, capture_output=True, text=True, check=True)
    assert __version__ in version.stdout
    self_test = subprocess.run([str(program), "--self-test"], env=env, capture_output=True, text=True,
                               cwd=tmp_path)
    assert self_test.returncode == 0, self_test.stdout + self_test.stderr

    # A phone's HEIC photo: the HEIF decoder and its libraries made it into the bundle.
    heic = _heic_photo(tmp_path / "IMG_0001.HEIC")
    if heic is not None:
        home = tmp_path / "field"
        for args in (["init", "--role", "field", "--name", "Frozen Monitor"], ["new", "--from-json", str(EXAMPLE)]):
            step = subprocess.run([str(program), "--home", str(home), *args], env=env, capture_output=True,
                                  text=True)
            assert step.returncode == 0, step.stdout + step.stderr
        inspection = step.stdout.split()[-1]
        added = subprocess.run([str(program), "--home", str(home), "photo", "add", inspection, str(heic)],
                               env=env, capture_output=True, text=True)
        assert added.returncode == 0, added.stdout + added.stderr

    _desktop_app_starts(program, tmp_path / "gui-offscreen", env)
    with _x_server() as display:
        if display is not None:
            _desktop_app_starts(program, tmp_path / "gui-x11", {**env, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display})


def _heic_photo(path: Path) -> Path | None:
    """A small HEIC file, if this venv's pillow-heif can encode one (its wheels usually can)."""
    try:
        import pillow_heif
        from PIL import Image

        if not pillow_heif.libheif_info().get("HEIF"):
            return None
        pillow_heif.register_heif_opener()
        Image.new("RGB", (64, 48), (180, 40, 40)).save(path, format="HEIF", quality=80)
    except (ImportError, OSError, ValueError):
        return None
    return path
