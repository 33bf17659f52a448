#!/usr/bin/env python3
"""Re-vendor the browser libraries of the offline verifier page (kp-verify.html, docs/verifier.md).

The page is built by Python (kpmonitor.trust.verifier_page) from files kept in the repository under
kpmonitor/resources/verifier/vendor/: no Node, no network and no CDN when a page is built or opened. This
script is how those files got there, and how to update them, by hand, when a package has a release worth
taking:

    python scripts/vendor_verifier.py            # install the pinned versions, copy, rewrite README.md
    python scripts/vendor_verifier.py --check    # only compare what npm gives with what is vendored

It needs npm (Node 20 or later) and the registry, and works in a scratch directory outside the repository.
Bump a version below, run it, read the diff of vendor/README.md, run tests/browser, commit. It is never run
by a build or by CI.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENDOR = REPO / "kpmonitor" / "resources" / "verifier" / "vendor"

# The pinned versions: the page's behaviour is tested against exactly these.
ZXING_WASM = "3.1.6"
PAKO = "3.0.3"
CBORG = "6.1.5"
ESBUILD = "0.28.2"  # a build tool only: it bundles cborg's ES modules into one classic script


@dataclass(frozen=True)
class Vendored:
    package: str
    version: str
    licence: str
    source: str  # path inside node_modules, or "(bundle)" for what esbuild makes
    file: str  # name under vendor/
    why: str


FILES = [
    Vendored("zxing-wasm", ZXING_WASM, "MIT", "zxing-wasm/dist/iife/reader/index.js", "zxing-wasm-reader.js",
             "QR reader for photos and camera frames: ZXing-C++ (the decoder `kpmonitor verify` uses) in "
             "WebAssembly; the reader-only build, as a classic script"),
    Vendored("zxing-wasm", ZXING_WASM, "MIT; ZXing-C++ inside is Apache-2.0",
             "zxing-wasm/dist/reader/zxing_reader.wasm", "zxing_reader.wasm",
             "the WebAssembly module of the reader, inlined as base64 and handed over as `wasmBinary` (never "
             "fetched)"),
    Vendored("pako", PAKO, "MIT AND Zlib", "pako/dist/browser/pako_inflate.umd.min.js", "pako_inflate.min.js",
             "zlib inflate with a preset dictionary (the seal's FDICT), bounded through its streaming API"),
    Vendored("cborg", CBORG, "Apache-2.0", "(bundle)", "cborg.js",
             "CBOR: the decoder (tags kept, as lenient as Python's cbor2, so both refuse the same seals with the "
             "same sentence) and the deterministic encoder that rebuilds a seal's one byte form and its "
             "Sig_structure"),
]

LICENCES = {
    "LICENSE-zxing-wasm.txt": "zxing-wasm/LICENSE",
    "LICENSE-pako.txt": "pako/LICENSE",
    "LICENSE-cborg.txt": "cborg/LICENSE",
}
# ZXing-C++ is compiled into zxing_reader.wasm; its npm package does not carry its licence, so the Apache-2.0
# text is kept in the repository (LICENSE-zxing-cpp.txt) and not rewritten here.

# What esbuild bundles: the three things the page uses from cborg, exposed as the global `cborg`.
CBORG_ENTRY = "export { decodeFirst, encode, Tagged } from 'cborg'\n"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(cmd: list[str], cwd: Path) -> None:
    print("$", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=cwd, check=True)


def fetch(scratch: Path) -> Path:
    """Install the pinned packages into ``scratch`` and build the cborg bundle; returns the output folder."""
    (scratch / "package.json").write_text(json.dumps({"name": "kp-verify-vendor", "private": True}), "utf-8")
    # --ignore-scripts: nothing from the registry runs here (esbuild's binary comes as an optional package).
    run(["npm", "install", "--no-audit", "--no-fund", "--ignore-scripts", "--save-exact",
         f"zxing-wasm@{ZXING_WASM}", f"pako@{PAKO}", f"cborg@{CBORG}", f"esbuild@{ESBUILD}"], scratch)
    modules = scratch / "node_modules"
    out = scratch / "out"
    out.mkdir()
    (scratch / "cborg-entry.js").write_text(CBORG_ENTRY, "utf-8")
    banner = f"/* cborg {CBORG} (Apache-2.0), https://github.com/rvagg/cborg, bundled by esbuild {ESBUILD} */"
    run([str(modules / ".bin" / "esbuild"), "cborg-entry.js", "--bundle", "--format=iife", "--global-name=cborg",
         "--target=es2020", "--legal-comments=inline", f"--banner:js={banner}", f"--outfile={out / 'cborg.js'}"],
        scratch)
    for item in FILES:
        if item.source != "(bundle)":
            shutil.copyfile(modules / item.source, out / item.file)
    for name, source in LICENCES.items():
        shutil.copyfile(modules / source, out / name)
    return out


def readme(folder: Path) -> str:
    rows = []
    for item in FILES:
        path = folder / item.file
        rows.append(f"| {item.package} | {item.version} | {item.licence} | `{item.file}` | {path.stat().st_size:,} "
                    f"| `{sha256(path)}` | {item.why} |")
    table = "\n".join(rows)
    return f"""# Vendored browser libraries of kp-verify.html

Built files from npm packages, copied here by `scripts/vendor_verifier.py` (never at build time, never from a
CDN). `kpmonitor.trust.verifier_page` inlines them into the page; the tests check each file against the
SHA-256 below. See docs/verifier.md.

| package | version | licence | file | bytes | sha256 | why |
|---|---|---|---|---|---|---|
{table}

Licences: `LICENSE-zxing-wasm.txt`, `LICENSE-pako.txt`, `LICENSE-cborg.txt` (from each package), and
`LICENSE-zxing-cpp.txt` (Apache-2.0: ZXing-C++ is compiled into `zxing_reader.wasm`). The page carries the
same notices in its "About this page" section.
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with what is vendored; change nothing")
    args = parser.parse_args()
    if shutil.which("npm") is None:
        print("npm is needed (Node 20 or later).", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="kp-verify-vendor-") as tmp:
        out = fetch(Path(tmp))
        names = [item.file for item in FILES] + list(LICENCES)
        if args.check:
            differ = [n for n in names if not (VENDOR / n).exists() or sha256(VENDOR / n) != sha256(out / n)]
            for name in differ:
                print(f"differs: {name}")
            return 1 if differ else 0
        VENDOR.mkdir(parents=True, exist_ok=True)
        for name in names:
            shutil.copyfile(out / name, VENDOR / name)
        (VENDOR / "README.md").write_text(readme(VENDOR), "utf-8")
    print(f"Vendored into {VENDOR.relative_to(REPO)}; review the diff, then run tests/browser.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
